// One buurtanalyse as data (buurtanalyse-staat.js): choices for the beleidsdiagnose, the file.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {script} = require("./scripts.js");

const Staat = script("buurtanalyse-staat");

test("the empty analysis is empty, a changed one is not; copies are independent", () => {
  const state = Staat.empty();
  assert.ok(Staat.isEmpty(state));
  const copy = Staat.copy(state);
  copy.buurt = "Noord";
  assert.ok(Staat.isEmpty(state));
  assert.ok(!Staat.isEmpty(copy));
});

test("an item is chosen once, in site order, and can be chosen no longer", () => {
  const state = Staat.empty();
  const order = ["a", "b", "c"];
  Staat.choose(state, "praktijkvoorbeelden", "b", true, order);
  Staat.choose(state, "praktijkvoorbeelden", "a", true, order);
  Staat.choose(state, "praktijkvoorbeelden", "a", true, order);
  assert.deepEqual(state.gekozen.praktijkvoorbeelden, ["a", "b"]);
  Staat.choose(state, "praktijkvoorbeelden", "b", false, order);
  assert.deepEqual(state.gekozen.praktijkvoorbeelden, ["a"]);
});

test("the advice reads the answers, the gestopt choice included", () => {
  const state = {...Staat.empty(), buurt: "Noord", keuzes: {locatie: ["x"]}, onbekend: ["2.1"], gestopt: true,
    situatie: "moskee"};
  assert.deepEqual(Staat.answers(state), {keuzes: {locatie: ["x"]}, onbekend: ["2.1"], punten: [], ookGestopt: true,
    situatie: "moskee"});
});

test("a file name from the buurt (letters and digits) and the date", () => {
  assert.equal(Staat.fileName(Staat.empty()), "buurtanalyse.json");
  assert.equal(Staat.fileName({...Staat.empty(), buurt: "  Het Oude Noorden / Zuid! ", datum: "2026-11-29"}),
    "buurtanalyse-het-oude-noorden-zuid-2026-11-29.json");
  assert.equal(Staat.fileName({...Staat.empty(), buurt: "Coöperatie Één"}), "buurtanalyse-coöperatie-één.json");
});

test("an exported file reads back; other files are refused with the reason", () => {
  const state = {...Staat.empty(), buurt: "Noord", keuzes: {locatie: ["x"]}};
  const text = Staat.toFile(state, new Date("2026-11-29T10:00:00Z"));
  const read = Staat.fromFile(text);
  assert.equal(read.analyses.length, 1);
  assert.equal(read.analyses[0].type, "buurtanalyse");
  assert.equal(read.analyses[0].gemaakt, "2026-11-29T10:00:00.000Z");
  const {type, gemaakt, ...back} = read.analyses[0];
  assert.ok(type && gemaakt);
  assert.deepEqual(back, state);
  assert.deepEqual(Staat.fromFile("{niet json"), {error: "json"});
  assert.deepEqual(Staat.fromFile('{"type": "buurtanalyses", "analyses": {}}'), {error: "type"});
  assert.deepEqual(Staat.fromFile('{"type": "iets anders"}'), {error: "type"});
  assert.deepEqual(Staat.fromFile("null"), {error: "type"});
});

test("several analyses in one file read back in their order", () => {
  const states = [{...Staat.empty(), buurt: "Noord"}, {...Staat.empty(), buurt: "Zuid"}];
  const text = Staat.toCollection(states, new Date("2026-11-29T10:00:00Z"));
  const read = Staat.fromFile(text);
  assert.deepEqual(read.analyses, states);
  assert.equal(JSON.parse(text).type, "buurtanalyses");
  assert.deepEqual(Staat.fromFile(Staat.toCollection([], new Date())), {analyses: []});
});

test("the empty analysis has the current versie and an empty diagnose", () => {
  assert.equal(Staat.empty().versie, Staat.VERSION);
  assert.deepEqual(Staat.empty().beleidsdiagnose, {rijen: {}, notitie: ""});
  assert.deepEqual(Staat.empty().cijfers, []);
});
