"""Issues 14 and 21: the form-based editor at /beheer/ (Sveltia CMS), for editors without a programmer.

- the generated ``beheer/config.yml`` says what the schemas and vocabularies say, also after
  a change to them (a fixture project); sign-in needs no server of ours;
- the page loads from the site alone, in Dutch; the CMS's own requests to third parties are
  pointed at the site; without a repository the page says in Dutch what does work;
- in Chromium, on a folder as with `make serve` (tests/beheer_map.py): one field changed in a file
  never saved through the form changes only that field's lines; a new praktijkvoorbeeld is one new
  file that passes `make check` and is on the site; a new title keeps the address;
- the editors' to-do list at /beheer/aanvullen/.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from handreiking.content.loader import load_content
from handreiking.content.model import FOLDERS
from handreiking.content.schemas import project_schemas
from handreiking.tools import aanvullen, beheer, beheer_bestanden
from handreiking.tools.beheer import FOLDER

from beheer_map import LocalEditor
from conftest import (ROOT, commit_all, copy_project, example_slug, git, make_voorbeeld, mkdocs_build, run_axe,
                      serve)

SCHEMA_OF_FOLDER = {f"content/{folder}": schema for schema, folder in FOLDERS.items()}
WAIT_MS = 30_000
JARGON = re.compile(r"\bslug|content/|\.yml\b|\bid uit\b", re.IGNORECASE)


def read_config(site: Path) -> dict:
    return yaml.safe_load((site / FOLDER / "config.yml").read_text(encoding="utf-8"))


def mismatches(config: dict, project: Path) -> list[str]:
    """Where the form of each collection differs from its schema (top-level fields)."""
    schemas, taxonomieen = project_schemas(project).raw, load_content(project).taxonomieen
    problems = []
    for collection in config["collections"]:
        schema = schemas[SCHEMA_OF_FOLDER[collection["folder"]]]
        fields = {field["name"]: field for field in collection["fields"]}
        if list(fields) != list(schema["properties"]):
            problems.append(f"{collection['name']}: velden {list(fields)}")
        for name, prop in schema["properties"].items():
            field = fields.get(name, {})
            where = f"{collection['name']}.{name}"
            if field.get("required") != (name in schema.get("required", [])):
                problems.append(f"{where}: required {field.get('required')}")
            if field.get("hint") != prop.get("description"):
                problems.append(f"{where}: hint {field.get('hint')!r}")
            vocabulary = prop.get("x-taxonomie") or prop.get("items", {}).get("x-taxonomie")
            if vocabulary in taxonomieen:
                expected = [{"label": term.label, "value": term.id} for term in taxonomieen[vocabulary].termen]
                if field.get("widget") != "select" or field.get("options") != expected:
                    problems.append(f"{where}: keuzelijst {field.get('options')}")
                if field.get("multiple", False) != (prop.get("type") == "array"):
                    problems.append(f"{where}: multiple {field.get('multiple')}")
    return problems


def all_fields(fields: list[dict]):
    for field in fields:
        yield field
        yield from all_fields(field.get("fields", []))
        if "field" in field:
            yield field["field"]


# --- the configuration -------------------------------------------------------------------


def test_the_config_of_the_built_site_follows_the_schemas(built_site):
    config = read_config(built_site)
    assert mismatches(config, ROOT) == []
    assert config["publish_mode"] == "editorial_workflow"
    assert "locale" not in config  # the CMS ignores it; beheer.js starts it in Dutch
    voorbeelden = next(c for c in config["collections"] if c["folder"] == f"content/{FOLDERS['praktijkvoorbeeld']}")
    assert voorbeelden["create"] is True and voorbeelden["slug"] == "{{slug}}" and voorbeelden["delete"] is False
    assert voorbeelden["format"] == beheer.FILE_FORMAT and voorbeelden["identifier_field"] == "titel"
    fields = {field["name"]: field for field in voorbeelden["fields"]}
    template = yaml.safe_load((ROOT / "content" / "sjablonen" / "praktijkvoorbeeld.yml").read_text(encoding="utf-8"))
    assert fields["bron"]["default"] == template["bron"] == "redactie"


def test_the_form_speaks_to_editors_counts_lengths_and_keeps_addresses_on_one_line(built_site):
    config = read_config(built_site)
    schemas = project_schemas(ROOT).raw
    for collection in config["collections"]:
        assert not JARGON.search(collection["description"]), collection["description"]
        for field in all_fields(collection["fields"]):
            assert not JARGON.search(field.get("hint", "")), (collection["name"], field["name"], field.get("hint"))
            assert "default" not in field or not str(field["default"]).startswith("{{"), field  # no date of today
    properties = schemas["praktijkvoorbeeld"]["properties"]
    fields = {field["name"]: field for field in next(c for c in config["collections"]
                                                      if c["name"] == "praktijkvoorbeelden")["fields"]}
    # The CMS shows "current / allowed" characters for a limited text, and names both when it is too long.
    assert (fields["samenvatting"]["minlength"], fields["samenvatting"]["maxlength"]) == \
        (properties["samenvatting"]["minLength"], properties["samenvatting"]["maxLength"])
    url_fields = [field for field in all_fields(list(fields.values())) if field["name"] in ("url", "link")]
    assert url_fields and all(field["widget"] == "string" and field["type"] == "url" for field in url_fields)
    labels = [field["label"] for field in fields.values()]
    assert len(labels) == len(set(labels))


def test_sign_in_needs_no_server_of_ours_and_takes_an_oauth_service_when_there_is_one():
    schemas, content = project_schemas(ROOT).raw, load_content(ROOT)
    token = beheer.cms_config(schemas, content.taxonomieen, {}, beheer.Backend(repo="kis/handreiking"))["backend"]
    assert token["repo"] == "kis/handreiking" and token["auth_methods"] == ["token"] and "base_url" not in token
    oauth = beheer.cms_config(schemas, content.taxonomieen, {},
                              beheer.Backend(repo="kis/handreiking", auth_url="https://inloggen.voorbeeld.nl"))["backend"]
    assert oauth["auth_methods"] == ["oauth", "token"] and oauth["base_url"] == "https://inloggen.voorbeeld.nl"


def test_a_changed_schema_and_vocabulary_change_the_form(tmp_path):
    project = copy_project(tmp_path / "project")
    schema_file = project / "content" / "schemas" / "praktijkvoorbeeld.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["organisatie"] = {"description": "Wie het voorbeeld uitvoert.", "type": "string",
                                           "maxLength": 80}
    schema["required"].remove("methodieken")
    schema_file.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    locaties = project / "content" / "taxonomie" / "locatie.yml"
    locaties.write_text(locaties.read_text(encoding="utf-8") + (
        "  - id: buurtplatform\n    mag_ongebruikt: true\n    label: Buurtplatform online\n"
        "    beschrijving: Een website of app van en voor de buurt.\n"), encoding="utf-8")

    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    config = read_config(site)
    assert mismatches(config, project) == []
    voorbeelden = next(c for c in config["collections"] if c["name"] == "praktijkvoorbeelden")
    fields = {field["name"]: field for field in voorbeelden["fields"]}
    assert fields["organisatie"] == {"name": "organisatie", "label": "Organisatie", "required": False,
                                     "hint": "Wie het voorbeeld uitvoert.", "widget": "string", "maxlength": 80}
    assert fields["methodieken"]["required"] is False
    assert fields["locaties"]["options"][-1] == {"label": "Buurtplatform online", "value": "buurtplatform"}
    assert mismatches(config, ROOT) != []  # ... and the real project is unchanged: the check above would fail on it


def test_the_editor_and_its_to_do_list_are_no_pages_of_the_site(built_site):
    assert (built_site / FOLDER / "index.html").is_file() and (built_site / FOLDER / "sveltia-cms.js").is_file()
    assert (built_site / FOLDER / aanvullen.FOLDER / "index.html").is_file()
    search = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in search["docs"] if doc["location"].startswith(f"{FOLDER}/")]
    assert f"/{FOLDER}/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'href="{FOLDER}/' not in (built_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud
def test_without_the_cms_files_the_build_stops_with_a_dutch_message(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "node_modules").unlink()
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "De bestanden van de webinterface ontbreken" in result.stderr
    assert "make node_modules/.beheer" in result.stderr


@pytest.mark.code
def test_the_cms_is_pointed_at_the_site_for_everything_it_would_fetch_elsewhere():
    font = "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2"
    bundle = (f"a=`url({font})`;b=`https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2`;"
              "iP=`https://unpkg.com/@sveltia/cms`,s=`https://www.githubstatus.com/api/v2/status.json`")
    local, fonts = beheer_bestanden.local_bundle(bundle)
    assert "https://" not in local
    assert [(font.name, font.file) for font in fonts] == [
        ("material-symbols-outlined", "node_modules/@fontsource-variable/material-symbols-outlined/files/"
                                      "material-symbols-outlined-latin-wght-normal.woff2"),
        ("noto-mono", "node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2")]
    with pytest.raises(beheer_bestanden.EditorFilesError, match="pas handreiking/tools/beheer_bestanden.py"):
        beheer_bestanden.local_bundle(bundle.replace("githubstatus", "githubstatus2"))
    # The real bundle: every file it is pointed at exists.
    names = {file.name for file in beheer_bestanden.editor_files(ROOT)}
    assert {"sveltia-cms.js", "github-status.json", "js-yaml.min.js", "cms/package.json"} <= names


def test_the_house_style_reads_the_same_in_the_sites_yaml_reader():
    """The form writes with beheer_yaml.js (tested in node); PyYAML, which builds the site, reads it back the same."""
    values = ["no", "Yes", "1.10", "0o17", "1:20", "2027-03-01T10:00", "Let's talk buurt", "a: b", "# x", "=", "<<",
              "regel\u2028scheiding", "tab\tteken", " spatie", "x" * 150, "Één tafel: \"Samen\"", "~"]
    data = {"titel": "Proef", "tekst": values, "gecontroleerd_op": "2027-03-01",
            "beschrijving": "Alinea.\n\n- punt\n- punt", "samenvatting": ("woord " * 40).strip()}
    script = ("const y = require('./macros/beheer_yaml.js');"
              "process.stdout.write(y.format(JSON.parse(require('fs').readFileSync(0, 'utf8'))));")
    text = subprocess.run(["node", "-e", script], input=json.dumps(data), cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout
    read = yaml.safe_load(text)
    assert read["tekst"] == values and read["titel"] == "Proef"
    assert read["gecontroleerd_op"] == date(2027, 3, 1)  # a date, as `make check` wants it
    assert read["beschrijving"].rstrip("\n") == data["beschrijving"]
    assert read["samenvatting"] == data["samenvatting"] and "samenvatting: >-" in text


# --- in Chromium ---------------------------------------------------------------------------


def visit(new_page, url: str, locale: str = "nl-NL"):
    page = new_page(viewport={"width": 1280, "height": 900}, locale=locale)
    page.set_default_timeout(WAIT_MS)
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return page, requests, errors


def test_the_sign_in_screen_loads_from_the_site_alone_in_dutch_whatever_the_browser_language(new_page, site_url):
    for locale in ("nl-NL", "en-GB"):
        page, requests, errors = visit(new_page, f"{site_url}/{FOLDER}/", locale)
        page.get_by_role("button", name="Werken met een lokale repository").wait_for()
        page.get_by_role("button", name="Inloggen met een toegangstoken").wait_for()
        page.wait_for_load_state("networkidle")
        assert [url for url in requests if not url.startswith((site_url + "/", "blob:"))] == []
        assert errors == []
        if locale == "nl-NL":
            assert run_axe(page) == []


def test_a_build_without_a_repository_says_in_dutch_what_does_work(tmp_path, new_page):
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, env={"HANDREIKING_REPO_URL": ""})
    assert result.returncode == 0, result.stderr
    assert "cms-config-url" not in (site / FOLDER / "index.html").read_text(encoding="utf-8")
    with serve(site) as url:
        page, requests, errors = visit(new_page, f"{url}/{FOLDER}/")
        assert "weet niet in welke GitHub-repository" in page.locator("main").inner_text()
        page.get_by_role("link", name="Bewerk deze pagina").count()  # the route that works is named, not linked
        assert errors == [] and run_axe(page) == []
        assert [link for link in requests if not link.startswith(url)] == []


def test_the_to_do_list_names_what_each_example_lacks_and_links_to_its_form(new_page, site_url, content):
    page, _, errors = visit(new_page, f"{site_url}/{FOLDER}/{aanvullen.FOLDER}/")
    assert errors == [] and run_axe(page) == []
    rows = page.locator("tbody tr")
    expected = aanvullen.todo(content, date.today())
    assert rows.count() == len(expected)
    for row, item in zip(rows.all(), expected):
        form = row.get_by_role("link", name=item.voorbeeld.titel, exact=True)
        assert form.get_attribute("href") == f"../#/collections/praktijkvoorbeelden/entries/{item.voorbeeld.slug}"
        assert row.locator("li").all_inner_texts() == list(item.gaps)
        row.get_by_role("link", name="bekijken").click()
        assert page.url.endswith(f"/praktijkvoorbeelden/{item.voorbeeld.slug}/")
        page.go_back()
        break  # one round trip is enough; the rest is checked as data


def test_the_to_do_list_rules():
    data = yaml.safe_load((ROOT / "content" / "interventies" / f"{example_slug()}.yml").read_text(encoding="utf-8"))
    today = date(2030, 1, 1)
    complete = {**data, "status": "actief", "gemeente": "Zwolle", "links": [{"titel": "x", "url": "https://x.nl"}],
                "gecontroleerd_op": "2029-12-01"}
    assert aanvullen.gaps(make_voorbeeld("x", **complete), today, 24) == ()
    stale = make_voorbeeld("x", **{**complete, "gecontroleerd_op": "2020-01-01"})
    assert aanvullen.gaps(stale, today, 24) == ("niet gecontroleerd sinds 01-01-2020",)
    empty = make_voorbeeld("x", **{**complete, "status": "onbekend", "gemeente": None, "links": [],
                                   "gecontroleerd_op": None})
    assert aanvullen.gaps(empty, today, 24) == ("status onbekend: niet nagegaan of het nog loopt", "geen webadres",
                                                "geen gemeente", "nooit gecontroleerd")


# --- editing a folder, as with `make serve` ----------------------------------------------------


def repository(target: Path) -> Path:
    """A copy of the project as a repository, so `git diff` shows what a save changed."""
    return commit_all(copy_project(target))


def make_check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handreiking", "check"], cwd=project, capture_output=True, text=True)


def field_lines(text: str, key: str) -> list[str]:
    """The lines of the top-level field ``key``: its line and the indented or blank lines under it."""
    lines = text.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while end < len(lines) and (not lines[end] or lines[end].startswith(" ")):
        end += 1
    return lines[start:end]


def changed_lines(project: Path) -> tuple[list[str], list[str]]:
    diff = git(project, "diff", "--unified=0", "--no-color")
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def first_file(project: Path) -> Path:
    return sorted((project / "content" / FOLDERS["praktijkvoorbeeld"]).glob("*.yml"))[0]


def test_editing_one_field_changes_only_that_fields_lines_and_the_editor_passes_axe(tmp_path, new_page):
    project = repository(tmp_path / "project")
    file = first_file(project)  # never saved through the form: written by hand
    original = file.read_text(encoding="utf-8")
    new_text = "Een nieuwe samenvatting in eigen woorden, door de redactie in het formulier getypt."
    with LocalEditor(project, new_page) as editor:
        editor.open("praktijkvoorbeelden", file.stem)
        assert run_axe(editor.page) == []
        editor.field("samenvatting").get_by_role("textbox").fill(new_text)
        assert list(editor.save()) == [file.relative_to(project).as_posix()]
        assert [url for url in editor.requests if not url.startswith((editor.url + "/", "blob:"))] == []
        assert editor.errors == []
    removed, added = changed_lines(project)
    assert removed == field_lines(original, "samenvatting")
    assert added == field_lines(file.read_text(encoding="utf-8"), "samenvatting")
    assert yaml.safe_load(file.read_text(encoding="utf-8")) == {**yaml.safe_load(original), "samenvatting": new_text}


def test_a_new_praktijkvoorbeeld_is_one_new_file_that_passes_the_check_and_is_on_the_site(tmp_path, new_page):
    project = repository(tmp_path / "project")
    taxonomieen = load_content(project).taxonomieen
    titel = "Let's talk buurt"
    with LocalEditor(project, new_page) as editor:
        editor.open("praktijkvoorbeelden")
        editor.field("titel").get_by_role("textbox").fill(titel)
        editor.field("samenvatting").get_by_role("textbox").fill(
            "Bewoners schuiven elke week aan bij één tafel om samen over de buurt te praten.")
        editor.field("beschrijving").locator("[contenteditable=true]").click()
        editor.page.keyboard.type("Een buurthuis zet een lange tafel neer. Bewoners praten er samen over de buurt.")
        for key, vocabulary in (("oplossingsrichtingen", "oplossingsrichting"), ("locaties", "locatie"),
                                ("doelgroepen", "doelgroep"), ("problematiek", "problematiek")):
            editor.choose(key, taxonomieen[vocabulary].termen[0].label)
        methodieken = editor.field("methodieken")
        methodieken.get_by_role("button", name="toevoegen").click()
        methodieken.get_by_role("textbox").first.fill("wekelijkse tafel")
        editor.field("gecontroleerd_op").get_by_role("button", name="Vandaag").click()
        saved = editor.save()
    assert len(saved) == 1
    path = next(iter(saved))
    assert git(project, "status", "--porcelain") == f"?? {path}\n"  # nothing else touched
    data = yaml.safe_load((project / path).read_text(encoding="utf-8"))
    assert data["titel"] == titel and data["bron"] == "redactie"
    check = make_check(project)
    assert check.returncode == 0, check.stderr
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    html = BeautifulSoup((site / "praktijkvoorbeelden" / Path(path).stem / "index.html").read_text(), "html.parser")
    assert html.select_one("article h1").get_text(strip=True).removesuffix("¶") == titel


def test_a_new_title_keeps_the_address_and_passes_the_check(tmp_path, new_page):
    project = repository(tmp_path / "project")
    file = first_file(project)
    original = file.read_text(encoding="utf-8")
    longest = project_schemas(project).raw["praktijkvoorbeeld"]["properties"]["titel"]["maxLength"]
    with LocalEditor(project, new_page) as editor:
        editor.open("praktijkvoorbeelden", file.stem)
        title = editor.field("titel")
        title.get_by_role("textbox").fill("x" * (longest + 1))  # too long: the form names both lengths
        editor.page.get_by_role("button", name="Opslaan", exact=True).click()
        expect(title).to_contain_text(f"Je mag niet meer dan {longest} tekens invoeren")
        expect(title).to_contain_text(f"{longest + 1} / {longest}")
        title.get_by_role("textbox").fill("Een heel andere titel")
        assert list(editor.save()) == [file.relative_to(project).as_posix()]
    assert git(project, "status", "--porcelain") == f" M {file.relative_to(project).as_posix()}\n"
    removed, added = changed_lines(project)
    assert (removed, added) == (field_lines(original, "titel"), ["titel: Een heel andere titel"])
    check = make_check(project)
    assert check.returncode == 0, check.stderr
