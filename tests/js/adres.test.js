// The address of the interventiewijzer and the buurtanalyse (handreiking-keuzes.js, interventiewijzer-adres.js,
// buurtanalyse-adres.js): what is written reads back the same, in one canonical form, and unknown values are named.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {SMALL_FORM, fullState, script, smallData} = require("./scripts.js");

const Keuzes = script("handreiking-keuzes");
const WijzerAdres = script("interventiewijzer-adres");
const AnalyseAdres = script("buurtanalyse-adres");
const Opschonen = script("buurtanalyse-opschonen");
const Staat = script("buurtanalyse-staat");

const data = smallData();
const known = Opschonen.known(data, SMALL_FORM);

/* A seeded pseudo-random generator (mulberry32): the same cases on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(next, values) {
  return values.filter(() => next() < 0.4).sort(() => next() - 0.5);
}

test("keuzes: ids in vocabulary order, each once; unknown values named", () => {
  const read = Keuzes.read("?locatie=online&locatie=straat&locatie=online&locatie=maan&doelgroep=x", data,
    ["locatie", "doelgroep"]);
  assert.deepEqual(read.chosen, {locatie: ["online", "straat"]});
  assert.deepEqual(read.unknown, [{naam: "locatie", waarde: "maan"}, {naam: "doelgroep", waarde: "x"}]);
  assert.equal(Keuzes.toSearch(Keuzes.params(read.chosen, data, ["locatie"])), "?locatie=straat&locatie=online");
  assert.equal(Keuzes.toSearch(new URLSearchParams()), "");
  assert.equal(Keuzes.describeUnknown(read.unknown), "locatie = \u2018maan\u2019, doelgroep = \u2018x\u2019");
});

test("interventiewijzer: format then parse gives the same choice, on many random choices", () => {
  const next = random(16);
  for (let i = 0; i < 200; i++) {
    const chosen = {};
    data.interventiewijzer.facetten.forEach((facet) => {
      const ids = pick(next, data.vocabulaires[facet.naam].termen.map((term) => term.id));
      if (ids.length) chosen[facet.naam] = ids;
    });
    const q = next() < 0.5 ? "" : `dialoog ${i} & ?=`;
    const search = WijzerAdres.format({chosen, q}, data);
    const read = WijzerAdres.parse(search, data);
    assert.equal(read.q, q);
    assert.deepEqual(read.unknown, []);
    assert.equal(WijzerAdres.format(read, data), search);
    Object.keys(chosen).forEach((naam) => { assert.deepEqual(new Set(read.chosen[naam]), new Set(chosen[naam])); });
    assert.deepEqual(Object.keys(read.chosen).sort(), Object.keys(chosen).sort());
  }
});

test("interventiewijzer: the text parameter comes from the data", () => {
  const renamed = {...data, interventiewijzer: {...data.interventiewijzer, zoekparameter: "tekst"}};
  assert.equal(WijzerAdres.format({chosen: {}, q: "buurt"}, renamed), "?tekst=buurt");
  assert.equal(WijzerAdres.parse("?tekst=buurt&q=x", renamed).q, "buurt");
  assert.equal(WijzerAdres.format({chosen: {}, q: "   "}, data), "");
});

test("buurtanalyse: format then parse gives the same answers, on many random analyses", () => {
  const next = random(9);
  for (let i = 0; i < 200; i++) {
    const state = Staat.empty();
    data.buurtanalyse.vocabulaires.forEach((naam) => {
      const ids = Staat.inOrder(pick(next, known.termen.get(naam)), known.termen.get(naam));
      if (ids.length) state.keuzes[naam] = ids;
    });
    state.onbekend = Staat.inOrder(pick(next, known.stappen), known.stappen);
    state.casus = next() < 0.3 ? "noord" : null;
    state.gestopt = next() < 0.3;
    const search = AnalyseAdres.format(state, data);
    const read = AnalyseAdres.parse(search, data, known);
    assert.deepEqual(read.unknown, []);
    assert.deepEqual(read.state, state);
  }
});

test("buurtanalyse: the address never holds the buurt name, notes or other items", () => {
  const state = {...Staat.empty(), buurt: "Noord", notities: {"2.1": "geheim"}, punten: ["triggers-1-1"],
    anders: {"checklist-a": "iets"}, keuzes: {locatie: ["straat"]}};
  assert.equal(AnalyseAdres.format(state, data), "?locatie=straat");
});

test("buurtanalyse: unknown values in the address are dropped and named", () => {
  const read = AnalyseAdres.parse("?locatie=maan&onbekend=9.9&casus=zuid&gestopt=ja&fase=escalatie", data, known);
  assert.deepEqual(read.state.keuzes, {fase: ["escalatie"]});
  assert.equal(read.state.casus, null);
  assert.equal(read.state.gestopt, true);
  assert.deepEqual(read.unknown, [{naam: "locatie", waarde: "maan"}, {naam: "casus", waarde: "zuid"},
    {naam: "onbekend", waarde: "9.9"}]);
});

test("buurtanalyse: the beleidsdiagnose travels after '#', and reads back the same, on many random diagnoses", () => {
  const next = random(24);
  const texts = ["", "Jongerenwerk", "één; twee, \"drie\"\nvier", "=SOM(A1) & ?x=y#z", "\u2028 ok"];
  const velden = data.buurtanalyse.diagnose.velden;
  const oordelen = data.buurtanalyse.diagnose.oordelen.map((oordeel) => oordeel.waarde);
  for (let i = 0; i < 200; i++) {
    const state = Staat.empty();
    const problems = Staat.inOrder(pick(next, ["overlast", "spanning"]), ["overlast", "spanning"]);
    if (problems.length) state.keuzes.problematiek = problems;
    pick(next, known.diagnose.keys).forEach((key) => {
      const row = {};
      velden.forEach((veld) => {
        if (veld.soort === "terreinen") row[veld.sleutel] = Staat.inOrder(pick(next, known.diagnose.terreinen),
          known.diagnose.terreinen);
        else if (veld.soort === "oordeel") row[veld.sleutel] = pick(next, oordelen)[0];
        else row[veld.sleutel] = texts[Math.floor(next() * texts.length)];
        if (!row[veld.sleutel] || !row[veld.sleutel].length) delete row[veld.sleutel];
      });
      if (Object.keys(row).length) state.beleidsdiagnose.rijen[key] = row;
    });
    state.beleidsdiagnose.notitie = next() < 0.3 ? "Notitie met é en #" : "";
    const hash = AnalyseAdres.fragment(state, data);
    assert.equal(hash === "", !state.beleidsdiagnose.notitie && !Object.keys(state.beleidsdiagnose.rijen).length);
    assert.match(hash, /^(#analyse=[A-Za-z0-9_-]+)?$/);
    const read = AnalyseAdres.parse(AnalyseAdres.format(state, data), data, known, hash);
    assert.deepEqual(read.state, state);
  }
});

test("buurtanalyse: the link carries the whole analysis; the query never the buurt name, notes or figures", () => {
  const state = fullState();
  const search = AnalyseAdres.format(state, data);
  ["Noord", "notitie", "Werkloosheid", "Leegstand", "triggers-1-2", "Plek"].forEach((text) => {
    assert.ok(!decodeURIComponent(search).includes(text), text);
  });
  const hash = AnalyseAdres.fragment(state, data);
  const payload = JSON.parse(Buffer.from(hash.slice("#analyse=".length), "base64url").toString("utf8"));
  assert.deepEqual(Object.keys(payload), ["v", "d", "b", "t", "p", "a", "n", "c", "g"]);
  const read = AnalyseAdres.parse(search, data, known, hash);
  assert.deepEqual(read.state, state);
  assert.deepEqual([read.unknown, read.unreadable], [[], false]);
  assert.equal(AnalyseAdres.fragment(Staat.empty(), data), "");
});

test("buurtanalyse: every part of many random analyses reads back the same from the link", () => {
  const next = random(31);
  const texts = ["Noord-Oost", "één; twee, \"drie\"\nvier", "=SOM(A1) & ?x=y#z", "\u2028 ok", "  "];
  const text = () => texts[Math.floor(next() * texts.length)];
  const punten = Array.from({length: 40}, (_, i) => `checklist-${Math.floor(i / 7)}-1-${i}${i % 3 ? "" : "-v1"}`);
  const form = {punten,
    anders: ["checklist-a", "checklist-b"], notities: ["2.1", "2.2"]};
  const site = Opschonen.known(data, form);
  for (let i = 0; i < 200; i++) {
    const raw = {versie: 2, buurt: text(), datum: next() < 0.5 ? "2026-02-03" : "",
      keuzes: {locatie: pick(next, site.termen.get("locatie"))}, punten: pick(next, form.punten),
      anders: Object.fromEntries(pick(next, form.anders).map((key) => [key, text()])),
      notities: Object.fromEntries(pick(next, form.notities).map((key) => [key, text()])),
      cijfers: pick(next, [{wat: text()}, {waarde: "12 %", bron: text()}, {wat: "a", waarde: "", bron: "b"}]),
      gekozen: {oplossingsrichtingen: pick(next, site.gekozen.oplossingsrichtingen),
        praktijkvoorbeelden: pick(next, site.gekozen.praktijkvoorbeelden)}};
    const state = Opschonen.sanitize(raw, site).state;
    const hash = AnalyseAdres.fragment(state, data);
    assert.match(hash, /^(#analyse=[A-Za-z0-9_-]+)?$/);
    assert.deepEqual(AnalyseAdres.parse(AnalyseAdres.format(state, data), data, site, hash).state, state);
  }
});

test("buurtanalyse: a link made before the fragment carried more (the diagnose only) still reads", () => {
  const state = fullState();
  const old = "#analyse=" + Buffer.from(JSON.stringify({v: 2, d: ["Oud", {"anders:checklist-a": ["", "", "ja"]}]}))
    .toString("base64url");
  const read = AnalyseAdres.parse(AnalyseAdres.format(state, data), data, known, old);
  assert.deepEqual(read.state.beleidsdiagnose, {rijen: {"anders:checklist-a": {gedekt: "ja"}}, notitie: "Oud"});
  assert.deepEqual(read.state.keuzes, state.keuzes);
  assert.equal(read.unreadable, false);
});

test("buurtanalyse: an anchor, a cut-off or another version's fragment carries nothing", () => {
  const hash = AnalyseAdres.fragment(fullState(), data);
  [undefined, "", "#advies", hash.slice(0, 20), "#analyse=%%%", "#analyse=" + Buffer.from('{"v":9,"d":[]}')
    .toString("base64url")].forEach((other) => {
    const read = AnalyseAdres.parse("?locatie=straat", data, known, other);
    assert.deepEqual(read.state, {...Staat.empty(), keuzes: {locatie: ["straat"]}}, String(other));
    // A fragment of this kind that cannot be read is named (cut off in a mail, say); an anchor is not.
    assert.equal(read.unreadable, AnalyseAdres.ownsFragment(other), String(other));
  });
  assert.ok(AnalyseAdres.ownsFragment(hash) && !AnalyseAdres.ownsFragment("#advies"));
});
