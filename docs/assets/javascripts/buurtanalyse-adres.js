/*
 * A buurtanalyse in the address, and back: the answers with the parameter names of the interventiewijzer
 * plus those of data.buurtanalyse.parameters (onbekend, casus, gestopt, situatie: "Wat speelt er?"); never the
 * buurt name, notes or other items. No DOM: runs in node too.
 *
 *   HandreikingAnalyseAdres.format(state, data)          "?locatie=publieke-ruimte&onbekend=2.3"
 *   HandreikingAnalyseAdres.parse(search, data, known)   {state, unknown: [{naam, waarde}]}, cleaned against
 *                                                        known (HandreikingOpschonen.known)
 *
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./handreiking-keuzes.js"), require("./buurtanalyse-opschonen.js"));
  } else {
    globalThis.HandreikingAnalyseAdres = factory(globalThis.HandreikingKeuzes, globalThis.HandreikingOpschonen);
  }
})((Keuzes, Opschonen) => {
  "use strict";

  const YES = "ja";  // the value of the gestopt parameter

  function format(state, data) {
    const config = data.buurtanalyse;
    const P = config.parameters;
    const params = Keuzes.params(state.keuzes, data, config.vocabulaires);
    state.onbekend.forEach((stap) => { params.append(P.onbekend, stap); });
    if (state.casus) params.set(P.casus, state.casus);
    if (state.gestopt) params.set(P.gestopt, YES);
    if (state.situatie.trim()) params.set(P.situatie, state.situatie.trim());
    return Keuzes.toSearch(params);
  }

  function parse(search, data, known) {
    const config = data.buurtanalyse;
    const P = config.parameters;
    const read = Keuzes.read(search, data, config.vocabulaires);
    const params = new URLSearchParams(search);
    const raw = {keuzes: read.chosen, onbekend: params.getAll(P.onbekend), casus: params.get(P.casus),
      gestopt: params.get(P.gestopt) === YES, situatie: params.get(P.situatie) || ""};
    const result = Opschonen.sanitize(raw, known);
    return {state: result.state, unknown: read.unknown.concat(result.ignored)};
  }

  return {format, parse};
});
