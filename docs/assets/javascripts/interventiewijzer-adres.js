/*
 * The interventiewijzer's choice in the address, and back. No DOM: runs in node too.
 *
 *   const read = HandreikingWijzerAdres.parse("?locatie=scholen&q=dialoog", data);
 *   read.chosen    {locatie: ["scholen"]}   per facet, the ids the vocabulary knows (see HandreikingKeuzes.read)
 *   read.q         "dialoog"                the text, under data.interventiewijzer.zoekparameter
 *   read.unknown   [{naam, waarde}]         the values that were ignored
 *   HandreikingWijzerAdres.format({chosen, q}, data)   "?locatie=scholen&q=dialoog": one choice, one address
 *
 * Facet and parameter names come from the data (handreiking/tools/filtering.py), never from this file.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("./handreiking-keuzes.js"));
  else globalThis.HandreikingWijzerAdres = factory(globalThis.HandreikingKeuzes);
})((Keuzes) => {
  "use strict";

  function facetNames(data) {
    return data.interventiewijzer.facetten.map((facet) => facet.naam);
  }

  function parse(search, data) {
    const read = Keuzes.read(search, data, facetNames(data));
    const q = new URLSearchParams(search).get(data.interventiewijzer.zoekparameter) || "";
    return {chosen: read.chosen, q, unknown: read.unknown};
  }

  function format(state, data) {
    const params = Keuzes.params(state.chosen, data, facetNames(data));
    if (state.q.trim()) params.set(data.interventiewijzer.zoekparameter, state.q);
    return Keuzes.toSearch(params);
  }

  return {parse, format};
});
