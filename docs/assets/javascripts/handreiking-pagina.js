/*
 * What the tool pages (interventiewijzer, buurtanalyse) do with the page itself: make elements, write the
 * address, name ignored choices. The logic they show lives in the DOM-free modules (handreiking-keuzes.js, ...).
 *
 *   HandreikingPagina.element(tag, attributes, text)
 *   HandreikingPagina.setAddress(search, push, hash)   a new (push) or the same history entry; the fragment
 *                                                     stays as it is unless ``hash`` is given ("" for none)
 *   HandreikingPagina.showUnknown(note, unknown)    fill or hide the note naming ignored values
 *
 * A classic script (no ES module) so that it also runs from file://. Needs HandreikingKeuzes.
 */
(() => {
  "use strict";

  const Keuzes = window.HandreikingKeuzes;

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach((name) => { node.setAttribute(name, attributes[name]); });
    if (text != null) node.textContent = text;
    return node;
  }

  function setAddress(search, push, hash) {
    const url = window.location.pathname + search + (hash === undefined ? window.location.hash : hash);
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    try {
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    } catch {
      // Some browsers refuse history changes for file:// pages; the page works regardless.
    }
  }

  function showUnknown(note, unknown) {
    note.textContent = "";
    note.hidden = unknown.length === 0;
    if (!unknown.length) return;
    note.appendChild(element("p", {"class": "admonition-title"}, "Niet alle keuzes uit de link zijn herkend"));
    note.appendChild(element("p", {},
      `Genegeerd: ${Keuzes.describeUnknown(unknown)}. De andere keuzes zijn toegepast.`));
  }

  window.HandreikingPagina = {element, setAddress, showUnknown};
})();
