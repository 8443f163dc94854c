"""Issue 14: the form-based editor at /beheer/ (Decap CMS).

- the generated ``beheer/config.yml`` says what the schemas and vocabularies say, also after
  a change to them (a fixture project);
- the page loads from the site alone, in Dutch; the build fails clearly without the CMS files;
- a praktijkvoorbeeld made through the form, against decap-server on this computer, is a file
  that passes ``make check`` (once the cross-file rule it reports is followed) and is on the site.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import expect

from handreiking.tools.beheer import FOLDER, TODAY
from handreiking.content.loader import load_content
from handreiking.content.model import FOLDERS
from handreiking.content.redirects import add_published
from handreiking.content.schemas import project_schemas
from handreiking.content.slugs import slugify

from conftest import ROOT, copy_project, mkdocs_build, run_axe, serve

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
SCHEMA_OF_FOLDER = {f"content/{folder}": schema for schema, folder in FOLDERS.items()}
WAIT_MS = 30_000  # the longest any step in the editor may take


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


# --- the configuration -------------------------------------------------------------------


def test_the_config_of_the_built_site_follows_the_schemas(built_site):
    config = read_config(built_site)
    assert mismatches(config, ROOT) == []
    assert config["locale"] == "nl"
    assert config["publish_mode"] == "editorial_workflow"
    voorbeelden = next(c for c in config["collections"] if c["folder"] == f"content/{FOLDERS['praktijkvoorbeeld']}")
    assert voorbeelden["create"] is True and voorbeelden["slug"] == "{{slug}}"
    assert voorbeelden["identifier_field"] == "titel"
    fields = {field["name"]: field for field in voorbeelden["fields"]}
    # Defaults of a new praktijkvoorbeeld: the filled-in fields of the template, a date field today.
    template = yaml.safe_load((ROOT / "content" / "sjablonen" / "praktijkvoorbeeld.yml").read_text(encoding="utf-8"))
    assert fields["bron"]["default"] == template["bron"] == "redactie"
    date_fields = [name for name, prop in project_schemas(ROOT).raw["praktijkvoorbeeld"]["properties"].items()
                   if prop.get("format") == "date"]
    assert date_fields and all(fields[name]["default"] == TODAY for name in date_fields)


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
                                     "hint": "Wie het voorbeeld uitvoert.", "widget": "string",
                                     "pattern": ["^[\\s\\S]{0,80}$", "moet 0 tot 80 tekens lang zijn"]}
    assert fields["methodieken"]["required"] is False
    assert fields["locaties"]["options"][-1] == {"label": "Buurtplatform online", "value": "buurtplatform"}
    # ... and the real project is unchanged: the check above would fail on it.
    assert mismatches(config, ROOT) != []


def test_the_editor_is_no_page_of_the_site(built_site):
    assert (built_site / FOLDER / "index.html").is_file() and (built_site / FOLDER / "decap-cms.js").is_file()
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
    assert "De bestanden van Decap CMS ontbreken (node_modules/decap-cms/dist/decap-cms.js)" in result.stderr
    assert "make node_modules/.installed" in result.stderr


# --- in Chromium ---------------------------------------------------------------------------


def test_the_page_loads_from_the_site_alone_in_dutch(page, site_url):
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/{FOLDER}/")
    page.get_by_role("button", name="Inloggen met GitHub").wait_for(timeout=WAIT_MS)
    assert requests and [url for url in requests if not url.startswith(site_url + "/")] == []
    assert errors == []


def test_axe_on_the_sign_in_screen(page, site_url):
    page.goto(f"{site_url}/{FOLDER}/")
    page.get_by_role("button", name="Inloggen met GitHub").wait_for(timeout=WAIT_MS)
    assert run_axe(page) == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def decap_server(project: Path, mode: str) -> Iterator[str]:
    """decap-server (the CMS's local backend) on a free port, for ``project``; yields its API URL.

    ``mode`` "fs" writes files straight into the folder; "git" makes a branch per entry, as on GitHub.
    """
    port = _free_port()
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": mode, "GIT_REPO_DIRECTORY": str(project)}
    server = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:  # wait until it accepts connections, or give up
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            assert server.poll() is None, server.stderr.read().decode()
            assert time.monotonic() < deadline, "decap-server startte niet binnen 30 seconden"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_until(condition, what: str) -> None:
    """Wait for ``condition()`` on disk (written by decap-server), at most WAIT_MS."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while not condition():
        assert time.monotonic() < deadline, f"{what}: niet binnen {WAIT_MS // 1000} seconden"
        time.sleep(0.1)


@contextlib.contextmanager
def editor(project: Path, page, mode: str) -> Iterator[str]:
    """The site of ``project`` with its editor signed in to decap-server (``mode`` fs or git); yields the URL."""
    with decap_server(project, mode) as api:
        site = project.parent / "editor-site"
        result = mkdocs_build(project, site, env={"HANDREIKING_BEHEER_LOKAAL": api})
        assert result.returncode == 0, result.stderr
        with serve(site) as url:
            page.set_default_timeout(WAIT_MS)
            page.goto(f"{url}/{FOLDER}/")
            page.get_by_role("button", name="Inloggen", exact=True).click()
            yield url


def fill_in_a_new_praktijkvoorbeeld(page, url: str, titel: str, terms: dict) -> None:
    """Every required field through the form, as an editor would; ``terms``: one term per vocabulary."""
    page.goto(f"{url}/{FOLDER}/#/collections/praktijkvoorbeelden/new")
    page.get_by_label("Titel", exact=True).fill(titel)
    page.get_by_label("Samenvatting", exact=True).fill(
        "Bewoners schuiven elke week aan bij één tafel om samen over de buurt te praten.")
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.type("Een buurthuis zet een lange tafel neer. Bewoners praten er samen over wat hen bezighoudt.")
    for label, term in (("Oplossingsrichtingen", terms["oplossingsrichting"]), ("Locaties", terms["locatie"]),
                        ("Doelgroepen", terms["doelgroep"]), ("Problematiek", terms["problematiek"])):
        page.get_by_label(label, exact=True).click()
        page.get_by_role("option", name=term.label, exact=True).click()
    page.get_by_role("button", name="Voeg methodieken toe").click()
    page.get_by_label("Waarde", exact=True).fill("wekelijkse tafel")


def first_terms(project: Path) -> dict:
    taxonomieen = load_content(project).taxonomieen
    return {name: taxonomieen[name].termen[0] for name in ("oplossingsrichting", "locatie", "doelgroep", "problematiek")}


def test_a_praktijkvoorbeeld_made_in_the_form_passes_the_check_and_is_on_the_site(page, tmp_path):
    project = copy_project(tmp_path / "project")  # never the repository's own content/
    first = first_terms(project)
    titel = 'Één tafel in de buurt: "Samen Verder"'
    slug = slugify(titel)
    target = project / "content" / FOLDERS["praktijkvoorbeeld"] / f"{slug}.yml"
    assert not target.exists()

    with editor(project, page, "fs") as url:
        fill_in_a_new_praktijkvoorbeeld(page, url, titel, first)
        # The preview: the entry as a page of the site, in its stylesheets, with labels instead of ids.
        preview = page.frame_locator("iframe").first
        expect(preview.locator("article.md-typeset h1")).to_have_text(titel)
        expect(preview.locator("article.md-typeset")).to_contain_text(first["locatie"].label)
        expect(preview.locator('link[href$="/assets/stylesheets/handreiking.css"]')).to_have_count(1)
        # decap-server's fs mode has no branches, so Decap publishes at once (the git test below has them).
        page.get_by_role("button", name="Publiceer", exact=True).click()
        page.get_by_text("Publiceer nu").click()
        wait_until(target.exists, f"{target} geschreven")
    written = target.read_text(encoding="utf-8")

    data = yaml.safe_load(written)
    assert data["titel"] == titel
    assert data["locaties"] == [first["locatie"].id]
    assert data["bron"] == "redactie"  # the form's defaults (see test_the_config_...)
    schema_order = list(project_schemas(project).raw["praktijkvoorbeeld"]["properties"])
    assert list(data) == sorted(data, key=schema_order.index)  # the field order of the schema and the files

    # The one rule the form cannot follow: a new slug belongs in content/gepubliceerd.yml. The check says so,
    # naming the file and the line to add; the editor adds it in the pull request.
    check = subprocess.run([sys.executable, "-m", "handreiking", "check"], cwd=project, capture_output=True,
                           text=True)
    assert check.returncode != 0
    assert f"voeg de regel '  - {slug}' toe onder 'praktijkvoorbeelden:'" in check.stderr
    add_published(project, "praktijkvoorbeelden", slug)
    check = subprocess.run([sys.executable, "-m", "handreiking", "check"], cwd=project, capture_output=True,
                           text=True)
    assert check.returncode == 0, check.stderr

    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    html = (site / "praktijkvoorbeelden" / slug / "index.html").read_text(encoding="utf-8")
    assert "Één tafel in de buurt: &quot;Samen Verder&quot;" in html


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=True).stdout


