/*
 * A buurtanalyse in the address, and back: the one place that decides what a shared link carries. No DOM: runs in
 * node too. A link carries the whole analysis:
 *
 * - The query carries the answers, with the parameter names of the interventiewijzer plus those of
 *   data.buurtanalyse.parameters (onbekend, casus, gestopt, situatie: "Wat speelt er?").
 * - The fragment (after "#", which a browser never sends to a server) carries everything else: "#analyse=" and
 *   the base64url of UTF-8 JSON {v: 2, ...}, with only the keys that hold something:
 *     d  the beleidsdiagnose: [notitie, {row key: [the row's fields in the order of
 *        data.buurtanalyse.diagnose.velden]}], a missing field as "" (or [] for the policy areas), trailing empty
 *        fields left out
 *     b  the buurt's name                     t  the date (JJJJ-MM-DD)
 *     p  the ticked items (state.punten), front-coded: [length of the prefix shared with the previous value,
 *        the rest, ...] ("kenmerken-1-1", "kenmerken-1-2" gives [0, "kenmerken-1-1", 12, "2"])
 *     a  "Anders, namelijk" {checklist slug: text}      n  the notes {step: text}
 *     c  the figures: [[their fields in the order of data.buurtanalyse.cijfers]], trailing empty fields left out
 *     g  the choice for the proposal: [[oplossingsrichting ids], [praktijkvoorbeeld slugs]]
 *   A link made before these keys (only d) still reads; a reader ignores keys it does not know.
 *
 *   HandreikingAnalyseAdres.format(state, data)              "?locatie=publieke-ruimte&onbekend=2.3"
 *   HandreikingAnalyseAdres.fragment(state, data)            "#analyse=eyJ2Ij..." or "" (nothing to carry)
 *   HandreikingAnalyseAdres.parse(search, data, known, hash) {state, unknown: [{naam, waarde}], unreadable}, cleaned
 *                                                            against known (HandreikingOpschonen.known); unreadable:
 *                                                            the fragment is one of these but cut off or damaged
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

  /* Front coding: each value as the length of the prefix it shares with the one before, and the rest. */
  function frontCode(values) {
    const coded = [];
    let previous = "";
    values.forEach((value) => {
      let shared = 0;
      while (shared < previous.length && shared < value.length && previous[shared] === value[shared]) shared++;
      coded.push(shared, value.slice(shared));
      previous = value;
    });
    return coded;
  }

  function frontDecode(coded) {
    const values = [];
    let previous = "";
    for (let i = 0; i + 1 < coded.length; i += 2) {
      const [shared, rest] = [coded[i], coded[i + 1]];
      if (!Number.isInteger(shared) || shared < 0 || shared > previous.length || typeof rest !== "string") break;
      previous = previous.slice(0, shared) + rest;
      values.push(previous);
    }
    return values;
  }

  /* A record as its values in the order of ``velden``, trailing empty ones left out. */
  function positional(record, velden) {
    const values = velden.map((veld) => record[veld.sleutel] || "");
    while (values.length && !values[values.length - 1]) values.pop();
    return values;
  }

  function isFilled(value) {
    if (Array.isArray(value)) return value.some(isFilled);
    if (value && typeof value === "object") return Object.keys(value).length > 0;
    return Boolean(value);
  }

  /* What the fragment carries: {v, ...} with the keys that hold something, or null when nothing does. */
  function carried(state, data) {
    const config = data.buurtanalyse;
    const diagnose = state.beleidsdiagnose;
    const parts = {
      d: diagnose.notitie || Object.keys(diagnose.rijen).length ? compactDiagnose(diagnose, config.diagnose.velden)
        : null,
      b: state.buurt, t: state.datum, p: frontCode(state.punten), a: state.anders, n: state.notities,
      c: state.cijfers.map((cijfer) => positional(cijfer, config.cijfers)),
      g: [state.gekozen.oplossingsrichtingen, state.gekozen.praktijkvoorbeelden],
    };
    const payload = {v: VERSION};
    Object.keys(parts).forEach((key) => { if (isFilled(parts[key])) payload[key] = parts[key]; });
    return Object.keys(payload).length > 1 ? payload : null;
  }

  function fragment(state, data) {
    const payload = carried(state, data);
    return payload ? FRAGMENT + toBase64Url(JSON.stringify(payload)) : "";
  }

  function ownsFragment(hash) {
    return String(hash || "").startsWith(FRAGMENT);
  }

  function fromPositional(values, velden) {
    const record = {};
    const list = Array.isArray(values) ? values : [];
    velden.forEach((veld, i) => { if (list[i] !== undefined) record[veld.sleutel] = list[i]; });
    return record;
  }

  /* What the fragment carries, as raw state fields (still to be cleaned): {fields, unreadable}. */
  function readFragment(hash, data) {
    if (!ownsFragment(hash)) return {fields: {}, unreadable: false};
    const config = data.buurtanalyse;
    try {
      const payload = JSON.parse(fromBase64Url(hash.slice(FRAGMENT.length)));
      if (!payload || payload.v !== VERSION) return {fields: {}, unreadable: true};
      const list = (value) => (Array.isArray(value) ? value : []);
      const gekozen = list(payload.g);
      return {unreadable: false, fields: {
        beleidsdiagnose: expandDiagnose(payload.d, config.diagnose.velden),
        buurt: payload.b, datum: payload.t, punten: frontDecode(list(payload.p)), anders: payload.a,
        notities: payload.n, cijfers: list(payload.c).map((values) => fromPositional(values, config.cijfers)),
        gekozen: {oplossingsrichtingen: gekozen[0], praktijkvoorbeelden: gekozen[1]},
      }};
    } catch {
      // Cut off in a mail or chat, or typed over: the answers in the query still count.
      return {fields: {}, unreadable: true};
    }
  }

  function parse(search, data, known, hash) {
    const config = data.buurtanalyse;
    const P = config.parameters;
    const read = Keuzes.read(search, data, config.vocabulaires);
    const params = new URLSearchParams(search);
    const carriedOn = readFragment(hash, data);
    const raw = Object.assign({versie: VERSION, keuzes: read.chosen, onbekend: params.getAll(P.onbekend),
      casus: params.get(P.casus), gestopt: params.get(P.gestopt) === YES, situatie: params.get(P.situatie) || ""},
      carriedOn.fields);
    const result = Opschonen.sanitize(raw, known);
    return {state: result.state, unknown: read.unknown.concat(result.ignored), unreadable: carriedOn.unreadable};
  }

  return {format, fragment, parse, ownsFragment};
});
