/*
 * Filter engine of the interventiewijzer: the semantics of handreiking/tools/filtering.py in the browser.
 *
 *   const index = HandreikingFilter.createIndex(window.HANDREIKING);
 *   const result = index.run({locatie: ["publieke-ruimte"], doelgroep: ["jongeren", "ouders"]}, "dialoog");
 *   result.matched[i]     1 when index.items[i] is shown (items are in site order)
 *   result.order          the indices of the shown items in display order: site order, or best first for a text
 *   result.total          how many are shown
 *   result.counts[f][o]   how many are shown once option o of facet f (index.facets[f].termen[o]) is
 *                         ticked as well; for a ticked option, how many are shown now
 *
 * OR within a facet, AND between facets and with every word of the text. A facet without a choice
 * hides its "verborgen" values (gestopt). filtering.counts defines the counts by running the filter
 * once per option; run() gets the same numbers in one pass over the items.
 * The text goes through the site's Dutch text analysis (handreiking-tekst.js): per word its best match in
 * a field times the field's weight (data.tekst.velden), added up; with a text the best come first.
 * Facets, their options, the search fields and their weights come from the data, never from this file.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("./handreiking-tekst.js"));
  else globalThis.HandreikingFilter = factory(globalThis.HandreikingTekst);
})((Tekst) => {
  "use strict";

  const MARKS = /\p{M}/gu;

  /* Lower case without accents, as handreiking.tools.filtering.normalize: "Financiële" -> "financiele". */
  function normalize(text) {
    return String(text == null ? "" : text).normalize("NFKD").replace(MARKS, "").toLowerCase();
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

  /* Field name -> the words the word search reads in it (handreiking.tools.zoekvelden.velden). */
  function fields(data, voorbeeld) {
    const settings = data.tekst;
    const result = {};
    settings.korte_velden.forEach((name) => { result[name] = Tekst.words(asList(voorbeeld[name]).join(" ")); });
    result.beschrijving = voorbeeld.zoekwoorden ? voorbeeld.zoekwoorden.split(" ") : [];
    result.labels = [];
    settings.labels.forEach((naam) => {
      const termen = data.vocabulaires[naam].termen;
      asList(voorbeeld[data.velden[naam]]).forEach((id) => {
        const term = termen.find((candidate) => candidate.id === id);
        if (term) result.labels = result.labels.concat(Tekst.words(term.label));
      });
    });
    return result;
  }

  function createItem(data, facets, voorbeeld) {
    const values = facets.map((facet) => asList(voorbeeld[facet.veld])
      .map((id) => facet.position.get(id))
      .filter((i) => i !== undefined));
    const hiddenByDefault = facets.map((facet, f) => values[f].some((i) => facet.verborgen[i] === 1));
    return {slug: voorbeeld.slug, texts: null, values, hiddenByDefault};
  }

  /* null when a query word matches no field; else per word its best match times the field's weight, added. */
  function score(analysis, item, query) {
    if (item.texts === null) throw new Error("texts not prepared");
    let total = 0;
    for (let w = 0; w < query.length; w++) {
      let best = 0;
      item.texts.forEach((field) => {
        const found = analysis.match(query[w], field.text);
        if (found) best = Math.max(best, found.gewicht * field.weight);
      });
      if (!best) return null;
      total += best;
    }
    return total;
  }

  function createIndex(data) {
    const config = data.interventiewijzer;
    const facets = config.facetten.map((definition) => createFacet(data, definition));
    const items = data.praktijkvoorbeelden.map((v) => createItem(data, facets, v));
    // The text analysis stems every word of the site: made at the first text typed, not when the page opens.
    let analysis = null;
    function textAnalysis() {
      if (analysis === null) {
        analysis = Tekst.create(data.tekst.woorden, data.tekst);
        data.praktijkvoorbeelden.forEach((voorbeeld, i) => {
          const found = fields(data, voorbeeld);
          items[i].texts = Object.keys(data.tekst.velden).map((name) => ({weight: data.tekst.velden[name],
            text: analysis.text(found[name] || [])}));
        });
      }
      return analysis;
    }

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
      const words = (query || "").trim() ? textAnalysis().query(query) : [];
      const scores = new Float64Array(items.length);
      const counts = facets.map((facet) => new Int32Array(facet.termen.length));
      const matched = new Uint8Array(items.length);
      let total = 0;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (words.length) {
          const found = score(analysis, item, words);
          if (found === null) continue;
          scores[i] = found;
        }
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
      const order = [];
      for (let i = 0; i < items.length; i++) if (matched[i] === 1) order.push(i);
      if (words.length) order.sort((a, b) => scores[b] - scores[a]);  // stable: site order on a tie
      return {matched, order, total, counts};
    }

    return {facets, items, textAnalysis, run};
  }

  function addCounts(tally, values) {
    for (let k = 0; k < values.length; k++) tally[values[k]]++;
  }

  return {normalize, fields, createIndex};
});
