/*
 * The buurtanalyse page (/buurtanalyse/): advice, address, saving, export/import and the printed report,
 * on top of the form the server rendered from the checklists (handreiking/buurtanalyse.py).
 *
 * One analysis (the shape of a saved entry and of an exported file):
 *   {buurt, datum, casus, keuzes: {vocabulary: [ids]}, onbekend: [steps], punten: [values],
 *    anders: {checklist: text}, notities: {step: text}, gestopt: bool,
 *    gekozen: {oplossingsrichtingen: [ids], praktijkvoorbeelden: [slugs]},
 *    beleidsdiagnose: {"oplossingsrichting:<id>" or "praktijkvoorbeeld:<slug>": {column: text}}}
 * - The form holds buurt to notities; the address holds keuzes, onbekend, casus and gestopt (never the
 *   buurt name or notes), with the parameter names of the interventiewijzer plus fase, verschijningsvorm.
 * - The advice comes from HandreikingAdvies (the rules of handreiking/advies.py).
 * - Every change is saved at once in this browser (HandreikingOpslag, several analyses side by side);
 *   files are JSON. Nothing is ever sent anywhere.
 * Every id, label and parameter name comes from window.HANDREIKING or the page; none is written here.
 * A classic script (no ES module) so that it also runs from file://.
 */
