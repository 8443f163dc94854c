/*
 * A buurtanalyse in the address, and back: the one place that decides what a shared link carries. No DOM: runs in
 * node too.
 *
 * - The query carries the answers, with the parameter names of the interventiewijzer plus those of
 *   data.buurtanalyse.parameters (onbekend, casus, gestopt, situatie: "Wat speelt er?").
 * - The fragment (after "#", which a browser never sends to a server) carries what goes beyond the answers:
 *   "#analyse=" and the base64url of UTF-8 JSON {v: 2, d: beleidsdiagnose in compact form}. The compact form:
 *   [notitie, {row key: [the row's fields in the order of data.buurtanalyse.diagnose.velden]}], a missing field
 *   as "" (or [] for the policy areas), trailing empty fields left out.
 * - Never the buurt name, the notes of the steps or other items.
 *
 *   HandreikingAnalyseAdres.format(state, data)              "?locatie=publieke-ruimte&onbekend=2.3"
 *   HandreikingAnalyseAdres.fragment(state, data)            "#analyse=eyJ2Ij..." or "" (nothing to carry)
 *   HandreikingAnalyseAdres.parse(search, data, known, hash) {state, unknown: [{naam, waarde}]}, cleaned against
 *                                                            known (HandreikingOpschonen.known)
 *   HandreikingAnalyseAdres.ownsFragment(hash)               whether the fragment is one of these (not an anchor)
 *
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./handreiking-keuzes.js"), require("./buurtanalyse-opschonen.js"));
  } else {
    globalThis.HandreikingAnalyseAdres = factory(globalThis.HandreikingKeuzes, globalThis.HandreikingOpschonen);
  }
})((Keuzes, Opschonen) => {
  "use strict";

  const YES = "ja";  // the value of the gestopt parameter
  const FRAGMENT = "#analyse=";
  const VERSION = 2;  // of the fragment's payload: the state's versie it was made from

  function format(state, data) {
    const config = data.buurtanalyse;
    const P = config.parameters;
    const params = Keuzes.params(state.keuzes, data, config.vocabulaires);
    state.onbekend.forEach((stap) => { params.append(P.onbekend, stap); });
    if (state.casus) params.set(P.casus, state.casus);
    if (state.gestopt) params.set(P.gestopt, YES);
    if (state.situatie.trim()) params.set(P.situatie, state.situatie.trim());
    return Keuzes.toSearch(params);
  }

  function toBase64Url(text) {
    let binary = "";
    new TextEncoder().encode(text).forEach((byte) => { binary += String.fromCharCode(byte); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(code) {
    const binary = atob(code.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  }

  function compactDiagnose(diagnose, velden) {
    const rows = {};
    Object.keys(diagnose.rijen).forEach((key) => {
      const values = velden.map((veld) => diagnose.rijen[key][veld.sleutel] || (veld.soort === "terreinen" ? [] : ""));
      while (values.length && !values[values.length - 1].length) values.pop();
      rows[key] = values;
    });
    return [diagnose.notitie, rows];
  }

  function expandDiagnose(compact, velden) {
    const [notitie, rows] = Array.isArray(compact) ? compact : [];
    const rijen = {};
    Object.keys(rows && typeof rows === "object" ? rows : {}).forEach((key) => {
      const values = Array.isArray(rows[key]) ? rows[key] : [];
      rijen[key] = {};
      velden.forEach((veld, i) => { if (values[i] !== undefined) rijen[key][veld.sleutel] = values[i]; });
    });
    return {rijen, notitie};
  }

  function fragment(state, data) {
    const diagnose = state.beleidsdiagnose;
    if (!diagnose.notitie && !Object.keys(diagnose.rijen).length) return "";
    const payload = {v: VERSION, d: compactDiagnose(diagnose, data.buurtanalyse.diagnose.velden)};
    return FRAGMENT + toBase64Url(JSON.stringify(payload));
  }

  function ownsFragment(hash) {
    return String(hash || "").startsWith(FRAGMENT);
  }

  /* What the fragment carries, as raw state fields (still to be cleaned); {} when it carries nothing readable. */
  function readFragment(hash, data) {
    if (!ownsFragment(hash)) return {};
    try {
      const payload = JSON.parse(fromBase64Url(hash.slice(FRAGMENT.length)));
      if (!payload || payload.v !== VERSION) return {};
      return {beleidsdiagnose: expandDiagnose(payload.d, data.buurtanalyse.diagnose.velden)};
    } catch {
      return {};  // cut off in a mail or chat, or typed over: the answers in the query still count
    }
  }

  function parse(search, data, known, hash) {
    const config = data.buurtanalyse;
    const P = config.parameters;
    const read = Keuzes.read(search, data, config.vocabulaires);
    const params = new URLSearchParams(search);
    const raw = Object.assign({versie: VERSION, keuzes: read.chosen, onbekend: params.getAll(P.onbekend),
      casus: params.get(P.casus), gestopt: params.get(P.gestopt) === YES, situatie: params.get(P.situatie) || ""},
      readFragment(hash, data));
    const result = Opschonen.sanitize(raw, known);
    return {state: result.state, unknown: read.unknown.concat(result.ignored)};
  }

  return {format, fragment, parse, ownsFragment};
});
