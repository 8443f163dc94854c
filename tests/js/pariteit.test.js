// The browser's filter and advice against the Python reference (handreiking/tools/filtering.py and
// handreiking/tools/advies.py), on the real content and hundreds of generated selections (tests/js/pariteit.py).
"use strict";

const assert = require("node:assert/strict");
const {before, test} = require("node:test");
const {fromPython} = require("./python.js");
const {script} = require("./scripts.js");

const Filter = script("handreiking-filter");
const Advies = script("handreiking-advies");

let fixture;

before(() => {
  fixture = fromPython("pariteit");
});

test("the selections differ in outcome: none, some and all praktijkvoorbeelden", () => {
  const all = fixture.data.praktijkvoorbeelden.length;
  const sizes = new Set(fixture.filter.map((selection) => selection.slugs.length));
  assert.ok(sizes.has(0) && sizes.has(all) && [...sizes].some((size) => size > 0 && size < all));
  assert.ok(fixture.filter.some((selection) => selection.query.trim()));
  const shown = new Set(fixture.advies.map((selection) => selection.advies.praktijkvoorbeelden.length));
  assert.ok(shown.size >= 5);
  assert.ok(fixture.advies.some((selection) => selection.advies.buitenFocus.length));
});

test("the filter shows and counts what Python computes, for every selection", () => {
  const index = Filter.createIndex(fixture.data);
  fixture.filter.forEach((selection) => {
    const result = index.run(selection.chosen, selection.query);
    const slugs = result.order.map((i) => index.items[i].slug);
    assert.deepEqual(result.order.slice().sort((a, b) => a - b),
      index.items.map((item, i) => i).filter((i) => result.matched[i] === 1));
    const where = JSON.stringify([selection.chosen, selection.query]);
    assert.deepEqual(slugs, selection.slugs, where);
    assert.equal(result.total, selection.slugs.length, where);
    const counts = {};
    index.facets.forEach((facet, f) => {
      counts[facet.naam] = Object.fromEntries(facet.termen.map((term, o) => [term.id, result.counts[f][o]]));
    });
    assert.deepEqual(counts, selection.counts, where);
  });
});

test("the advice is what Python computes, for every answer set", () => {
  fixture.advies.forEach((selection) => {
    assert.deepEqual(Advies.advise(fixture.data, selection.answers), selection.advies,
      JSON.stringify(selection.answers));
  });
});

test("a choice held against the vuistregels is what Python computes, for every answer set", () => {
  const verdicts = new Set();
  fixture.advies.forEach((selection) => {
    const found = Advies.toets(fixture.data, selection.answers, selection.gekozen);
    assert.deepEqual(found, selection.toets, JSON.stringify([selection.answers, selection.gekozen]));
    found.forEach((toetsing) => { toetsing.oordelen.forEach((oordeel) => { verdicts.add(oordeel.oordeel); }); });
  });
  assert.deepEqual([...verdicts].sort(), ["onbekend", "voldoet", "voldoet_niet"]);  // the cases hold each verdict
  assert.ok(fixture.advies.some((selection) => selection.toets.some((toetsing) => !toetsing.geldt)));
});

test("the advice does not depend on the facets of the interventiewijzer", () => {
  const data = {...fixture.data, interventiewijzer: {...fixture.data.interventiewijzer, facetten: []}};
  fixture.advies.slice(0, 50).forEach((selection) => {
    assert.deepEqual(Advies.advise(data, selection.answers), selection.advies);
  });
});

test("the text analysis is what Python computes: words, stems, compound parts, queries and matches", () => {
  const Tekst = script("handreiking-tekst");
  const analysis = Tekst.create(fixture.data.tekst.woorden, fixture.data.tekst);
  const cases = fixture.tekst;
  Object.entries(cases.woorden).forEach(([word, expected]) => {
    const normalized = Tekst.normalize(word);
    assert.deepEqual({woorden: Tekst.words(word), stam: Tekst.stem(normalized), delen: analysis.split(normalized)},
      expected, word);
  });
  Object.entries(cases.vragen).forEach(([query, expected]) => {
    assert.deepEqual(analysis.query(query), expected, query);
  });
  cases.treffers.forEach((entry) => {
    const text = analysis.text(entry.tekst);
    assert.deepEqual(analysis.query(entry.vraag).map((word) => analysis.match(word, text)), entry.treffers,
      entry.vraag);
  });
});
