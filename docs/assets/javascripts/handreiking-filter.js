/*
 * Filter engine of the interventiewijzer: the semantics of handreiking/tools/filtering.py in the browser.
 *
 *   const index = HandreikingFilter.createIndex(window.HANDREIKING);
 *   const result = index.run({locatie: ["publieke-ruimte"], doelgroep: ["jongeren", "ouders"]}, "dialoog");
 *   result.matched[i]     1 when index.items[i] is shown (items are in site order)
 *   result.total          how many are shown
 *   result.counts[f][o]   how many are shown once option o of facet f (index.facets[f].termen[o]) is
 *                         ticked as well; for a ticked option, how many are shown now
 *
 * OR within a facet, AND between facets and with every word of the text. A facet without a choice
 * hides its "verborgen" values (gestopt). filtering.counts defines the counts by running the filter
 * once per option; run() gets the same numbers in one pass over the items.
 * Facets, their options and the search fields come from the data, never from this file.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else globalThis.HandreikingFilter = factory();
})(() => {
  "use strict";

  const MARKS = /\p{M}/gu;

  /* Lower case without accents, as handreiking.tools.filtering.normalize: "Financiële" -> "financiele". */
  function normalize(text) {
    return String(text == null ? "" : text).normalize("NFKD").replace(MARKS, "").toLowerCase();
  }

  function words(query) {
    return normalize(query).split(/\s+/).filter(Boolean);
  }

  function asList(value) {
    return value == null ? [] : [].concat(value);
  }

  function createFacet(data, definition) {
    const termen = data.vocabulaires[definition.naam].termen;
    const position = new Map();
    termen.forEach((term, i) => { position.set(term.id, i); });
    const verborgen = new Uint8Array(termen.length);
    definition.verborgen.forEach((id) => {
      if (position.has(id)) verborgen[position.get(id)] = 1;
    });
    return {naam: definition.naam, veld: definition.veld, termen, position, verborgen};
  }

  function createItem(facets, searchFields, voorbeeld) {
    const text = searchFields.map((field) => asList(voorbeeld[field]).join("\n")).join("\n");
    const values = facets.map((facet) => asList(voorbeeld[facet.veld])
      .map((id) => facet.position.get(id))
      .filter((i) => i !== undefined));
    const hiddenByDefault = facets.map((facet, f) => values[f].some((i) => facet.verborgen[i] === 1));
    return {slug: voorbeeld.slug, text: normalize(text), values, hiddenByDefault};
  }

  function createIndex(data) {
    const config = data.interventiewijzer;
    const facets = config.facetten.map((definition) => createFacet(data, definition));
    const items = data.praktijkvoorbeelden.map((v) => createItem(facets, config.zoekvelden, v));

    /* chosen: {facet name: [ids]}; unknown ids are ignored. */
    function flags(chosen) {
      return facets.map((facet) => {
        const chosenFlags = new Uint8Array(facet.termen.length);
        let any = false;
        asList(chosen[facet.naam]).forEach((id) => {
          if (facet.position.has(id)) { chosenFlags[facet.position.get(id)] = 1; any = true; }
        });
        return any ? chosenFlags : null;
      });
    }

    function passes(item, f, chosenFlags) {
      const values = item.values[f];
      if (chosenFlags === null) return !item.hiddenByDefault[f];
      for (let k = 0; k < values.length; k++) if (chosenFlags[values[k]] === 1) return true;
      return false;
    }

    function run(chosen, query) {
      const selected = flags(chosen || {});
      const tokens = words(query);
      const counts = facets.map((facet) => new Int32Array(facet.termen.length));
      const matched = new Uint8Array(items.length);
      let total = 0;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        let t = 0;
        while (t < tokens.length && item.text.indexOf(tokens[t]) !== -1) t++;
        if (t < tokens.length) continue;
        // Which facets reject the item. Ticking option o of facet f shows the items that pass
        // every other facet and either pass f already (when f has a choice: all shown items,
        // added below) or carry o: a shown item when f has no choice yet, or one rejected by f only.
        let failed = -1;
        let failures = 0;
        for (let f = 0; f < facets.length && failures < 2; f++) {
          if (!passes(item, f, selected[f])) { failed = f; failures++; }
        }
        if (failures === 0) {
          matched[i] = 1;
          total++;
          for (let f = 0; f < facets.length; f++) {
            if (selected[f] === null) addCounts(counts[f], item.values[f]);
          }
        } else if (failures === 1) {
          addCounts(counts[failed], item.values[failed]);
        }
      }
      for (let f = 0; f < facets.length; f++) {
        if (selected[f] !== null) for (let o = 0; o < counts[f].length; o++) counts[f][o] += total;
      }
      return {matched, total, counts};
    }

    return {facets, items, run};
  }

  function addCounts(tally, values) {
    for (let k = 0; k < values.length; k++) tally[values[k]]++;
  }

  return {normalize, words, createIndex};
});
