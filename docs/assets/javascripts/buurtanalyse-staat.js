/*
 * One buurtanalyse as data: its empty form, the answers the advice reads, the choices from the advice, and the
 * exported file. No DOM: runs in node too. The current shape (versie 2):
 *
 *   {versie: 2, buurt, datum ("JJJJ-MM-DD" or ""), casus (slug or null),
 *    situatie: "what plays, in a few words",
 *    keuzes: {vocabulary: [ids]}, onbekend: [steps], punten: [values], anders: {checklist slug: text},
 *    notities: {step: text}, gestopt: bool,
 *    gekozen: {oplossingsrichtingen: [ids], praktijkvoorbeelden: [slugs]},
 *    cijfers: [{wat, waarde, bron}],                      figures from a monitor, all free text
 *    beleidsdiagnose: {rijen: {row key: row}, notitie: text}}   see buurtanalyse-diagnose.js
 *
 * Every list holds each value once, in site order; empty texts, rows and figures are left out. The same shape is
 * saved in the browser (buurtanalyse-opslag.js) and, with type and gemaakt, exported as a JSON file (several at once:
 * {type: "buurtanalyses", versie, gemaakt, analyses: [state]}). What comes
 * back from a file, the storage or the address is upgraded (buurtanalyse-migratie.js) and cleaned
 * (buurtanalyse-opschonen.js) first. Raise VERSION, with a step in the migration, when a field changes its
 * meaning or shape; a new field whose absence reads as empty needs neither.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else globalThis.HandreikingStaat = factory();
})(() => {
  "use strict";

  const FILE_TYPE = "buurtanalyse";
  const COLLECTION_TYPE = "buurtanalyses";
  const VERSION = 2;
  // gekozen's lists and the kind of item each holds.
  const KINDS = {oplossingsrichtingen: "oplossingsrichting", praktijkvoorbeelden: "praktijkvoorbeeld"};

  function empty() {
    return {versie: VERSION, buurt: "", datum: "", casus: null, situatie: "", keuzes: {}, onbekend: [], punten: [],
      anders: {}, notities: {}, gestopt: false, gekozen: {oplossingsrichtingen: [], praktijkvoorbeelden: []},
      cijfers: [], beleidsdiagnose: {rijen: {}, notitie: ""}};
  }

  function isEmpty(state) {
    return JSON.stringify(state) === JSON.stringify(empty());
  }

  function copy(state) {
    return JSON.parse(JSON.stringify(state));
  }

  /* The values in ``order`` that are in ``values``: one order for one choice. */
  function inOrder(values, order) {
    return order.filter((value) => values.includes(value));
  }

  /* What the advice reads (HandreikingAdvies.advise). */
  function answers(state) {
    return {keuzes: state.keuzes, onbekend: state.onbekend, punten: state.punten, ookGestopt: state.gestopt,
      situatie: state.situatie};
  }

  /* Chooses (or no longer chooses) an item of the advice for the proposal; the beleidsdiagnose shows it beside its
     problems. ``order``: every id of the list in site order (the list keeps it, as after a reload). */
  function choose(state, list, id, chosen, order) {
    const others = state.gekozen[list].filter((value) => value !== id);
    state.gekozen[list] = inOrder(chosen ? others.concat([id]) : others, order);
  }

  /* "buurtanalyse-noord-2026-11-29.json": the buurt in letters and digits, the date when there is one. */
  function fileName(state) {
    const name = state.buurt.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
    return `buurtanalyse${name ? `-${name}` : ""}${state.datum ? `-${state.datum}` : ""}.json`;
  }

  /* The file's own fields first; the state carries its versie. */
  function toFile(state, now) {
    const payload = Object.assign({type: FILE_TYPE, versie: VERSION, gemaakt: now.toISOString()}, copy(state));
    return `${JSON.stringify(payload, null, 2)}\n`;
  }

  /* Several analyses in one file (the buurten overview exports all of them). */
  function toCollection(states, now) {
    const payload = {type: COLLECTION_TYPE, versie: VERSION, gemaakt: now.toISOString(), analyses: states.map(copy)};
    return `${JSON.stringify(payload, null, 2)}\n`;
  }

  /* The analyses in a file's text, one file or a collection: {analyses: [raw]} (still to be upgraded and
     cleaned), or {error: "json" or "type"}. */
  function fromFile(text) {
    let raw;
    try {
      raw = JSON.parse(text);
    } catch {
      return {error: "json"};
    }
    if (raw && raw.type === FILE_TYPE) return {analyses: [raw]};
    if (raw && raw.type === COLLECTION_TYPE && Array.isArray(raw.analyses)) return {analyses: raw.analyses};
    return {error: "type"};
  }

  return {FILE_TYPE, VERSION, KINDS, empty, isEmpty, copy, inOrder, answers, choose, fileName, toFile, toCollection,
    fromFile};
});
