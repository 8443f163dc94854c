// The site search (handreiking-zoeken.js) on a small index in the shape of handreiking/tools/zoekindex.py.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {script, smallData} = require("./scripts.js");

const Tekst = script("handreiking-tekst");
const Zoeken = script("handreiking-zoeken");
const IN_TITLE = 1000;

/* An index as zoekindex.py writes it: per document [location, title, text, weight], per word its postings. */
function makeIndex(documents) {
  const woorden = {};
  documents.forEach(([, title, text], number) => {
    const counts = new Map();
    Tekst.words(text).forEach((word) => { counts.set(word, (counts.get(word) || 0) + 1); });
    new Set(Tekst.words(title)).forEach((word) => { counts.set(word, (counts.get(word) || 0) + IN_TITLE); });
    counts.forEach((count, word) => { (woorden[word] = woorden[word] || []).push(number, count); });
  });
  return {versie: 1, documenten: documents, woorden, tekst: smallData().tekst, in_titel: IN_TITLE};
}

const INDEX = makeIndex([
  ["praktijkvoorbeelden/buurtgesprek/", "Buurtgesprek", "Bewoners voeren een gesprek over de straat.", 1.5],
  ["praktijkvoorbeelden/buurtgesprek/#werkwijze", "Werkwijze", "Elke week een dialoog met nieuwe bewoners.", 1.5],
  ["stappen/", "Stappen", "In de straat spelen kinderen. Het gesprek gaat over spelen.", 1],
  ["locaties/straat/", "Straat", "Overzicht van praktijkvoorbeelden in de straat en de buurt: buurtgesprek.", 0.5],
]);

test("every query word must be found, one result per page, a title first", () => {
  const search = Zoeken.create(INDEX);
  const results = search.run("straat");
  assert.deepEqual(results.map((r) => r.pagina), ["locaties/straat/", "praktijkvoorbeelden/buurtgesprek/", "stappen/"]);
  assert.deepEqual(search.run("straat kinderen").map((r) => r.pagina), ["stappen/"]);
  assert.deepEqual(search.run("zzgeenwoordzz"), []);
  assert.deepEqual(search.run("   "), []);
});

test("stems, compound parts and synonyms find their pages; a page counts its weight", () => {
  const search = Zoeken.create(INDEX);
  // "gesprekken" has the stem of "gesprek"; "Buurtgesprek" holds it as a part; "dialoog" is a synonym.
  const found = search.run("gesprekken").map((r) => r.pagina);
  assert.deepEqual(new Set(found), new Set(["praktijkvoorbeelden/buurtgesprek/", "stappen/", "locaties/straat/"]));
  assert.equal(found[0], "praktijkvoorbeelden/buurtgesprek/");
  assert.deepEqual(search.run("debat").map((r) => r.pagina), []);  // related words do not find the group
});

test("a section shows its page's title, and the fragment marks the word found", () => {
  const search = Zoeken.create(INDEX);
  const [result] = search.run("dialoog week");
  assert.equal(result.titel, "Buurtgesprek");
  assert.equal(result.sectie, "Werkwijze");
  assert.deepEqual(result.fragment.filter((part) => part.treffer).map((part) => part.tekst), ["week", "dialoog"]);
  assert.deepEqual(result.woorden, ["dialoog", "week"]);
  assert.equal(result.fragment.map((part) => part.tekst).join(""), "Elke week een dialoog met nieuwe bewoners.");
});

test("a long text is cut around the first word found", () => {
  const long = "Aanloop ".repeat(60) + "het woord polarisatie staat hier " + "en daarna nog veel meer ".repeat(20);
  const search = Zoeken.create(makeIndex([["lang/", "Lang", long, 1]]));
  const [result] = search.run("polarisatie");
  const text = result.fragment.map((part) => part.tekst).join("");
  assert.ok(text.startsWith("\u2026") && text.endsWith("\u2026") && text.length < long.length);
  assert.ok(result.fragment.some((part) => part.treffer && part.tekst === "polarisatie"));
});
