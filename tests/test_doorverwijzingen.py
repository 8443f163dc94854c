"""Issue 6: renamed or removed slugs never leave dead links.

content/gepubliceerd.yml lists every slug ever published; content/doorverwijzingen.yml
maps old slugs to new ones. The checker makes every published slug resolve, and the
build writes a forwarding page at every old address.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from handreiking.loader import check_content
from handreiking.redirects import KINDS, add_published
from handreiking.slugs import slugify

from conftest import ROOT, copy_project, mkdocs_build, serve

SITE_URL = "https://voorbeeld.github.io/handreiking/"


def published() -> dict[str, list[str]]:
    return yaml.safe_load((ROOT / "content" / "gepubliceerd.yml").read_text(encoding="utf-8"))


def rename(project: Path, old: str, titel: str) -> str:
    """Give the praktijkvoorbeeld ``old`` a new title and file name, as an editor does; return the new slug."""
    folder = project / "content" / "interventies"
    text = (folder / f"{old}.yml").read_text(encoding="utf-8")
    new = slugify(titel)
    (folder / f"{new}.yml").write_text(re.sub(r"^titel: .*$", f"titel: {titel}", text, flags=re.MULTILINE),
                                       encoding="utf-8")
    (folder / f"{old}.yml").unlink()
    return new


def errors(project: Path) -> list[str]:
    return [str(problem) for problem in check_content(project).errors]


def test_published_list_holds_every_current_slug():
    lists = published()
    for key, kind in KINDS.items():
        files = sorted(file.stem for file in (ROOT / "content" / kind.folder).glob("*.yml"))
        assert set(files) <= set(lists[key]), key
        assert lists[key] == sorted(lists[key]), f"{key}: houd de lijst alfabetisch"


def test_every_published_slug_resolves_in_the_built_site(built_site):
    for key, slugs in published().items():
        for slug in slugs:
            assert (built_site / key / slug / "index.html").exists(), f"/{key}/{slug}/"


def test_a_renamed_slug_without_redirect_is_an_error_naming_the_fix(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    new = rename(project, "samen-schoon", "Samen Schoonmaken")
    line = published()["praktijkvoorbeelden"].index("samen-schoon") + 6  # 4 comment lines, the key, 1-based
    assert errors(project) == [
        "content/gepubliceerd.yml:5: praktijkvoorbeelden: praktijkvoorbeeld 'samen-schoonmaken' "
        "(content/interventies/samen-schoonmaken.yml) ontbreekt in deze lijst; voeg de regel "
        "'  - samen-schoonmaken' toe onder 'praktijkvoorbeelden:'",
        f"content/gepubliceerd.yml:{line}: praktijkvoorbeelden[{line - 6}]: praktijkvoorbeeld 'samen-schoon' "
        "stond op de site, maar content/interventies/samen-schoon.yml bestaat niet meer; zet in "
        "content/doorverwijzingen.yml onder 'praktijkvoorbeelden:' de regel 'samen-schoon: <nieuwe-slug>'",
    ]
    add_published(project, "praktijkvoorbeelden", new)
    (project / "content" / "doorverwijzingen.yml").write_text(f"praktijkvoorbeelden:\n  samen-schoon: {new}\n")
    assert errors(project) == []


def test_redirects_must_point_straight_at_an_existing_item(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    (project / "content" / "doorverwijzingen.yml").write_text(
        "praktijkvoorbeelden:\n"
        "  buurtvaders: buurtbemidelling\n"
        "  oud-a: oud-b\n"
        "  oud-b: oud-a\n"
        "  vaders: buurtvaders\n"
        "  samen-schoon: boost\n"
        "checklists:\n"
        "  bindingladder: bindingsladder\n", encoding="utf-8")
    path = "content/doorverwijzingen.yml"
    assert errors(project) == [
        f"{path}:2: praktijkvoorbeelden.buurtvaders: praktijkvoorbeeld 'buurtbemidelling' bestaat niet "
        "(bedoelde u 'buurtbemiddeling'?); verwacht content/interventies/buurtbemidelling.yml",
        f"{path}:3: praktijkvoorbeelden.oud-a: doorverwijzingen vormen een kring (oud-a → oud-b → oud-a); "
        "laat elke oude slug naar een bestaand praktijkvoorbeeld wijzen",
        f"{path}:4: praktijkvoorbeelden.oud-b: doorverwijzingen vormen een kring (oud-b → oud-a → oud-b); "
        "laat elke oude slug naar een bestaand praktijkvoorbeeld wijzen",
        f"{path}:5: praktijkvoorbeelden.vaders: 'buurtvaders' verwijst zelf door naar 'buurtbemidelling'; "
        "verwijs direct: 'vaders: buurtbemidelling'",
        f"{path}:6: praktijkvoorbeelden.samen-schoon: praktijkvoorbeeld 'samen-schoon' bestaat nog "
        "(content/interventies/samen-schoon.yml); een doorverwijzing is alleen voor een adres dat niet meer bestaat",
    ]


def test_redirect_file_is_checked_against_its_schema(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    (project / "content" / "doorverwijzingen.yml").write_text(
        "praktijkvoorbeelden:\n  Oude Naam: buurtbemiddeling\nwebadressen: {}\n", encoding="utf-8")
    messages = errors(project)
    assert any("content/doorverwijzingen.yml:3: webadressen: onbekend veld 'webadressen'" in m for m in messages)
    assert any("content/doorverwijzingen.yml:" in m and "'Oude Naam' heeft niet de juiste vorm" in m
               for m in messages)


def test_removed_published_list_is_an_error(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    (project / "content" / "gepubliceerd.yml").unlink()
    assert errors(project) == ["content/gepubliceerd.yml:1: (bestand): bestand ontbreekt; zet het terug "
                               "(zie CONTRIBUTING.md)"]


def renamed_project(target: Path) -> tuple[Path, str]:
    """A copy in which an editor renamed samen-schoon and recorded the redirect; returns it and the new slug."""
    project = copy_project(target)
    new = rename(project, "samen-schoon", "Samen Schoonmaken")
    add_published(project, "praktijkvoorbeelden", new)
    (project / "content" / "doorverwijzingen.yml").write_text(f"praktijkvoorbeelden:\n  samen-schoon: {new}\n")
    return project, new


def test_renamed_slug_fixture_still_resolves_in_a_real_build(tmp_path, page):
    project, new = renamed_project(tmp_path / "project")
    site = tmp_path / "site"
    result = mkdocs_build(project, site, env={"HANDREIKING_SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr

    html = (site / "praktijkvoorbeelden" / "samen-schoon" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../samen-schoonmaken/">' in html
    assert f'<link rel="canonical" href="{SITE_URL}praktijkvoorbeelden/samen-schoonmaken/">' in html
    assert '<a href="../samen-schoonmaken/">Samen Schoonmaken</a>' in html
    assert '<html lang="nl">' in html and '<meta name="robots" content="noindex">' in html
    assert (site / "praktijkvoorbeelden" / new / "index.html").exists()
    sitemap = (site / "sitemap.xml").read_text()
    assert "praktijkvoorbeelden/samen-schoonmaken/" in sitemap and "praktijkvoorbeelden/samen-schoon/" not in sitemap

    with serve(site) as url:
        page.goto(f"{url}/praktijkvoorbeelden/samen-schoon/")
        page.wait_for_url(f"{url}/praktijkvoorbeelden/samen-schoonmaken/")
        assert page.title().startswith("Samen Schoonmaken - ")


def test_redirect_works_in_the_offline_bundle_layout(tmp_path, page):
    """Offline, pages are files (new.html), so the forwarding page must point at a file too."""
    project, new = renamed_project(tmp_path / "project")
    site = tmp_path / "site"
    result = mkdocs_build(project, site, env={"HANDREIKING_OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    old = site / "praktijkvoorbeelden" / "samen-schoon.html"
    assert f'<a href="{new}.html">' in old.read_text(encoding="utf-8")
    page.goto(old.as_uri())
    page.wait_for_url((site / "praktijkvoorbeelden" / f"{new}.html").as_uri())
