/*
 * Choices in the address, shared by the interventiewijzer and the buurtanalyse. No DOM: runs in node too.
 *
 *   const read = HandreikingKeuzes.read(location.search, data, ["locatie", "doelgroep"]);
 *   read.chosen    {locatie: ["publieke-ruimte"]}: ids the vocabulary knows, each once, in address order
 *   read.unknown   [{naam: "locatie", waarde: "maan"}]: values that were ignored
 *   HandreikingKeuzes.params(chosen, data, names)   URLSearchParams: per name, the ids in vocabulary order,
 *                                                   so one choice always gives the same link
 *   HandreikingKeuzes.toSearch(params)              "?a=1&b=2", or "" when there are no parameters
 *   HandreikingKeuzes.describeUnknown(unknown)      "locatie = 'maan', ...": the ignored values in words
 *
 * Parameter names are vocabulary names, ids are term ids: both come from window.HANDREIKING.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else globalThis.HandreikingKeuzes = factory();
})(() => {
  "use strict";

  function termIds(data, naam) {
    return data.vocabulaires[naam].termen.map((term) => term.id);
  }

  function read(search, data, names) {
    const params = new URLSearchParams(search);
    const chosen = {};
    const unknown = [];
    names.forEach((naam) => {
      const known = termIds(data, naam);
      const values = [];
      params.getAll(naam).forEach((value) => {
        if (!known.includes(value)) unknown.push({naam, waarde: value});
        else if (!values.includes(value)) values.push(value);
      });
      if (values.length) chosen[naam] = values;
    });
    return {chosen, unknown};
  }

  function params(chosen, data, names) {
    const result = new URLSearchParams();
    names.forEach((naam) => {
      const values = chosen[naam] || [];
      termIds(data, naam).forEach((id) => {
        if (values.includes(id)) result.append(naam, id);
      });
    });
    return result;
  }

  function toSearch(params) {
    const text = params.toString();
    return text ? `?${text}` : "";
  }

  function describeUnknown(unknown) {
    return unknown.map((entry) => `${entry.naam} = \u2018${entry.waarde}\u2019`).join(", ");
  }

  return {read, params, toSearch, describeUnknown};
});
