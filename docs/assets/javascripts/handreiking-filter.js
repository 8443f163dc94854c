/*
 * Filter engine of the interventiewijzer: the semantics of handreiking/filtering.py in the browser.
 *
 *   var index = HandreikingFilter.createIndex(window.HANDREIKING);
 *   var result = index.run({locatie: ["publieke-ruimte"], doelgroep: ["jongeren", "ouders"]}, "dialoog");
 *   result.matched[i]     1 when index.items[i] is shown (items are in site order)
 *   result.total          how many are shown
 *   result.counts[f][o]   how many are shown once option o of facet f (index.facets[f].termen[o]) is
 *                         ticked as well; for a ticked option, how many are shown now
 *
 * OR within a facet, AND between facets and with every word of the text. A facet without a choice
 * hides its "verborgen" values (gestopt). filtering.counts defines the counts by running the filter
 * once per option; run() gets the same numbers in one pass over the items.
 * Facets, their options and the search fields come from the data, never from this file.
 * A classic script (no ES module) so that it also runs from file://.
 */
(function (global) {
  "use strict";

  var MARKS = /\p{M}/gu;

  /* Lower case without accents, as handreiking.filtering.normalize: "Financiële" -> "financiele". */
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
    var termen = data.vocabulaires[definition.naam].termen;
    var position = new Map();
    termen.forEach(function (term, i) { position.set(term.id, i); });
    var verborgen = new Uint8Array(termen.length);
    definition.verborgen.forEach(function (id) {
      if (position.has(id)) verborgen[position.get(id)] = 1;
    });
    return {naam: definition.naam, veld: definition.veld, termen: termen, position: position, verborgen: verborgen};
  }

  function createItem(facets, searchFields, voorbeeld) {
    var text = searchFields.map(function (field) { return asList(voorbeeld[field]).join("\n"); }).join("\n");
    var values = facets.map(function (facet) {
      return asList(voorbeeld[facet.veld])
        .map(function (id) { return facet.position.get(id); })
        .filter(function (i) { return i !== undefined; });
    });
    var hiddenByDefault = facets.map(function (facet, f) {
      return values[f].some(function (i) { return facet.verborgen[i] === 1; });
    });
    return {slug: voorbeeld.slug, text: normalize(text), values: values, hiddenByDefault: hiddenByDefault};
  }

  function createIndex(data) {
    var config = data.interventiewijzer;
    var facets = config.facetten.map(function (definition) { return createFacet(data, definition); });
    var items = data.praktijkvoorbeelden.map(function (v) { return createItem(facets, config.zoekvelden, v); });

    /* chosen: {facet name: [ids]}; unknown ids are ignored. */
    function flags(chosen) {
      return facets.map(function (facet) {
        var chosenFlags = new Uint8Array(facet.termen.length);
        var any = false;
        asList(chosen[facet.naam]).forEach(function (id) {
          if (facet.position.has(id)) { chosenFlags[facet.position.get(id)] = 1; any = true; }
        });
        return any ? chosenFlags : null;
      });
    }

    function passes(item, f, chosenFlags) {
      var values = item.values[f];
      if (chosenFlags === null) return !item.hiddenByDefault[f];
      for (var k = 0; k < values.length; k++) if (chosenFlags[values[k]] === 1) return true;
      return false;
    }

    function run(chosen, query) {
      var selected = flags(chosen || {});
      var tokens = words(query);
      var counts = facets.map(function (facet) { return new Int32Array(facet.termen.length); });
      var matched = new Uint8Array(items.length);
      var total = 0;
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        var t = 0;
        while (t < tokens.length && item.text.indexOf(tokens[t]) !== -1) t++;
        if (t < tokens.length) continue;
        // Which facets reject the item. Ticking option o of facet f shows the items that pass
        // every other facet and either pass f already (when f has a choice: all shown items,
        // added below) or carry o: a shown item when f has no choice yet, or one rejected by f only.
        var failed = -1, failures = 0;
        for (var f = 0; f < facets.length && failures < 2; f++) {
          if (!passes(item, f, selected[f])) { failed = f; failures++; }
        }
        if (failures === 0) {
          matched[i] = 1;
          total++;
          for (f = 0; f < facets.length; f++) {
            if (selected[f] === null) addCounts(counts[f], item.values[f]);
          }
        } else if (failures === 1) {
          addCounts(counts[failed], item.values[failed]);
        }
      }
      for (f = 0; f < facets.length; f++) {
        if (selected[f] !== null) for (var o = 0; o < counts[f].length; o++) counts[f][o] += total;
      }
      return {matched: matched, total: total, counts: counts};
    }

    return {facets: facets, items: items, run: run};
  }

  function addCounts(tally, values) {
    for (var k = 0; k < values.length; k++) tally[values[k]]++;
  }

  global.HandreikingFilter = {normalize: normalize, words: words, createIndex: createIndex};
})(window);
