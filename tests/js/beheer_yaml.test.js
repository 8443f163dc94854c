// How /beheer/ writes a content file (macros/beheer_yaml.js): a save changes only the fields that changed,
// also in a file never saved through the form before. Checked on every content file of the project.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const jsyaml = require("js-yaml");

const ROOT = path.resolve(__dirname, "..", "..");
const HandreikingYaml = require(path.join(ROOT, "macros", "beheer_yaml.js"));
const FOLDERS = ["interventies", "checklists", "oplossingsrichtingen", "casussen"];

function contentFiles() {
  return FOLDERS.flatMap((folder) => fs.readdirSync(path.join(ROOT, "content", folder))
    .filter((name) => name.endsWith(".yml")).map((name) => path.join("content", folder, name)));
}

function load(text) {
  return jsyaml.load(text, {schema: jsyaml.CORE_SCHEMA});
}

/* A different value of the same kind, as an editor's change would give. */
function changed(value) {
  if (value === null || value === undefined) return "nieuw";
  if (Array.isArray(value) && !value.length) return ["nieuw"];
  if (typeof value === "string") return value.includes("\n") ? value + "\nEen zin erbij." : value + " (gewijzigd)";
  if (typeof value === "number") return value + 1;
  if (typeof value === "boolean") return !value;
  if (Array.isArray(value)) return [...value.slice(1), changed(value[0])];
  const result = {...value};
  const key = Object.keys(result)[0];
  result[key] = changed(result[key]);
  return result;
}

