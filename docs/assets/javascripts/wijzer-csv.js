/*
 * The interventiewijzer's "Download deze selectie als CSV" button.
 *
 * The selection is the one in the address, which interventiewijzer.js keeps up to date: the same
 * facets and text, run through HandreikingFilter. The rows are those of data/praktijkvoorbeelden.csv,
 * made at build time (window.HANDREIKING_CSV, see handreiking/open_data.py), so the selection has
 * exactly the columns and format of the full file. Built in the browser as a Blob: no server needed,
 * also from file://. Runs after interventiewijzer.js, which builds the button row it joins.
 */
(function () {
  "use strict";

  var data = window.HANDREIKING;
  var csv = window.HANDREIKING_CSV;
  var Filter = window.HandreikingFilter;
  var Keuzes = window.HandreikingKeuzes;
  var buttons = document.querySelector("#wijzer-filters .wijzer-knoppen");
  if (!data || !csv || !Filter || !Keuzes || !buttons) return;

  var index = Filter.createIndex(data);
  var facetNames = index.facets.map(function (facet) { return facet.naam; });
  var textParameter = data.interventiewijzer.zoekparameter;
  var lastUrl = null;

  function selectedRows() {
    var search = window.location.search;
    var chosen = Keuzes.read(search, data, facetNames).chosen;
    var result = index.run(chosen, new URLSearchParams(search).get(textParameter) || "");
    return index.items.filter(function (item, i) { return result.matched[i] === 1; })
      .map(function (item) { return csv.rijen[item.slug]; });
  }

  var button = Keuzes.element("button", {type: "button", "class": "md-button wijzer-csv"}, "Download deze selectie als CSV");
  button.addEventListener("click", function () {
    if (lastUrl) URL.revokeObjectURL(lastUrl);
    lastUrl = URL.createObjectURL(new Blob([csv.kop + selectedRows().join("")], {type: "text/csv;charset=utf-8"}));
    var link = Keuzes.element("a", {href: lastUrl, download: "praktijkvoorbeelden-selectie.csv", hidden: ""});
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  buttons.appendChild(button);
})();
