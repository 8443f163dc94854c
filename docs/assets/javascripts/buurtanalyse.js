/*
 * The buurtanalyse page (/buurtanalyse/): the page around the analysis, on top of the form the server
 * rendered from the checklists (handreiking/tools/buurtanalyse.py). The logic lives in DOM-free modules:
 * - the analysis as data, its file and the choices from the advice: HandreikingStaat (buurtanalyse-staat.js);
 * - an analysis of an earlier version brought up to date: HandreikingMigratie;
 * - cleaning what comes from a file, the browser's storage or the address: HandreikingOpschonen;
 * - the beleidsdiagnose of step 4.1, a row per problem: HandreikingDiagnose;
 * - the address, which is the whole analysis (the answers in the query with the parameter names of the
 *   interventiewijzer plus onbekend, casus, gestopt and situatie; everything else after "#"): HandreikingAnalyseAdres;
 * - the advice: HandreikingAdvies (the rules of handreiking/tools/advies.py);
 * - saving at once on every change, several analyses side by side: HandreikingOpslag.
 * This script reads the form into the state and shows the state, the advice, the beleidsdiagnose, the proposal
 * ("Voorstel aanpak", printed on its own) and the printed report. Files are JSON; nothing is ever sent anywhere.
 * Every id, label and parameter name comes from window.HANDREIKING or the page; none is written here.
 * A classic script (no ES module) so that it also runs from file://.
 */
