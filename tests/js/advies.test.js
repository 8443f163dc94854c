// The advice of the buurtanalyse (handreiking-advies.js) on a small data set: its rules one by one.
// Its agreement with handreiking/tools/advies.py on the real content is pariteit.test.js.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {script, smallData} = require("./scripts.js");

const Advies = script("handreiking-advies");

function advise(answers, data = smallData()) {
  return Advies.advise(data, {keuzes: {}, onbekend: [], punten: [], ookGestopt: false, situatie: "", ...answers});
}

const ids = (advies) => advies.oplossingsrichtingen.map((suggestie) => suggestie.id);
const slugs = (advies) => advies.praktijkvoorbeelden.map((treffer) => treffer.slug);
const reason = (treffer, soort) => treffer.redenen.find((reden) => reden.soort === soort);

test("altijd always applies, but alone it shows no praktijkvoorbeelden", () => {
  const advies = advise({});
  assert.deepEqual(ids(advies), ["weerbaarheid"]);
  assert.equal(advies.oplossingsrichtingen[0].gericht, false);
  assert.deepEqual(slugs(advies), []);
  assert.deepEqual(advies.checklists, []);
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

test("a rare value counts more than a common one; reasons come strongest first", () => {
  // 'straat' is on two of the three shown, 'school' on one: sharing school counts more.
  const advies = advise({keuzes: {locatie: ["straat", "school"]}});
  const find = (slug) => advies.praktijkvoorbeelden.find((treffer) => treffer.slug === slug);
  assert.ok(reason(find("b"), "locatie").gewicht > reason(find("a"), "locatie").gewicht);
  advies.praktijkvoorbeelden.forEach((treffer) => {
    const weights = treffer.redenen.map((reden) => reden.gewicht);
    assert.deepEqual(weights, weights.slice().sort((x, y) => y - x));
  });
});

test("what an item needs and the analysis does not name puts it at the back, never in the shortlist", () => {
  // c needs ouders: without them it shares the most but stands last.
  const advies = advise({keuzes: {locatie: ["straat"], problematiek: ["overlast"]}});
  const c = advies.praktijkvoorbeelden.find((treffer) => treffer.slug === "c");
  assert.deepEqual(c.tegen, [{soort: "voor_buurten_met", waarden: ["ouders"]}]);
  assert.equal(c.voorgesteld, false);
  assert.equal(slugs(advies).at(-1), "c");
  const withParents = advise({keuzes: {locatie: ["straat"], problematiek: ["overlast"], doelgroep: ["ouders"]}});
  assert.deepEqual(withParents.praktijkvoorbeelden.find((treffer) => treffer.slug === "c").tegen, []);
});

test("an item on none of the chosen problems or places counts against; the shortlist holds at most eerste", () => {
  const advies = advise({keuzes: {problematiek: ["spanning"], locatie: ["school"], doelgroep: ["jongeren"]}});
  const a = advies.praktijkvoorbeelden.find((treffer) => treffer.slug === "a");
  assert.deepEqual(a.tegen.map((tegen) => tegen.soort), ["problematiek", "locatie"]);
  const first = advies.praktijkvoorbeelden.filter((treffer) => treffer.voorgesteld);
  assert.ok(first.length <= smallData().buurtanalyse.eerste);
  assert.deepEqual(advies.praktijkvoorbeelden.slice(0, first.length), first);
  assert.ok(first.every((treffer) => !treffer.tegen.length));
});

test("her words move items up, name what they matched, and hide none", () => {
  const keuzes = {locatie: ["straat"]};
  const without = advise({keuzes});
  const withWords = advise({keuzes, situatie: "gesprekken met bewoners"});
  assert.deepEqual(new Set(slugs(withWords)), new Set(slugs(without)));
  assert.equal(withWords.praktijkvoorbeelden[0].slug, "a");  // "Buurtgesprek", "bewoners"
  const words = reason(withWords.praktijkvoorbeelden[0], "woorden");
  assert.deepEqual(words.waarden, ["gesprekken", "bewoners"]);
  assert.equal(words.treffers.length, 2);
  // A synonym counts too: "gesprek" finds "dialoog".
  assert.ok(reason(advise({keuzes, situatie: "gesprek"}).praktijkvoorbeelden
    .find((treffer) => treffer.slug === "c"), "woorden"));
});

test("the vuistregels add or subtract, and a rule with geldt_bij counts only then", () => {
  const rules = Advies.vuistregels(smallData());
  assert.deepEqual(rules.map((rule) => rule.id), ["samen", "straat"]);
  const a = smallData().praktijkvoorbeelden[0];
  assert.equal(Advies.verdict(rules[0], a), "voldoet");
  assert.equal(Advies.verdict(rules[0], {...a, aanpak: ["alleen"]}), "voldoet_niet");
  assert.equal(Advies.verdict(rules[0], {...a, aanpak: []}), "onbekend");
  const plain = advise({keuzes: {locatie: ["straat"]}}).praktijkvoorbeelden.find((t) => t.slug === "a");
  assert.deepEqual(reason(plain, "vuistregel").waarden, ["samen"]);
  const serious = advise({keuzes: {locatie: ["straat"], problematiek: ["spanning"]}});
  assert.deepEqual(reason(serious.praktijkvoorbeelden.find((t) => t.slug === "c"), "vuistregel").waarden, ["straat"]);
});

test("checklists: tied to a chosen problematiek or a gerichte oplossingsrichting, her words only move them", () => {
  assert.deepEqual(advise({situatie: "luisteren"}).checklists, []);
  const tied = advise({keuzes: {problematiek: ["spanning"]}, situatie: "luisteren"}).checklists;
  assert.deepEqual(tied.map((voorstel) => voorstel.slug), ["luisteren"]);
  assert.deepEqual(tied[0].redenen.map((reden) => reden.soort), ["problematiek", "woorden"]);
});

test("gestopt only when asked; fasen outside the focus are named", () => {
  const answers = {keuzes: {locatie: ["straat"], problematiek: ["overlast"]}};
  assert.ok(!slugs(advise(answers)).includes("d"));
  assert.ok(slugs(advise({...answers, ookGestopt: true})).includes("d"));
  assert.deepEqual(advise({keuzes: {fase: ["vroeg", "escalatie"]}}).buitenFocus, ["escalatie"]);
});

test("a choice against the vuistregels: per chosen item a verdict and what decided it; geldt_bij: applies?", () => {
  const data = smallData();
  const plain = Advies.toets(data, {keuzes: {}}, ["c", "a", "bestaat-niet"]);
  assert.deepEqual(plain.map((toetsing) => [toetsing.regel, toetsing.geldt]), [["samen", true], ["straat", false]]);
  assert.deepEqual(plain[0].oordelen, [{slug: "c", oordeel: "onbekend", waarden: []},
    {slug: "a", oordeel: "voldoet", waarden: [["aanpak", "samen"]]}]);
  assert.deepEqual(plain[1].oordelen.map((oordeel) => oordeel.waarden), [[["locaties", "straat"]],
    [["locaties", "straat"]]]);
  const serious = Advies.toets(data, {keuzes: {problematiek: ["spanning"]}}, ["b"]);
  assert.deepEqual(serious[1], {regel: "straat", geldt: true,
    oordelen: [{slug: "b", oordeel: "onbekend", waarden: []}]});
  data.praktijkvoorbeelden[1].aanpak = ["alleen"];
  assert.deepEqual(Advies.toets(data, {}, ["b"])[0].oordelen[0], {slug: "b", oordeel: "voldoet_niet",
    waarden: [["aanpak", "alleen"]]});
  assert.deepEqual(Advies.toets(data, {}, []).map((toetsing) => toetsing.oordelen), [[], []]);
});
