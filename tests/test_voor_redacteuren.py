"""Issue 6: the field reference "Voor redacteuren" and the template for a new praktijkvoorbeeld.

The page is generated from content/schemas/; these tests read the schemas and the
vocabularies themselves and compare them with what the built page says.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from handreiking.content.loader import check_content
from handreiking.content.placeholders import PLACEHOLDER

from conftest import ROOT, copy_project, mkdocs_build

SCHEMAS = ROOT / "content" / "schemas"
TEMPLATE = ROOT / "content" / "sjablonen" / "praktijkvoorbeeld.yml"


def load_schemas(folder: Path = SCHEMAS) -> dict[str, dict]:
    return {file.name.removesuffix(".schema.json"): json.loads(file.read_text(encoding="utf-8"))
            for file in folder.glob("*.schema.json")}


def _resolve(root: dict, schema: dict) -> dict:
    if "$ref" not in schema:
        return schema
    node = root
    for part in schema["$ref"].removeprefix("#/").split("/"):
        node = node[part]
    return {**_resolve(root, node), **{k: v for k, v in schema.items() if k != "$ref"}}


def schema_fields(root: dict, schema: dict | None = None, prefix: str = "", refs: tuple = ()):
    """(name, verplicht, description, vocabulary) for every field, nested ones as 'links[].titel'."""
    schema = schema or root
    for name, raw in schema.get("properties", {}).items():
        field = _resolve(root, raw)
        items = field.get("items", {})
        vocabulary = field.get("x-taxonomie") or _resolve(root, items).get("x-taxonomie")
        yield prefix + name, name in schema.get("required", ()), field.get("description", ""), vocabulary
        if "properties" in field:
            yield from schema_fields(root, field, f"{prefix}{name}.", refs)
        if items and items.get("$ref") not in refs and "properties" in _resolve(root, items):
            yield from schema_fields(root, _resolve(root, items), f"{prefix}{name}[].", refs + (items.get("$ref"),))


def reference_rows(soup: BeautifulSoup, schema_name: str) -> list[tuple]:
    heading = soup.find(id=f"velden-{schema_name}")
    assert heading is not None, f"geen sectie voor {schema_name}.schema.json"
    rows = []
    for tr in heading.find_next("table").find("tbody").find_all("tr"):
        cells = tr.find_all("td")
        links = [a["href"].removeprefix("#waarden-") for a in cells[3].find_all("a")]
        rows.append((cells[0].get_text(), cells[1].get_text(), cells[2].get_text(), links))
    return rows


@pytest.fixture(scope="module")
def reference(built_site) -> BeautifulSoup:
    return BeautifulSoup((built_site / "voor-redacteuren" / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("schema_name", sorted(load_schemas()))
def test_field_reference_equals_the_schema(reference, schema_name):
    schema = load_schemas()[schema_name]
    expected = [(name, "verplicht" if required else "optioneel", description, [vocabulary] if vocabulary else [])
                for name, required, description, vocabulary in schema_fields(schema)]
    expected = [(n, r, d, ["oplossingsrichting"] if v == ["subcategorie"] else v) for n, r, d, v in expected]
    assert reference_rows(reference, schema_name) == expected
    assert schema["description"] in reference.find(id=f"velden-{schema_name}").find_next("p").get_text()


def test_field_reference_lists_exactly_the_vocabulary_values(reference):
    files = sorted((ROOT / "content" / "taxonomie").glob("*.yml"))
    assert len(files) >= 8
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        heading = reference.find(id=f"waarden-{data['naam']}")
        assert heading is not None, file.name
        terms = heading.find_next("ul").find_all("li", recursive=False)
        assert [li.find("code").get_text() for li in terms] == [term["id"] for term in data["termen"]], file.name
        for li, term in zip(terms, data["termen"]):
            nested = li.find("ul")
            subs = [item.find("code").get_text() for item in nested.find_all("li")] if nested else []
            assert subs == [sub["id"] for sub in term.get("subcategorieen", [])], term["id"]


def test_field_reference_follows_a_changed_schema_and_vocabulary(tmp_path):
    project = copy_project(tmp_path / "project")
    schema_file = project / "content" / "schemas" / "praktijkvoorbeeld.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["looptijd"] = {"description": "Hoe lang het voorbeeld loopt.", "type": "string",
                                        "maxLength": 40}
    schema_file.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    vocabulary = project / "content" / "taxonomie" / "locatie.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + (
        "  - id: sportclubs\n    mag_ongebruikt: true\n    label: Sportclubs\n"
        "    beschrijving: Sportverenigingen en hun kantines.\n"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "voor-redacteuren" / "index.html").read_text(), "html.parser")
    assert ("looptijd", "optioneel", "Hoe lang het voorbeeld loopt.", []) in reference_rows(soup, "praktijkvoorbeeld")
    ids = [li.find("code").get_text() for li in soup.find(id="waarden-locatie").find_next("ul").find_all("li")]
    assert ids[-1] == "sportclubs"


def test_field_reference_is_in_the_nav_under_over_deze_site(built_site):
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    section = next(item for item in soup.select("nav.md-nav--primary li.md-nav__item--nested")
                   if item.find("label") and "Over deze site" in item.find("label").get_text())
    assert "voor-redacteuren/" in [a["href"] for a in section.find_all("a")]


# --- the template ----------------------------------------------------------------------------

def template_markers() -> dict[str, list[str]]:
    """Field -> the marker ('verplicht'/'optioneel') of each block that holds it (commented out or not)."""
    fields = load_schemas()["praktijkvoorbeeld"]["properties"]
    found: dict[str, list[str]] = {}
    for block in TEMPLATE.read_text(encoding="utf-8").split("\n\n"):
        lines = block.splitlines()
        marker = re.match(r"# (verplicht|optioneel)\b", lines[0])
        for line in lines:
            match = re.match(r"^(?:# )?([a-z_]+):", line)
            if match and match.group(1) in fields:
                found.setdefault(match.group(1), []).append(marker.group(1) if marker else "geen")
    return found


def test_template_marks_every_field_verplicht_or_optioneel():
    schema = load_schemas()["praktijkvoorbeeld"]
    expected = {name: ["verplicht" if name in schema["required"] else "optioneel"] for name in schema["properties"]}
    assert template_markers() == expected
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    assert set(schema["required"]) <= set(data) <= set(schema["properties"])


def placeholder_fields(value, name: str = "") -> list[str]:
    """Field names ('locaties[0]') of the values still reading 'VUL IN'."""
    if isinstance(value, dict):
        return [f for key, item in value.items() for f in placeholder_fields(item, f"{name}.{key}" if name else key)]
    if isinstance(value, list):
        return [f for index, item in enumerate(value) for f in placeholder_fields(item, f"{name}[{index}]")]
    return [name] if isinstance(value, str) and value.startswith(PLACEHOLDER) else []


def fill(data, schema: dict, content, root: dict | None = None):
    """The template's data with every placeholder replaced by a valid value for its field."""
    root = root or schema
    schema = _resolve(root, schema)
    if isinstance(data, dict):
        return {key: fill(value, schema["properties"][key], content, root) for key, value in data.items()}
    if isinstance(data, list):
        return [fill(value, schema["items"], content, root) for value in data]
    if not (isinstance(data, str) and data.startswith(PLACEHOLDER)):
        return data
    if "x-taxonomie" in schema:
        return content.taxonomieen[schema["x-taxonomie"]].ids[0]
    if schema.get("format") == "date":
        return date.today().isoformat()
    sentence = "Door de test ingevulde tekst. "
    return (sentence * (schema.get("minLength", 1) // len(sentence) + 1)).strip()


def test_template_validates_once_filled_in(tmp_path, content):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    target = project / "content" / "interventies" / "testvoorbeeld.yml"
    shutil.copyfile(TEMPLATE, target)
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    errors = check_content(project).errors
    assert {p.field for p in errors} == set(placeholder_fields(data)) and len(errors) == len(placeholder_fields(data)) >= 8
    assert all(p.path == "content/interventies/testvoorbeeld.yml" and "nog invullen" in p.message for p in errors)

    data = fill(data, load_schemas()["praktijkvoorbeeld"], content)
    data["titel"] = "Testvoorbeeld"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert [str(p) for p in check_content(project).errors] == []
