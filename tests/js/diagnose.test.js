// The beleidsdiagnose of step 4.1 as data (buurtanalyse-diagnose.js): a row per problem found, answers per field,
// rows that stay when their problem is no longer ticked, and what the advice proposes beside a row.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {fullState, script, smallData} = require("./scripts.js");

const Diagnose = script("buurtanalyse-diagnose");
const Staat = script("buurtanalyse-staat");

const data = smallData();

test("a row per problem found, in site order, then 'Anders' when its text is filled in", () => {
  const state = Staat.empty();
  assert.deepEqual(Diagnose.rows(state, data), []);
  state.keuzes.problematiek = ["spanning", "overlast"];
  state.anders["checklist-a"] = "  Leegstand ";
  assert.deepEqual(Diagnose.rows(state, data), [
    {key: "problematiek:overlast", id: "overlast", label: "problematiek overlast", code: "B", gevonden: true},
    {key: "problematiek:spanning", id: "spanning", label: "problematiek spanning", code: null, gevonden: true},
    {key: "anders:checklist-a", id: null, label: "Anders: Leegstand", code: null, gevonden: true}]);
  assert.deepEqual(Diagnose.keys(data), ["problematiek:overlast", "problematiek:spanning", "anders:checklist-a"]);
});

test("a row with answers stays, marked, when its problem is no longer ticked; an empty one goes", () => {
  const state = Staat.empty();
  state.keuzes.problematiek = ["overlast", "spanning"];
  Diagnose.set(state, "problematiek:overlast", "huidig", "Jongerenwerk");
  Diagnose.set(state, "anders:checklist-a", "gedekt", "nee");
  state.keuzes.problematiek = ["spanning"];
  assert.deepEqual(Diagnose.rows(state, data).map((row) => [row.key, row.gevonden, row.label]), [
    ["problematiek:spanning", true, "problematiek spanning"],
    ["problematiek:overlast", false, "problematiek overlast"],
    ["anders:checklist-a", false, "Anders"]]);
});

test("answers are set per field; an emptied field, and then an empty row, is dropped", () => {
  const state = Staat.empty();
  const key = "problematiek:overlast";
  Diagnose.set(state, key, "terreinen", ["jeugd"]);
  Diagnose.set(state, key, "gedekt", "deels");
  Diagnose.set(state, key, "ontbreekt", "   ");
  assert.deepEqual(state.beleidsdiagnose.rijen, {[key]: {terreinen: ["jeugd"], gedekt: "deels"}});
  Diagnose.set(state, key, "terreinen", []);
  Diagnose.set(state, key, "gedekt", "");
  assert.deepEqual(state.beleidsdiagnose.rijen, {});
  Diagnose.setNote(state, " \n ");
  assert.equal(state.beleidsdiagnose.notitie, "");
  Diagnose.setNote(state, "Eerst de wijkagent");
  assert.equal(state.beleidsdiagnose.notitie, "Eerst de wijkagent");
});

test("the answers of a row as labels, field by field, or as ids and waarden", () => {
  const row = fullState().beleidsdiagnose.rijen["problematiek:overlast"];
  const labels = Diagnose.answers(row, data);
  assert.deepEqual(labels.map((answer) => answer.veld), ["terreinen", "huidig", "gedekt", "ontbreekt", "nodig",
    "betrokken"]);
  assert.deepEqual(labels.map((answer) => answer.waarden), [["beleidsterrein jeugd", "beleidsterrein veiligheid"],
    ["Jongerenwerk \"De Plek\""], ["Deels"], ["Avondopenstelling; geld"], ["Wijkagent, jongerenwerk"], ["Nee"]]);
  const ids = Diagnose.answers(row, data, false).map((answer) => answer.waarden);
  assert.deepEqual(ids[0], ["jeugd", "veiligheid"]);
  assert.deepEqual(ids[2], ["deels"]);
  assert.deepEqual(Diagnose.answers({}, data).map((answer) => answer.waarden.length), [0, 0, 0, 0, 0, 0]);
  assert.equal(Diagnose.oordeelLabel(data, "onbekend"), "Weten we niet");
});

test("beside a row: what the advice proposes for its problem, in the advice's order, the chosen ones marked", () => {
  const state = Staat.empty();
  state.gekozen.praktijkvoorbeelden = ["d"];
  state.gekozen.oplossingsrichtingen = ["ontmoeting"];
  const advies = {oplossingsrichtingen: [{id: "weerbaarheid"}, {id: "ontmoeting"}, {id: "informatie"}],
    praktijkvoorbeelden: [{slug: "c"}, {slug: "b"}, {slug: "a"}, {slug: "d"}]};
  const row = {key: "problematiek:overlast", id: "overlast"};
  assert.deepEqual(Diagnose.proposals(row, advies, data, state), {
    oplossingsrichtingen: [{id: "ontmoeting", gekozen: true}],
    praktijkvoorbeelden: [{slug: "c", gekozen: false}, {slug: "a", gekozen: false}, {slug: "d", gekozen: true}]});
  assert.deepEqual(Diagnose.proposals({key: "anders:checklist-a", id: null}, advies, data, state),
    {oplossingsrichtingen: [], praktijkvoorbeelden: []});
});
