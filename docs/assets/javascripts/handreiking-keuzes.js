/*
 * Choices in the address, shared by the interventiewijzer and the buurtanalyse.
 *
 *   var read = HandreikingKeuzes.read(location.search, data, ["locatie", "doelgroep"]);
 *   read.chosen    {locatie: ["publieke-ruimte"]}: ids the vocabulary knows, each once, in address order
 *   read.unknown   [{naam: "locatie", waarde: "maan"}]: values that were ignored
 *   HandreikingKeuzes.params(chosen, data, names)   URLSearchParams: per name, the ids in vocabulary order,
 *                                                   so one choice always gives the same link
 *   HandreikingKeuzes.toSearch(params)              "?a=1&b=2", or "" when there are no parameters
 *   HandreikingKeuzes.setAddress(search, push)      a new (push) or the same history entry
 *   HandreikingKeuzes.describeUnknown(unknown)      "locatie = 'maan', ...": the ignored values in words
 *   HandreikingKeuzes.showUnknown(note, unknown)    fill or hide the note naming ignored values
 *   HandreikingKeuzes.element(tag, attributes, text)
 *
 * Parameter names are vocabulary names, ids are term ids: both come from window.HANDREIKING.
 * A classic script (no ES module) so that it also runs from file://.
 */
((global) => {
  "use strict";

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach((name) => { node.setAttribute(name, attributes[name]); });
    if (text != null) node.textContent = text;
    return node;
  }

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
        if (known.indexOf(value) === -1) unknown.push({naam, waarde: value});
        else if (values.indexOf(value) === -1) values.push(value);
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
        if (values.indexOf(id) !== -1) result.append(naam, id);
      });
    });
    return result;
  }

  function toSearch(params) {
    const text = params.toString();
    return text ? "?" + text : "";
  }

  function setAddress(search, push) {
    const url = window.location.pathname + search + window.location.hash;
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    try {
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    } catch {
      // Some browsers refuse history changes for file:// pages; the page works regardless.
    }
  }

  function describeUnknown(unknown) {
    return unknown.map((entry) => entry.naam + " = \u2018" + entry.waarde + "\u2019").join(", ");
  }

  function showUnknown(note, unknown) {
    note.textContent = "";
    note.hidden = unknown.length === 0;
    if (!unknown.length) return;
    note.appendChild(element("p", {"class": "admonition-title"}, "Niet alle keuzes uit de link zijn herkend"));
    note.appendChild(element("p", {}, "Genegeerd: " + describeUnknown(unknown) + ". De andere keuzes zijn toegepast."));
  }

  global.HandreikingKeuzes = {element, read, params, toSearch,
    setAddress, describeUnknown, showUnknown};
})(window);
