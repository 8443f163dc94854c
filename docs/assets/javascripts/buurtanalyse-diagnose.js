/*
 * The beleidsdiagnose of step 4.1 as data: a row per problem the analysis found, each answering the four
 * questions of 4.1 (is it tackled by regular policy, which policy or intervention runs now and does it cover the
 * problem, what is missing, which sectors and professionals are needed and are they involved). No DOM: runs in
 * node too. The page (buurtanalyse.js), the buurten overview and the report read it here.
 *
 *   state.beleidsdiagnose = {rijen: {key: row}, notitie: text}
 *   key   "problematiek:<term id>" for a term of data.buurtanalyse.diagnose.probleem, or
 *         "anders:<checklist slug>" for the text under "Anders, namelijk" of the checklist diagnose.anders
 *   row   {terreinen: [beleidsterrein ids], huidig: text, gedekt: oordeel, ontbreekt: text, nodig: text,
 *          betrokken: oordeel}; an oordeel is a waarde of diagnose.oordelen ("ja", "deels", "nee", "onbekend").
 *         The fields are diagnose.velden (handreiking/tools/buurtanalyse.py); an empty field is left out, and so
 *         is a row without fields.
 *
 * A row stays when its problem is no longer ticked: nothing typed is lost; rows() marks it (gevonden: false).
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else globalThis.HandreikingDiagnose = factory();
})(() => {
  "use strict";

  const ANDERS = "anders";
  const PROPOSED = 3;  // praktijkvoorbeelden proposed beside a row (besides those chosen)

  function config(data) { return data.buurtanalyse.diagnose; }

  function termKey(data, id) { return `${config(data).probleem}:${id}`; }

  function andersKey(data) { return config(data).anders ? `${ANDERS}:${config(data).anders}` : null; }

  /* Every key a row may have on this site, in site order. */
  function keys(data) {
    const terms = data.vocabulaires[config(data).probleem].termen.map((term) => termKey(data, term.id));
    return andersKey(data) ? terms.concat([andersKey(data)]) : terms;
  }

  /* The rows to show: the problems found (in site order), then rows kept for problems no longer found.
     [{key, id, label, code, gevonden}]; id is the term's id, or null for "Anders". */
  function rows(state, data) {
    const vocabulary = data.vocabulaires[config(data).probleem];
    const found = new Set((state.keuzes[config(data).probleem] || []).map((id) => termKey(data, id)));
    const anders = andersKey(data);
    const andersText = anders ? (state.anders[config(data).anders] || "").trim() : "";
    if (andersText) found.add(anders);
    const kept = state.beleidsdiagnose.rijen;
    const rowOf = (key) => {
      const term = vocabulary.termen.find((t) => termKey(data, t.id) === key);
      return term ? {key, id: term.id, label: term.label, code: term.code || null, gevonden: found.has(key)}
        : {key, id: null, label: andersText ? `Anders: ${andersText}` : "Anders", code: null, gevonden: found.has(key)};
    };
    const all = keys(data);
    return all.filter((key) => found.has(key)).concat(all.filter((key) => !found.has(key) && key in kept)).map(rowOf);
  }

  function isEmptyValue(value) {
    return Array.isArray(value) ? value.length === 0 : !String(value || "").trim();
  }

  /* One answer of a row; an emptied field is dropped, and so is a row without answers. */
  function set(state, key, veld, value) {
    const rijen = state.beleidsdiagnose.rijen;
    const row = rijen[key] = rijen[key] || {};
    if (isEmptyValue(value)) delete row[veld];
    else row[veld] = Array.isArray(value) ? value.slice() : value;
    if (!Object.keys(row).length) delete rijen[key];
  }

  function setNote(state, text) {
    state.beleidsdiagnose.notitie = String(text || "").trim() ? text : "";
  }

  /* Beside a row: the oplossingsrichtingen and praktijkvoorbeelden of the advice that concern its problem, in the
     order of the advice, those chosen marked. {oplossingsrichtingen: [{id, gekozen}], praktijkvoorbeelden:
     [{slug, gekozen}]}: every chosen one and the first PROPOSED others; nothing beside "Anders". */
  function proposals(row, advies, data, state) {
    if (!row.id) return {oplossingsrichtingen: [], praktijkvoorbeelden: []};
    const richtingen = new Map(data.oplossingsrichtingen.map((r) => [r.id, r]));
    const voorbeelden = new Map(data.praktijkvoorbeelden.map((v) => [v.slug, v]));
    const veld = data.velden[config(data).probleem];
    const gekozen = state.gekozen;
    const richtingIds = advies.oplossingsrichtingen.map((s) => s.id)
      .filter((id) => richtingen.get(id).wanneer.problematiek.includes(row.id));
    let others = 0;
    const slugs = advies.praktijkvoorbeelden.map((t) => t.slug)
      .filter((slug) => voorbeelden.get(slug)[veld].includes(row.id))
      .filter((slug) => gekozen.praktijkvoorbeelden.includes(slug) || others++ < PROPOSED);
    return {
      oplossingsrichtingen: richtingIds.map((id) => ({id, gekozen: gekozen.oplossingsrichtingen.includes(id)})),
      praktijkvoorbeelden: slugs.map((slug) => ({slug, gekozen: gekozen.praktijkvoorbeelden.includes(slug)})),
    };
  }

  /* The label of an oordeel ("Weten we niet"), or "" for none. */
  function oordeelLabel(data, waarde) {
    const found = config(data).oordelen.find((oordeel) => oordeel.waarde === waarde);
    return found ? found.label : "";
  }

  /* A row's answers field by field, in the order of diagnose.velden: [{veld, kop, label, waarden}], waarden a list
     of texts (several policy areas, one oordeel or text, or none). ``labels`` false gives ids and waarden instead of
     labels (for the standard CSV). */
  function answers(row, data, labels = true) {
    const terreinen = new Map(data.vocabulaires[config(data).terreinen].termen.map((t) => [t.id, t.label]));
    return config(data).velden.map((veld) => {
      const value = row[veld.sleutel];
      let waarden = value ? [value] : [];
      if (veld.soort === "terreinen") waarden = (value || []).map((id) => labels ? terreinen.get(id) : id);
      else if (veld.soort === "oordeel" && labels) waarden = waarden.map((waarde) => oordeelLabel(data, waarde));
      return {veld: veld.sleutel, kop: veld.kop, label: veld.label, waarden};
    });
  }

  return {ANDERS, keys, rows, set, setNote, proposals, oordeelLabel, answers};
});
