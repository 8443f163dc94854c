// Analyses saved before the beleidsdiagnose had a row per problem (buurtanalyse-migratie.js), on real files: an
// export and the browser's storage as the page of versie 1 wrote them (tests/js/fixtures/), and the real data.
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const {before, test} = require("node:test");
const {fromPython} = require("./python.js");
const {script} = require("./scripts.js");

const Migratie = script("buurtanalyse-migratie");
const Opschonen = script("buurtanalyse-opschonen");
const Staat = script("buurtanalyse-staat");

function fixture(name) {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8"));
}

let data;
let known;

before(() => {
  data = fromPython("gegevens").data;
  // What the real form offers, as far as these files use it: their own values.
  const file = fixture("buurtanalyse-v1.json");
  known = Opschonen.known(data, {punten: file.punten, anders: Object.keys(file.anders),
    notities: Object.keys(file.notities)});
});

/* Every text an analysis holds, wherever it sits. */
function texts(value) {
  if (typeof value === "string") return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === "object") return Object.values(value).flatMap(texts);
  return [];
}

const OLD_VALUES = {Ja: "ja", Deels: "deels", Nee: "nee", "Weet niet": "onbekend"};

test("the files are of versie 1: a diagnose row per chosen item", () => {
  const file = fixture("buurtanalyse-v1.json");
  assert.equal(file.versie, 1);
  assert.ok(Object.keys(file.beleidsdiagnose).every((key) => /^(oplossingsrichting|praktijkvoorbeeld):/.test(key)));
  const stored = fixture("opslag-v2.json");
  assert.ok(Object.values(stored.analyses).every((entry) => !("versie" in entry.analyse)));
});

for (const [name, read] of [
  ["an exported file", () => fixture("buurtanalyse-v1.json")],
  ["the browser's storage", () => Object.values(fixture("opslag-v2.json").analyses)[0].analyse],
]) {
  test(`${name} of versie 1 opens with nothing lost`, () => {
    const old = read();
    const {state, ignored} = Opschonen.sanitize(old, known);
    assert.deepEqual(ignored, []);
    assert.equal(state.versie, Staat.VERSION);
    // Everything outside the beleidsdiagnose is as it was.
    ["buurt", "datum", "casus", "keuzes", "onbekend", "punten", "anders", "notities", "gestopt", "gekozen"]
      .forEach((field) => { assert.deepEqual(state[field], old[field], field); });
    // Each old answer is in the row of the problem it fits, or in the notes with its question and its item.
    const notes = state.beleidsdiagnose.notitie;
    const rows = state.beleidsdiagnose.rijen;
    let carried = 0;
    Object.entries(old.beleidsdiagnose).forEach(([key, row]) => {
      Object.entries(row).forEach(([column, value]) => {
        const inRow = Object.values(rows).some((newRow) => newRow[{partners: "nodig"}[column] || column] ===
          (column === "gedekt" ? OLD_VALUES[value] : value));
        if (inRow) carried += 1;
        assert.ok(inRow || notes.includes(value), `${key} ${column}: ${value}`);
      });
      const naam = key.startsWith("oplossingsrichting:")
        ? data.oplossingsrichtingen.find((r) => `oplossingsrichting:${r.id}` === key).label
        : data.praktijkvoorbeelden.find((v) => `praktijkvoorbeeld:${v.slug}` === key).titel;
      assert.ok(notes.includes(`\u2018${naam}\u2019`), naam);
    });
    // In these files an item that concerns one of the two problems fills that row; the others stay notes.
    assert.ok(carried > 0 && notes.includes("Volstaat dat?"));
    texts(old.beleidsdiagnose).forEach((value) => {
      assert.ok(texts(state.beleidsdiagnose).some((text) => text.includes(value) ||
        Object.entries(OLD_VALUES).some(([was, now]) => was === value && text === now)), value);
    });
  });
}

test("an old row fills only a problem's empty fields and only when it concerns exactly one problem", () => {
  const richting = data.oplossingsrichtingen.find((r) => r.wanneer.problematiek.length >= 2);
  const [first, second] = richting.wanneer.problematiek;
  const old = {keuzes: {problematiek: [first]}, beleidsdiagnose: {
    [`oplossingsrichting:${richting.id}`]: {gedekt: "Nee", partners: "Wijkagent"},
    [`praktijkvoorbeeld:weg-uit-de-site`]: {ontbreekt: "Geld"}}};
  const one = Migratie.upgrade(old, data).beleidsdiagnose;
  assert.deepEqual(one.rijen, {[`problematiek:${first}`]: {gedekt: "nee", nodig: "Wijkagent"}});
  assert.match(one.notitie, /weg-uit-de-site.*Wat ontbreekt nog\? Geld/);
  const two = Migratie.upgrade({...old, keuzes: {problematiek: [first, second]}}, data).beleidsdiagnose;
  assert.deepEqual(two.rijen, {});
  assert.match(two.notitie, /Al gedekt door huidig beleid\? Nee; Welke partners zijn nodig\? Wijkagent/);
  assert.equal(old.beleidsdiagnose[`oplossingsrichting:${richting.id}`].gedekt, "Nee");  // not changed in place
});

test("an analysis of the current versie is left as it is", () => {
  const state = {...Staat.empty(), buurt: "Noord"};
  assert.equal(Migratie.upgrade(state, data), state);
  assert.deepEqual(Migratie.upgrade({versie: 1}, data).beleidsdiagnose, {rijen: {}, notitie: ""});
  assert.equal(Migratie.upgrade(null, data), null);
});
