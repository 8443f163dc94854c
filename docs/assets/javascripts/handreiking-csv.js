/*
 * CSV text from rows of cells, in the two forms of the open data (handreiking/tools/open_data.py writes its files
 * with the same rules; tests/js/csv.test.js compares both). No DOM: runs in node too.
 *
 *   HandreikingCsv.text(rows, "standaard")     RFC 4180: commas, CRLF, UTF-8 without a byte order mark
 *   HandreikingCsv.text(rows, "spreadsheet")   for a spreadsheet in Dutch settings, opened by double-click:
 *                                              semicolons, CRLF, a byte order mark, no line break inside a cell,
 *                                              a cell that would run as a formula written as text
 *   HandreikingCsv.line(cells, form)           one line (no byte order mark)
 *
 * A cell is quoted when it holds the separator, a double quote or a line break (and when it is a line's only cell
 * and empty); a double quote is doubled.
 * The cells of a spreadsheet row are labels, not ids: the caller chooses them.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else globalThis.HandreikingCsv = factory();
})(() => {
  "use strict";

  const FORMS = {standaard: {separator: ",", bom: ""}, spreadsheet: {separator: ";", bom: "\uFEFF"}};
  const LINE_END = "\r\n";
  const LINE_BREAKS = /\s*[\r\n]+\s*/g;
  const FORMULA_START = /^[=+\-@\t\r]/;
  const NUMBER = /^[+-]?\d+([.,]\d+)?%?$/;

  /* A cell for a spreadsheet: line breaks become one space (none at the ends), and a formula is written as text. */
  function spreadsheetCell(value) {
    const text = value.replace(LINE_BREAKS, " ").trim();
    return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  }

  function quoted(text, separator) {
    return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, "\"\"")}"` : text;
  }

  function line(cells, form) {
    const {separator} = FORMS[form];
    const texts = cells.map((cell) => {
      const text = cell == null ? "" : String(cell);
      return quoted(form === "spreadsheet" ? spreadsheetCell(text) : text, separator);
    });
    // A line of one empty cell would read as no cell at all.
    return (texts.length === 1 && texts[0] === "" ? "\"\"" : texts.join(separator)) + LINE_END;
  }

  function text(rows, form) {
    return FORMS[form].bom + rows.map((cells) => line(cells, form)).join("");
  }

  return {FORMS, line, text, spreadsheetCell};
});
