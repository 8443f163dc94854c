/*
 * The interventiewijzer page: adds the filters to the cards the server rendered.
 *
 * Without this script the page lists every praktijkvoorbeeld (#resultaten). With it:
 * - a form with a text box and one fieldset of checkboxes per facet, built from window.HANDREIKING
 *   (labels and order from the vocabularies);
 * - the matching cards (HandreikingFilter decides) in #resultaten, at most PAGE_SIZE at a time with a
 *   "Toon meer" button (all of them when printing), counts per option (what ticking it shows), a live
 *   result line, and on narrow screens a copy of the number that sticks below the filters;
 * - the state in the URL (?locatie=a&doelgroep=b&doelgroep=c&q=tekst): read on load and on Back,
 *   written on every change as a history entry (typing in the text box updates one entry);
 *   values the data does not know are ignored and named in a visible note.
 * A classic script (no ES module) so that it also runs from file://. It runs where the page includes
 * it, before Material's bundle: see the note on ?q= at the end.
 */
(() => {
  "use strict";

  const data = window.HANDREIKING;
  const Filter = window.HandreikingFilter;
  const Adres = window.HandreikingWijzerAdres;
  const Pagina = window.HandreikingPagina;
  const root = document.getElementById("wijzer");
  const list = document.getElementById("resultaten");
  if (!data || !Filter || !Adres || !Pagina || !root || !list) return;

  const index = Filter.createIndex(data);
  const facets = index.facets;
  const element = Pagina.element;
  const textParameter = data.interventiewijzer.zoekparameter;
  // Material for MkDocs opens its search box when the address has this parameter: see the end.
  const MATERIAL_SEARCH = "q";
  let state = {chosen: {}, q: ""};
  let lastChange = null;  // textParameter while typing: the text box then updates one history entry
  const ui = {};

  // --- the cards the server rendered, in the order of index.items --------------------------

  // Cards are moved in and out of the list, never re-created. Only the first PAGE_SIZE matches
  // are in the list at a time: the work per change stays small with thousands of cards.
  const PAGE_SIZE = 50;
  const cardBySlug = new Map();
  Array.prototype.forEach.call(list.children, (card) => { cardBySlug.set(card.getAttribute("data-slug"), card); });
  const cards = index.items.map((item) => cardBySlug.get(item.slug) || null);
  let inList = [];  // indexes of the cards now in the list, ascending
  cards.forEach((card, i) => { if (card) inList.push(i); });
  let limit = PAGE_SIZE;
  let printing = false;

  // --- building the form ------------------------------------------------------------------

  function buildTextBox() {
    const box = element("div", {"class": "wijzer-zoek"});
    box.appendChild(element("label", {"for": "wijzer-q"}, "Zoek op woorden"));
    box.appendChild(element("p", {"class": "wijzer-hint", id: "wijzer-q-hint"},
      "In titel, samenvatting, werkwijze en gemeente; hoofdletters en accenten tellen niet mee."));
    ui.text = element("input", {type: "search", id: "wijzer-q", name: textParameter, autocomplete: "off",
      "aria-describedby": "wijzer-q-hint"});
    ui.text.addEventListener("input", () => {
      state.q = ui.text.value;
      update(textParameter);
    });
    box.appendChild(ui.text);
    return box;
  }

  function hiddenNote(facet) {
    const labels = facet.termen.filter((term, i) => facet.verborgen[i] === 1)
      .map((term) => term.label);
    if (!labels.length) return null;
    const name = data.vocabulaires[facet.naam].label.toLowerCase();
    const values = labels.join("\u2019 of \u2018");
    return `Praktijkvoorbeelden met ${name} \u2018${values}\u2019 ziet u alleen als u die aanvinkt.`;
  }

  function buildFacet(facet) {
    const vocabulary = data.vocabulaires[facet.naam];
    const fieldset = element("fieldset", {"class": "wijzer-facet", "data-facet": facet.naam});
    fieldset.appendChild(element("legend", {}, vocabulary.label));
    const note = hiddenNote(facet);
    if (note) {
      const hintId = "wijzer-" + facet.naam + "-uitleg";
      fieldset.appendChild(element("p", {"class": "wijzer-hint", id: hintId}, note));
      fieldset.setAttribute("aria-describedby", hintId);
    }
    const options = element("ul", {"class": "wijzer-opties"});
    facet.options = facet.termen.map((term) => {
      const id = "wijzer-" + facet.naam + "-" + term.id;
      const item = element("li", {"class": "wijzer-optie"});
      const box = element("input", {type: "checkbox", id, name: facet.naam, value: term.id});
      const label = element("label", {"for": id}, term.label + " ");
      const count = element("span", {"class": "wijzer-telling"});
      label.appendChild(count);
      box.addEventListener("change", () => {
        let chosen = state.chosen[facet.naam] || [];
        chosen = chosen.filter((value) => value !== term.id);
        if (box.checked) chosen.push(term.id);
        state.chosen[facet.naam] = chosen;
        update(facet.naam);
      });
      item.appendChild(box);
      item.appendChild(label);
      options.appendChild(item);
      return {term, box, item, count, value: -1};
    });
    fieldset.appendChild(options);
    return fieldset;
  }

  function buildForm() {
    const form = element("form", {"class": "wijzer-filters", id: "wijzer-filters",
      "aria-labelledby": "wijzer-filters-kop"});
    form.addEventListener("submit", (event) => { event.preventDefault(); });
    form.appendChild(element("h2", {"class": "wijzer-kop", id: "wijzer-filters-kop"}, "Filters"));
    const skip = element("a", {"class": "wijzer-overslaan", href: "#wijzer-resultaten-kop"},
      "Direct naar de praktijkvoorbeelden");
    form.appendChild(skip);
    form.appendChild(buildTextBox());
    facets.forEach((facet) => { form.appendChild(buildFacet(facet)); });
    const buttons = element("div", {"class": "wijzer-knoppen"});
    const clear = element("button", {type: "button", "class": "md-button wijzer-wis"}, "Wis filters");
    clear.addEventListener("click", () => {
      state = {chosen: {}, q: ""};
      showUnknown([]);
      syncForm();
      update("wis");
      ui.text.focus();
    });
    const print = element("button", {type: "button", "class": "md-button wijzer-afdrukken"}, "Selectie afdrukken");
    print.addEventListener("click", () => { window.print(); });
    buttons.appendChild(clear);
    buttons.appendChild(print);
    form.appendChild(buttons);
    // On a phone the filters stand above the cards: this line sticks to the bottom of the screen
    // while the filters are in view, so a tap shows its effect. Not a live region: #wijzer-aantal
    // already announces the same number.
    ui.summary = element("p", {"class": "wijzer-kort", id: "wijzer-kort"});
    ui.summaryText = element("span", {});
    ui.summary.appendChild(ui.summaryText);
    ui.summary.appendChild(element("a", {href: "#wijzer-resultaten-kop"}, "Bekijk"));
    form.appendChild(ui.summary);
    return form;
  }

  function buildOutcome() {
    const outcome = document.getElementById("wijzer-uitkomst");
    const heading = document.getElementById("wijzer-resultaten-kop");
    ui.count = document.getElementById("wijzer-aantal");
    ui.note = element("div", {"class": "admonition warning wijzer-melding", id: "wijzer-melding", hidden: ""});
    ui.selection = element("p", {"class": "wijzer-selectie", id: "wijzer-selectie"});
    ui.empty = element("p", {"class": "wijzer-leeg", id: "wijzer-leeg", hidden: ""},
      "Geen praktijkvoorbeelden passen bij deze keuze. Zet een filter uit of kies \u2018Wis filters\u2019.");
    outcome.insertBefore(ui.note, heading);
    heading.parentNode.insertBefore(ui.selection, ui.count);
    ui.more = element("button", {type: "button", "class": "md-button wijzer-meer", hidden: ""});
    ui.more.addEventListener("click", showMore);
    list.parentNode.insertBefore(ui.more, list.nextSibling);
    list.parentNode.insertBefore(ui.empty, list.nextSibling);
  }

  // --- state <-> URL -------------------------------------------------------------------------

  function readUrl() {
    const read = Adres.parse(window.location.search, data);
    state = {chosen: read.chosen, q: read.q};
    return read.unknown;
  }

  function writeUrl(change, replace) {
    const typing = change === textParameter && lastChange === textParameter;
    Pagina.setAddress(Adres.format(state, data), !(replace || typing));
  }

  function showUnknown(unknown) {
    Pagina.showUnknown(ui.note, unknown);
  }

  // --- rendering --------------------------------------------------------------------------

  function syncForm() {
    ui.text.value = state.q;
    facets.forEach((facet) => {
      const chosen = state.chosen[facet.naam] || [];
      facet.options.forEach((option) => { option.box.checked = chosen.indexOf(option.term.id) !== -1; });
    });
  }

  function describeSelection() {
    const parts = [];
    facets.forEach((facet) => {
      const labels = facet.options.filter((option) => option.box.checked)
        .map((option) => option.term.label);
      if (labels.length) parts.push(data.vocabulaires[facet.naam].label + ": " + labels.join(" of "));
    });
    if (state.q.trim()) parts.push("woorden: \u2018" + state.q.trim() + "\u2019");
    return parts.length ? "Uw keuze \u2014 " + parts.join("; ") + "." : "Geen filters gekozen.";
  }

  /* Put exactly the cards ``wanted`` in the list, in that order; in site order only what changes is touched. */
  function showCards(wanted) {
    const ascending = (list) => list.every((value, k) => k === 0 || list[k - 1] < value);
    if (!ascending(wanted) || !ascending(inList) || Math.abs(wanted.length - inList.length) > PAGE_SIZE) {
      // Thousands of cards in or out (the first render, printing): one by one, every removal or
      // insertion renumbers the rest of the <ol>, which is quadratic. Replace the whole list instead;
      // so too for a text search, whose best matches come first (at most a page of cards).
      const fragment = document.createDocumentFragment();
      wanted.forEach((index) => { fragment.appendChild(cards[index]); });
      list.textContent = "";
      list.appendChild(fragment);
      inList = wanted;
      return;
    }
    let i = 0;
    let j = 0;
    while (i < inList.length || j < wanted.length) {
      if (j >= wanted.length || (i < inList.length && inList[i] < wanted[j])) {
        list.removeChild(cards[inList[i++]]);
      } else if (i >= inList.length || wanted[j] < inList[i]) {
        list.insertBefore(cards[wanted[j++]], i < inList.length ? cards[inList[i]] : null);
      } else {
        i++;
        j++;
      }
    }
    inList = wanted;
  }

  function render() {
    const result = index.run(state.chosen, state.q);
    const max = printing ? Infinity : limit;
    const wanted = result.order.filter((i) => cards[i]).slice(0, max);
    showCards(wanted);
    facets.forEach((facet, f) => {
      facet.options.forEach((option, o) => {
        const value = result.counts[f][o];
        if (value === option.value) return;
        option.value = value;
        option.count.textContent = "(" + value + ")";
        option.item.classList.toggle("wijzer-optie--leeg", value === 0);
      });
    });
    const word = index.items.length === 1 ? "praktijkvoorbeeld" : "praktijkvoorbeelden";
    let line = result.total + " van de " + index.items.length + " " + word;
    if (wanted.length < result.total) line += "; de eerste " + wanted.length + " staan hieronder";
    ui.count.textContent = line;
    ui.summaryText.textContent = `${result.total} ${result.total === 1 ? "praktijkvoorbeeld" : "praktijkvoorbeelden"} `;
    ui.empty.hidden = result.total > 0;
    ui.more.hidden = wanted.length >= result.total;
    ui.more.textContent = "Toon meer praktijkvoorbeelden (nog " + (result.total - wanted.length) + ")";
    ui.selection.textContent = describeSelection();
  }

  function showMore() {
    const first = inList.length;
    limit += PAGE_SIZE;
    render();
    // Keyboard and screen reader users continue at the first card that was added.
    const link = cards[inList[first]] && cards[inList[first]].querySelector("a");
    if (link) link.focus();
  }

  function printAll(on) {
    if (printing === on) return;
    printing = on;
    render();
  }

  function update(change) {
    limit = PAGE_SIZE;
    render();
    writeUrl(change, false);
    lastChange = change;
  }

  // --- start ------------------------------------------------------------------------------

  buildOutcome();
  root.insertBefore(buildForm(), root.firstChild);
  root.classList.add("wijzer--actief");
  const unknown = readUrl();
  showUnknown(unknown);
  syncForm();
  render();
  if (textParameter === MATERIAL_SEARCH && new URLSearchParams(window.location.search).has(textParameter)) {
    // Material opens its search box when the address has ?q= (how it shares a search); it reads
    // the address when its bundle runs, later in the page than this script. Here it is the text
    // filter: hide it from Material until the page is parsed, then write the full address back.
    Pagina.setAddress(Adres.format({chosen: state.chosen, q: ""}, data), false);
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", () => { writeUrl(null, true); }, {once: true});
    } else {
      writeUrl(null, true);
    }
  } else if (unknown.length) {
    writeUrl(null, true);  // drop what was ignored, so the link shows what applies
  }

  // Printing shows the whole selection, not only the first page of it.
  window.addEventListener("beforeprint", () => { printAll(true); });
  window.addEventListener("afterprint", () => { printAll(false); });
  window.matchMedia("print").addEventListener("change", (event) => { printAll(event.matches); });

  window.addEventListener("popstate", () => {
    showUnknown(readUrl());
    syncForm();
    limit = PAGE_SIZE;
    render();
    lastChange = null;
  });
})();
