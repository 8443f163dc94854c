/*
 * The interventiewijzer's "Download deze selectie als CSV" buttons: the standard form and the one for a
 * spreadsheet (Excel in Dutch settings).
 *
 * The selection is the one in the address, which interventiewijzer.js keeps up to date: the same
 * facets and text (HandreikingWijzerAdres), run through HandreikingFilter. The rows are those of
 * data/praktijkvoorbeelden.csv and data/praktijkvoorbeelden-spreadsheet.csv, made at build time
 * (window.HANDREIKING_CSV in assets/data/praktijkvoorbeelden-csv.js, see handreiking/tools/open_data.py), so the
 * selection has exactly the columns and format of the full files.
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

  function selectedRows(rows) {
    const selection = Adres.parse(window.location.search, data);
    index = index || Filter.createIndex(data);
    const result = index.run(selection.chosen, selection.q);
    return result.order.map((i) => rows[index.items[i].slug]);
  }

  // The two files: which rows of window.HANDREIKING_CSV, the button's text and the file name.
  const FORMS = [
    {rows: (csv) => csv, text: "Download deze selectie als CSV", file: "praktijkvoorbeelden-selectie.csv"},
    {rows: (csv) => csv.spreadsheet, text: "Download deze selectie voor Excel (CSV met puntkomma's)",
      file: "praktijkvoorbeelden-selectie-spreadsheet.csv"},
  ];

  function download(form, csv) {
    const rows = form.rows(csv);
    if (lastUrl) URL.revokeObjectURL(lastUrl);
    const file = new Blob([(rows.bom || "") + rows.kop + selectedRows(rows.rijen).join("")],
      {type: "text/csv;charset=utf-8"});
    lastUrl = URL.createObjectURL(file);
    const link = Pagina.element("a", {href: lastUrl, download: form.file, hidden: ""});
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  FORMS.forEach((form) => {
    const button = Pagina.element("button", {type: "button", "class": "md-button wijzer-csv"}, form.text);
    button.addEventListener("click", () => { withRows((csv) => { download(form, csv); }); });
    buttons.appendChild(button);
  });
})();
