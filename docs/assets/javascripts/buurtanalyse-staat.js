/*
 * One buurtanalyse as data: its empty form, the answers the advice reads, the choices for the
 * beleidsdiagnose, and the exported file. No DOM: runs in node too.
 *
 *   {buurt, datum, casus, situatie: "what plays, in a few words", keuzes: {vocabulary: [ids]}, onbekend: [steps],
 *    punten: [values],
 *    anders: {checklist: text}, notities: {step: text}, gestopt: bool,
 *    gekozen: {oplossingsrichtingen: [ids], praktijkvoorbeelden: [slugs]},
 *    beleidsdiagnose: {"oplossingsrichting:<id>" or "praktijkvoorbeeld:<slug>": {column: text}}}
 *
 * The same shape is saved in the browser (buurtanalyse-opslag.js) and, with type and versie, exported as a
 * JSON file. What comes back from a file, the storage or the address is cleaned first (buurtanalyse-opschonen.js).
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else globalThis.HandreikingStaat = factory();
})(() => {
  "use strict";

  const FILE_TYPE = "buurtanalyse";
  const VERSION = 1;
  // gekozen's lists and the kind of item each holds, as in the keys of beleidsdiagnose.
  const KINDS = {oplossingsrichtingen: "oplossingsrichting", praktijkvoorbeelden: "praktijkvoorbeeld"};

  function empty() {
    return {buurt: "", datum: "", casus: null, situatie: "", keuzes: {}, onbekend: [], punten: [], anders: {},
      notities: {},
      gestopt: false, gekozen: {oplossingsrichtingen: [], praktijkvoorbeelden: []}, beleidsdiagnose: {}};
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

  /* Chooses (or no longer chooses) an item of the advice for the beleidsdiagnose. */
  function choose(state, list, id, chosen) {
    const others = state.gekozen[list].filter((value) => value !== id);
    state.gekozen[list] = chosen ? others.concat([id]) : others;
  }

  function diagnoseKey(list, id) {
    return `${KINDS[list]}:${id}`;
  }

  /* One answer in the beleidsdiagnose table; an emptied cell is dropped. */
  function setDiagnose(state, key, column, value) {
    const row = state.beleidsdiagnose[key] = state.beleidsdiagnose[key] || {};
    if (value) row[column] = value;
    else delete row[column];
  }

  /* The rows of the beleidsdiagnose: the chosen items in the order of the advice. */
  function chosenItems(state, advies) {
    const rows = (list, ids) => ids.filter((id) => state.gekozen[list].includes(id))
      .map((id) => ({key: diagnoseKey(list, id), soort: KINDS[list], id}));
    return rows("oplossingsrichtingen", advies.oplossingsrichtingen.map((suggestie) => suggestie.id))
      .concat(rows("praktijkvoorbeelden", advies.praktijkvoorbeelden.map((treffer) => treffer.slug)));
  }

  /* "buurtanalyse-noord-2026-11-29.json": the buurt in letters and digits, the date when there is one. */
  function fileName(state) {
    const name = state.buurt.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
    return `buurtanalyse${name ? `-${name}` : ""}${state.datum ? `-${state.datum}` : ""}.json`;
  }

  function toFile(state, now) {
    const payload = Object.assign({type: FILE_TYPE, versie: VERSION, gemaakt: now.toISOString()}, copy(state));
    return `${JSON.stringify(payload, null, 2)}\n`;
  }

  /* The analysis in an exported file's text: {raw} (still to be cleaned), or {error: "json" or "type"}. */
  function fromFile(text) {
    let raw;
    try {
      raw = JSON.parse(text);
    } catch {
      return {error: "json"};
    }
    return raw && raw.type === FILE_TYPE ? {raw} : {error: "type"};
  }

  return {KINDS, empty, isEmpty, copy, inOrder, answers, choose, diagnoseKey, setDiagnose, chosenItems, fileName,
    toFile, fromFile};
});
