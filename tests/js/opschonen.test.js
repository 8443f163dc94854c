// Cleaning an analysis from a file, the storage or the address (buurtanalyse-opschonen.js): only what the
// site knows stays, once and in site order, and everything dropped from the answers is named.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {SMALL_FORM, script, smallData} = require("./scripts.js");

const Opschonen = script("buurtanalyse-opschonen");
const Staat = script("buurtanalyse-staat");

const known = Opschonen.known(smallData(), SMALL_FORM);
const sanitize = (raw) => Opschonen.sanitize(raw, known);

test("anything that is not an analysis gives the empty one", () => {
  [undefined, null, 3, "tekst", [], [1, 2], true].forEach((raw) => {
    assert.deepEqual(sanitize(raw), {state: Staat.empty(), ignored: []}, String(raw));
  });
});

test("a clean analysis comes back unchanged", () => {
  const state = {buurt: "Noord", datum: "2026-11-29", casus: "noord", situatie: "petitie en informatieavond",
    keuzes: {locatie: ["straat", "online"]},
    onbekend: ["2.2"], punten: ["triggers-1-2"], anders: {"checklist-a": "iets"}, notities: {"2.1": "notitie"},
    gestopt: true, gekozen: {oplossingsrichtingen: ["informatie"], praktijkvoorbeelden: ["c"]},
    beleidsdiagnose: {"praktijkvoorbeeld:c": {gedekt: "Ja", ontbreekt: "geld"}}};
  assert.deepEqual(sanitize(state), {state, ignored: []});
});

test("known values stay once, in site order; unknown ones are named", () => {
  const result = sanitize({keuzes: {locatie: ["online", "maan", "straat", "online"], planeet: ["mars"]},
    onbekend: ["2.2", "2.1", "9.9"], punten: ["triggers-1-2", "x", "triggers-1-1"], casus: "zuid",
    gekozen: {oplossingsrichtingen: ["weerbaarheid", "ontmoeting", "geen"], praktijkvoorbeelden: ["z", "b"]}});
  assert.deepEqual(result.state.keuzes, {locatie: ["straat", "online"]});
  assert.deepEqual(result.state.onbekend, ["2.1", "2.2"]);
  assert.deepEqual(result.state.punten, ["triggers-1-1", "triggers-1-2"]);
  assert.equal(result.state.casus, null);
  assert.deepEqual(result.state.gekozen, {oplossingsrichtingen: ["ontmoeting", "weerbaarheid"],
    praktijkvoorbeelden: ["b"]});
  assert.deepEqual(result.ignored, [{naam: "casus", waarde: "zuid"}, {naam: "locatie", waarde: "maan"},
    {naam: "planeet", waarde: "mars"}, {naam: "onbekend", waarde: "9.9"}, {naam: "punt", waarde: "x"},
    {naam: "oplossingsrichting", waarde: "geen"}, {naam: "praktijkvoorbeeld", waarde: "z"}]);
});

test("values of the wrong type are dropped", () => {
  const result = sanitize({buurt: 5, datum: "29-11-2026", keuzes: {locatie: "straat", doelgroep: {a: 1}},
    onbekend: "2.1", anders: ["iets"], notities: {"2.1": 3, "9.9": "weg", "2.2": ""}, gestopt: "ja",
    gekozen: {oplossingsrichtingen: "informatie"}, beleidsdiagnose: []});
  assert.deepEqual(result.state, Staat.empty());
});

test("names that objects inherit are not vocabularies or rows", () => {
  const raw = JSON.parse('{"keuzes": {"__proto__": ["x"], "constructor": ["y"], "toString": ["z"]},' +
    '"beleidsdiagnose": {"__proto__": {"gedekt": "Ja"}, "constructor": {"gedekt": "Ja"}}}');
  const result = sanitize(raw);
  assert.deepEqual(result.state, Staat.empty());
  assert.deepEqual(result.ignored.map((entry) => entry.naam).sort(), ["__proto__", "constructor", "toString"]);
});

test("the beleidsdiagnose keeps rows of known items and the answers their columns allow", () => {
  const result = sanitize({beleidsdiagnose: {
    "oplossingsrichting:informatie": {gedekt: "Misschien", ontbreekt: "tijd", extra: "x"},
    "praktijkvoorbeeld:a": {gedekt: "Nee"},
    "praktijkvoorbeeld:zz": {gedekt: "Ja"},
    "iets:a": {gedekt: "Ja"},
    "oplossingsrichting:ontmoeting": {gedekt: ""},
  }});
  assert.deepEqual(result.state.beleidsdiagnose, {"oplossingsrichting:informatie": {ontbreekt: "tijd"},
    "praktijkvoorbeeld:a": {gedekt: "Nee"}});
});
