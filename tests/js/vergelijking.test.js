// Vergelijken without a browser (handreiking-vergelijking.js): the kept choice, the address and the table's model.
// No Python reference for the table exists; tests/test_vergelijk.py checks the drawn table against the content.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {script, smallData} = require("./scripts.js");

const Vergelijking = script("handreiking-vergelijking");
const {MAXIMUM, KEY} = Vergelijking;

function memory(initial = {}) {
  const items = new Map(Object.entries(initial));
  return {getItem: (key) => (items.has(key) ? items.get(key) : null), setItem: (key, value) => items.set(key, value),
    items};
}

/* smallData with what the comparison shows besides it: plural headings, links, a checked date, a redirect. */
function data() {
  const site = smallData();
  Object.values(site.vocabulaires).forEach((vocabulaire) => { vocabulaire.meervoud = vocabulaire.label + "en"; });
  site.vocabulaires.locatie.termen[0].url = "locaties/straat/";
  site.praktijkvoorbeelden.forEach((v) => { v.links = []; v.gecontroleerd_op = null; });
  const [a, b] = site.praktijkvoorbeelden;
  a.links = [{titel: "Site", url: "https://example.org/a"}];
  a.gecontroleerd_op = "2025-03-07";
  b.gecontroleerd_op = "2025-03-07";
  site.doorverwijzingen = {praktijkvoorbeelden: {"oude-a": "a", "weg": "bestaat-niet"}};
  return site;
}

test("a kept choice is cleaned: strings only, each once, at most the maximum", () => {
  const stored = (text) => Vergelijking.inStorage(() => memory({[KEY]: text})).load();
  const kept = (value) => stored(JSON.stringify(value));
  assert.deepEqual(kept(["a", 3, null, {slug: "b"}, ["c"], "b"]), ["a", "b"]);
  assert.deepEqual(kept(["a", "b", "a", "c", "b"]), ["a", "b", "c"]);
  assert.equal(MAXIMUM, 4);
  assert.deepEqual(kept(["a", "b", "c", "d", "e", "f"]), ["a", "b", "c", "d"]);
  // A slug that is no praktijkvoorbeeld (gone, or "__proto__") is dropped by known() on the comparison page.
  assert.deepEqual(kept(["__proto__", "a"]), ["__proto__", "a"]);
  assert.deepEqual(Vergelijking.known(["__proto__", "constructor", "weg", "c", "a"], data()), ["c", "a"]);
  // Not a list: nothing kept (this page's memory, empty at first).
  assert.deepEqual(stored('{"__proto__": ["a"]}'), []);
  assert.deepEqual(kept("a"), []);
  assert.deepEqual(stored("{niet json"), []);
  assert.deepEqual(Vergelijking.inStorage(() => memory()).load(), []);
});

test("the choice is kept in the storage, and for this page only when the storage refuses", () => {
  const storage = memory();
  const Opslag = Vergelijking.inStorage(() => storage);
  assert.equal(Opslag.save(["b", "a"]), true);
  assert.equal(storage.items.get(KEY), '["b","a"]');
  assert.deepEqual(Vergelijking.inStorage(() => storage).load(), ["b", "a"]);

  const refused = Vergelijking.inStorage(() => { throw new Error("SecurityError"); });
  assert.deepEqual(refused.load(), []);
  assert.equal(refused.save(["a", "c"]), false);
  assert.deepEqual(refused.load(), ["a", "c"]);
  const copy = refused.load();
  copy.push("d");
  assert.deepEqual(refused.load(), ["a", "c"]);

  const full = Vergelijking.inStorage(() => ({getItem: () => null, setItem: () => { throw new Error("Quota"); }}));
  assert.equal(full.save(["a"]), false);
  assert.deepEqual(full.load(), []);  // the storage answers (nothing kept), so its answer counts
});

test("ticking adds at the end, unticking removes, and a full choice refuses one more", () => {
  assert.deepEqual(Vergelijking.choose(["a"], "b", true), ["a", "b"]);
  assert.deepEqual(Vergelijking.choose(["a", "b"], "a", true), ["b", "a"]);
  assert.deepEqual(Vergelijking.choose(["a", "b"], "a", false), ["b"]);
  assert.deepEqual(Vergelijking.choose(["a"], "x", false), ["a"]);
  const full = ["a", "b", "c", "d"];  // MAXIMUM
  assert.equal(Vergelijking.choose(full, "e", true), null);
  assert.deepEqual(Vergelijking.choose(full, "a", false), full.slice(1));
});

