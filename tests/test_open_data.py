"""Issue 17: the open data at /data/ (JSON, CSV, schema, vocabularies, checklists) and the page Open data.

The JSON must validate against the schema the site publishes; the CSV has one row
per praktijkvoorbeeld, with the columns the schema gives. Counts come from the
loaded content, never from literals.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from conftest import ROOT, run_axe
from handreiking.tools.open_data import (LIST_SEPARATOR, csv_columns, csv_lines, published_schema, spreadsheet_cell,
                                         spreadsheet_lines)
from handreiking.content.schemas import project_schemas
from wijzer_page import expected_slugs, open_wijzer, wijzer_url

DATA = Path("data")


def read_json(site: Path, name: str):
    return json.loads((site / DATA / name).read_text(encoding="utf-8"))


def read_csv(text: str, delimiter: str = ",") -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def read_spreadsheet(raw: bytes) -> list[dict]:
    """The spreadsheet CSV as Excel in Dutch settings reads it: UTF-8 after the byte order mark, semicolons."""
    assert raw.startswith(b"\xef\xbb\xbf")
    return read_csv(raw.decode("utf-8-sig"), ";")


def content_schema() -> dict:
    return project_schemas(ROOT).raw["praktijkvoorbeeld"]


def test_json_validates_against_the_published_schema(built_site, content):
    schema = read_json(built_site, "praktijkvoorbeelden.schema.json")
    data = read_json(built_site, "praktijkvoorbeelden.json")
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(data)] == []
    assert [item["slug"] for item in data["praktijkvoorbeelden"]] == [v.slug for v in content.praktijkvoorbeelden]
    assert schema == published_schema(content_schema(), content)


def test_the_schema_rejects_what_the_content_schema_rejects(built_site, content):
    validator = Draft202012Validator(read_json(built_site, "praktijkvoorbeelden.schema.json"),
                                     format_checker=Draft202012Validator.FORMAT_CHECKER)
    data = read_json(built_site, "praktijkvoorbeelden.json")
    item = data["praktijkvoorbeelden"][0]
    for broken in ({**item, "locaties": ["geen-bestaande-locatie"]}, {**item, "onbekend_veld": 1},
                   {k: v for k, v in item.items() if k != "titel"}, {**item, "titel": "x"}):
        assert not validator.is_valid({**data, "praktijkvoorbeelden": [broken]})


def test_the_schema_is_generated_from_the_content_schema(content):
    source = content_schema()
    record = published_schema(source, content)["$defs"]["praktijkvoorbeeld"]
    for name, field in source["properties"].items():
        assert record["properties"][name]["description"] == field["description"]
        assert name in record["required"]
    assert record["properties"]["locaties"]["items"]["enum"] == list(content.taxonomieen["locatie"].ids)
    # A change to the content schema is a change to the published one.
    changed = json.loads(json.dumps(source))
    changed["properties"]["titel"]["maxLength"] = 90
    del changed["properties"]["gemeente"]
    record = published_schema(changed, content)["$defs"]["praktijkvoorbeeld"]
    assert record["properties"]["titel"]["maxLength"] == 90
    assert "gemeente" not in record["properties"] and "gemeente" not in record["required"]


def test_csv_has_a_row_per_praktijkvoorbeeld(built_site, content):
    text = (built_site / DATA / "praktijkvoorbeelden.csv").read_bytes().decode("utf-8")
    rows = read_csv(text)
    assert len(rows) == len(content.praktijkvoorbeelden)
    schema = read_json(built_site, "praktijkvoorbeelden.schema.json")
    assert list(rows[0]) == [".".join(path) for path in csv_columns(schema)]
    records = {item["slug"]: item for item in read_json(built_site, "praktijkvoorbeelden.json")["praktijkvoorbeelden"]}
    for row in rows:
        record = records[row["slug"]]
        assert row["titel"] == record["titel"] and row["beschrijving"] == record["beschrijving"]
        for name in ("locaties", "doelgroepen", "methodieken"):
            assert row[name].split(LIST_SEPARATOR) == record[name]
        assert row["links.url"] == LIST_SEPARATOR.join(link["url"] for link in record["links"])
        assert row["gemeente"] == (record["gemeente"] or "")


def test_csv_cells_survive_commas_quotes_and_line_breaks():
    schema = {"$defs": {"praktijkvoorbeeld": {"properties": {
        "slug": {"type": "string"}, "titel": {"type": "string"}, "methodieken": {"type": "array"},
        "erkenning": {"type": ["object", "null"], "properties": {"databank": {}, "datum": {}}}}}}}
    record = {"slug": "a", "titel": 'Een "titel", met\nregeleinde', "methodieken": ["x, y", "z"],
              "erkenning": {"databank": "Databank", "datum": "2024-01-01"}}
    lines = list(csv_lines({"praktijkvoorbeelden": [record, {"slug": "b", "titel": "B", "methodieken": [],
                                                             "erkenning": None}]}, schema))
    assert all(line.endswith("\r\n") for line in lines)
    assert read_csv("".join(lines)) == [
        {"slug": "a", "titel": record["titel"], "methodieken": "x, y | z", "erkenning.databank": "Databank",
         "erkenning.datum": "2024-01-01"},
        {"slug": "b", "titel": "B", "methodieken": "", "erkenning.databank": "", "erkenning.datum": ""}]


def test_the_spreadsheet_csv_has_the_same_rows_with_labels_and_no_line_breaks(built_site, content):
    sheet = read_spreadsheet((built_site / DATA / "praktijkvoorbeelden-spreadsheet.csv").read_bytes())
    standard = read_csv((built_site / DATA / "praktijkvoorbeelden.csv").read_text(encoding="utf-8"))
    assert len(sheet) == len(standard) == len(content.praktijkvoorbeelden)
    assert len(sheet[0]) == len(standard[0])
    assert list(sheet[0])[list(standard[0]).index("gecontroleerd_op")] == "Gecontroleerd op"
    labels = {naam: {term.id: term.label for term in taxonomie.termen} for naam, taxonomie in content.taxonomieen.items()}
    titles = {v.slug: v.titel for v in content.praktijkvoorbeelden}
    for row, plain in zip(sheet, standard):
        cells = dict(zip(plain, row.values()))  # the spreadsheet's cells under the standard names
        assert cells["slug"] == plain["slug"]
        for naam, field in (("locatie", "locaties"), ("doelgroep", "doelgroepen"), ("problematiek", "problematiek"),
                            ("oplossingsrichting", "oplossingsrichtingen"), ("status", "status"), ("bron", "bron")):
            ids = plain[field].split(LIST_SEPARATOR) if plain[field] else []
            assert cells[field] == LIST_SEPARATOR.join(labels[naam][i] for i in ids), (plain["slug"], field)
        assert cells["zie_ook"] == LIST_SEPARATOR.join(titles[s] for s in plain["zie_ook"].split(LIST_SEPARATOR)
                                                       if s)
        assert cells["beschrijving"] == " ".join(plain["beschrijving"].split())
        assert not any("\n" in cell or "\r" in cell for cell in row.values())


def test_spreadsheet_cells_are_text_never_formulas():
    assert spreadsheet_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert spreadsheet_cell("@SUM(A1)") == "'@SUM(A1)" and spreadsheet_cell("+31 6 1234") == "'+31 6 1234"
    assert spreadsheet_cell("-3,5%") == "-3,5%" and spreadsheet_cell("-") == "'-"
    assert spreadsheet_cell("twee\r\n\r\nalinea's\n") == "twee alinea's"
    schema = {"$defs": {"praktijkvoorbeeld": {"properties": {"slug": {"type": "string"},
                                                             "titel": {"type": "string"}}}}}
    lines = list(spreadsheet_lines({"praktijkvoorbeelden": [{"slug": "a", "titel": "Een; twee"}]}, schema, None))
    assert lines == ["Slug;Titel\r\n", 'a;"Een; twee"\r\n']


def test_vocabularies_and_checklists_as_json(built_site, content):
    vocabulaires = read_json(built_site, "vocabulaires.json")
    assert set(vocabulaires) == set(content.taxonomieen)
    for naam, taxonomie in content.taxonomieen.items():
        assert [term["id"] for term in vocabulaires[naam]["termen"]] == list(taxonomie.ids)
    checklists = read_json(built_site, "checklists.json")
    assert [c["slug"] for c in checklists] == [c.slug for c in content.checklists]
    assert [len(c["secties"]) for c in checklists] == [len(c.secties) for c in content.checklists]


def test_open_data_page_lists_every_field_and_links_the_files(built_site, content):
    page = BeautifulSoup((built_site / "open-data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = page.select_one("article")
    record = published_schema(content_schema(), content)["$defs"]["praktijkvoorbeeld"]
    table = article.select_one(".veldenoverzicht table")
    shown = [row.select_one("td code").get_text() for row in table.select("tbody tr")]
    assert [name for name in shown if "." not in name] == list(record["properties"])
    header = (built_site / DATA / "praktijkvoorbeelden.csv").read_text(encoding="utf-8").splitlines()[0]
    columns = article.select_one(".veldenoverzicht").find_next_sibling("p")
    assert [item.get_text() for item in columns.find_all("code")] == header.split(",")
    links = {a["href"] for a in article.select("a[href]")}
    for name in ("praktijkvoorbeelden.json", "praktijkvoorbeelden.csv", "praktijkvoorbeelden-spreadsheet.csv",
                 "praktijkvoorbeelden.schema.json", "vocabulaires.json", "checklists.json"):
        assert f"../data/{name}" in links
        assert (built_site / DATA / name).is_file()
    for source in ("index.html", "interventiewijzer/index.html"):
        hrefs = [a["href"] for a in BeautifulSoup((built_site / source).read_text(encoding="utf-8"),
                                                  "html.parser").select("article a[href]")]
        assert any(href.rstrip("/").endswith("open-data") for href in hrefs), source


def test_the_data_folder_has_an_index_of_its_files_with_rights_and_citation(built_site):
    """/data/ lists every file in the folder, says what the colophon says about rights, and how to cite."""
    index = built_site / DATA / "index.html"
    article = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser").select_one("article")
    listed = {a["href"] for a in article.select("table a[href]")}
    in_folder = {path.name for path in (built_site / DATA).iterdir() if path.name != "index.html"}
    assert listed == in_folder
    text = " ".join(article.get_text(" ").split())
    colophon = " ".join((ROOT / "docs" / "bronvermelding.md").read_text(encoding="utf-8").split())
    assert "Verwey-Jonker Instituut" in colophon and "Verwey-Jonker Instituut" in text
    assert "geen open licentie" in text and "met vermelding van de bron" in colophon
    assert "Zo vermeldt u de bron" in [h2.get_text(strip=True).rstrip("¶") for h2 in article.select("h2")]
    assert article.select_one("blockquote")  # the citation to copy
    assert any(a["href"].endswith("open-data/") for a in article.select("a[href]"))


@pytest.mark.parametrize("path", ["open-data/", "data/"])
def test_open_data_pages_are_accessible(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    assert run_axe(page) == []


def test_download_the_selection_as_csv_from_file(page, built_site, content):
    """The button gives the rows of the full CSV for exactly the cards the wijzer shows, also from file://."""
    term = next(term.id for term in content.taxonomieen["locatie"].termen
                if 0 < len(expected_slugs(content, {"locatie": [term.id]})) < len(content.praktijkvoorbeelden))
    chosen = {"locatie": [term]}
    open_wijzer(page, wijzer_url(built_site.as_uri(), chosen))
    button = page.get_by_role("button", name="Download deze selectie als CSV")
    with page.expect_download() as download:
        button.click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    full = read_csv((built_site / DATA / "praktijkvoorbeelden.csv").read_text(encoding="utf-8"))
    selection = read_csv(text)
    assert [row["slug"] for row in selection] == expected_slugs(content, chosen)
    assert selection == [row for row in full if row["slug"] in expected_slugs(content, chosen)]


def test_download_the_selection_for_a_spreadsheet(page, built_site, content):
    """The second button gives the rows of the spreadsheet file, with its byte order mark, for the same cards."""
    term = next(term.id for term in content.taxonomieen["doelgroep"].termen
                if 0 < len(expected_slugs(content, {"doelgroep": [term.id]})) < len(content.praktijkvoorbeelden))
    chosen = {"doelgroep": [term]}
    open_wijzer(page, wijzer_url(built_site.as_uri(), chosen))
    with page.expect_download() as download:
        page.get_by_role("button", name="Download deze selectie voor Excel").click()
    assert download.value.suggested_filename.endswith(".csv")
    selection = read_spreadsheet(Path(download.value.path()).read_bytes())
    full = read_spreadsheet((built_site / DATA / "praktijkvoorbeelden-spreadsheet.csv").read_bytes())
    assert [row["Slug"] for row in selection] == expected_slugs(content, chosen)
    assert selection == [row for row in full if row["Slug"] in expected_slugs(content, chosen)]
