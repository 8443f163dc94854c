/*
 * The buurtanalyse page (/buurtanalyse/): the page around the analysis, on top of the form the server
 * rendered from the checklists (handreiking/tools/buurtanalyse.py). The logic lives in DOM-free modules:
 * - the analysis as data, its file and the beleidsdiagnose choices: HandreikingStaat (buurtanalyse-staat.js);
 * - cleaning what comes from a file, the browser's storage or the address: HandreikingOpschonen;
 * - the address (the answers with the parameter names of the interventiewijzer plus fase,
 *   verschijningsvorm, onbekend, casus and gestopt; never the buurt name or notes): HandreikingAnalyseAdres;
 * - the advice: HandreikingAdvies (the rules of handreiking/tools/advies.py);
 * - saving at once on every change, several analyses side by side: HandreikingOpslag.
 * This script reads the form into the state and shows the state, the advice, the beleidsdiagnose and the
 * printed report. Files are JSON; nothing is ever sent anywhere.
 * Every id, label and parameter name comes from window.HANDREIKING or the page; none is written here.
 * A classic script (no ES module) so that it also runs from file://.
 */
(() => {
  "use strict";

  const data = window.HANDREIKING;
  const {HandreikingStaat: Staat, HandreikingOpschonen: Opschonen, HandreikingAnalyseAdres: Adres,
    HandreikingWijzerAdres: WijzerAdres, HandreikingAdvies: Advies, HandreikingOpslag: Opslag,
    HandreikingKeuzes: Keuzes, HandreikingPagina: Pagina} = window;
  const root = document.getElementById("ba-werkblad");
  const form = document.getElementById("ba-formulier");
  if (!data || !Staat || !Opschonen || !Adres || !WijzerAdres || !Advies || !Opslag || !Keuzes || !Pagina ||
      !root || !form) return;

  const config = data.buurtanalyse;
  const P = config.parameters;
  const element = Pagina.element;
  const basis = root.getAttribute("data-basis") || "";

  function all(scope, selector) { return Array.from(scope.querySelectorAll(selector)); }

  // Every element of the page this script uses by id, looked up once (ba-fase-melding is optional).
  const ui = {};
  Object.entries({
    buurt: "ba-buurt", datum: "ba-datum", gestopt: "ba-gestopt", melding: "ba-melding", status: "ba-status",
    werkruimte: "ba-werkruimte", casus: "ba-casus", casusSluit: "ba-casus-sluit", stappenKop: "ba-stappen-kop",
    faseMelding: "ba-fase-melding", escalatie: "advies-escalatie", escalatieFasen: "advies-escalatie-fasen",
    samenvatting: "advies-samenvatting", wijzer: "advies-wijzer", richtingen: "advies-richtingen",
    voorbeelden: "advies-voorbeelden", voorbeeldenAantal: "advies-voorbeelden-aantal", meer: "advies-meer",
    situatie: "ba-situatie", checklists: "advies-checklists", checklistsAantal: "advies-checklists-aantal",
    diagnoseRij: "diagnose-rij", diagnoseRijen: "diagnose-rijen", diagnoseLeeg: "diagnose-leeg",
    diagnoseBlok: "diagnose-tabel-blok", diagnoseTabel: "diagnose-tabel", verslag: "verslag-inhoud",
    beheer: "ba-beheer", afsluiten: "ba-afsluiten", bewaard: "ba-bewaard", bewaardBlok: "ba-bewaard-blok",
    opgeslagen: "ba-opgeslagen", open: "ba-open", verwijder: "ba-verwijder", nieuw: "ba-nieuw",
    exporteer: "ba-exporteer", importeer: "ba-importeer", bestand: "ba-bestand",
  }).forEach(([name, id]) => { ui[name] = document.getElementById(id); });

  // --- the data ---------------------------------------------------------------------------

  const labels = {};
  Object.keys(data.vocabulaires).forEach((naam) => {
    labels[naam] = new Map(data.vocabulaires[naam].termen.map((term) => [term.id, term.label]));
  });
  function label(naam, id) { return labels[naam].get(id) || id; }
  function byKey(list, key) { return new Map(list.map((item) => [item[key], item])); }
  const richtingen = byKey(data.oplossingsrichtingen, "id");
  const voorbeelden = byKey(data.praktijkvoorbeelden, "slug");
  const casussen = byKey(data.casussen, "slug");
  const checklistsBySlug = byKey(data.checklists, "slug");
  const regels = byKey(Advies.vuistregels(data), "id");
  const stappen = byKey(config.stappen, "nummer");

  // --- the form ---------------------------------------------------------------------------

  const boxes = all(form, "input[type=checkbox]");
  function boxesNamed(name) { return boxes.filter((box) => box.name === name); }
  const andersFields = all(form, "[data-anders]");
  const notitieFields = all(form, "[data-notitie]");
  // What a state may hold: the data, and what this form offers.
  const known = Opschonen.known(data, {
    punten: boxesNamed(config.punt).map((box) => box.value),
    anders: andersFields.map((field) => field.getAttribute("data-anders")),
    notities: notitieFields.map((field) => field.getAttribute("data-notitie")),
    kolommen: all(ui.diagnoseRij.content, "[data-veld]").map((field) => ({sleutel: field.getAttribute("data-veld"),
      opties: field.tagName === "SELECT" ? all(field, "option").map((option) => option.value) : null})),
  });
  const wijzerBase = ui.wijzer.getAttribute("href");

  let state = Staat.empty();
  let currentId = null;  // the id this analysis is kept under in the browser

  function sanitize(raw) { return Opschonen.sanitize(raw, known); }

  function checkedValues(name) {
    return boxesNamed(name).filter((box) => box.checked).map((box) => box.value);
  }

  function texts(fields, attribute) {
    const result = {};
    fields.forEach((field) => { if (field.value.trim()) result[field.getAttribute(attribute)] = field.value; });
    return result;
  }

  /* The form into the state; the parts outside the form stay as they are. */
  function collectForm() {
    state.buurt = ui.buurt.value;
    state.datum = ui.datum.value;
    state.situatie = ui.situatie.value;
    state.keuzes = {};
    config.vocabulaires.forEach((naam) => {
      const values = Staat.inOrder(checkedValues(naam), known.termen.get(naam));
      if (values.length) state.keuzes[naam] = values;
    });
    state.onbekend = Staat.inOrder(checkedValues(P.onbekend), known.stappen);
    state.punten = Staat.inOrder(checkedValues(config.punt), known.punten);
    state.anders = texts(andersFields, "data-anders");
    state.notities = texts(notitieFields, "data-notitie");
  }

  function applyState() {
    ui.buurt.value = state.buurt;
    ui.datum.value = state.datum;
    ui.situatie.value = state.situatie;
    boxes.forEach((box) => {
      const values = box.name === P.onbekend ? state.onbekend : box.name === config.punt ? state.punten
        : state.keuzes[box.name] || [];
      box.checked = values.includes(box.value);
    });
    andersFields.forEach((field) => { field.value = state.anders[field.getAttribute("data-anders")] || ""; });
    notitieFields.forEach((field) => { field.value = state.notities[field.getAttribute("data-notitie")] || ""; });
    ui.gestopt.checked = state.gestopt;
    showCasus();
  }

  /* The box of the option this box is a sub-item of, or null. */
  function parentBox(box) {
    const list = box.closest(".ba-opties--sub");
    return list ? list.parentElement.querySelector(":scope > input[type=checkbox]") : null;
  }

  /* One answer can stand in two steps (an actor that is also a doelgroep): all its boxes follow it.
     A sub-item (2.1: "Denken" > an item > a voorbeeld) implies the option above it; clearing an option
     clears its sub-items. */
  function follow(box) {
    const twins = config.vocabulaires.includes(box.name)
      ? boxesNamed(box.name).filter((other) => other.value === box.value) : [box];
    twins.forEach((twin) => {
      twin.checked = box.checked;
      if (!twin.checked && twin.hasAttribute("data-groep")) {
        all(twin.parentElement, ".ba-opties--sub input[type=checkbox]").forEach((item) => {
          if (!item.checked) return;
          item.checked = false;
          follow(item);
        });
      }
      const parent = parentBox(twin);
      if (twin.checked && parent && !parent.checked) {
        parent.checked = true;
        follow(parent);
      }
    });
  }

  // --- the advice -------------------------------------------------------------------------

  function joinAnd(parts) {
    if (parts.length < 2) return parts.join("");
    return parts.slice(0, -1).join(", ") + " en " + parts[parts.length - 1];
  }

  function quoted(naam, ids) {
    return joinAnd(ids.map((id) => "\u2018" + label(naam, id) + "\u2019"));
  }

  function capitalize(value) { return value.charAt(0).toUpperCase() + value.slice(1); }

  /* "u koos problematiek 'Overlast door kinderen en jongeren', op de locatie 'Publieke ruimte in de buurt'" */
  function reasons(suggestie) {
    const richting = richtingen.get(suggestie.id);
    const parts = [];
    if (suggestie.problematiek.length) {
      let answer = "u koos problematiek " + quoted("problematiek", suggestie.problematiek);
      if (suggestie.locaties.length) {
        const where = suggestie.locaties.length > 1 ? ", op de locaties " : ", op de locatie ";
        answer += where + quoted("locatie", suggestie.locaties);
      }
      parts.push(answer);
    }
    if (suggestie.onbekend.length) {
      parts.push("bij " + joinAnd(suggestie.onbekend.map((stap) => stappen.get(stap).titel)) +
        " koos u \u2018Weten we niet\u2019");
    }
    if (suggestie.punten.length) {
      const box = (punt) => form.querySelector(`input[name="${config.punt}"][value="${punt}"]`);
      parts.push("u vinkte aan: " + joinAnd(suggestie.punten.map((punt) => `\u2018${labelText(box(punt))}\u2019`)));
    }
    if (suggestie.altijd) parts.push(richting.wanneer.toelichting.replace(/\.$/, ""));
    return capitalize(parts.join("; ")) + ".";
  }

  /* "'moskee' (als 'gebedshuis') en 'petitie'": her words, and what they matched when that is another word. */
  function herWords(reden) {
    return joinAnd(reden.waarden.map((word, i) => "\u2018" + word + "\u2019" +
      (reden.treffers[i] && reden.treffers[i] !== word ? " (als \u2018" + reden.treffers[i] + "\u2019)" : "")));
  }

  function ruleNames(ids) {
    return joinAnd(ids.map((id) => "\u2018" + regels.get(id).kort + "\u2019"));
  }

  /* One clause per reason of a praktijkvoorbeeld, as the page says it. */
  function clause(reden) {
    const many = reden.waarden.length > 1;
    switch (reden.soort) {
      case "problematiek": return "het gaat in op uw problematiek " + quoted("problematiek", reden.waarden);
      case "oplossingsrichting":
        return "het hoort bij de voorgestelde oplossingsrichting" + (many ? "en " : " ") +
          quoted("oplossingsrichting", reden.waarden);
      case "locatie": return "het past bij de locatie " + quoted("locatie", reden.waarden);
      case "doelgroep": return "het richt zich op " + quoted("doelgroep", reden.waarden);
      case "woorden": return "het noemt uw woord" + (many ? "en " : " ") + herWords(reden);
      case "vuistregel": return "het volgt de vuistregel" + (many ? "s " : " ") + ruleNames(reden.waarden);
      default: return "al volgt het de vuistregel" + (many ? "s " : " ") + ruleNames(reden.waarden) + " niet";
    }
  }

  const REASONS_SHOWN = 3;  // the strongest reasons make the sentence; the report and the card say no more

  /* "Het gaat in op uw problematiek '...', het noemt uw woord 'moskee' (als 'gebedshuis') ...": strongest first. */
  function why(treffer) {
    const positive = treffer.redenen.filter((reden) => reden.gewicht > 0).slice(0, REASONS_SHOWN).map(clause);
    const negative = treffer.redenen.filter((reden) => reden.gewicht < 0).map(clause);
    return capitalize(joinAnd(positive) + (negative.length ? ", " + negative.join(", ") : "")) + ".";
  }

  function termLabel(id) {
    const naam = ["doelgroep", "locatie"].find((vocabulary) => labels[vocabulary].has(id));
    return naam ? "\u2018" + label(naam, id) + "\u2019" : id;
  }

  /* What puts a praktijkvoorbeeld at the back: "het is voor buurten met 'Statushouders', die uw analyse niet noemt". */
  function against(treffer) {
    return capitalize(joinAnd(treffer.tegen.map((tegen) => {
      if (tegen.soort === "voor_buurten_met") {
        return "het is voor buurten met " + joinAnd(tegen.waarden.map(termLabel)) + ", en die noemt uw analyse niet";
      }
      if (tegen.soort === "problematiek") {
        return "het gaat in op andere problematiek (" + quoted("problematiek", tegen.waarden) + ")";
      }
      return "het speelt op een andere plek (" + quoted("locatie", tegen.waarden) + ")";
    }))) + ".";
  }

  /* Why a checklist is proposed, in one sentence. */
  function checklistWhy(voorstel) {
    return capitalize(joinAnd(voorstel.redenen.map((reden) => {
      if (reden.soort === "problematiek") {
        return "de handreiking verbindt hem met uw problematiek " + quoted("problematiek", reden.waarden);
      }
      if (reden.soort === "oplossingsrichting") {
        return "hij hoort bij de voorgestelde oplossingsrichting " + quoted("oplossingsrichting", reden.waarden);
      }
      return "hij noemt uw woord" + (reden.waarden.length > 1 ? "en " : " ") + herWords(reden);
    }))) + ".";
  }

  /* The praktijkvoorbeelden of an oplossingsrichting, in site order; the hidden status only when asked. */
  function voorbeeldenVan(richtingId) {
    return data.praktijkvoorbeelden.filter((voorbeeld) => voorbeeld.oplossingsrichtingen.includes(richtingId) &&
      (state.gestopt || voorbeeld.status !== config.verborgen_status));
  }

  function chooser(list, id, name) {
    const boxId = `kies-${Staat.KINDS[list]}-${id}`;
    const wrapper = element("p", {"class": "ba-kies"});
    const box = element("input", {type: "checkbox", id: boxId});
    box.checked = state.gekozen[list].includes(id);
    box.addEventListener("change", () => {
      Staat.choose(state, list, id, box.checked);
      refresh(false);
    });
    const text = element("label", {"for": boxId}, "Neem op in de beleidsdiagnose");
    text.appendChild(element("span", {"class": "ba-verborgen"}, ": " + name));
    wrapper.appendChild(box);
    wrapper.appendChild(document.createTextNode(" "));
    wrapper.appendChild(text);
    return wrapper;
  }

  function richtingItem(suggestie) {
    const richting = richtingen.get(suggestie.id);
    const item = element("li", {"class": "ba-kaart ba-richting", "data-oplossingsrichting": suggestie.id});
    const heading = element("h4", {"class": "ba-kaart-titel"});
    heading.appendChild(element("a", {href: basis + richting.url}, richting.label));
    item.appendChild(heading);
    const why = element("p", {"class": "ba-waarom"});
    why.appendChild(element("strong", {}, "Waarom: "));
    why.appendChild(document.createTextNode(reasons(suggestie)));
    item.appendChild(why);
    const examples = voorbeeldenVan(suggestie.id);
    if (examples.length) {
      const list = element("p", {"class": "ba-richting-voorbeelden"});
      list.appendChild(element("strong", {}, "Praktijkvoorbeelden: "));
      examples.forEach((voorbeeld, i) => {
        if (i) list.appendChild(document.createTextNode(", "));
        list.appendChild(element("a", {href: basis + voorbeeld.url}, voorbeeld.titel));
      });
      item.appendChild(list);
    }
    item.appendChild(chooser("oplossingsrichtingen", suggestie.id, richting.label));
    return item;
  }

  /* One suggestion card; every praktijkvoorbeeld in the advice is made here. */
  function voorbeeldItem(treffer) {
    const voorbeeld = voorbeelden.get(treffer.slug);
    const item = element("li", {"class": "ba-kaart ba-voorbeeld", "data-slug": treffer.slug,
      "data-score": String(treffer.score), "data-voorgesteld": treffer.voorgesteld ? "ja" : "nee"});
    // Vergelijken: handreiking-vergelijk.js gives elements with these attributes a "Vergelijk" box.
    item.setAttribute("data-vergelijk-slug", treffer.slug);
    item.setAttribute("data-vergelijk-titel", voorbeeld.titel);
    const heading = element("h4", {"class": "ba-kaart-titel"});
    heading.appendChild(element("a", {href: basis + voorbeeld.url}, voorbeeld.titel));
    if (voorbeeld.status === config.verborgen_status) {
      const statusLabel = " (" + label("status", voorbeeld.status) + ")";
      heading.appendChild(element("span", {"class": "ba-status-label"}, statusLabel));
    }
    item.appendChild(heading);
    item.appendChild(element("p", {"class": "ba-samenvatting-voorbeeld"}, voorbeeld.samenvatting));
    const reason = element("p", {"class": "ba-waarom"});
    reason.appendChild(element("strong", {}, treffer.voorgesteld ? "Waarom voorgesteld: " : "Wat het deelt: "));
    reason.appendChild(document.createTextNode(why(treffer)));
    item.appendChild(reason);
    if (treffer.tegen.length) {
      const back = element("p", {"class": "ba-tegen"});
      back.appendChild(element("strong", {}, "Staat achteraan: "));
      back.appendChild(document.createTextNode(against(treffer)));
      item.appendChild(back);
    }
    item.appendChild(chooser("praktijkvoorbeelden", treffer.slug, voorbeeld.titel));
    return item;
  }

  function checklistItem(voorstel) {
    const checklist = checklistsBySlug.get(voorstel.slug);
    const item = element("li", {"class": "ba-kaart ba-checklist-voorstel", "data-checklist": voorstel.slug});
    const heading = element("h4", {"class": "ba-kaart-titel"});
    heading.appendChild(element("a", {href: basis + checklist.url}, checklist.titel));
    item.appendChild(heading);
    item.appendChild(element("p", {"class": "ba-samenvatting-voorbeeld"}, checklist.vraag));
    const reason = element("p", {"class": "ba-waarom"});
    reason.appendChild(element("strong", {}, "Waarom voorgesteld: "));
    reason.appendChild(document.createTextNode(checklistWhy(voorstel)));
    item.appendChild(reason);
    return item;
  }

  let advies = null;
  let adviceKey = null;

  function plural(count, one, more) { return count + " " + (count === 1 ? one : more); }

  function proposed() { return advies.praktijkvoorbeelden.filter((treffer) => treffer.voorgesteld); }

  /* The line above the praktijkvoorbeelden: how many are proposed, how many others share something. */
  function voorbeeldenLine(count, shown) {
    if (!count) {
      return "Nog geen praktijkvoorbeelden: kies hierboven locaties, problematiek of doelgroepen, of beschrijf " +
        "wat er speelt.";
    }
    const first = proposed().length;
    const others = count - first;
    const line = (first ? plural(first, "praktijkvoorbeeld", "praktijkvoorbeelden") + " voorgesteld"
      : "Geen praktijkvoorbeeld voorgesteld") +
      (others ? "; " + plural(others, "ander praktijkvoorbeeld deelt", "andere praktijkvoorbeelden delen") +
        " iets met uw analyse" : "");
    return line + (shown < count ? " (achter \u2018Toon alle\u2019)." : ".");
  }

  /* Computed and rebuilt only when the answers change: choosing an item for the beleidsdiagnose keeps the focus. */
  function renderAdvice() {
    const key = JSON.stringify(Staat.answers(state));
    if (key === adviceKey) return;
    adviceKey = key;
    advies = Advies.advise(data, Staat.answers(state));
    ui.escalatie.hidden = advies.buitenFocus.length === 0;
    if (ui.faseMelding) ui.faseMelding.hidden = advies.buitenFocus.length === 0;
    ui.escalatieFasen.textContent = joinAnd(advies.buitenFocus.map((id) => label("fase", id).toLowerCase()));
    const richtingCount = advies.oplossingsrichtingen.length;
    const voorbeeldCount = advies.praktijkvoorbeelden.length;
    const others = voorbeeldCount - proposed().length;
    ui.samenvatting.textContent = "Voorgesteld: " +
      plural(richtingCount, "oplossingsrichting", "oplossingsrichtingen") + ", " +
      plural(proposed().length, "praktijkvoorbeeld", "praktijkvoorbeelden") + " en " +
      plural(advies.checklists.length, "checklist", "checklists") + "." +
      (others ? " " + plural(others, "ander praktijkvoorbeeld deelt", "andere praktijkvoorbeelden delen") +
        " iets met uw analyse." : "") +
      (advies.buitenFocus.length ? " Let op: u koos een fase waarvoor deze handreiking niet bedoeld is." : "");
    ui.wijzer.href = wijzerBase + WijzerAdres.format({chosen: state.keuzes, q: ""}, data);
    const richtingList = ui.richtingen;
    richtingList.textContent = "";
    advies.oplossingsrichtingen.forEach((suggestie) => { richtingList.appendChild(richtingItem(suggestie)); });
    // The shortlist only (also keeps a click fast with thousands of examples); "Toon alle" adds the rest.
    const voorbeeldList = ui.voorbeelden;
    voorbeeldList.textContent = "";
    const first = proposed();
    first.forEach((treffer) => { voorbeeldList.appendChild(voorbeeldItem(treffer)); });
    ui.voorbeeldenAantal.textContent = voorbeeldenLine(voorbeeldCount, first.length);
    const more = ui.meer;
    more.hidden = voorbeeldCount <= first.length;
    more.textContent = "Toon alle " + voorbeeldCount + " praktijkvoorbeelden";
    ui.checklists.textContent = "";
    advies.checklists.forEach((voorstel) => { ui.checklists.appendChild(checklistItem(voorstel)); });
    ui.checklistsAantal.textContent = advies.checklists.length
      ? plural(advies.checklists.length, "checklist", "checklists") + " voorgesteld."
      : "Nog geen checklist voorgesteld.";
  }

  function showAll() {
    const list = ui.voorbeelden;
    const added = advies.praktijkvoorbeelden.slice(list.children.length)
      .map((treffer) => list.appendChild(voorbeeldItem(treffer)));
    ui.meer.hidden = true;
    const count = advies.praktijkvoorbeelden.length;
    ui.voorbeeldenAantal.textContent = voorbeeldenLine(count, count);
    // Keyboard and screen reader users continue at the first one that was added.
    if (added.length) added[0].querySelector("a").focus();
  }

  // --- the beleidsdiagnose ------------------------------------------------------------------

  const rows = new Map();

  /* The rows of the beleidsdiagnose, with the words they show: "Oplossingsrichting" and its label. */
  function chosenItems() {
    return Staat.chosenItems(state, advies).map((item) => ({key: item.key, soort: capitalize(item.soort),
      naam: item.soort === Staat.KINDS.oplossingsrichtingen ? richtingen.get(item.id).label
        : voorbeelden.get(item.id).titel}));
  }

  function createRow(item) {
    const row = ui.diagnoseRij.content.firstElementChild.cloneNode(true);
    const heading = row.querySelector("th");
    heading.id = "diagnose-" + item.key.replace(":", "-");
    heading.querySelector(".ba-soort").textContent = item.soort + ":";
    heading.querySelector(".ba-rijnaam").textContent = item.naam;
    all(row, "[data-veld]").forEach((field) => {
      const veld = field.getAttribute("data-veld");
      field.id = heading.id + "-" + veld;
      field.setAttribute("aria-labelledby", "diagnose-kop-" + veld + " " + heading.id);
      field.value = (state.beleidsdiagnose[item.key] || {})[veld] || "";
      field.addEventListener(field.tagName === "SELECT" ? "change" : "input", () => {
        Staat.setDiagnose(state, item.key, veld, field.value);
        renderReport();
        persist();
      });
    });
    return row;
  }

  function renderDiagnose() {
    const items = chosenItems();
    const body = ui.diagnoseRijen;
    const wanted = new Set(items.map((item) => item.key));
    rows.forEach((row, key) => {
      if (!wanted.has(key)) { row.remove(); rows.delete(key); }
    });
    items.forEach((item, i) => {
      let row = rows.get(item.key);
      if (!row) { row = createRow(item); rows.set(item.key, row); }
      if (body.children[i] !== row) body.insertBefore(row, body.children[i] || null);
    });
    ui.diagnoseLeeg.hidden = items.length > 0;
    ui.diagnoseBlok.hidden = items.length === 0;
  }

  // --- the report (#verslag, shown only on paper) ----------------------------------------------

  function labelText(box) {
    const text = form.querySelector("label[for=\"" + box.id + "\"]").cloneNode(true);
    all(text, ".ba-elders").forEach((note) => { note.remove(); });
    return text.textContent.trim();
  }

  function formatDate(iso) {
    const parts = iso.split("-").map(Number);
    return new Date(parts[0], parts[1] - 1, parts[2]).toLocaleDateString("nl-NL",
      {day: "numeric", month: "long", year: "numeric"});
  }

  function reportAnswers(box) {
    all(form, ".ba-stap").forEach((fieldset) => {
      const nummer = fieldset.getAttribute("data-stap");
      box.appendChild(element("h4", {}, stappen.get(nummer).titel));
      const lines = element("ul", {});
      all(fieldset, "input[type=checkbox]:checked").forEach((input) => {
        if (input.name === P.onbekend || input.hasAttribute("data-groep")) return;
        const group = input.closest(".ba-optie--groep");
        const prefix = group ? labelText(group.querySelector("input[data-groep]")) + ": " : "";
        lines.appendChild(element("li", {}, prefix + labelText(input)));
      });
      all(fieldset, "input[data-groep]:checked").forEach((input) => {
        const group = input.closest(".ba-optie--groep");
        if (!group.querySelector(".ba-opties--sub input:checked")) {
          lines.appendChild(element("li", {}, labelText(input)));
        }
      });
      all(fieldset, "[data-anders]").forEach((field) => {
        if (field.value.trim()) lines.appendChild(element("li", {}, "Anders: " + field.value.trim()));
      });
      if (state.onbekend.includes(nummer)) lines.appendChild(element("li", {}, "Weten we niet"));
      box.appendChild(lines.children.length ? lines : element("p", {}, "Niet ingevuld."));
      if (state.notities[nummer]) {
        const note = "Aantekeningen: " + state.notities[nummer].trim();
        box.appendChild(element("p", {"class": "ba-verslag-notitie"}, note));
      }
    });
  }

  function reportAdvice(box) {
    if (advies.buitenFocus.length) {
      const note = ui.escalatie.cloneNode(true);
      note.removeAttribute("id");
      note.hidden = false;
      all(note, "[id]").forEach((node) => { node.removeAttribute("id"); });
      box.appendChild(note);
    }
    box.appendChild(element("h4", {}, "Oplossingsrichtingen"));
    const list = element("ul", {});
    advies.oplossingsrichtingen.forEach((suggestie) => {
      const chosen = state.gekozen.oplossingsrichtingen.includes(suggestie.id);
      const line = element("li", {});
      line.appendChild(element("strong", {}, richtingen.get(suggestie.id).label + (chosen ? " (gekozen)" : "")));
      line.appendChild(document.createTextNode(". Waarom: " + reasons(suggestie)));
      list.appendChild(line);
    });
    box.appendChild(list);
    const chosen = advies.praktijkvoorbeelden
      .filter((treffer) => state.gekozen.praktijkvoorbeelden.includes(treffer.slug));
    const shown = chosen.length ? chosen : proposed();
    box.appendChild(element("h4", {}, chosen.length ? "Gekozen praktijkvoorbeelden"
      : "Voorgestelde praktijkvoorbeelden (nog geen gekozen)"));
    if (!shown.length) box.appendChild(element("p", {}, "Geen."));
    const examples = element("ul", {});
    shown.forEach((treffer) => {
      const line = element("li", {});
      line.appendChild(element("strong", {}, voorbeelden.get(treffer.slug).titel));
      line.appendChild(document.createTextNode(". Waarom: " + why(treffer)));
      examples.appendChild(line);
    });
    if (shown.length) box.appendChild(examples);
    box.appendChild(element("h4", {}, "Voorgestelde checklists"));
    if (!advies.checklists.length) box.appendChild(element("p", {}, "Geen."));
    const lists = element("ul", {});
    advies.checklists.forEach((voorstel) => {
      const line = element("li", {});
      line.appendChild(element("strong", {}, checklistsBySlug.get(voorstel.slug).titel));
      line.appendChild(document.createTextNode(". Waarom: " + checklistWhy(voorstel)));
      lists.appendChild(line);
    });
    if (advies.checklists.length) box.appendChild(lists);
  }

  function reportDiagnose(box) {
    const items = chosenItems();
    if (!items.length) {
      box.appendChild(element("p", {}, "Geen oplossingsrichtingen of praktijkvoorbeelden gekozen."));
      return;
    }
    const table = element("table", {"class": "ba-diagnosetabel"});
    const head = element("tr", {});
    all(ui.diagnoseTabel, "thead th").forEach((cell) => {
      head.appendChild(element("th", {scope: "col"}, cell.textContent));
    });
    table.appendChild(element("thead", {})).appendChild(head);
    const body = table.appendChild(element("tbody", {}));
    items.forEach((item) => {
      const row = body.appendChild(element("tr", {}));
      row.appendChild(element("th", {scope: "row"}, item.soort + ": " + item.naam));
      const values = state.beleidsdiagnose[item.key] || {};
      known.kolommen.forEach((kolom) => { row.appendChild(element("td", {}, values[kolom.sleutel] || "")); });
    });
    box.appendChild(table);
  }

  function renderReport() {
    const box = ui.verslag;
    box.textContent = "";
    const meta = element("dl", {"class": "ba-verslag-meta"});
    const casus = state.casus && casussen.get(state.casus);
    const rows = [["Buurt", state.buurt.trim() || "(geen naam)"],
      ["Datum", state.datum ? formatDate(state.datum) : "(geen datum)"]];
    if (casus) rows.push(["Oefencasus", "Casus " + casus.nummer + ": " + casus.titel]);
    if (state.situatie.trim()) rows.push(["Wat speelt er", state.situatie.trim()]);
    rows.forEach((pair) => {
      const entry = meta.appendChild(element("div", {}));
      entry.appendChild(element("dt", {}, pair[0]));
      entry.appendChild(element("dd", {}, pair[1]));
    });
    box.appendChild(meta);
    box.appendChild(element("h3", {}, "Antwoorden"));
    reportAnswers(box);
    box.appendChild(element("h3", {}, "Advies"));
    reportAdvice(box);
    box.appendChild(element("h3", {}, "Beleidsdiagnose"));
    reportDiagnose(box);
  }

  // --- the casus --------------------------------------------------------------------------

  function showCasus() {
    const aside = ui.casus;
    aside.hidden = !state.casus;
    ui.werkruimte.classList.toggle("ba-werkruimte--casus", !!state.casus);
    all(aside, "[data-casus]").forEach((section) => {
      section.hidden = section.getAttribute("data-casus") !== state.casus;
    });
  }

  // --- saving in the browser (on every change), files ------------------------------------------

  function status(message) { ui.status.textContent = message; }

  let storageFailed = false;

  function nameOf(analysis) { return analysis.buurt.trim() || "Analyse zonder buurtnaam"; }

  function timeOf(iso) {
    return iso ? new Date(iso).toLocaleString("nl-NL", {dateStyle: "short", timeStyle: "short"}) : "";
  }

  /* The kept analyses in the list; the one on the page is marked and selected. */
  function listSaved() {
    const entries = Opslag.list();
    const select = ui.bewaard;
    const previous = select.value;
    select.textContent = "";
    entries.forEach((entry) => {
      const analysis = sanitize(entry.analyse).state;
      // Short, so that a phone shows the whole option: "Noord (geopend), 29 nov. 14:05".
      const text = nameOf(analysis) + (entry.id === currentId ? " (geopend)" : "") +
        (entry.gewijzigd ? ", " + new Date(entry.gewijzigd).toLocaleString("nl-NL",
          {day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"}) : "");
      select.appendChild(element("option", {value: entry.id}, text));
    });
    const ids = entries.map((entry) => entry.id);
    select.value = ids.includes(previous) ? previous : ids.includes(currentId) ? currentId : ids[0] || "";
    ui.bewaardBlok.hidden = entries.length === 0;
  }

  /* After every change: this analysis into the browser's storage. An untouched empty form is not kept. */
  function persist() {
    if (Staat.isEmpty(state) && !Opslag.get(currentId)) return;
    if (Opslag.put(currentId, Staat.copy(state))) {
      ui.opgeslagen.textContent = "Bewaard in deze browser (" + timeOf(new Date().toISOString()) + ").";
      storageFailed = false;
    } else if (!storageFailed) {
      storageFailed = true;
      ui.opgeslagen.textContent = "";
      status("Deze browser staat bewaren niet toe: wat u invult, gaat verloren bij het sluiten. " +
        "Exporteer de analyse als bestand.");
    }
    listSaved();
  }

  /* Shows ``next`` (saved, imported or empty) under the id ``id``. */
  function load(id, next, message) {
    const result = sanitize(next);
    currentId = id;
    state = result.state;
    applyState();
    // The advice and the diagnose rows show the old state even when the answers are the same.
    adviceKey = null;
    rows.forEach((row) => { row.remove(); });
    rows.clear();
    refresh(true);
    const ignored = result.ignored.length
      ? " Genegeerd, want onbekend op deze site: " + Keuzes.describeUnknown(result.ignored) + "." : "";
    status(message + ignored);
  }

  function openSaved() {
    const id = ui.bewaard.value;
    const analysis = Opslag.get(id);
    if (!analysis) return;
    load(id, analysis, "Geopend: \u2018" + nameOf(sanitize(analysis).state) + "\u2019.");
  }

  function removeSaved() {
    const id = ui.bewaard.value;
    const analysis = Opslag.get(id);
    if (!analysis) return;
    const name = nameOf(sanitize(analysis).state);
    if (!window.confirm("De analyse \u2018" + name + "\u2019 verwijderen uit deze browser?")) return;
    Opslag.remove(id);
    if (id === currentId) load(Opslag.newId(), {}, "");
    listSaved();
    status("Verwijderd uit deze browser: \u2018" + name + "\u2019.");
    (ui.bewaardBlok.hidden ? ui.nieuw : ui.bewaard).focus();
  }

  function startNew() {
    Opslag.setCurrent(null);
    load(Opslag.newId(), {}, "Een nieuwe, lege analyse. De vorige blijft bewaard in de lijst hieronder.");
    ui.buurt.focus();
  }

  function exportFile() {
    const fileName = Staat.fileName(state);
    const blob = new Blob([Staat.toFile(state, new Date())], {type: "application/json"});
    const link = element("a", {href: URL.createObjectURL(blob), download: fileName, hidden: ""});
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => { URL.revokeObjectURL(link.href); }, 10000);
    status("Ge\u00EBxporteerd als " + fileName + ". Met \u2018Importeer een bestand\u2019 opent u het later weer.");
  }

  /* An imported file becomes a new analysis beside the others. */
  function importFile(file) {
    file.text().then((content) => {
      const read = Staat.fromFile(content);
      if (read.error === "json") {
        status("Het bestand " + file.name + " is geen buurtanalyse: het is geen geldig JSON-bestand.");
      } else if (read.error) {
        status("Het bestand " + file.name + " is geen buurtanalyse van deze site.");
      } else {
        load(Opslag.newId(), read.raw, "Ge\u00EFmporteerd als nieuwe analyse: " + file.name + ".");
      }
    });
  }

  // --- updating -------------------------------------------------------------------------

  /* After every change: advice, beleidsdiagnose, report, (when the answers changed) the address, and saving. */
  function refresh(answersChanged) {
    renderAdvice();
    renderDiagnose();
    renderReport();
    if (answersChanged) Pagina.setAddress(Adres.format(state, data), false);
    persist();
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); });
  form.addEventListener("change", (event) => {
    if (event.target.type !== "checkbox") return;
    follow(event.target);
    collectForm();
    refresh(true);
  });
  form.addEventListener("input", (event) => {
    if (event.target.type === "checkbox") return;
    collectForm();
    if (event.target === ui.situatie) {  // her words are answers: the advice and the address follow them
      refresh(true);
      return;
    }
    renderReport();
    persist();
  });
  ui.gestopt.addEventListener("change", (event) => {
    state.gestopt = event.target.checked;
    refresh(true);
  });
  ui.meer.addEventListener("click", showAll);
  ui.casusSluit.addEventListener("click", () => {
    state.casus = null;
    showCasus();
    refresh(true);
    const heading = ui.stappenKop;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  });
  ui.open.addEventListener("click", openSaved);
  ui.verwijder.addEventListener("click", removeSaved);
  ui.exporteer.addEventListener("click", exportFile);
  ui.importeer.addEventListener("click", () => { ui.bestand.click(); });
  ui.bestand.addEventListener("change", (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (file) importFile(file);
  });
  ui.nieuw.addEventListener("click", startNew);
  all(document, "[data-print-verslag]").forEach((button) => {
    button.addEventListener("click", () => {
      renderReport();
      window.print();
    });
  });

  // --- start ------------------------------------------------------------------------------

  /* The analysis the browser kept is reopened, unless the address asks for other answers (a shared link,
     "Oefen met deze casus"): those start a new analysis, and the kept one stays in the list. */
  const start = Adres.parse(window.location.search, data, known);
  Pagina.showUnknown(ui.melding, start.unknown);
  const keptId = Opslag.current();
  const kept = keptId && sanitize(Opslag.get(keptId)).state;
  const askedFor = Adres.format(start.state, data);
  const reopen = kept && (askedFor === "" || askedFor === Adres.format(kept, data));
  currentId = reopen ? keptId : Opslag.newId();
  state = reopen ? kept : start.state;
  applyState();
  ui.beheer.hidden = false;
  ui.afsluiten.hidden = false;
  root.classList.add("ba--actief");
  refresh(true);  // also drops ignored values from the address
  listSaved();
  if (reopen) status("Uw analyse \u2018" + nameOf(state) + "\u2019 is teruggezet zoals u haar achterliet.");
})();