(() => {
  "use strict";

  const data = window.HANDREIKING;
  const {HandreikingStaat: Staat, HandreikingOpschonen: Opschonen, HandreikingAnalyseAdres: Adres,
    HandreikingWijzerAdres: WijzerAdres, HandreikingAdvies: Advies, HandreikingOpslag: Opslag,
    HandreikingKeuzes: Keuzes, HandreikingPagina: Pagina, HandreikingDiagnose: Diagnose} = window;
  const root = document.getElementById("ba-werkblad");
  const form = document.getElementById("ba-formulier");
  if (!data || !Staat || !Opschonen || !Adres || !WijzerAdres || !Advies || !Opslag || !Keuzes || !Pagina ||
      !Diagnose || !root || !form) return;

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
    diagnoseNotitie: "diagnose-notitie", cijferTabel: "ba-cijfertabel", cijfers: "ba-cijfers",
    cijferErbij: "ba-cijfer-erbij", cijferRij: "ba-cijfer-rij", verslag: "verslag-inhoud",
    beheer: "ba-beheer", afsluiten: "ba-afsluiten", bewaard: "ba-bewaard", bewaardBlok: "ba-bewaard-blok",
    opgeslagen: "ba-opgeslagen", open: "ba-open", verwijder: "ba-verwijder", nieuw: "ba-nieuw",
    exporteer: "ba-exporteer", importeer: "ba-importeer", bestand: "ba-bestand", kopieer: "ba-kopieer",
    balkAantal: "ba-balk-aantal", gekozenAantal: "advies-gekozen", voorstel: "voorstel-inhoud",
    voorstelLeeg: "voorstel-leeg", voorstelKnoppen: "voorstel-knoppen", voorstelPrint: "voorstel-print",
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
  // What a state may hold: the data, and what the form offers (the same lists, data.buurtanalyse.formulier).
  const known = Opschonen.known(data);
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
    state.cijfers = readCijfers();
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
    ui.diagnoseNotitie.value = state.beleidsdiagnose.notitie;
    showCijfers();
    showCasus();
    all(root, "textarea").forEach(grow);
  }

  // Text boxes grow with their text: CSS does it where the browser knows field-sizing, this elsewhere.
  const GROWS = typeof CSS !== "undefined" && CSS.supports && CSS.supports("field-sizing", "content");
  function grow(field) {
    if (GROWS) return;
    field.style.height = "auto";
    field.style.height = field.scrollHeight + 2 + "px";
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

  // --- the figures of the risicofactorenanalyse (in the form, at the step of the problematiek) ------------

  const cijferVelden = config.cijfers;

  /* Every box a name a screen reader reads out: "Waarde, cijfer 2". */
  function numberCijfers() {
    all(ui.cijfers, "tr").forEach((row, i) => {
      all(row, "[data-cijfer]").forEach((field) => {
        const veld = cijferVelden.find((v) => v.sleutel === field.getAttribute("data-cijfer"));
        field.setAttribute("aria-label", veld.label + ", cijfer " + (i + 1));
      });
      row.querySelector(".ba-cijfer-weg").setAttribute("aria-label", "Verwijder cijfer " + (i + 1));
    });
    ui.cijferTabel.hidden = ui.cijfers.children.length === 0;
  }

  function cijferRow(cijfer) {
    const row = ui.cijferRij.content.firstElementChild.cloneNode(true);
    all(row, "[data-cijfer]").forEach((field) => { field.value = cijfer[field.getAttribute("data-cijfer")] || ""; });
    row.querySelector(".ba-cijfer-weg").addEventListener("click", () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      numberCijfers();
      collectForm();
      renderDocuments();
      persist();
      (next ? next.querySelector("[data-cijfer]") : ui.cijferErbij).focus();
    });
    return row;
  }

  function showCijfers() {
    ui.cijfers.textContent = "";
    state.cijfers.forEach((cijfer) => { ui.cijfers.appendChild(cijferRow(cijfer)); });
    numberCijfers();
    ui.cijferErbij.hidden = false;
  }

  /* The figures in the table; a row without any text is not kept. */
  function readCijfers() {
    return all(ui.cijfers, "tr").map((row) => {
      const cijfer = {};
      all(row, "[data-cijfer]").forEach((field) => {
        if (field.value.trim()) cijfer[field.getAttribute("data-cijfer")] = field.value;
      });
      return cijfer;
    }).filter((cijfer) => Object.keys(cijfer).length);
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

  const MOST = config.voorstel_hoogstens;  // praktijkvoorbeelden in the proposal, at most

  /* "Gekozen voor het voorstel: 2 van hoogstens 3 praktijkvoorbeelden." */
  function showChosenCount(refused) {
    const count = state.gekozen.praktijkvoorbeelden.length;
    ui.gekozenAantal.textContent = refused
      ? "U koos al " + count + " praktijkvoorbeelden voor het voorstel, het hoogste aantal. Haal er eerst een weg."
      : count ? "Gekozen voor het voorstel: " + count + " van hoogstens " + MOST + " praktijkvoorbeelden." : "";
  }

  function chooser(list, id, name) {
    const boxId = `kies-${Staat.KINDS[list]}-${id}`;
    const wrapper = element("p", {"class": "ba-kies"});
    const box = element("input", {type: "checkbox", id: boxId});
    box.checked = state.gekozen[list].includes(id);
    box.addEventListener("change", () => {
      const full = list === "praktijkvoorbeelden" && state.gekozen[list].length >= MOST;
      if (box.checked && full) {
        box.checked = false;
        showChosenCount(true);
        return;
      }
      Staat.choose(state, list, id, box.checked, known.gekozen[list]);
      refresh();
    });
    const text = element("label", {"for": boxId}, "Kies voor het voorstel");
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

  // --- the beleidsdiagnose: a row per problem (HandreikingDiagnose) ------------------------------------

  const sections = new Map();  // row key -> its section on the page

  function rowTitle(row) { return (row.code ? row.code + ". " : "") + row.label; }

  /* The oplossingsrichtingen and praktijkvoorbeelden the advice proposes for a row's problem, as links. */
  function proposalsOf(row) {
    const found = Diagnose.proposals(row, advies, data, state);
    const box = element("div", {"class": "ba-voorstellen"});
    const parts = [
      ["Oplossingsrichtingen: ", found.oplossingsrichtingen.map((r) => [richtingen.get(r.id), r.gekozen])],
      ["Praktijkvoorbeelden: ", found.praktijkvoorbeelden.map((v) => [voorbeelden.get(v.slug), v.gekozen])],
    ];
    parts.filter(([, items]) => items.length).forEach(([heading, items]) => {
      const line = box.appendChild(element("p", {}));
      line.appendChild(element("strong", {}, heading));
      items.forEach(([item, gekozen], i) => {
        if (i) line.appendChild(document.createTextNode(", "));
        line.appendChild(element("a", {href: basis + item.url}, item.label || item.titel));
        if (gekozen) line.appendChild(document.createTextNode(" (gekozen)"));
      });
    });
    if (!box.children.length && row.id) {
      box.appendChild(element("p", {}, "Het advies stelt bij dit probleem nog niets voor."));
    }
    return box;
  }

  /* One answer changed: the state, the report, the address and the storage follow. */
  function diagnoseChanged() {
    renderDocuments();
    updateAddress();
    persist();
  }

  function createSection(row) {
    const section = ui.diagnoseRij.content.firstElementChild.cloneNode(true);
    const base = "diagnose-" + row.key.replace(":", "-");
    const values = state.beleidsdiagnose.rijen[row.key] || {};
    section.id = base;
    section.setAttribute("data-rij", row.key);
    const heading = section.querySelector(".ba-diagnoserij-kop");
    heading.id = base + "-kop";
    section.setAttribute("aria-labelledby", heading.id);
    all(section, "textarea[data-veld]").forEach((field) => {
      const veld = field.getAttribute("data-veld");
      field.id = base + "-" + veld;
      section.querySelector(`[data-veld-label="${veld}"]`).htmlFor = field.id;
      field.value = values[veld] || "";
      field.addEventListener("input", () => {
        Diagnose.set(state, row.key, veld, field.value);
        grow(field);
        diagnoseChanged();
      });
    });
    all(section, "fieldset[data-veld]").forEach((group) => {
      const veld = group.getAttribute("data-veld");
      const boxes = all(group, "input");
      const chosen = [].concat(values[veld] || []);
      boxes.forEach((box) => {
        box.id = base + "-" + veld + "-" + box.value;
        box.name = base + "-" + veld;
        box.nextElementSibling.htmlFor = box.id;
        box.checked = chosen.includes(box.value);
        box.addEventListener("change", () => {
          const ticked = boxes.filter((other) => other.checked).map((other) => other.value);
          Diagnose.set(state, row.key, veld, box.type === "checkbox" ? ticked : box.value);
          diagnoseChanged();
        });
      });
    });
    return section;
  }

  function renderDiagnose() {
    const found = Diagnose.rows(state, data);
    const wanted = new Set(found.map((row) => row.key));
    sections.forEach((section, key) => {
      if (!wanted.has(key)) { section.remove(); sections.delete(key); }
    });
    found.forEach((row, i) => {
      let section = sections.get(row.key);
      if (!section) { section = createSection(row); sections.set(row.key, section); }
      section.querySelector(".ba-diagnoserij-kop").textContent = rowTitle(row);
      section.querySelector(".ba-diagnoserij-melding").hidden = row.gevonden;
      section.querySelector(".ba-voorstellen").replaceWith(proposalsOf(row));
      const body = ui.diagnoseRijen;
      if (body.children[i] !== section) body.insertBefore(section, body.children[i] || null);
    });
    ui.diagnoseLeeg.hidden = found.length > 0;
    all(ui.diagnoseRijen, "textarea").forEach(grow);
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

  /* The ticked boxes of an options list as a list of the same shape: every ticked option with, below it, what is
     ticked under it. A ticked sub-option under an option that is not ticked (possible in an imported file) still
     appears, one level up, so every ticked box is in the report once. */
  function tickedList(list, into) {
    all(list, ":scope > li").forEach((item) => {
      const box = item.querySelector(":scope > input[type=checkbox]");
      const subLists = all(item, ":scope > ul.ba-opties");
      if (!box || !box.checked) {
        subLists.forEach((sub) => { tickedList(sub, into); });
        return;
      }
      const line = into.appendChild(element("li", {}, labelText(box)));
      const below = element("ul", {});
      subLists.forEach((sub) => { tickedList(sub, below); });
      if (below.children.length) line.appendChild(below);
    });
    return into;
  }

  function reportCijfers(box) {
    if (!state.cijfers.length) return;
    box.appendChild(element("p", {}, "Cijfers over risicofactoren:"));
    const lines = box.appendChild(element("ul", {}));
    state.cijfers.forEach((cijfer) => {
      const text = (key) => (cijfer[key] || "").trim();
      const [wat, waarde, bron] = cijferVelden.map((veld) => text(veld.sleutel));
      lines.appendChild(element("li", {}, [wat, waarde].filter(Boolean).join(": ") + (bron ? ` (bron: ${bron})` : "")));
    });
  }

  function reportAnswers(box) {
    all(form, ".ba-stap").forEach((fieldset) => {
      const nummer = fieldset.getAttribute("data-stap");
      box.appendChild(element("h4", {}, stappen.get(nummer).titel));
      const lines = element("ul", {});
      all(fieldset, ".ba-checklist > ul.ba-opties, .ba-extra > ul.ba-opties").forEach((list) => {
        tickedList(list, lines);
      });
      all(fieldset, "[data-anders]").forEach((field) => {
        if (field.value.trim()) lines.appendChild(element("li", {}, "Anders: " + field.value.trim()));
      });
      if (state.onbekend.includes(nummer)) lines.appendChild(element("li", {}, "Weten we niet"));
      const hasCijfers = fieldset.contains(ui.cijfers) && state.cijfers.length > 0;
      if (lines.children.length) box.appendChild(lines);
      else if (!hasCijfers) box.appendChild(element("p", {}, "Niet ingevuld."));
      if (fieldset.contains(ui.cijfers)) reportCijfers(box);
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

  /* A row's answers as a list, each with its question; null when none is given. */
  function diagnoseAnswers(row) {
    const given = Diagnose.answers(state.beleidsdiagnose.rijen[row.key] || {}, data)
      .filter((answer) => answer.waarden.length);
    if (!given.length) return null;
    const list = element("dl", {"class": "ba-verslag-antwoorden"});
    given.forEach((answer) => {
      const entry = list.appendChild(element("div", {}));
      entry.appendChild(element("dt", {}, answer.label));
      entry.appendChild(element("dd", {}, answer.waarden.join(", ").trim()));
    });
    return list;
  }

  /* Per problem: what the advice proposes beside it, and each answer given (the question as its label). */
  function reportDiagnose(box) {
    const found = Diagnose.rows(state, data);
    if (!found.length) box.appendChild(element("p", {}, "Geen problemen gevonden in de analyse."));
    found.forEach((row) => {
      const block = box.appendChild(element("div", {"class": "ba-verslag-diagnoserij"}));
      block.appendChild(element("h4", {}, rowTitle(row) + (row.gevonden ? "" : " (niet meer aangevinkt)")));
      if (row.id) block.appendChild(proposalsOf(row));
      block.appendChild(diagnoseAnswers(row) || element("p", {}, "Nog niet ingevuld."));
    });
    if (state.beleidsdiagnose.notitie) {
      const note = "Aantekeningen: " + state.beleidsdiagnose.notitie.trim();
      box.appendChild(element("p", {"class": "ba-verslag-notitie"}, note));
    }
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

  // --- the proposal (#voorstel): on screen, and alone on paper with "Print voorstel" ---------------------

  const PRINT_PROPOSAL = "ba-print-voorstel";  // on <html> while the proposal prints instead of the report
  const ruleTexts = new Map();  // vuistregel id -> the rule as the checklist of step 4.2 states it
  data.checklists.forEach((checklist) => {
    checklist.secties.forEach((sectie) => {
      sectie.items.forEach((item) => { if (item.vuistregel) ruleTexts.set(item.vuistregel.id, item.tekst); });
    });
  });
  // A praktijkvoorbeeld's field -> the vocabulary of its values ("locaties" -> "locatie").
  const fieldVocabulary = new Map(Object.keys(data.velden).map((naam) => [data.velden[naam], naam]));

  function withoutStop(text) { return text.trim().replace(/[.:;]+$/, ""); }

  /* A list of ticked options (tickedList) as short texts: "Schelden (Op straat, Online)". */
  function flatten(list) {
    return all(list, ":scope > li").map((item) => {
      const below = item.querySelector(":scope > ul");
      const own = withoutStop(item.firstChild.textContent);
      return below ? own + " (" + flatten(below).join(", ") + ")" : own;
    });
  }

  function definitions(box, pairs) {
    const list = box.appendChild(element("dl", {"class": "ba-verslag-antwoorden"}));
    pairs.forEach(([term, text]) => {
      const entry = list.appendChild(element("div", {}));
      entry.appendChild(element("dt", {}, term));
      entry.appendChild(element("dd", {}, text));
    });
    return list;
  }

  /* The main findings of the analysis: per step what is ticked, "Anders" and "Weten we niet"; the figures. */
  function proposalFindings(box) {
    const found = [];
    all(form, ".ba-stap").forEach((fieldset) => {
      const nummer = fieldset.getAttribute("data-stap");
      const ticked = element("ul", {});
      all(fieldset, ".ba-checklist > ul.ba-opties, .ba-extra > ul.ba-opties").forEach((list) => {
        tickedList(list, ticked);
      });
      const parts = flatten(ticked);
      all(fieldset, "[data-anders]").forEach((field) => {
        if (field.value.trim()) parts.push("anders: " + withoutStop(field.value));
      });
      if (state.onbekend.includes(nummer)) parts.push("weten we niet");
      if (parts.length) found.push([stappen.get(nummer).titel, capitalize(parts.join("; ")) + "."]);
    });
    if (state.cijfers.length) {
      found.push(["Cijfers over risicofactoren", state.cijfers.map((cijfer) => {
        const [wat, waarde, bron] = cijferVelden.map((veld) => (cijfer[veld.sleutel] || "").trim());
        return [wat, waarde].filter(Boolean).join(": ") + (bron ? " (bron: " + bron + ")" : "");
      }).join("; ") + "."]);
    }
    if (found.length) definitions(box, found);
    else box.appendChild(element("p", {}, "Nog niets aangevinkt."));
  }

  /* The chosen oplossingsrichtingen and praktijkvoorbeelden, each with the advice's reasons. */
  function proposalChoice(box) {
    const suggested = byKey(advies.oplossingsrichtingen, "id");
    const ranked = byKey(advies.praktijkvoorbeelden, "slug");
    if (state.gekozen.oplossingsrichtingen.length) {
      box.appendChild(element("h4", {}, "Oplossingsrichtingen"));
      const list = box.appendChild(element("ul", {}));
      state.gekozen.oplossingsrichtingen.forEach((id) => {
        const line = list.appendChild(element("li", {}));
        line.appendChild(element("strong", {}, richtingen.get(id).label));
        line.appendChild(document.createTextNode(". " + (suggested.has(id) ? "Waarom: " + reasons(suggested.get(id))
          : "Bij de antwoorden van nu stelt het advies deze richting niet voor.")));
      });
    }
    box.appendChild(element("h4", {}, "Praktijkvoorbeelden"));
    if (!state.gekozen.praktijkvoorbeelden.length) {
      box.appendChild(element("p", {}, "Nog geen gekozen: kies er een tot " + MOST +
        " bij het advies, met \u2018Kies voor het voorstel\u2019."));
      return;
    }
    const list = box.appendChild(element("ul", {"class": "ba-voorstel-voorbeelden"}));
    state.gekozen.praktijkvoorbeelden.forEach((slug) => {
      const voorbeeld = voorbeelden.get(slug);
      const line = list.appendChild(element("li", {"data-slug": slug}));
      line.appendChild(element("strong", {}, voorbeeld.titel));
      const richting = voorbeeld.oplossingsrichtingen[0];
      if (richting) {
        line.appendChild(document.createTextNode(" (oplossingsrichting: " + richtingen.get(richting).label + ")"));
      }
      if (voorbeeld.samenvatting) line.appendChild(element("p", {}, voorbeeld.samenvatting));
      line.appendChild(element("p", {}, ranked.has(slug) ? "Waarom: " + why(ranked.get(slug))
        : "Het deelt niets met de antwoorden van nu: het advies stelt het niet voor."));
    });
  }

  /* Per problem the answers of 4.1; the problems without answers in one line. */
  function proposalDiagnose(box) {
    const open = [];
    Diagnose.rows(state, data).forEach((row) => {
      const answers = diagnoseAnswers(row);
      if (!answers) {
        open.push(rowTitle(row));
        return;
      }
      const block = box.appendChild(element("div", {"class": "ba-verslag-diagnoserij"}));
      block.appendChild(element("h4", {}, rowTitle(row)));
      block.appendChild(answers);
    });
    if (open.length) box.appendChild(element("p", {}, "Nog niet ingevuld voor: " + open.join("; ") + "."));
    if (!box.querySelector("h4") && !open.length) box.appendChild(element("p", {}, "Geen problemen gevonden."));
    if (state.beleidsdiagnose.notitie) {
      box.appendChild(element("p", {"class": "ba-verslag-notitie"},
        "Aantekeningen: " + state.beleidsdiagnose.notitie.trim()));
    }
  }

  /* "'Kleinschalig en terugkerend contact'": the values of a praktijkvoorbeeld that decided a verdict. */
  function decidedBy(waarden) {
    return joinAnd(waarden.map(([field, id]) => "\u2018" + label(fieldVocabulary.get(field), id) + "\u2019"));
  }

  const VERDICTS = {voldoet: "voldoet", voldoet_niet: "voldoet niet", onbekend: "onbekend"};

  /* Her choice against every vuistregel of step 4.2: per rule, per chosen praktijkvoorbeeld a verdict. */
  function proposalRules(box) {
    const chosen = state.gekozen.praktijkvoorbeelden;
    box.appendChild(element("p", {}, "De handreiking geeft vuistregels voor de inzet van interventies. " +
      "Per regel: volgt het gekozen praktijkvoorbeeld haar? \u2018Onbekend\u2019 betekent dat de handreiking " +
      "dat van dit voorbeeld niet vastlegt."));
    Advies.toets(data, Staat.answers(state), chosen).forEach((toetsing) => {
      const block = box.appendChild(element("div", {"class": "ba-voorstel-regel", "data-regel": toetsing.regel}));
      block.appendChild(element("p", {"class": "ba-voorstel-regeltekst"}, ruleTexts.get(toetsing.regel)));
      if (!toetsing.geldt) {
        const regel = regels.get(toetsing.regel);
        const names = Object.keys(regel.geldt_bij).map((naam) => quoted(naam, regel.geldt_bij[naam]));
        block.appendChild(element("p", {"data-oordeel": "geldt_niet"}, "Geldt hier niet: de regel geldt bij " +
          joinAnd(names) + ", en dat noemt uw analyse niet."));
        return;
      }
      if (!toetsing.oordelen.length) block.appendChild(element("p", {}, "Nog geen praktijkvoorbeeld gekozen."));
      const list = block.appendChild(element("ul", {}));
      toetsing.oordelen.forEach((oordeel) => {
        const line = list.appendChild(element("li", {"data-oordeel": oordeel.oordeel}));
        line.appendChild(document.createTextNode(voorbeelden.get(oordeel.slug).titel + ": "));
        line.appendChild(element("strong", {}, VERDICTS[oordeel.oordeel]));
        line.appendChild(document.createTextNode(oordeel.oordeel === "onbekend"
          ? " (de handreiking legt dit van dit voorbeeld niet vast)."
          : " (" + decidedBy(oordeel.waarden) + ")."));
      });
    });
  }

  function renderProposal() {
    const box = ui.voorstel;
    box.textContent = "";
    const chosen = state.gekozen.praktijkvoorbeelden.length > 0;
    ui.voorstelLeeg.hidden = chosen;
    ui.voorstelKnoppen.hidden = !chosen;
    const meta = [["Buurt", state.buurt.trim() || "(geen naam)"],
      ["Datum", state.datum ? formatDate(state.datum) : "(geen datum)"]];
    definitions(box, meta).className = "ba-verslag-meta";
    box.appendChild(element("h3", {}, "Wat speelt er"));
    box.appendChild(element("p", {"class": "ba-verslag-notitie"},
      state.situatie.trim() || "(Niet ingevuld bij \u2018Wat speelt er, in een paar woorden?\u2019)"));
    box.appendChild(element("h3", {}, "Wat de analyse vond"));
    proposalFindings(box);
    box.appendChild(element("h3", {}, "Voorgestelde aanpak"));
    proposalChoice(box);
    box.appendChild(element("h3", {}, "Beleid nu en wat nodig is (beleidsdiagnose)"));
    proposalDiagnose(box);
    box.appendChild(element("h3", {}, "Getoetst aan de vuistregels"));
    proposalRules(box);
    showChosenCount(false);
  }

  /* The report and the proposal, both made from the state. */
  function renderDocuments() {
    renderReport();
    renderProposal();
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
    // A new analysis is kept from its first answer on; until then the list says that it is open, not another one.
    const unsaved = !entries.some((entry) => entry.id === currentId);
    if (unsaved && entries.length) {
      select.appendChild(element("option", {value: ""}, "Nieuwe analyse (geopend, nog leeg)"));
    }
    entries.forEach((entry) => {
      const analysis = sanitize(entry.analyse).state;
      // Short, so that a phone shows the whole option: "Noord (geopend), 29 nov. 14:05".
      const text = nameOf(analysis) + (entry.id === currentId ? " (geopend)" : "") +
        (entry.gewijzigd ? ", " + new Date(entry.gewijzigd).toLocaleString("nl-NL",
          {day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"}) : "");
      select.appendChild(element("option", {value: entry.id}, text));
    });
    const ids = entries.map((entry) => entry.id);
    const kept = ids.includes(previous) ? previous : ids.includes(currentId) ? currentId : ids[0] || "";
    select.value = unsaved ? "" : kept;
    ui.bewaardBlok.hidden = entries.length === 0;
  }

  /* After every change: this analysis into the browser's storage. An untouched empty form is not kept. */
  function persist() {
    if (Staat.isEmpty(state) && !Opslag.get(currentId)) {
      listSaved();
      return;
    }
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
    sections.forEach((section) => { section.remove(); });
    sections.clear();
    refresh();
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
    const previous = Opslag.get(currentId);
    Opslag.setCurrent(null);
    load(Opslag.newId(), {}, "Een nieuwe, lege analyse." + (previous ? " De vorige, \u2018" +
      nameOf(sanitize(previous).state) + "\u2019, blijft bewaard: u opent haar weer bij \u2018" +
      "Uw analyses in deze browser\u2019, hierboven." : ""));
    ui.buurt.focus();
  }

  /* The address is the whole analysis: copied as the page would write it (also where a file:// page may not). */
  function copyLink() {
    const link = window.location.href.split(/[?#]/)[0] + Adres.format(state, data) + Adres.fragment(state, data);
    const local = window.location.protocol === "file:"
      ? " Let op: deze pagina staat op uw eigen computer; de link werkt alleen waar dezelfde bestanden staan. " +
        "Stuur dan liever het bestand." : "";
    const copied = navigator.clipboard ? navigator.clipboard.writeText(link) : Promise.reject(new Error("klembord"));
    copied.then(() => {
      status("De link naar de hele analyse staat op het klembord (" + link.length + " tekens)." + local);
    }, () => {
      status("Kopi\u00EBren lukte niet in deze browser. Kopieer het webadres uit de adresbalk: dat is dezelfde link." +
        local);
    });
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

  /* An imported file becomes a new analysis beside the others; a file with several (from the buurten overview)
     adds them all and opens the last. */
  function importFile(file) {
    file.text().then((content) => {
      const read = Staat.fromFile(content);
      if (read.error === "json") {
        status("Het bestand " + file.name + " is geen buurtanalyse: het is geen geldig JSON-bestand.");
      } else if (read.error || !read.analyses.length) {
        status("Het bestand " + file.name + " is geen buurtanalyse van deze site.");
      } else {
        read.analyses.slice(0, -1).forEach((raw) => { Opslag.put(Opslag.newId(), sanitize(raw).state); });
        const count = read.analyses.length;
        load(Opslag.newId(), read.analyses[count - 1], count > 1
          ? "Ge\u00EFmporteerd uit " + file.name + ": " + count + " analyses; de laatste staat open."
          : "Ge\u00EFmporteerd als nieuwe analyse: " + file.name + ".");
      }
    });
  }

  // --- updating -------------------------------------------------------------------------

  /* The address follows the analysis: the answers, and after "#" the beleidsdiagnose. An anchor the page was
     opened with ("#beleidsdiagnose") stays until there is a diagnose to carry. */
  function updateAddress() {
    const fragment = Adres.fragment(state, data);
    const keep = !fragment && window.location.hash && !Adres.ownsFragment(window.location.hash);
    Pagina.setAddress(Adres.format(state, data), false, keep ? undefined : fragment);
  }

  /* The bar under the form: how many answers are ticked (each answer once, also when it stands in two steps). */
  function showCount() {
    const count = Object.keys(state.keuzes).reduce((sum, naam) => sum + state.keuzes[naam].length, 0) +
      state.punten.length + state.onbekend.length;
    ui.balkAantal.textContent = plural(count, "antwoord", "antwoorden");
  }

  /* After every change: advice, beleidsdiagnose, report, the address, and saving. */
  function refresh() {
    showCount();
    renderAdvice();
    renderDiagnose();
    renderDocuments();
    updateAddress();
    persist();
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); });
  form.addEventListener("change", (event) => {
    if (event.target.type !== "checkbox") return;
    follow(event.target);
    collectForm();
    refresh();
  });
  form.addEventListener("input", (event) => {
    if (event.target.type === "checkbox") return;
    collectForm();
    if (event.target === ui.situatie) {  // her words are answers: the advice and the address follow them
      refresh();
      return;
    }
    renderDiagnose();  // "Anders, namelijk" at step 2.5 names a problem of its own
    renderDocuments();
    persist();
  });
  ui.gestopt.addEventListener("change", (event) => {
    state.gestopt = event.target.checked;
    refresh();
  });
  ui.meer.addEventListener("click", showAll);
  ui.diagnoseNotitie.addEventListener("input", () => {
    Diagnose.setNote(state, ui.diagnoseNotitie.value);
    grow(ui.diagnoseNotitie);
    diagnoseChanged();
  });
  ui.cijferErbij.addEventListener("click", () => {
    const row = ui.cijfers.appendChild(cijferRow({}));
    numberCijfers();
    row.querySelector("[data-cijfer]").focus();
  });
  form.addEventListener("input", (event) => { if (event.target.tagName === "TEXTAREA") grow(event.target); });
  ui.casusSluit.addEventListener("click", () => {
    state.casus = null;
    showCasus();
    refresh();
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
      renderDocuments();
      document.documentElement.classList.remove(PRINT_PROPOSAL);
      window.print();
    });
  });
  ui.voorstelPrint.addEventListener("click", () => {
    renderDocuments();
    document.documentElement.classList.add(PRINT_PROPOSAL);
    window.print();
  });
  // After printing the proposal, the browser's own print command prints the report again.
  window.addEventListener("afterprint", () => { document.documentElement.classList.remove(PRINT_PROPOSAL); });
  ui.kopieer.addEventListener("click", copyLink);

  // --- start ------------------------------------------------------------------------------

  /* The analysis the browser kept is reopened, unless the address asks for other answers (a shared link,
     "Oefen met deze casus"): those start a new analysis, and the kept one stays in the list. */
  const anchor = Adres.ownsFragment(window.location.hash) ? "" : window.location.hash;
  const start = Adres.parse(window.location.search, data, known, window.location.hash);
  Pagina.showUnknown(ui.melding, start.unknown);
  if (start.unreadable) {
    ui.melding.hidden = false;
    ui.melding.appendChild(element("p", {"class": "admonition-title"}, "De link is niet helemaal overgekomen"));
    ui.melding.appendChild(element("p", {}, "Het deel na het #-teken (buurtnaam, aantekeningen, beleidsdiagnose " +
      "en de rest) kon deze pagina niet lezen; misschien is de link afgebroken in een mail of chat. De aangevinkte " +
      "antwoorden zijn overgenomen. Vraag om de hele link of om het bestand van \u2018Exporteer als bestand\u2019."));
  }
  const keptId = Opslag.current();
  const kept = keptId && sanitize(Opslag.get(keptId)).state;
  // What the link asks for: the answers, and the beleidsdiagnose when it carries one (null: it does not say).
  const askedFor = Adres.format(start.state, data);
  const askedDiagnose = anchor || !window.location.hash ? null : Adres.fragment(start.state, data);
  const reopen = kept && (askedFor === "" || askedFor === Adres.format(kept, data)) &&
    (askedDiagnose === null || askedDiagnose === Adres.fragment(kept, data));
  currentId = reopen ? keptId : Opslag.newId();
  state = reopen ? kept : start.state;
  applyState();
  ui.beheer.hidden = false;
  ui.afsluiten.hidden = false;
  root.classList.add("ba--actief");
  refresh();  // also drops ignored values from the address
  listSaved();
  // The address now carries the beleidsdiagnose after "#": go to the part of the page the link asked for.
  const target = anchor && document.getElementById(decodeURIComponent(anchor.slice(1)));
  if (target && Adres.ownsFragment(window.location.hash)) target.scrollIntoView();
  // An in-page link ("Direct naar het advies") replaces the fragment: put the beleidsdiagnose back.
  window.addEventListener("hashchange", () => {
    if (!Adres.ownsFragment(window.location.hash) && Adres.fragment(state, data)) updateAddress();
  });
  if (reopen) status("Uw analyse \u2018" + nameOf(state) + "\u2019 is teruggezet zoals u haar achterliet.");
})();
