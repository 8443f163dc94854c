// The filter of the interventiewijzer (handreiking-filter.js) on a small data set: its rules one by one.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {script, smallData} = require("./scripts.js");

const Filter = script("handreiking-filter");

function shown(chosen, query = "") {
  const index = Filter.createIndex(smallData());
  const result = index.run(chosen, query);
  return result.order.map((i) => index.items[i].slug);
}

function count(chosen, facet, option, query = "") {
  const index = Filter.createIndex(smallData());
  const f = index.facets.findIndex((candidate) => candidate.naam === facet);
  return index.run(chosen, query).counts[f][index.facets[f].position.get(option)];
}

test("OR within a facet, AND between facets", () => {
  assert.deepEqual(shown({locatie: ["school", "online"]}), ["b", "c"]);
  assert.deepEqual(shown({locatie: ["straat"], oplossingsrichting: ["informatie"]}), ["c"]);
});

test("the hidden status shows only when chosen", () => {
  assert.ok(!shown({}).includes("d"));
  assert.deepEqual(shown({status: ["gestopt"]}), ["d"]);
  assert.deepEqual(shown({status: ["gestopt", "loopt"], locatie: ["straat"]}), ["a", "c", "d"]);
});

test("unknown ids are ignored", () => {
  assert.deepEqual(shown({locatie: ["maan"]}), shown({}));
});

test("every word of the text must match, without regard to case or accents", () => {
  assert.deepEqual(shown({}, "financiele"), ["b"]);
  assert.deepEqual(shown({}, "FINANCIËLE school"), ["b"]);
  assert.deepEqual(shown({}, "financiele online"), []);
  assert.deepEqual(shown({}, "enschede"), ["a"]);  // the gemeente
  assert.deepEqual(shown({}, "wekelijks"), ["a"]);  // in the description's words
  assert.equal(Filter.normalize("Coördinator Één"), "coordinator een");
});

test("the text finds stems, labels and synonyms, best matches first", () => {
  assert.deepEqual(shown({}, "dialogen"), ["c", "a"]);  // a plural of c's title word; a synonym in a's title
  // "dialoog", a synonym, in a title counts more than "gesprek" as part of "Buurtgesprek" in a title.
  assert.deepEqual(shown({}, "gesprek"), ["c", "a"]);
  assert.deepEqual(shown({}, "ouders"), ["b"]);  // the label of a doelgroep
  assert.deepEqual(shown({}, "dialooq"), ["c"]);  // one typo
});

test("a count is how many are shown once that option is ticked as well", () => {
  const chosen = {locatie: ["school"]};
  const index = Filter.createIndex(smallData());
  index.facets.forEach((facet) => {
    facet.termen.forEach((term) => {
      const more = {...chosen, [facet.naam]: [...(chosen[facet.naam] || []), term.id]};
      assert.equal(count(chosen, facet.naam, term.id), shown(more).length, `${facet.naam} ${term.id}`);
    });
  });
  assert.equal(count({}, "status", "gestopt"), 1);
  assert.equal(count({}, "locatie", "straat", "online"), 1);
});
