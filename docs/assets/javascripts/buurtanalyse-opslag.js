/*
 * Keeping buurtanalyses in this browser (localStorage): several side by side, each under its own id, written
 * on every change by buurtanalyse.js, so nothing typed is lost on a reload, a closed tab or a crash.
 *
 *   {versie: 2, huidige: id or null, analyses: {id: {gewijzigd: ISO time, analyse: {...}}}}
 *
 * "huidige" is the analysis the page reopens. Version 1 (kept by buurt name, only on "Bewaar") is read too.
 * Every function works without storage (a browser setting): reading gives nothing, writing returns false.
 * No DOM: HandreikingOpslag is inStorage(() => localStorage); tests give it another storage.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module
 * exporting inStorage.
 */
((factory) => {
  "use strict";
  const inStorage = factory();
  if (typeof module === "object" && module.exports) module.exports = {inStorage};
  else globalThis.HandreikingOpslag = inStorage(() => globalThis.localStorage);
})(() => {
  "use strict";

  const KEY = "handreiking-buurtanalyses";
  const VERSION = 2;

  function newId() {
    return "a-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8);
  }

  function empty() { return {versie: VERSION, huidige: null, analyses: {}}; }

  function upgrade(stored) {
    if (stored.versie === VERSION) return stored;
    const store = empty();
    // Ids from the names, so that every read gives the same ones until the next write stores them.
    Object.keys(stored.analyses).forEach((name) => {
      const entry = stored.analyses[name] || {};
      store.analyses["v1-" + name] = {gewijzigd: entry.bewaard || null, analyse: entry.analyse};
    });
    return store;
  }

  /* The functions below on the Storage that ``storage()`` gives (it may throw, as localStorage can). */
  function inStorage(storage) {
    function read() {
      try {
        const stored = JSON.parse(storage().getItem(KEY) || "null");
        if (stored && stored.analyses && typeof stored.analyses === "object") return upgrade(stored);
      } catch {
        // No storage or an unreadable entry: nothing is kept.
      }
      return empty();
    }

    function write(store) {
      try {
        storage().setItem(KEY, JSON.stringify(store));
        return true;
      } catch {
        return false;
      }
    }

    /* Saves one analysis and makes it the one the page reopens. */
    function put(id, analyse) {
      const store = read();
      store.analyses[id] = {gewijzigd: new Date().toISOString(), analyse};
      store.huidige = id;
      return write(store);
    }

    /* Saves analyses beside the others (imported in the buurten overview); the page reopens what it did. */
    function add(analyses) {
      const store = read();
      const now = new Date().toISOString();
      analyses.forEach((analyse) => { store.analyses[newId()] = {gewijzigd: now, analyse}; });
      return write(store);
    }

    function remove(id) {
      const store = read();
      delete store.analyses[id];
      if (store.huidige === id) store.huidige = null;
      return write(store);
    }

    /* The page reopens this one (null: none, the next page load starts empty). */
    function setCurrent(id) {
      const store = read();
      store.huidige = id && store.analyses[id] ? id : null;
      return write(store);
    }

    function get(id) {
      const entry = read().analyses[id];
      return entry ? entry.analyse : null;
    }

    function current() {
      const store = read();
      return store.huidige && store.analyses[store.huidige] ? store.huidige : null;
    }

    /* All kept analyses, last changed first: [{id, gewijzigd, analyse}]. */
    function list() {
      const store = read();
      return Object.keys(store.analyses).map((id) => ({
        id,
        gewijzigd: store.analyses[id].gewijzigd,
        analyse: store.analyses[id].analyse
      })).sort((a, b) => String(b.gewijzigd).localeCompare(String(a.gewijzigd)));
    }

    return {newId, put, add, remove, setCurrent, get, current, list};
  }

  return inStorage;
});