def tree(project: Path, branch: str, path: str) -> str:
    """``path`` if the last commit of ``branch`` has it, else ''."""
    return subprocess.run(["git", "ls-tree", "--name-only", branch, path], cwd=project, capture_output=True,
                          text=True).stdout.strip()


@pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud
def test_saving_in_the_editorial_workflow_makes_a_branch_and_leaves_main_alone(page, tmp_path):
    project = copy_project(tmp_path / "project")
    (project / ".gitignore").write_text("node_modules\n", encoding="utf-8")
    git(project, "init", "--quiet", "--initial-branch", "main")
    git(project, "config", "user.name", "Redacteur")  # decap-server commits as the repository's user
    git(project, "config", "user.email", "redacteur@example.org")
    git(project, "add", ".")
    git(project, "commit", "--quiet", "--message", "inhoud")
    titel = "Buurttafel op zondag"
    slug = slugify(titel)
    path = f"content/{FOLDERS['praktijkvoorbeeld']}/{slug}.yml"

    with editor(project, page, "git") as url:
        fill_in_a_new_praktijkvoorbeeld(page, url, titel, first_terms(project))
        page.get_by_role("button", name="Opslaan", exact=True).click()
        branch = f"cms/praktijkvoorbeelden/{slug}"  # Decap's branch per entry; on GitHub also a pull request

        # decap-server commits on that branch (checking it out for a moment, so the folder says nothing).
        wait_until(lambda: tree(project, branch, path) == path, f"{path} op branch {branch}")

    assert tree(project, "main", path) == ""  # main is untouched until the pull request is merged
    saved = yaml.safe_load(git(project, "show", f"{branch}:{path}"))
    assert saved["titel"] == titel and saved["bron"] == "redactie"