(() => {
  "use strict";

  const data = window.HANDREIKING;
  const Keuzes = window.HandreikingKeuzes;
  const Advies = window.HandreikingAdvies;
  const Opslag = window.HandreikingOpslag;
  const root = document.getElementById("ba-werkblad");
  const form = document.getElementById("ba-formulier");
  if (!data || !Keuzes || !Advies || !Opslag || !root || !form) return;

  const config = data.buurtanalyse;
  const P = config.parameters;
  const element = Keuzes.element;
  const basis = root.getAttribute("data-basis") || "";
  const FILE_TYPE = "buurtanalyse";
  const VERSION = 1;
  const GEKOZEN = {oplossingsrichtingen: "oplossingsrichting", praktijkvoorbeelden: "praktijkvoorbeeld"};

  function byId(id) { return document.getElementById(id); }
  function all(scope, selector) { return Array.prototype.slice.call(scope.querySelectorAll(selector)); }

  // --- the data ---------------------------------------------------------------------------

  const termOrder = {};
  const labels = {};
  Object.keys(data.vocabulaires).forEach((naam) => {
    termOrder[naam] = data.vocabulaires[naam].termen.map((term) => term.id);
    labels[naam] = new Map(data.vocabulaires[naam].termen.map((term) => [term.id, term.label]));
  });
  function label(naam, id) { return labels[naam].get(id) || id; }
  function byKey(list, key) { return new Map(list.map((item) => [item[key], item])); }
  const richtingen = byKey(data.oplossingsrichtingen, "id");
  const voorbeelden = byKey(data.praktijkvoorbeelden, "slug");
  const casussen = byKey(data.casussen, "slug");
  const stappen = byKey(config.stappen, "nummer");
  const stapOrder = config.stappen.map((stap) => stap.nummer);
  const wijzerFacets = data.interventiewijzer.facetten.map((facet) => facet.naam);

  // --- the form ---------------------------------------------------------------------------

  const boxes = all(form, "input[type=checkbox]");
  function boxesNamed(name) { return boxes.filter((box) => box.name === name); }
  const puntValues = boxesNamed(config.punt).map((box) => box.value);
  const andersFields = all(form, "[data-anders]");
  const notitieFields = all(form, "[data-notitie]");
  const template = byId("diagnose-rij");
  const kolommen = all(template.content, "[data-veld]").map((field) => {
    const options = field.tagName === "SELECT" ? all(field, "option").map((o) => o.value) : null;
    return {sleutel: field.getAttribute("data-veld"), opties: options};
  });
  const wijzerLink = byId("advies-wijzer");
  const wijzerBase = wijzerLink.getAttribute("href");

  function emptyState() {
    return {buurt: "", datum: "", casus: null, keuzes: {}, onbekend: [], punten: [], anders: {}, notities: {},
      gestopt: false, gekozen: {oplossingsrichtingen: [], praktijkvoorbeelden: []}, beleidsdiagnose: {}};
  }

  let state = emptyState();
  let currentId = null;  // the id this analysis is kept under in the browser

  function inOrder(values, order) {
    return order.filter((value) => values.indexOf(value) !== -1);
  }

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
    state.buurt = byId("ba-buurt").value;
    state.datum = byId("ba-datum").value;
    state.keuzes = {};
    config.vocabulaires.forEach((naam) => {
      const values = inOrder(checkedValues(naam), termOrder[naam]);
      if (values.length) state.keuzes[naam] = values;
    });
    state.onbekend = inOrder(checkedValues(P.onbekend), stapOrder);
    state.punten = inOrder(checkedValues(config.punt), puntValues);
    state.anders = texts(andersFields, "data-anders");
    state.notities = texts(notitieFields, "data-notitie");
  }

  function applyState() {
    byId("ba-buurt").value = state.buurt;
    byId("ba-datum").value = state.datum;
    boxes.forEach((box) => {
      const values = box.name === P.onbekend ? state.onbekend : box.name === config.punt ? state.punten
        : state.keuzes[box.name] || [];
      box.checked = values.indexOf(box.value) !== -1;
    });
    andersFields.forEach((field) => { field.value = state.anders[field.getAttribute("data-anders")] || ""; });
    notitieFields.forEach((field) => { field.value = state.notities[field.getAttribute("data-notitie")] || ""; });
    byId("ba-gestopt").checked = state.gestopt;
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
    const twins = config.vocabulaires.indexOf(box.name) === -1 ? [box]
      : boxesNamed(box.name).filter((other) => other.value === box.value);
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

  // --- cleaning what comes from a file, the browser's storage or the address -------------------

  function asText(value) { return typeof value === "string" ? value : ""; }
  function asList(value) { return Array.isArray(value) ? value : []; }
  function asObject(value) { return value && typeof value === "object" && !Array.isArray(value) ? value : {}; }

  /* A state with only what this site knows; ``ignored`` lists the rest as {naam, waarde}. */
  function sanitize(raw) {
    const clean = emptyState();
    const ignored = [];
    raw = asObject(raw);
    function keep(values, known, name) {
      const kept = [];
      asList(values).forEach((value) => {
        if (known.indexOf(value) === -1) ignored.push({naam: name, waarde: String(value)});
        else if (kept.indexOf(value) === -1) kept.push(value);
      });
      return inOrder(kept, known);
    }
    clean.buurt = asText(raw.buurt);
    clean.datum = /^\d{4}-\d{2}-\d{2}$/.test(asText(raw.datum)) ? raw.datum : "";
    if (raw.casus) {
      if (casussen.has(raw.casus)) clean.casus = raw.casus;
      else ignored.push({naam: P.casus, waarde: String(raw.casus)});
    }
    const keuzes = asObject(raw.keuzes);
    Object.keys(keuzes).forEach((naam) => {
      if (config.vocabulaires.indexOf(naam) === -1) {
        ignored.push({naam, waarde: String(keuzes[naam])});
        return;
      }
      const values = keep(keuzes[naam], termOrder[naam], naam);
      if (values.length) clean.keuzes[naam] = values;
    });
    clean.onbekend = keep(raw.onbekend, stapOrder, P.onbekend);
    clean.punten = keep(raw.punten, puntValues, config.punt);
    [["anders", andersFields, "data-anders"], ["notities", notitieFields, "data-notitie"]].forEach((part) => {
      const known = part[1].map((field) => field.getAttribute(part[2]));
      const values = asObject(raw[part[0]]);
      Object.keys(values).forEach((key) => {
        if (known.indexOf(key) !== -1 && asText(values[key])) clean[part[0]][key] = values[key];
      });
    });
    clean.gestopt = raw.gestopt === true;
    const gekozen = asObject(raw.gekozen);
    clean.gekozen.oplossingsrichtingen = keep(gekozen.oplossingsrichtingen, Array.from(richtingen.keys()),
      "oplossingsrichting");
    clean.gekozen.praktijkvoorbeelden = keep(gekozen.praktijkvoorbeelden, Array.from(voorbeelden.keys()),
      "praktijkvoorbeeld");
    const diagnose = asObject(raw.beleidsdiagnose);
    Object.keys(diagnose).forEach((key) => {
      const parts = key.split(":");
      const known = {oplossingsrichting: richtingen, praktijkvoorbeeld: voorbeelden}[parts[0]];
      if (!known || !known.has(parts.slice(1).join(":"))) return;
      const row = {};
      kolommen.forEach((kolom) => {
        const value = asText(asObject(diagnose[key])[kolom.sleutel]);
        if (value && (!kolom.opties || kolom.opties.indexOf(value) !== -1)) row[kolom.sleutel] = value;
      });
      if (Object.keys(row).length) clean.beleidsdiagnose[key] = row;
    });
    return {state: clean, ignored};
  }

  // --- the address ------------------------------------------------------------------------

  function addressOf(analysis) {
    const params = Keuzes.params(analysis.keuzes, data, config.vocabulaires);
    analysis.onbekend.forEach((stap) => { params.append(P.onbekend, stap); });
    if (analysis.casus) params.set(P.casus, analysis.casus);
    if (analysis.gestopt) params.set(P.gestopt, "ja");
    return Keuzes.toSearch(params);
  }

  function fromAddress(search) {
    const read = Keuzes.read(search, data, config.vocabulaires);
    const params = new URLSearchParams(search);
    const raw = {keuzes: read.chosen, onbekend: params.getAll(P.onbekend), casus: params.get(P.casus),
      gestopt: params.get(P.gestopt) === "ja"};
    const result = sanitize(raw);
    return {state: result.state, unknown: read.unknown.concat(result.ignored)};
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
      parts.push("u vinkte aan: " + joinAnd(suggestie.punten.map((punt) => "\u2018" + labelText(form.querySelector("input[name=\"" + config.punt + "\"][value=\"" + punt + "\"]"))
        + "\u2019")));
    }
    if (suggestie.altijd) parts.push(richting.wanneer.toelichting.replace(/\.$/, ""));
    return capitalize(parts.join("; ")) + ".";
  }

  /* "locatie 'Publieke ruimte in de buurt'; problematiek 'Overlast door kinderen en jongeren'" */
  function shared(gedeeld) {
    return config.rangschikking.filter((naam) => (gedeeld[naam] || []).length)
      .map((naam) => data.vocabulaires[naam].label.toLowerCase() + " " + quoted(naam, gedeeld[naam])).join("; ");
  }

  /* The praktijkvoorbeelden of an oplossingsrichting, in site order; the hidden status only when asked. */
  function voorbeeldenVan(richtingId) {
    return data.praktijkvoorbeelden.filter((voorbeeld) => voorbeeld.oplossingsrichtingen.indexOf(richtingId) !== -1 &&
      (state.gestopt || voorbeeld.status !== config.verborgen_status));
  }

  function chooser(kind, id, name) {
    const boxId = "kies-" + GEKOZEN[kind] + "-" + id;
    const wrapper = element("p", {"class": "ba-kies"});
    const box = element("input", {type: "checkbox", id: boxId});
    box.checked = state.gekozen[kind].indexOf(id) !== -1;
    box.addEventListener("change", () => {
      const chosen = state.gekozen[kind].filter((value) => value !== id);
      if (box.checked) chosen.push(id);
      state.gekozen[kind] = chosen;
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

  /* Why a praktijkvoorbeeld stands in the first selection: what it brings in, or that it shares the most. */
  function firstReason(treffer) {
    const brings = shared(treffer.dekt);
    return brings ? "het brengt " + brings + " in de selectie." : "het deelt daarna de meeste van uw keuzes.";
  }

  /* One suggestion card; every praktijkvoorbeeld in the advice is made here. */
  function voorbeeldItem(treffer) {
    const voorbeeld = voorbeelden.get(treffer.slug);
    const item = element("li", {"class": "ba-kaart ba-voorbeeld", "data-slug": treffer.slug,
      "data-score": String(treffer.score), "data-eerst": treffer.eerst ? "ja" : "nee"});
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
    const match = element("p", {"class": "ba-gedeeld"});
    match.appendChild(element("strong", {}, "Past bij " + treffer.score + " van uw keuzes: "));
    match.appendChild(document.createTextNode(shared(treffer.gedeeld) + "."));
    item.appendChild(match);
    if (treffer.eerst) {
      const why = element("p", {"class": "ba-waarom"});
      why.appendChild(element("strong", {}, "Waarom bovenaan: "));
      why.appendChild(document.createTextNode(firstReason(treffer)));
      item.appendChild(why);
    }
    item.appendChild(chooser("praktijkvoorbeelden", treffer.slug, voorbeeld.titel));
    return item;
  }

  let advies = null;
  let adviceKey = null;

  function plural(count, one, more) { return count + " " + (count === 1 ? one : more); }

  function firstOnes() { return advies.praktijkvoorbeelden.filter((treffer) => treffer.eerst); }

  /* The line above the praktijkvoorbeelden: how many there are and how many of them are shown. */
  function voorbeeldenLine(count, shown) {
    if (!count) return "Nog geen praktijkvoorbeelden: kies hierboven locaties, problematiek of doelgroepen.";
    return plural(count, "praktijkvoorbeeld past", "praktijkvoorbeelden passen") + " bij uw analyse" +
      (shown < count ? "; hieronder eerst een selectie van " + shown + " met de reden erbij." : ".");
  }

  /* Computed and rebuilt only when the answers change: choosing an item for the beleidsdiagnose keeps the focus. */
  function renderAdvice() {
    const key = JSON.stringify([state.keuzes, state.onbekend, state.punten, state.gestopt]);
    if (key === adviceKey) return;
    adviceKey = key;
    advies = Advies.advise(data, {keuzes: state.keuzes, onbekend: state.onbekend, punten: state.punten,
      ookGestopt: state.gestopt});
    byId("advies-escalatie").hidden = advies.buitenFocus.length === 0;
    const faseNote = byId("ba-fase-melding");
    if (faseNote) faseNote.hidden = advies.buitenFocus.length === 0;
    byId("advies-escalatie-fasen").textContent = joinAnd(advies.buitenFocus.map((id) => label("fase", id).toLowerCase()));
    const richtingCount = advies.oplossingsrichtingen.length;
    const voorbeeldCount = advies.praktijkvoorbeelden.length;
    byId("advies-samenvatting").textContent = "Bij uw antwoorden passen " +
      plural(richtingCount, "oplossingsrichting", "oplossingsrichtingen") + " en " +
      plural(voorbeeldCount, "praktijkvoorbeeld", "praktijkvoorbeelden") + "." +
      (advies.buitenFocus.length ? " Let op: u koos een fase waarvoor deze handreiking niet bedoeld is." : "");
    wijzerLink.href = wijzerBase + Keuzes.toSearch(Keuzes.params(state.keuzes, data, wijzerFacets));
    const richtingList = byId("advies-richtingen");
    richtingList.textContent = "";
    advies.oplossingsrichtingen.forEach((suggestie) => { richtingList.appendChild(richtingItem(suggestie)); });
    // The first selection only (also keeps a click fast with thousands of examples); "Toon alle" adds the rest.
    const voorbeeldList = byId("advies-voorbeelden");
    voorbeeldList.textContent = "";
    const first = firstOnes();
    first.forEach((treffer) => { voorbeeldList.appendChild(voorbeeldItem(treffer)); });
    byId("advies-voorbeelden-aantal").textContent = voorbeeldenLine(voorbeeldCount, first.length);
    const more = byId("advies-meer");
    more.hidden = voorbeeldCount <= first.length;
    more.textContent = "Toon alle " + voorbeeldCount + " praktijkvoorbeelden";
  }

  function showAll() {
    const list = byId("advies-voorbeelden");
    const added = advies.praktijkvoorbeelden.slice(list.children.length).map((treffer) => list.appendChild(voorbeeldItem(treffer)));
    byId("advies-meer").hidden = true;
    const count = advies.praktijkvoorbeelden.length;
    byId("advies-voorbeelden-aantal").textContent = voorbeeldenLine(count, count);
    // Keyboard and screen reader users continue at the first one that was added.
    if (added.length) added[0].querySelector("a").focus();
  }

  // --- the beleidsdiagnose ------------------------------------------------------------------

  const rows = new Map();

  function chosenItems() {
    const items = [];
    advies.oplossingsrichtingen.forEach((suggestie) => {
      if (state.gekozen.oplossingsrichtingen.indexOf(suggestie.id) === -1) return;
      items.push({key: "oplossingsrichting:" + suggestie.id, soort: "Oplossingsrichting",
        naam: richtingen.get(suggestie.id).label});
    });
    advies.praktijkvoorbeelden.forEach((treffer) => {
      if (state.gekozen.praktijkvoorbeelden.indexOf(treffer.slug) === -1) return;
      items.push({key: "praktijkvoorbeeld:" + treffer.slug, soort: "Praktijkvoorbeeld",
        naam: voorbeelden.get(treffer.slug).titel});
    });
    return items;
  }

  function createRow(item) {
    const row = template.content.firstElementChild.cloneNode(true);
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
        const values = state.beleidsdiagnose[item.key] = state.beleidsdiagnose[item.key] || {};
        if (field.value) values[veld] = field.value;
        else delete values[veld];
        renderReport();
        persist();
      });
    });
    return row;
  }

  function renderDiagnose() {
    const items = chosenItems();
    const body = byId("diagnose-rijen");
    const wanted = new Set(items.map((item) => item.key));
    rows.forEach((row, key) => {
      if (!wanted.has(key)) { row.remove(); rows.delete(key); }
    });
    items.forEach((item, i) => {
      let row = rows.get(item.key);
      if (!row) { row = createRow(item); rows.set(item.key, row); }
      if (body.children[i] !== row) body.insertBefore(row, body.children[i] || null);
    });
    byId("diagnose-leeg").hidden = items.length > 0;
    byId("diagnose-tabel-blok").hidden = items.length === 0;
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
      if (state.onbekend.indexOf(nummer) !== -1) lines.appendChild(element("li", {}, "Weten we niet"));
      box.appendChild(lines.children.length ? lines : element("p", {}, "Niet ingevuld."));
      if (state.notities[nummer]) {
        const note = "Aantekeningen: " + state.notities[nummer].trim();
        box.appendChild(element("p", {"class": "ba-verslag-notitie"}, note));
      }
    });
  }

  function reportAdvice(box) {
    if (advies.buitenFocus.length) {
      const note = byId("advies-escalatie").cloneNode(true);
      note.removeAttribute("id");
      note.hidden = false;
      all(note, "[id]").forEach((node) => { node.removeAttribute("id"); });
      box.appendChild(note);
    }
    box.appendChild(element("h4", {}, "Oplossingsrichtingen"));
    const list = element("ul", {});
    advies.oplossingsrichtingen.forEach((suggestie) => {
      const chosen = state.gekozen.oplossingsrichtingen.indexOf(suggestie.id) !== -1;
      const line = element("li", {});
      line.appendChild(element("strong", {}, richtingen.get(suggestie.id).label + (chosen ? " (gekozen)" : "")));
      line.appendChild(document.createTextNode(". Waarom: " + reasons(suggestie)));
      list.appendChild(line);
    });
    box.appendChild(list);
    const chosen = advies.praktijkvoorbeelden.filter((treffer) => state.gekozen.praktijkvoorbeelden.indexOf(treffer.slug) !== -1);
    const shown = chosen.length ? chosen : firstOnes();
    box.appendChild(element("h4", {}, chosen.length ? "Gekozen praktijkvoorbeelden"
      : "Eerste selectie van praktijkvoorbeelden (nog geen gekozen)"));
    if (!shown.length) box.appendChild(element("p", {}, "Geen."));
    const examples = element("ul", {});
    shown.forEach((treffer) => {
      const line = element("li", {});
      line.appendChild(element("strong", {}, voorbeelden.get(treffer.slug).titel));
      line.appendChild(document.createTextNode(". Past bij: " + shared(treffer.gedeeld) + "."));
      examples.appendChild(line);
    });
    if (shown.length) box.appendChild(examples);
  }

  function reportDiagnose(box) {
    const items = chosenItems();
    if (!items.length) {
      box.appendChild(element("p", {}, "Geen oplossingsrichtingen of praktijkvoorbeelden gekozen."));
      return;
    }
    const table = element("table", {"class": "ba-diagnosetabel"});
    const head = element("tr", {});
    all(byId("diagnose-tabel"), "thead th").forEach((cell) => {
      head.appendChild(element("th", {scope: "col"}, cell.textContent));
    });
    table.appendChild(element("thead", {})).appendChild(head);
    const body = table.appendChild(element("tbody", {}));
    items.forEach((item) => {
      const row = body.appendChild(element("tr", {}));
      row.appendChild(element("th", {scope: "row"}, item.soort + ": " + item.naam));
      const values = state.beleidsdiagnose[item.key] || {};
      kolommen.forEach((kolom) => { row.appendChild(element("td", {}, values[kolom.sleutel] || "")); });
    });
    box.appendChild(table);
  }

  function renderReport() {
    const box = byId("verslag-inhoud");
    box.textContent = "";
    const meta = element("dl", {"class": "ba-verslag-meta"});
    const casus = state.casus && casussen.get(state.casus);
    const rows = [["Buurt", state.buurt.trim() || "(geen naam)"],
      ["Datum", state.datum ? formatDate(state.datum) : "(geen datum)"]];
    if (casus) rows.push(["Oefencasus", "Casus " + casus.nummer + ": " + casus.titel]);
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
    const aside = byId("ba-casus");
    aside.hidden = !state.casus;
    byId("ba-werkruimte").classList.toggle("ba-werkruimte--casus", !!state.casus);
    all(aside, "[data-casus]").forEach((section) => {
      section.hidden = section.getAttribute("data-casus") !== state.casus;
    });
  }

  // --- saving in the browser (on every change), files ------------------------------------------

  function status(message) { byId("ba-status").textContent = message; }

  function snapshot() { return JSON.parse(JSON.stringify(state)); }

  const EMPTY = JSON.stringify(emptyState());
  let storageFailed = false;

  function nameOf(analysis) { return analysis.buurt.trim() || "Analyse zonder buurtnaam"; }

  function timeOf(iso) {
    return iso ? new Date(iso).toLocaleString("nl-NL", {dateStyle: "short", timeStyle: "short"}) : "";
  }

  /* The kept analyses in the list; the one on the page is marked and selected. */
  function listSaved() {
    const entries = Opslag.list();
    const select = byId("ba-bewaard");
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
    select.value = ids.indexOf(previous) !== -1 ? previous : ids.indexOf(currentId) !== -1 ? currentId : ids[0] || "";
    byId("ba-bewaard-blok").hidden = entries.length === 0;
  }

  /* After every change: this analysis into the browser's storage. An untouched empty form is not kept. */
  function persist() {
    const analysis = snapshot();
    if (JSON.stringify(analysis) === EMPTY && !Opslag.get(currentId)) return;
    if (Opslag.put(currentId, analysis)) {
      byId("ba-opgeslagen").textContent = "Bewaard in deze browser (" + timeOf(new Date().toISOString()) + ").";
      storageFailed = false;
    } else if (!storageFailed) {
      storageFailed = true;
      byId("ba-opgeslagen").textContent = "";
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
    const id = byId("ba-bewaard").value;
    const analysis = Opslag.get(id);
    if (!analysis) return;
    load(id, analysis, "Geopend: \u2018" + nameOf(sanitize(analysis).state) + "\u2019.");
  }

  function removeSaved() {
    const id = byId("ba-bewaard").value;
    const analysis = Opslag.get(id);
    if (!analysis) return;
    const name = nameOf(sanitize(analysis).state);
    if (!window.confirm("De analyse \u2018" + name + "\u2019 verwijderen uit deze browser?")) return;
    Opslag.remove(id);
    if (id === currentId) load(Opslag.newId(), {}, "");
    listSaved();
    status("Verwijderd uit deze browser: \u2018" + name + "\u2019.");
    (byId("ba-bewaard-blok").hidden ? byId("ba-nieuw") : byId("ba-bewaard")).focus();
  }

  function startNew() {
    Opslag.setCurrent(null);
    load(Opslag.newId(), {}, "Een nieuwe, lege analyse. De vorige blijft bewaard in de lijst hieronder.");
    byId("ba-buurt").focus();
  }

  function fileName() {
    const name = state.buurt.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
    return "buurtanalyse" + (name ? "-" + name : "") + (state.datum ? "-" + state.datum : "") + ".json";
  }

  function exportFile() {
    const payload = Object.assign({type: FILE_TYPE, versie: VERSION, gemaakt: new Date().toISOString()}, snapshot());
    const blob = new Blob([JSON.stringify(payload, null, 2) + "\n"], {type: "application/json"});
    const link = element("a", {href: URL.createObjectURL(blob), download: fileName(), hidden: ""});
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => { URL.revokeObjectURL(link.href); }, 10000);
    status("Ge\u00EBxporteerd als " + fileName() + ". Met \u2018Importeer een bestand\u2019 opent u het later weer.");
  }

  /* An imported file becomes a new analysis beside the others. */
  function importFile(file) {
    file.text().then((content) => {
      let raw;
      try {
        raw = JSON.parse(content);
      } catch {
        status("Het bestand " + file.name + " is geen buurtanalyse: het is geen geldig JSON-bestand.");
        return;
      }
      if (!raw || raw.type !== FILE_TYPE) {
        status("Het bestand " + file.name + " is geen buurtanalyse van deze site.");
        return;
      }
      load(Opslag.newId(), raw, "Ge\u00EFmporteerd als nieuwe analyse: " + file.name + ".");
    });
  }

  // --- updating -------------------------------------------------------------------------

  /* After every change: advice, beleidsdiagnose, report, (when the answers changed) the address, and saving. */
  function refresh(answersChanged) {
    renderAdvice();
    renderDiagnose();
    renderReport();
    if (answersChanged) Keuzes.setAddress(addressOf(state), false);
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
    renderReport();
    persist();
  });
  byId("ba-gestopt").addEventListener("change", (event) => {
    state.gestopt = event.target.checked;
    refresh(true);
  });
  byId("advies-meer").addEventListener("click", showAll);
  byId("ba-casus-sluit").addEventListener("click", () => {
    state.casus = null;
    showCasus();
    refresh(true);
    const heading = byId("ba-stappen-kop");
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  });
  byId("ba-open").addEventListener("click", openSaved);
  byId("ba-verwijder").addEventListener("click", removeSaved);
  byId("ba-exporteer").addEventListener("click", exportFile);
  byId("ba-importeer").addEventListener("click", () => { byId("ba-bestand").click(); });
  byId("ba-bestand").addEventListener("change", (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (file) importFile(file);
  });
  byId("ba-nieuw").addEventListener("click", startNew);
  all(document, "[data-print-verslag]").forEach((button) => {
    button.addEventListener("click", () => {
      renderReport();
      window.print();
    });
  });

  // --- start ------------------------------------------------------------------------------

  /* The analysis the browser kept is reopened, unless the address asks for other answers (a shared link,
     "Oefen met deze casus"): those start a new analysis, and the kept one stays in the list. */
  const start = fromAddress(window.location.search);
  Keuzes.showUnknown(byId("ba-melding"), start.unknown);
  const keptId = Opslag.current();
  const kept = keptId && sanitize(Opslag.get(keptId)).state;
  const askedFor = addressOf(start.state);
  const reopen = kept && (askedFor === "" || askedFor === addressOf(kept));
  currentId = reopen ? keptId : Opslag.newId();
  state = reopen ? kept : start.state;
  applyState();
  byId("ba-beheer").hidden = false;
  byId("ba-afsluiten").hidden = false;
  root.classList.add("ba--actief");
  refresh(true);  // also drops ignored values from the address
  listSaved();
  if (reopen) status("Uw analyse \u2018" + nameOf(state) + "\u2019 is teruggezet zoals u haar achterliet.");
})();
