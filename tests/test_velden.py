"""Issue 25: a praktijkvoorbeeld's fields are defined once, in its JSON Schema.

A field added to ``content/schemas/praktijkvoorbeeld.schema.json`` reaches the model, the data file
of the page scripts, the open data, the form at /beheer/ and the page Voor redacteuren without any
other edit; one line in the page template shows it on the page. A field name the model cannot hold
is a Dutch message with file, line and field, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, edit_yaml, example_slug, mkdocs_build
from handreiking.content.loader import check_content, load_content
from handreiking.tools.wijzer import DATA_FILE

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

SCHEMA = "content/schemas/praktijkvoorbeeld.schema.json"
TEMPLATE = "handreiking/site/templates/praktijkvoorbeeld.md.j2"
# Two optional fields no schema has: a list of texts and a date.
NEW_FIELDS = {
    "partners": {"description": "Organisaties die meedoen, elk met hun naam.", "type": "array", "minItems": 1,
                 "items": {"type": "string", "minLength": 2, "maxLength": 80}},
    "gestart_op": {"description": "Datum waarop het voorbeeld begon, als JJJJ-MM-DD.", "type": "string",
                   "format": "date"},
}
VALUES = {"partners": ["Wijkteam Noord", "Bibliotheek"], "gestart_op": "2021-03-01"}


def add_schema_fields(project, fields: dict) -> None:
    file = project / SCHEMA
    schema = json.loads(file.read_text(encoding="utf-8"))
    schema["properties"].update(fields)
    file.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def with_new_fields(tmp_path_factory):
    """A copy of the project whose schema has the new fields, one example using them, and one template line."""
    root = tmp_path_factory.mktemp("velden")
    project = copy_project(root / "project")
    add_schema_fields(project, NEW_FIELDS)
    edit_yaml(project / "content" / "interventies" / f"{example_slug()}.yml", lambda data: data.update(VALUES))
    template = project / TEMPLATE
    template.write_text(template.read_text(encoding="utf-8").replace(
        "## Werkwijze\n", "{% if v.partners %}Partners: {{ v.partners | join(', ') }}\n\n{% endif %}## Werkwijze\n"),
        encoding="utf-8")
    site = root / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    return project, site


def test_the_model_holds_a_field_that_only_the_schema_names(with_new_fields):
    project, _ = with_new_fields
    assert check_content(project).errors == []
    content = load_content(project)
    used = content.voorbeeld(example_slug())
    assert used.partners == tuple(VALUES["partners"]) and used.gestart_op == date(2021, 3, 1)
    other = next(v for v in content.praktijkvoorbeelden if v.slug != example_slug())
    assert other.partners == () and other.gestart_op is None


def test_the_data_file_and_the_open_data_carry_it(with_new_fields):
    _, site = with_new_fields
    data = json.loads((site / DATA_FILE).read_text(encoding="utf-8").split(" = ", 1)[1].rstrip(";\n"))
    items = {item["slug"]: item for item in data["praktijkvoorbeelden"]}
    assert {name: items[example_slug()][name] for name in VALUES} == VALUES
    assert all(item["partners"] == [] and item["gestart_op"] is None
               for slug, item in items.items() if slug != example_slug())

    records = {item["slug"]: item for item in
               json.loads((site / "data" / "praktijkvoorbeelden.json").read_text(encoding="utf-8"))["praktijkvoorbeelden"]}
    assert {name: records[example_slug()][name] for name in VALUES} == VALUES
    published = json.loads((site / "data" / "praktijkvoorbeelden.schema.json").read_text(encoding="utf-8"))
    assert set(NEW_FIELDS) <= set(published["$defs"]["praktijkvoorbeeld"]["required"])
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(
        (site / "data" / "praktijkvoorbeelden.csv").read_text(encoding="utf-8")))}
    assert rows[example_slug()]["partners"] == "Wijkteam Noord | Bibliotheek"
    assert rows[example_slug()]["gestart_op"] == "2021-03-01"


def test_the_form_and_the_field_reference_offer_it(with_new_fields):
    _, site = with_new_fields
    config = yaml.safe_load((site / "beheer" / "config.yml").read_text(encoding="utf-8"))
    collection = next(c for c in config["collections"] if c["name"] == "praktijkvoorbeelden")
    fields = {field["name"]: field for field in collection["fields"]}
    assert fields["partners"]["widget"] == "list" and fields["partners"]["required"] is False
    assert fields["gestart_op"]["widget"] == "datetime"
    reference = BeautifulSoup((site / "voor-redacteuren" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = {row.find("td").get_text(strip=True): row.get_text(" ", strip=True) for row in reference.select("tr")
            if row.find("td")}
    assert "Organisaties die meedoen" in rows["partners"] and "datum als JJJJ-MM-DD" in rows["gestart_op"]


def test_one_template_line_shows_it_on_the_page(with_new_fields):
    _, site = with_new_fields
    page = BeautifulSoup((site / "praktijkvoorbeelden" / example_slug() / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert "Partners: Wijkteam Noord, Bibliotheek" in page.select_one("article").get_text()


@pytest.mark.parametrize("name, message", [
    ("slug", "de naam 'slug' gebruikt het model zelf"),
    ("contra-indicaties-extra", "een veldnaam bestaat uit kleine letters, cijfers en '_' en begint met een letter"),
])
def test_a_field_name_the_model_cannot_hold_is_a_dutch_error(tmp_path, name, message):
    project = copy_project(tmp_path / "project")
    add_schema_fields(project, {name: {"description": "Proef.", "type": "string"}})
    result = subprocess.run([sys.executable, "-m", "handreiking", "check", "--root", str(project)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = next(number for number, text in enumerate((project / SCHEMA).read_text().splitlines(), 1)
                if text.strip().startswith(f'"{name}":'))
    assert result.stderr.startswith(f"{SCHEMA}:{line}: {name}: {message}")
