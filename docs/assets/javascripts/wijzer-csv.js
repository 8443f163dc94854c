/*
 * The interventiewijzer's "Download deze selectie als CSV" button.
 *
 * The selection is the one in the address, which interventiewijzer.js keeps up to date: the same
 * facets and text, run through HandreikingFilter. The rows are those of data/praktijkvoorbeelden.csv,
 * made at build time (window.HANDREIKING_CSV in assets/data/praktijkvoorbeelden-csv.js, see
 * handreiking/open_data.py), so the selection has exactly the columns and format of the full file.
 * That script is loaded on the first click only: a classic <script>, as fetch() fails from file://.
 * The file is built in the browser as a Blob: no server needed. Runs after interventiewijzer.js,
 * which builds the button row it joins.
 */
(function () {
  "use strict";

  var data = window.HANDREIKING;
  var Filter = window.HandreikingFilter;
  var Keuzes = window.HandreikingKeuzes;
  var buttons = document.querySelector("#wijzer-filters .wijzer-knoppen");
  if (!data || !Filter || !Keuzes || !buttons || !document.currentScript) return;
  var rowsScript = new URL("../data/praktijkvoorbeelden-csv.js", document.currentScript.src).href;

  var index = Filter.createIndex(data);
  var facetNames = index.facets.map(function (facet) { return facet.naam; });
  var textParameter = data.interventiewijzer.zoekparameter;
  var lastUrl = null;

  function withRows(then) {
    if (window.HANDREIKING_CSV) return then(window.HANDREIKING_CSV);
    var script = Keuzes.element("script", {src: rowsScript});
    script.addEventListener("load", function () { then(window.HANDREIKING_CSV); });
    document.head.appendChild(script);
  }

  function selectedRows(csv) {
    var search = window.location.search;
    var chosen = Keuzes.read(search, data, facetNames).chosen;
    var result = index.run(chosen, new URLSearchParams(search).get(textParameter) || "");
    return index.items.filter(function (item, i) { return result.matched[i] === 1; })
      .map(function (item) { return csv.rijen[item.slug]; });
  }

  var button = Keuzes.element("button", {type: "button", "class": "md-button wijzer-csv"}, "Download deze selectie als CSV");
  function download(csv) {
    if (lastUrl) URL.revokeObjectURL(lastUrl);
    lastUrl = URL.createObjectURL(new Blob([csv.kop + selectedRows(csv).join("")], {type: "text/csv;charset=utf-8"}));
    var link = Keuzes.element("a", {href: lastUrl, download: "praktijkvoorbeelden-selectie.csv", hidden: ""});
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  button.addEventListener("click", function () { withRows(download); });
  buttons.appendChild(button);
})();
