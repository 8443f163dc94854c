// The advice of the buurtanalyse (handreiking-advies.js) on a small data set: its rules one by one.
// Its agreement with handreiking/tools/advies.py on the real content is pariteit.test.js.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {script, smallData} = require("./scripts.js");

const Advies = script("handreiking-advies");

function advise(answers, data = smallData()) {
  return Advies.advise(data, {keuzes: {}, onbekend: [], punten: [], ookGestopt: false, ...answers});
}

const ids = (advies) => advies.oplossingsrichtingen.map((suggestie) => suggestie.id);
const slugs = (advies) => advies.praktijkvoorbeelden.map((treffer) => treffer.slug);

test("altijd always applies, but alone it shows no praktijkvoorbeelden", () => {
  const advies = advise({});
  assert.deepEqual(ids(advies), ["weerbaarheid"]);
  assert.equal(advies.oplossingsrichtingen[0].gericht, false);
  assert.deepEqual(slugs(advies), []);
});

test("a problematiek applies where the locatie matches or none is named", () => {
  assert.ok(!ids(advise({keuzes: {problematiek: ["overlast"]}})).includes("ontmoeting"));
  assert.ok(ids(advise({keuzes: {problematiek: ["overlast"], locatie: ["straat"]}})).includes("ontmoeting"));
  const spanning = advise({keuzes: {problematiek: ["spanning"]}}).oplossingsrichtingen[0];
  assert.deepEqual([spanning.id, spanning.gericht, spanning.problematiek], ["weerbaarheid", true, ["spanning"]]);
});

test("weten we niet and a ticked item suggest what they name", () => {
  assert.deepEqual(advise({onbekend: ["2.2", "2.1"]}).oplossingsrichtingen[0].onbekend, ["2.1", "2.2"]);
  assert.deepEqual(advise({punten: ["triggers-1-1"]}).oplossingsrichtingen[0].punten, ["triggers-1-1"]);
});

test("praktijkvoorbeelden rank by what they share, then site order; gestopt only when asked", () => {
  const answers = {keuzes: {locatie: ["straat"], problematiek: ["overlast"]}};
  const advies = advise(answers);
  assert.deepEqual(advies.praktijkvoorbeelden.map((t) => [t.slug, t.score]), [["a", 3], ["c", 3]]);
  assert.ok(slugs(advise({...answers, ookGestopt: true})).includes("d"));
});

test("the first selection covers every chosen value some example carries, then fills up to eerste", () => {
  const advies = advise({keuzes: {locatie: ["straat", "school"], problematiek: ["spanning"]}});
  const first = advies.praktijkvoorbeelden.filter((treffer) => treffer.eerst);
  const covered = new Set(first.flatMap((t) => Object.entries(t.gedeeld).flatMap(([n, v]) => v.map((x) => n + x))));
  ["locatiestraat", "locatieschool", "problematiekspanning"].forEach((value) => assert.ok(covered.has(value)));
  assert.ok(first.length >= 2);
  assert.deepEqual(advies.praktijkvoorbeelden.slice(0, first.length), first);
});

test("fasen outside the focus are named", () => {
  assert.deepEqual(advise({keuzes: {fase: ["vroeg", "escalatie"]}}).buitenFocus, ["escalatie"]);
});

test("the fields come from data.velden: a vocabulary the wijzer does not filter on still ranks", () => {
  const data = smallData();
  data.interventiewijzer.facetten = data.interventiewijzer.facetten.filter((facet) => facet.naam !== "doelgroep");
  const advies = advise({keuzes: {doelgroep: ["ouders"]}}, data);
  assert.deepEqual(advies.praktijkvoorbeelden.map((t) => [t.slug, t.gedeeld.doelgroep]), [["b", ["ouders"]]]);
});