/* The lines of `text` outside the top-level field `key` (the field runs to the next top-level key). */
function outside(text, key) {
  const lines = text.replace(/\n$/, "").split("\n");
  const start = lines.findIndex((line) => line.startsWith(key + ":"));
  let end = start + 1;
  while (start >= 0 && end < lines.length && !/^[^\s#-][^:\s]*:/.test(lines[end])) end += 1;
  return start < 0 ? lines : [...lines.slice(0, start), ...lines.slice(end)];
}

// The CMS hands the formatter text without its trailing newline (it trims what it reads).
const read = (file) => fs.readFileSync(path.join(ROOT, file), "utf8");

test("saving a file unchanged gives the file back byte for byte", () => {
  const files = contentFiles();
  assert.ok(files.length > 0);
  files.forEach((file) => {
    const text = read(file);
    assert.equal(HandreikingYaml.merge(jsyaml, text.trim(), load(text)), text, file);
  });
});

test("changing one field of any file rewrites only that field's lines", () => {
  contentFiles().forEach((file) => {
    const text = read(file);
    const data = load(text);
    Object.keys(data).forEach((key) => {
      const edited = {...data, [key]: changed(data[key])};
      const saved = HandreikingYaml.merge(jsyaml, text.trim(), edited);
      assert.ok(HandreikingYaml.same(load(saved), edited), `${file}: ${key} reads back otherwise`);
      assert.deepEqual(outside(saved, key), outside(text, key), `${file}: ${key} changed other lines`);
    });
  });
});

test("a field added or emptied in the form adds or removes only its own lines", () => {
  contentFiles().forEach((file) => {
    const text = read(file);
    const data = load(text);
    const keys = Object.keys(data);
    const added = {};
    keys.forEach((key, index) => {
      added[key] = data[key];
      if (index === 0) added.gemeente_nieuw = "Zwolle";
    });
    const saved = HandreikingYaml.merge(jsyaml, text.trim(), added);
    assert.deepEqual(saved.split("\n").filter((line) => line !== "gemeente_nieuw: Zwolle"), text.split("\n"), file);
    assert.equal(saved.split("\n")[1], "gemeente_nieuw: Zwolle", file);
    const last = keys.filter((key) => data[key] !== "" && !(Array.isArray(data[key]) && !data[key].length)).pop();
    const emptied = {...data, [last]: Array.isArray(data[last]) ? [] : ""};
    assert.deepEqual(outside(HandreikingYaml.merge(jsyaml, text.trim(), emptied), last), outside(text, last), file);
    assert.ok(!HandreikingYaml.merge(jsyaml, text.trim(), emptied).includes(`\n${last}:`), file);
  });
});

test("the store finds the file a save came from, and writes a new file in the house style", () => {
  const store = HandreikingYaml.store(jsyaml);
  const files = contentFiles().slice(0, 20);
  const data = files.map((file) => store.fromFile(read(file).trim()));
  files.forEach((file, index) => {
    const key = Object.keys(data[index])[1];
    const edited = {...data[index], [key]: changed(data[index][key])};
    assert.deepEqual(outside(store.toFile(edited), key), outside(read(file), key), file);
  });
  const fresh = {titel: "Nieuw", samenvatting: "Kort.", status: "onbekend", bron: "redactie", zie_ook: [],
    erkenning: {databank: "", niveau: ""}, gemeente: ""};
  assert.equal(store.toFile(fresh), "titel: Nieuw\nsamenvatting: Kort.\nstatus: onbekend\nbron: redactie\n");
});

test("the house style: folded text, Markdown blocks, ids in brackets, nested blocks", () => {
  const long = "Vaders uit de buurt lopen 's avonds samen een ronde en spreken jongeren aan. Dat geeft rust op "
    + "straat en contact tussen ouders en jongeren.";
  const text = HandreikingYaml.format({
    titel: "Let's talk buurt", samenvatting: long, beschrijving: "Eerste alinea.\n\n- een punt\n- nog een",
    locaties: ["publieke-ruimte", "scholen"], methodieken: ["avondrondes", "gesprekken: met ouders"],
    links: [{titel: "Website", url: "https://voorbeeld.nl/a#b"}],
    erkenning: {databank: "Databank", datum: "2026-05-01"},
    gecontroleerd_op: "2027-03-01",
  });
  assert.equal(text, [
    "titel: Let's talk buurt",
    "samenvatting: >-",
    "  Vaders uit de buurt lopen 's avonds samen een ronde en spreken jongeren aan. Dat geeft rust op",
    "  straat en contact tussen ouders en jongeren.",
    "beschrijving: |", "  Eerste alinea.", "", "  - een punt", "  - nog een",
    "locaties: [publieke-ruimte, scholen]",
    "methodieken:", "  - avondrondes", '  - "gesprekken: met ouders"',
    "links:", "  - titel: Website", "    url: https://voorbeeld.nl/a#b",
    "erkenning:", "  databank: Databank", "  datum: 2026-05-01",
    "gecontroleerd_op: 2027-03-01", "",
  ].join("\n"));
});

test("text that YAML would read as something else is quoted, and every value reads back as it was", () => {
  const values = ["no", "Yes", "on", "~", "null", "1.10", "12", "1e3", "0x1f", "1:20", ".inf", "- lijstje",
    "# geen commentaar", "a: b", "eindigt met:", "a #b", "'citaat'", '"citaat"', "[haken]", "{accolades}", "@naam",
    "`code`", "!tag", "&anker", "*ster", "|pijp", ">groter", "%procent", " spatie vooraf", "spatie achteraf ",
    "tab\tin tekst", "regel\u2028scheiding",
    "2027-03-01T10:00:00", "2027-3-1", "een\r\nwindows", "   \n  ingesprongen", "\ufeffbom", "controle\u0007teken",
    "x".repeat(150), `${"woord ".repeat(30)}  dubbele spatie`, "Één tafel: \"Samen Verder\""];
  values.forEach((value) => {
    const data = {titel: value, methodieken: [value], erkenning: {databank: value}};
    assert.deepEqual(load(HandreikingYaml.format(data)), data, JSON.stringify(value));
  });
  assert.ok(HandreikingYaml.isPlain("2027-03-01"));  // a date stays a date for the site's YAML reader
});