test("the address: there and back, old slugs, unknown, repeated and too many", () => {
  const site = data();
  assert.equal(Vergelijking.search([]), "");
  assert.equal(Vergelijking.search(["a", "b"]), "?slug=a&slug=b");
  assert.equal(Vergelijking.search(["a b&c"]), "?slug=a+b%26c");
  ["a", "c", "b"].forEach((_, n, slugs) => {
    const chosen = slugs.slice(0, n + 1);
    assert.deepEqual(Vergelijking.read(Vergelijking.search(chosen), site), {slugs: chosen, unknown: [], extra: []});
  });
  assert.equal(Vergelijking.inAddress("?slug="), true);
  assert.equal(Vergelijking.inAddress("?q=a"), false);
  assert.deepEqual(Vergelijking.read("?slug=oude-a&slug=a&slug=weg&slug=__proto__&slug=constructor&slug=x&slug=x",
    site), {slugs: ["a"], unknown: ["weg", "__proto__", "constructor", "x", "x"], extra: []});
  site.praktijkvoorbeelden.push({...site.praktijkvoorbeelden[0], slug: "e", titel: "E"});
  assert.equal(MAXIMUM, 4);
  assert.deepEqual(Vergelijking.read("?slug=a&slug=b&slug=c&slug=d&slug=b&slug=a", site),
    {slugs: ["a", "b", "c", "d"], unknown: [], extra: []});
  assert.deepEqual(Vergelijking.read("?slug=a&slug=b&slug=c&slug=d&slug=e&slug=oude-a", site),
    {slugs: ["a", "b", "c", "d"], unknown: [], extra: ["E"]});
});

test("the table: a row per kenmerk, 'verschilt' when the values differ, 'gedeeld' on what all carry", () => {
  const model = Vergelijking.table(data(), ["a", "c"], "../");
  assert.deepEqual(model.chosen.map((v) => v.slug), ["a", "c"]);
  const rows = Object.fromEntries(model.rows.map((row) => [row.kop, row]));
  assert.deepEqual(Object.keys(rows), ["Samenvatting", "Oplossingsrichtingen", "Locatieen", "Doelgroepen",
    "Problematieken", "Werkwijze", "Gemeente", "Statusen", "Gecontroleerd op", "Meer informatie"]);
  const shown = (row) => row.cells.map((column) => column.items.map((item) => [item.text, item.shared]));

  // c has ontmoeting too, after informatie: the same value is shared wherever it stands.
  assert.equal(rows.Oplossingsrichtingen.differs, true);
  assert.deepEqual(shown(rows.Oplossingsrichtingen), [[["oplossingsrichting ontmoeting", true]],
    [["oplossingsrichting informatie", false], ["oplossingsrichting ontmoeting", true]]]);
  // A term with a page links to it from the site's root; a list stays a list with one value.
  assert.deepEqual(rows.Locatieen.cells[0], {list: true, items: [{key: "straat", text: "locatie straat",
    url: "../locaties/straat/", shared: true}]});
  assert.equal(rows.Doelgroepen.differs, true);
  assert.deepEqual(rows.Doelgroepen.cells[1].items, []);
  assert.equal(rows.Statusen.differs, false);
  assert.deepEqual(rows.Statusen.cells.map((column) => column.list), [false, false]);
  assert.deepEqual(shown(rows.Statusen), [[["status loopt", true]], [["status loopt", true]]]);
  assert.deepEqual(shown(rows.Gemeente), [[["Enschede", false]], []]);
  assert.equal(rows.Samenvatting.differs, false);  // both empty
  assert.deepEqual(shown(rows.Werkwijze), [[], [["Dialoog", false]]]);
  assert.deepEqual(rows["Meer informatie"].cells[0].items,
    [{key: "https://example.org/a", text: "Site", url: "https://example.org/a", shared: false}]);
  // Not checked is a value of its own, never shared.
  assert.deepEqual(shown(rows["Gecontroleerd op"]), [[["7 maart 2025", false]], [["nog niet gecontroleerd", false]]]);
});

test("the table: same dates are shared, one praktijkvoorbeeld has no labels, none has no rows", () => {
  const site = data();
  const pair = Object.fromEntries(Vergelijking.table(site, ["a", "b"], "").rows.map((row) => [row.kop, row]));
  assert.equal(pair["Gecontroleerd op"].differs, false);
  assert.deepEqual(pair["Gecontroleerd op"].cells.map((column) => column.items[0].shared), [true, true]);
  const one = Vergelijking.table(site, ["b"], "");
  assert.ok(one.rows.every((row) => row.differs === null));
  assert.ok(one.rows.every((row) => row.cells.every((column) => column.items.every((item) => !item.shared))));
  assert.deepEqual(Vergelijking.table(site, [], ""), {chosen: [], rows: []});
  assert.equal(Vergelijking.dateText("2024-12-31"), "31 december 2024");
});
