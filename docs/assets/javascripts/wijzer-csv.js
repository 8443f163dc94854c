/*
 * The interventiewijzer's "Download deze selectie als CSV" button.
 *
 * The selection is the one in the address, which interventiewijzer.js keeps up to date: the same
 * facets and text (HandreikingWijzerAdres), run through HandreikingFilter. The rows are those of
 * data/praktijkvoorbeelden.csv, made at build time (window.HANDREIKING_CSV in
 * assets/data/praktijkvoorbeelden-csv.js, see handreiking/tools/open_data.py), so the selection has exactly
 * the columns and format of the full file.
 * That script is loaded on the first click only: a classic <script>, as fetch() fails from file://.
 * The file is built in the browser as a Blob: no server needed. Runs after interventiewijzer.js,
 * which builds the button row it joins.
 */
(() => {
  "use strict";

  const data = window.HANDREIKING;
  const Filter = window.HandreikingFilter;
  const Adres = window.HandreikingWijzerAdres;
  const Pagina = window.HandreikingPagina;
  const buttons = document.querySelector("#wijzer-filters .wijzer-knoppen");
  if (!data || !Filter || !Adres || !Pagina || !buttons || !document.currentScript) return;
  const rowsScript = new URL("../data/praktijkvoorbeelden-csv.js", document.currentScript.src).href;

  let index = null;  // made on the first download: the page's own filter has one already at load
  let lastUrl = null;

  function withRows(then) {
    if (window.HANDREIKING_CSV) return then(window.HANDREIKING_CSV);
    const script = Pagina.element("script", {src: rowsScript});
    script.addEventListener("load", () => { then(window.HANDREIKING_CSV); });
    document.head.appendChild(script);
  }

  function selectedRows(csv) {
    const selection = Adres.parse(window.location.search, data);
    index = index || Filter.createIndex(data);
    const result = index.run(selection.chosen, selection.q);
    return result.order.map((i) => csv.rijen[index.items[i].slug]);
  }

  const button = Pagina.element("button", {type: "button", "class": "md-button wijzer-csv"},
    "Download deze selectie als CSV");
  function download(csv) {
    if (lastUrl) URL.revokeObjectURL(lastUrl);
    const file = new Blob([csv.kop + selectedRows(csv).join("")], {type: "text/csv;charset=utf-8"});
    lastUrl = URL.createObjectURL(file);
    const link = Pagina.element("a", {href: lastUrl, download: "praktijkvoorbeelden-selectie.csv", hidden: ""});
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  button.addEventListener("click", () => { withRows(download); });
  buttons.appendChild(button);
})();
