// CSV in the browser (handreiking-csv.js) against the Python reference (handreiking/tools/open_data.py, which writes
// the files at /data/): the same lines for hundreds of generated rows, in both forms (tests/js/gegevens.py).
"use strict";

const assert = require("node:assert/strict");
const {before, test} = require("node:test");
const {fromPython} = require("./python.js");
const {script} = require("./scripts.js");

const Csv = script("handreiking-csv");

let fixture;

before(() => {
  fixture = fromPython("gegevens");
});

test("the generated rows hold what makes CSV hard", () => {
  const cells = fixture.csv.flatMap((row) => row.cellen);
  [",", ";", "\"", "\n", "\r", "=", "@"].forEach((piece) => {
    assert.ok(cells.some((cell) => cell.includes(piece)), JSON.stringify(piece));
  });
  assert.ok(fixture.csv.some((row) => row.cellen.length === 1 && row.cellen[0] === ""));
});

test("every line is the line Python writes, in the standard and the spreadsheet form", () => {
  fixture.csv.forEach((row) => {
    assert.equal(Csv.line(row.cellen, "standaard"), row.standaard, JSON.stringify(row.cellen));
    assert.equal(Csv.line(row.cellen, "spreadsheet"), row.spreadsheet, JSON.stringify(row.cellen));
  });
});

test("the spreadsheet form: a byte order mark, semicolons, no line break inside a cell, formulas as text", () => {
  const text = Csv.text([["Buurt", "Notitie"], ["Noord; Oost", "twee\nregels"], ["=1+1", "-3,5%"]], "spreadsheet");
  assert.equal(text, "\uFEFFBuurt;Notitie\r\n\"Noord; Oost\";twee regels\r\n'=1+1;-3,5%\r\n");
  assert.equal(Csv.text([["a,b", "c\"d"]], "standaard"), "\"a,b\",\"c\"\"d\"\r\n");
});
