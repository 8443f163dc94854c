// Cleaning an analysis from a file, the storage or the address (buurtanalyse-opschonen.js): only what the
// site knows stays, once and in site order, and everything dropped from the answers is named.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {SMALL_FORM, fullState, script, smallData} = require("./scripts.js");

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
  const state = fullState();
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
  const result = sanitize({versie: 2, buurt: 5, datum: "29-11-2026", keuzes: {locatie: "straat", doelgroep: {a: 1}},
    onbekend: "2.1", anders: ["iets"], notities: {"2.1": 3, "9.9": "weg", "2.2": ""}, gestopt: "ja",
    gekozen: {oplossingsrichtingen: "informatie"}, cijfers: {wat: "x"}, beleidsdiagnose: []});
  assert.deepEqual(result.state, Staat.empty());
  const rows = sanitize({versie: 2, cijfers: ["x", null, {wat: 3, waarde: "  "}],
    beleidsdiagnose: {rijen: [], notitie: 4}});
  assert.deepEqual(rows.state, Staat.empty());
});

test("names that objects inherit are not vocabularies or rows", () => {
  const raw = JSON.parse('{"versie": 2, "keuzes": {"__proto__": ["x"], "constructor": ["y"], "toString": ["z"]},' +
    '"beleidsdiagnose": {"rijen": {"__proto__": {"gedekt": "ja"}, "constructor": {"gedekt": "ja"}}}}');
  const result = sanitize(raw);
  assert.deepEqual(result.state, Staat.empty());
  assert.deepEqual(result.ignored.map((entry) => entry.naam).sort(), ["__proto__", "constructor", "toString"]);
});

test("the beleidsdiagnose keeps rows of known problems, with the fields and values the site knows", () => {
  const result = sanitize({versie: 2, beleidsdiagnose: {notitie: "  ", rijen: {
    "problematiek:overlast": {terreinen: ["veiligheid", "maan", "jeugd", "jeugd"], gedekt: "misschien",
      betrokken: "nee", huidig: "  ", ontbreekt: "tijd", extra: "x"},
    "problematiek:spanning": {gedekt: "Ja"},
    "problematiek:zz": {gedekt: "ja"},
    "anders:checklist-a": {nodig: "wijkagent"},
    "anders:andere-checklist": {nodig: "x"},
    "oplossingsrichting:ontmoeting": {gedekt: "ja"},
  }}});
  assert.deepEqual(result.state.beleidsdiagnose, {notitie: "", rijen: {
    "problematiek:overlast": {terreinen: ["jeugd", "veiligheid"], ontbreekt: "tijd", betrokken: "nee"},
    "anders:checklist-a": {nodig: "wijkagent"}}});
  assert.deepEqual(result.ignored, []);
});

test("figures keep their known texts; a figure without any is dropped", () => {
  const result = sanitize({versie: 2, cijfers: [{wat: "Armoede", waarde: "", bron: "CBS", extra: "x"}, {},
    {waarde: " "}, {waarde: "-3%"}]});
  assert.deepEqual(result.state.cijfers, [{wat: "Armoede", bron: "CBS"}, {waarde: "-3%"}]);
});

test("an analysis without a versie is upgraded before it is cleaned", () => {
  const result = sanitize({buurt: "Oost", keuzes: {problematiek: ["overlast"]},
    beleidsdiagnose: {"oplossingsrichting:ontmoeting": {gedekt: "Nee"}}});
  assert.equal(result.state.versie, 2);
  assert.deepEqual(result.state.beleidsdiagnose.rijen, {"problematiek:overlast": {gedekt: "nee"}});
});
