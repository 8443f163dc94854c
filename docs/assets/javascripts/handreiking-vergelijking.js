/*
 * Vergelijken without the DOM: the choice of at most MAXIMUM praktijkvoorbeelden (kept in a storage, in the
 * address) and the comparison table as data. handreiking-vergelijk.js puts it on the page.
 *
 *   HandreikingVergelijking.opslag.load()                  the kept choice: at most MAXIMUM slugs, cleaned
 *   HandreikingVergelijking.opslag.save(slugs)             false when the storage refused (kept for this page)
 *   HandreikingVergelijking.choose(slugs, slug, on)        the choice with slug (un)ticked; null when full
 *   HandreikingVergelijking.search(slugs)                  "?slug=a&slug=b" ("" for none)
 *   HandreikingVergelijking.read(search, data)             {slugs, unknown, extra}: the address's choice
 *   HandreikingVergelijking.table(data, slugs, basis)      {chosen, rows}: what the table shows
 *
 * opslag is inStorage(() => localStorage); tests give inStorage another storage.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module
 * (without opslag).
 */
((factory) => {
  "use strict";
  const Vergelijking = factory();
  if (typeof module === "object" && module.exports) module.exports = Vergelijking;
  else {
    Vergelijking.opslag = Vergelijking.inStorage(() => globalThis.localStorage);
    globalThis.HandreikingVergelijking = Vergelijking;
  }
})(() => {
  "use strict";

  const MAXIMUM = 4;
  const PARAMETER = "slug";
  const KEY = "handreiking-vergelijk";

  // --- the choice ------------------------------------------------------------------------------

  /* Strings only, each once, at most MAXIMUM: what is left of a choice from elsewhere (storage, a tab). */
  function clean(slugs) {
    const kept = [];
    slugs.forEach((slug) => {
      if (typeof slug === "string" && kept.indexOf(slug) === -1 && kept.length < MAXIMUM) kept.push(slug);
    });
    return kept;
  }

  /* load and save on the Storage that ``storage()`` gives (it may throw, as localStorage can from file://). */
  function inStorage(storage) {
    let memory = [];  // the choice when the storage is refused: this page only

    function load() {
      try {
        const stored = JSON.parse(storage().getItem(KEY) || "[]");
        if (Array.isArray(stored)) return clean(stored);
      } catch {
        // No storage or not our JSON: fall back to this page's memory.
      }
      return memory.slice();
    }

    function save(slugs) {
      memory = slugs.slice();
      try {
        storage().setItem(KEY, JSON.stringify(slugs));
        return true;
      } catch {
        return false;  // the choice lasts as long as this page
      }
    }

    return {load, save};
  }

  /* ``slugs`` with ``slug`` ticked (on) or not; null when ticking it would choose more than MAXIMUM. */
  function choose(slugs, slug, on) {
    const others = slugs.filter((chosen) => chosen !== slug);
    if (!on) return others;
    return others.length >= MAXIMUM ? null : others.concat([slug]);
  }

  // --- the address -----------------------------------------------------------------------------

  function search(slugs) {
    const params = new URLSearchParams();
    slugs.forEach((slug) => { params.append(PARAMETER, slug); });
    const text = params.toString();
    return text ? "?" + text : "";
  }

  function inAddress(text) {
    return new URLSearchParams(text).has(PARAMETER);
  }

  /* The choice in the address ``text``: old slugs follow the redirects; unknown slugs (as asked) and the
     titles of those beyond MAXIMUM are returned to be named; a repeated one is dropped. */
  function read(text, data) {
    const voorbeelden = bySlug(data);
    const redirects = (data.doorverwijzingen || {}).praktijkvoorbeelden || {};
    const found = {slugs: [], unknown: [], extra: []};
    new URLSearchParams(text).getAll(PARAMETER).forEach((asked) => {
      const slug = voorbeelden.has(asked) ? asked
        : Object.prototype.hasOwnProperty.call(redirects, asked) ? redirects[asked] : undefined;
      if (!slug || !voorbeelden.has(slug)) found.unknown.push(asked);
      else if (found.slugs.indexOf(slug) !== -1) return;
      else if (found.slugs.length >= MAXIMUM) found.extra.push(voorbeelden.get(slug).titel);
      else found.slugs.push(slug);
    });
    return found;
  }

  /* The slugs that are praktijkvoorbeelden of ``data`` (a kept choice may name one that is gone). */
  function known(slugs, data) {
    const voorbeelden = bySlug(data);
    return slugs.filter((slug) => voorbeelden.has(slug));
  }

  function bySlug(data) {
    return new Map(data.praktijkvoorbeelden.map((v) => [v.slug, v]));
  }

  // --- the table -------------------------------------------------------------------------------

  // The rows, top to bottom. A row with ``vocabulaire`` shows that vocabulary's terms; its field in
  // the data is named by the interventiewijzer's facets.
  const ROWS = [
    {veld: "samenvatting", kop: "Samenvatting", soort: "tekst"},
    {vocabulaire: "oplossingsrichting"},
    {vocabulaire: "locatie"},
    {vocabulaire: "doelgroep"},
    {vocabulaire: "problematiek"},
    {veld: "methodieken", kop: "Werkwijze", soort: "lijst"},
    {veld: "gemeente", kop: "Gemeente", soort: "tekst"},
    {vocabulaire: "status"},
    {veld: "gecontroleerd_op", kop: "Gecontroleerd op", soort: "datum"},
    {veld: "links", kop: "Meer informatie", soort: "links"},
  ];

  /* "2025-03-07" -> "7 maart 2025", whatever the time zone. */
  function dateText(iso) {
    const parts = iso.split("-").map(Number);
    return new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).toLocaleDateString("nl-NL",
      {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
  }

  function sameKeys(a, b) {
    return a.length === b.length && a.every((key) => b.indexOf(key) !== -1);
  }

  /*
   * The table of the praktijkvoorbeelden ``slugs`` (known ones, see read and known), with links made from
   * ``basis`` (the site's root relative to the page):
   *   chosen  the praktijkvoorbeelden, one per column
   *   rows    [{kop, differs, cells}]: differs is true or false ("verschilt"/"gelijk") when more than one
   *           is chosen, else null; cells has per column {list, items: [{key, text, url, shared}]}: list
   *           when the field holds a list (shown as one even with one item); url only for a link;
   *           shared when every chosen one has that value (never with one chosen)
   */
  function table(data, slugs, basis) {
    const voorbeelden = bySlug(data);
    const chosen = slugs.map((slug) => voorbeelden.get(slug));
    const fields = {};
    data.interventiewijzer.facetten.forEach((facet) => { fields[facet.naam] = facet.veld; });

    function raw(row, v) {
      return v[row.vocabulaire ? fields[row.vocabulaire] : row.veld];
    }

    function termItems(naam, ids) {
      const termen = data.vocabulaires[naam].termen;
      return ids.map((id) => {
        const term = termen.find((t) => t.id === id);
        const item = {key: id, text: term ? term.label : id};
        if (term && term.url) item.url = basis + term.url;
        return item;
      });
    }

    function items(row, v) {
      const value = raw(row, v);
      if (row.vocabulaire) return termItems(row.vocabulaire, Array.isArray(value) ? value : [value]);
      if (row.soort === "lijst") return value.map((text) => ({key: text, text}));
      if (row.soort === "links") return value.map((link) => ({key: link.url, text: link.titel, url: link.url}));
      if (row.soort === "datum") {
        return [value ? {key: value, text: dateText(value)} : {key: "", text: "nog niet gecontroleerd"}];
      }
      return value ? [{key: value, text: value}] : [];
    }

    function tableRow(row) {
      const perColumn = chosen.map((v) => items(row, v));
      const keys = perColumn.map((column) => column.map((item) => item.key));
      const several = chosen.length > 1;
      const shared = keys[0].filter((key) => key !== "" && keys.every((other) => other.indexOf(key) !== -1));
      const list = Array.isArray(raw(row, chosen[0]));
      perColumn.forEach((column) => {
        column.forEach((item) => { item.shared = several && shared.indexOf(item.key) !== -1; });
      });
      return {
        kop: row.vocabulaire ? data.vocabulaires[row.vocabulaire].meervoud : row.kop,
        differs: several ? !keys.every((other) => sameKeys(other, keys[0])) : null,
        cells: perColumn.map((column) => ({list, items: column})),
      };
    }

    return {chosen, rows: chosen.length ? ROWS.map(tableRow) : []};
  }

  return {MAXIMUM, PARAMETER, KEY, clean, inStorage, choose, search, inAddress, read, known, dateText, table};
});
