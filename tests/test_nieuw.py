"""Issue 6: `make nieuw TITEL="..."` creates a praktijkvoorbeeld an editor can fill in and publish."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from handreiking.content.loader import check_content
from handreiking.content.slugs import slugify

from conftest import example_slug, mkdocs_build
from editor_project import editor_project, run_make
from test_voor_redacteuren import fill, load_schemas, placeholder_fields

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

TITEL = 'Buurtvaders "De Sleutel": één'


def snapshot(project) -> dict[str, bytes]:
    return {file.relative_to(project).as_posix(): file.read_bytes()
            for file in sorted((project / "content").rglob("*")) if file.is_file()}


def test_make_nieuw_creates_the_file_that_validates_once_filled_and_appears_on_the_site(tmp_path, content):
    project = editor_project(tmp_path / "project")
    before = snapshot(project)
    result = run_make(project, "nieuw", f"TITEL={TITEL}")
    assert result.returncode == 0, result.stderr
    slug = slugify(TITEL)
    file = project / "content" / "interventies" / f"{slug}.yml"
    assert f"Aangemaakt: content/interventies/{slug}.yml" in result.stdout
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert data["titel"] == TITEL
    assert data["gecontroleerd_op"] == date.today()
    assert snapshot(project) == {**before, file.relative_to(project).as_posix(): file.read_bytes()}  # no other file

    errors = check_content(project).errors
    assert sorted(p.field for p in errors) == sorted(placeholder_fields(data))
    assert {p.path for p in errors} == {f"content/interventies/{slug}.yml"}

    filled = fill(data, load_schemas()["praktijkvoorbeeld"], content)
    filled["gecontroleerd_op"] = data["gecontroleerd_op"].isoformat()
    file.write_text(yaml.safe_dump(filled, allow_unicode=True, sort_keys=False), encoding="utf-8")
    check = run_make(project, "check")
    assert check.returncode == 0, check.stderr
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    assert TITEL.replace('"', "&quot;") in (site / "praktijkvoorbeelden" / slug / "index.html").read_text()
    richting = filled["oplossingsrichtingen"][0]
    assert f"../../praktijkvoorbeelden/{slug}/" in (site / "oplossingsrichtingen" / richting / "index.html").read_text()
    locatie = filled["locaties"][0]
    assert f"../../praktijkvoorbeelden/{slug}/" in (site / "locaties" / locatie / "index.html").read_text()


def test_make_nieuw_refuses_to_overwrite_and_explains_in_dutch(tmp_path):
    project = editor_project(tmp_path / "project")
    slug = example_slug()
    existing = project / "content" / "interventies" / f"{slug}.yml"
    before = existing.read_text(encoding="utf-8")

    result = run_make(project, "nieuw", f"TITEL={yaml.safe_load(before)['titel']}")
    assert result.returncode != 0
    assert f"Niet aangemaakt: content/interventies/{slug}.yml bestaat al en wordt niet overschreven" \
        in result.stderr
    assert existing.read_text(encoding="utf-8") == before

    result = run_make(project, "nieuw")
    assert result.returncode != 0
    assert 'Niet aangemaakt: geef een titel, bijvoorbeeld: make nieuw TITEL="Buurtvaders"' in result.stderr

    redirects = project / "content" / "doorverwijzingen.yml"
    redirects.write_text(f"praktijkvoorbeelden:\n  proef-voor-de-test: {slug}\n", encoding="utf-8")
    result = run_make(project, "nieuw", "TITEL=Proef voor de test")
    assert result.returncode != 0
    assert f"'proef-voor-de-test' is een oud adres dat doorverwijst naar '{slug}'" in result.stderr
    assert not (project / "content" / "interventies" / "proef-voor-de-test.yml").exists()
    assert "Traceback" not in result.stderr


def test_make_help_lists_the_editor_targets(tmp_path):
    help_text = run_make(editor_project(tmp_path / "project"), "help").stdout
    assert 'make nieuw          Maak een nieuw praktijkvoorbeeld: make nieuw TITEL="' in help_text
    assert "make pre-commit" in help_text
