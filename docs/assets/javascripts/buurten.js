/*
 * The buurten overview (/buurten/): the page around the table the server rendered (handreiking/tools/buurten.py).
 * The rows, their sorting and filtering and the CSV lines come from HandreikingBuurten (buurten-overzicht.js), the
 * analyses from the browser's storage (HandreikingOpslag), cleaned and upgraded like the buurtanalyse does.
 * This script draws the rows, wires the sort buttons (aria-sort on the heading), the filters, the downloads
 * (CSV in two forms, JSON), the import of several files at once and printing. Nothing is sent anywhere.
 * A classic script (no ES module) so that it also runs from file://.
 */
(() => {
  "use strict";

  const data = window.HANDREIKING;
  const {HandreikingStaat: Staat, HandreikingOpschonen: Opschonen, HandreikingOpslag: Opslag,
    HandreikingCsv: Csv, HandreikingBuurten: Buurten, HandreikingPagina: Pagina} = window;
  const root = document.getElementById("buurten");
  if (!data || !Staat || !Opschonen || !Opslag || !Csv || !Buurten || !Pagina || !root) return;

  const element = Pagina.element;
  const known = Opschonen.known(data);
  const csvKolommen = JSON.parse(root.getAttribute("data-csv")).kolommen;
  const analyseUrl = root.getAttribute("data-buurtanalyse");
  const ui = {};
  Object.entries({
    werk: "bo-werk", status: "bo-status", aantal: "bo-aantal", leeg: "bo-leeg", blok: "bo-tabel-blok",
    rijen: "bo-rijen", bijschrift: "bo-bijschrift", zoek: "bo-zoek", probleem: "bo-probleem", fase: "bo-fase",
    dekking: "bo-dekking", csv: "bo-csv", spreadsheet: "bo-spreadsheet", json: "bo-json", importeer: "bo-importeer",
    bestanden: "bo-bestanden", print: "bo-print",
  }).forEach(([name, id]) => { ui[name] = document.getElementById(id); });
  const headings = Array.from(root.querySelectorAll("th[data-kolom]"));
  const kolommen = headings.map((th) => th.getAttribute("data-kolom"));

  let all = [];
  let order = {kolom: "buurt", richting: "oplopend"};

  function load() {
    all = Buurten.rows(Opslag.list(), data, known);
  }

  function formatDate(iso, withTime) {
    if (!iso) return "";
    if (!withTime) {
      const parts = iso.split("-").map(Number);
      return new Date(parts[0], parts[1] - 1, parts[2]).toLocaleDateString("nl-NL");
    }
    return new Date(iso).toLocaleString("nl-NL", {dateStyle: "short", timeStyle: "short"});
  }

  function cell(row, kolom) {
    const td = element(kolom === "buurt" ? "th" : "td", {"class": "bo-kolom-" + kolom});
    if (kolom === "buurt") td.setAttribute("scope", "row");
    const lines = row.cellen[kolom];
    if (kolom === "buurt") {
      // Opening a buurt: it becomes the analysis the buurtanalyse page opens.
      const link = td.appendChild(element("a", {href: analyseUrl}, lines[0]));
      link.addEventListener("click", () => { Opslag.setCurrent(row.id); });
    } else if (kolom === "datum" || kolom === "gewijzigd") {
      td.textContent = formatDate(lines[0], kolom === "gewijzigd");
    } else if (lines.length) {
      const list = td.appendChild(element("ul", {"class": "bo-lijst"}));
      lines.forEach((line) => { list.appendChild(element("li", {}, line)); });
    }
    return td;
  }

  function filters() {
    return {tekst: ui.zoek.value, problematiek: ui.probleem.value, fase: ui.fase.value, dekking: ui.dekking.value};
  }

  function render() {
    const shown = Buurten.sort(Buurten.filter(all, filters(), data), order.kolom, order.richting);
    ui.rijen.textContent = "";
    shown.forEach((row) => {
      const tr = ui.rijen.appendChild(element("tr", {"data-id": row.id}));
      kolommen.forEach((kolom) => { tr.appendChild(cell(row, kolom)); });
    });
    headings.forEach((th) => {
      const kolom = th.getAttribute("data-kolom");
      const sorted = kolom === order.kolom;
      if (sorted) th.setAttribute("aria-sort", order.richting === "oplopend" ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
      th.querySelector(".bo-pijl").textContent = sorted ? (order.richting === "oplopend" ? " \u25B2" : " \u25BC") : "";
    });
    [ui.csv, ui.spreadsheet, ui.json, ui.print].forEach((button) => { button.disabled = all.length === 0; });
    ui.leeg.hidden = all.length > 0;
    ui.blok.hidden = all.length === 0;
    const total = all.length === 1 ? "1 buurt" : all.length + " buurten";
    const count = shown.length === all.length ? total : shown.length + " van de " + total;
    ui.aantal.textContent = all.length ? count + " in deze browser." : "";
    const sorted = headings.find((th) => th.getAttribute("data-kolom") === order.kolom);
    ui.bijschrift.textContent = "Buurtanalyses in deze browser: " + count + ", gesorteerd op " +
      sorted.querySelector("button").firstChild.textContent.trim() + ", " + order.richting;
  }

  function status(message) { ui.status.textContent = message; }

  function download(text, fileName, type) {
    const url = URL.createObjectURL(new Blob([text], {type}));
    const link = element("a", {href: url, download: fileName, hidden: ""});
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => { URL.revokeObjectURL(url); }, 10000);
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  function downloadCsv(form) {
    const rows = Buurten.csvRows(Buurten.sort(all, "buurt", "oplopend"), data, csvKolommen, form);
    const fileName = "buurtanalyses-" + today() + (form === "spreadsheet" ? "-spreadsheet" : "") + ".csv";
    download(Csv.text(rows, form), fileName, "text/csv;charset=utf-8");
    status("Gedownload: " + fileName + ", met alle " + all.length + " buurten.");
  }

  function downloadJson() {
    const fileName = "buurtanalyses-" + today() + ".json";
    download(Staat.toCollection(Buurten.sort(all, "buurt", "oplopend").map((row) => row.state), new Date()),
      fileName, "application/json");
    status("Gedownload: " + fileName + ". Met \u2018Importeer bestanden\u2019 zet u de buurten in een andere " +
      "browser terug.");
  }

  const ERRORS = {json: "is geen geldig JSON-bestand", type: "is geen buurtanalyse van deze site",
    leeg: "bevat geen analyses"};

  function importFiles(files) {
    Promise.all(files.map((file) => file.text().then((tekst) => ({naam: file.name, tekst})))).then((read) => {
      const result = Buurten.readFiles(read, Opslag.list().map((entry) => entry.analyse), known);
      const saved = !result.nieuw.length || Opslag.add(result.nieuw);
      const parts = [];
      if (result.nieuw.length && saved) {
        parts.push("Ge\u00EFmporteerd: " + result.nieuw.map((state) => Buurten.nameOf(state)).join(", ") + ".");
      }
      if (!saved) parts.push("Deze browser staat bewaren niet toe; er is niets ge\u00EFmporteerd.");
      if (result.dubbel.length) {
        parts.push("Al aanwezig, niet nog eens toegevoegd: " + result.dubbel.join(", ") + ".");
      }
      result.fouten.forEach((fout) => { parts.push("Het bestand " + fout.bestand + " " + ERRORS[fout.fout] + "."); });
      status(parts.join(" "));
      load();
      render();
    });
  }

  headings.forEach((th) => {
    th.querySelector("button").addEventListener("click", () => {
      const kolom = th.getAttribute("data-kolom");
      order = {kolom, richting: order.kolom === kolom && order.richting === "oplopend" ? "aflopend" : "oplopend"};
      render();
    });
  });
  [ui.zoek, ui.probleem, ui.fase, ui.dekking].forEach((field) => {
    field.addEventListener(field.tagName === "SELECT" ? "change" : "input", render);
  });
  ui.csv.addEventListener("click", () => { downloadCsv("standaard"); });
  ui.spreadsheet.addEventListener("click", () => { downloadCsv("spreadsheet"); });
  ui.json.addEventListener("click", downloadJson);
  ui.importeer.addEventListener("click", () => { ui.bestanden.click(); });
  ui.bestanden.addEventListener("change", (event) => {
    const files = Array.from(event.target.files);
    event.target.value = "";
    if (files.length) importFiles(files);
  });
  ui.print.addEventListener("click", () => { window.print(); });
  // Another tab (the buurtanalyse) changed the analyses: show them as they are now.
  window.addEventListener("storage", () => {
    load();
    render();
  });

  load();
  ui.werk.hidden = false;
  render();
})();
