// Keeping analyses in the browser's storage (buurtanalyse-opslag.js), on a storage in memory.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {script} = require("./scripts.js");

const {inStorage} = script("buurtanalyse-opslag");
const KEY = "handreiking-buurtanalyses";

function memory(initial = {}) {
  const items = new Map(Object.entries(initial));
  return {getItem: (key) => (items.has(key) ? items.get(key) : null), setItem: (key, value) => items.set(key, value),
    items};
}

test("saved analyses come back, the last saved is reopened, the last changed listed first", () => {
  const kept = {versie: 2, huidige: null, analyses: {
    oud: {gewijzigd: "2025-01-01T00:00:00.000Z", analyse: {buurt: "Oud"}},
    ouder: {gewijzigd: "2024-01-01T00:00:00.000Z", analyse: {buurt: "Ouder"}}}};
  const Opslag = inStorage(() => storage);
  const storage = memory({[KEY]: JSON.stringify(kept)});
  assert.equal(Opslag.current(), null);
  assert.deepEqual(Opslag.list().map((entry) => entry.id), ["oud", "ouder"]);
  const id = Opslag.newId();
  assert.notEqual(id, Opslag.newId());
  assert.ok(Opslag.put(id, {buurt: "Noord"}));
  assert.deepEqual(Opslag.get(id), {buurt: "Noord"});
  assert.equal(Opslag.current(), id);
  assert.deepEqual(Opslag.list().map((entry) => entry.id), [id, "oud", "ouder"]);
  Opslag.setCurrent("ouder");
  assert.equal(Opslag.current(), "ouder");
  Opslag.setCurrent("bestaat-niet");
  assert.equal(Opslag.current(), null);
  Opslag.setCurrent(id);
  Opslag.remove(id);
  assert.equal(Opslag.get(id), null);
  assert.equal(Opslag.current(), null);
  assert.deepEqual(Opslag.list().map((entry) => entry.id), ["oud", "ouder"]);
});

test("analyses of version 1 (kept by name) are read", () => {
  const old = {versie: 1, analyses: {Noord: {bewaard: "2025-01-01T00:00:00Z", analyse: {buurt: "Noord"}}}};
  const Opslag = inStorage(() => memory({[KEY]: JSON.stringify(old)}));
  assert.deepEqual(Opslag.list(), [{id: "v1-Noord", gewijzigd: "2025-01-01T00:00:00Z", analyse: {buurt: "Noord"}}]);
});

test("without storage or with an unreadable entry nothing is kept and writing says so", () => {
  const refused = inStorage(() => { throw new Error("SecurityError"); });
  assert.deepEqual(refused.list(), []);
  assert.equal(refused.current(), null);
  assert.equal(refused.put("a", {}), false);
  const full = inStorage(() => ({getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }}));
  assert.equal(full.put("a", {}), false);
  const garbage = inStorage(() => memory({[KEY]: "{niet json"}));
  assert.deepEqual(garbage.list(), []);
});
