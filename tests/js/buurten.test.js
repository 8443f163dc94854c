// The buurten overview as data (buurten-overzicht.js): a row per kept analysis, sorting, filtering, the CSV lines
// in both forms and reading imported files.
"use strict";

const assert = require("node:assert/strict");
const {test} = require("node:test");
const {fullState, script, smallData} = require("./scripts.js");

const Buurten = script("buurten-overzicht");
const Opschonen = script("buurtanalyse-opschonen");
const Staat = script("buurtanalyse-staat");
const Csv = script("handreiking-csv");

const data = smallData();
const known = Opschonen.known(data);
const KOLOMMEN = ["buurt", "datum", "fase", "problematiek", "probleem", "terreinen", "gedekt", "betrokken", "notitie"]
  .map((sleutel) => ({sleutel, kop: sleutel.toUpperCase()}));

function entries() {
  const noord = fullState();  // overlast (B): deels; Anders: weten we niet
  const zuid = {...Staat.empty(), buurt: "Zuid", keuzes: {fase: ["vroeg"], problematiek: ["spanning"]},
    beleidsdiagnose: {rijen: {"problematiek:spanning": {gedekt: "nee"}}, notitie: ""}};
  const leeg = {...Staat.empty(), datum: "2024-01-01"};
  return [{id: "a", gewijzigd: "2026-11-29T10:00:00Z", analyse: noord},
    {id: "b", gewijzigd: "2026-11-30T10:00:00Z", analyse: zuid},
    {id: "c", gewijzigd: null, analyse: leeg}];
}

test("a row per analysis, its findings per column", () => {
  const [noord, zuid, leeg] = Buurten.rows(entries(), data, known);
  assert.deepEqual(noord.cellen.buurt, ["Noord"]);
  assert.deepEqual(noord.cellen.problematiek, ["B. problematiek overlast", "Anders: Leegstand"]);
  assert.deepEqual(noord.cellen.dekking, ["B: Deels", "Anders: Weten we niet"]);
  assert.deepEqual(noord.cellen.cijfers, ["Werkloosheid: 12% (Monitor 2025)", "3"]);
  assert.deepEqual(noord.cellen.oplossingsrichtingen, ["oplossingsrichting informatie"]);
  assert.deepEqual(zuid.cellen.fase, ["fase vroeg"]);
  assert.deepEqual(zuid.cellen.dekking, ["problematiek spanning: Nee"]);
  assert.deepEqual(leeg.cellen.buurt, ["Analyse zonder buurtnaam"]);
  assert.deepEqual(leeg.cellen.dekking, []);
  const unanswered = Buurten.rows([{id: "d", analyse: {...Staat.empty(), keuzes: {problematiek: ["overlast"]}}}],
    data, known)[0];
  assert.deepEqual(unanswered.cellen.dekking, ["B: nog niet ingevuld"]);
});

test("sorting: by text, date (empty last) or the gaps in the policy; descending reverses; stable", () => {
  const rows = Buurten.rows(entries(), data, known);
  const names = (list) => list.map((row) => row.cellen.buurt[0]);
  assert.deepEqual(names(Buurten.sort(rows, "buurt", "oplopend")), ["Analyse zonder buurtnaam", "Noord", "Zuid"]);
  assert.deepEqual(names(Buurten.sort(rows, "buurt", "aflopend")), ["Zuid", "Noord", "Analyse zonder buurtnaam"]);
  assert.deepEqual(names(Buurten.sort(rows, "datum", "oplopend")), ["Analyse zonder buurtnaam", "Noord", "Zuid"]);
  assert.deepEqual(names(Buurten.sort(rows, "dekking", "aflopend")), ["Zuid", "Noord", "Analyse zonder buurtnaam"]);
  assert.deepEqual(names(Buurten.sort(rows, "problematiek", "aflopend")), ["Noord", "Zuid",
    "Analyse zonder buurtnaam"]);
  assert.deepEqual(names(rows), ["Noord", "Zuid", "Analyse zonder buurtnaam"]);  // not changed in place
});

test("filters: buurt name without accents or case, problem, phase, gaps and open questions", () => {
  const rows = Buurten.rows(entries(), data, known);
  const names = (filters) => Buurten.filter(rows, filters).map((row) => row.cellen.buurt[0]);
  assert.deepEqual(names({tekst: "  NOÖRD "}), ["Noord"]);
  assert.deepEqual(names({problematiek: "spanning"}), ["Zuid"]);
  assert.deepEqual(names({fase: "vroeg"}), ["Zuid"]);
  assert.deepEqual(names({dekking: "gat"}), ["Noord", "Zuid"]);
  assert.deepEqual(names({dekking: "open"}), ["Noord"]);
  assert.deepEqual(names({}), ["Noord", "Zuid", "Analyse zonder buurtnaam"]);
});

test("the CSV: a line per problem per buurt, ids in the standard form, labels in the spreadsheet form", () => {
  const rows = Buurten.rows(entries(), data, known);
  const standard = Buurten.csvRows(rows, data, KOLOMMEN, "standaard");
  assert.deepEqual(standard[0], KOLOMMEN.map((kolom) => kolom.sleutel));
  assert.deepEqual(standard.slice(1), [
    ["Noord", "2026-11-29", "", "overlast | anders", "overlast", "jeugd | veiligheid", "deels", "nee",
      "Algemeen: één lijn\nen nog een"],
    ["Noord", "2026-11-29", "", "overlast | anders", "anders", "", "onbekend", "", "Algemeen: één lijn\nen nog een"],
    ["Zuid", "", "vroeg", "spanning", "spanning", "", "nee", "", ""],
    ["", "2024-01-01", "", "", "", "", "", "", ""]]);
  const sheet = Buurten.csvRows(rows, data, KOLOMMEN, "spreadsheet");
  assert.deepEqual(sheet[0], KOLOMMEN.map((kolom) => kolom.kop));
  assert.deepEqual(sheet[1].slice(3, 8), ["problematiek overlast | Anders: Leegstand", "problematiek overlast",
    "beleidsterrein jeugd | beleidsterrein veiligheid", "Deels", "Nee"]);
  assert.equal(sheet[2][6], "Weten we niet");
  const text = Csv.text(sheet, "spreadsheet");
  assert.ok(text.startsWith("\uFEFFBUURT;DATUM;"));
  assert.equal(text.split("\r\n").length, 6);  // a header, four lines and the end
});

test("imported files: single analyses and collections; one already kept, or twice, is added once", () => {
  const kept = [fullState()];
  const other = {...Staat.empty(), buurt: "Oost"};
  const files = [
    {naam: "noord.json", tekst: Staat.toFile(fullState(), new Date())},
    {naam: "alle.json", tekst: Staat.toCollection([other, other, {buurt: "West", keuzes: {locatie: ["maan"]}}],
      new Date())},
    {naam: "kapot.json", tekst: "{"},
    {naam: "ander.json", tekst: "{\"type\": \"iets\"}"},
    {naam: "leeg.json", tekst: Staat.toCollection([], new Date())},
  ];
  const result = Buurten.readFiles(files, kept, known);
  assert.deepEqual(result.nieuw.map((state) => state.buurt), ["Oost", "West"]);
  assert.deepEqual(result.nieuw[1].keuzes, {});  // cleaned like every analysis
  assert.deepEqual(result.dubbel, ["Noord", "Oost"]);
  assert.deepEqual(result.fouten, [{bestand: "kapot.json", fout: "json"}, {bestand: "ander.json", fout: "type"},
    {bestand: "leeg.json", fout: "leeg"}]);
});
