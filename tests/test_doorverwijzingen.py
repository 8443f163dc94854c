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

from handreiking.content.loader import check_content
from handreiking.content.redirects import KINDS, add_published
from handreiking.content.slugs import slugify

from conftest import ROOT, copy_project, edit_yaml, example_slug, mkdocs_build, serve

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


def add_redirect(project: Path, key: str, old: str, new: str) -> None:
    """Record ``old: new`` in content/doorverwijzingen.yml, beside the redirects already there."""
    edit_yaml(project / "content" / "doorverwijzingen.yml", lambda data: data.setdefault(key, {}).update({old: new}))


def without_history(project: Path) -> None:
    """Forget every earlier rename: the published lists hold just today's files, no redirects."""
    for key, kind in KINDS.items():
        slugs = sorted(file.stem for file in (project / "content" / kind.folder).glob("*.yml"))
        edit_yaml(project / "content" / "gepubliceerd.yml", lambda data, key=key, slugs=slugs: data.update({key: slugs}))
    (project / "content" / "doorverwijzingen.yml").write_text("praktijkvoorbeelden: {}\nchecklists: {}\n")


def _renamable() -> str:
    """An example the tests can rename: none of the redirects points at it (an editor may have added some)."""
    redirects = yaml.safe_load((ROOT / "content" / "doorverwijzingen.yml").read_text(encoding="utf-8"))
    targets = set((redirects.get("praktijkvoorbeelden") or {}).values())
    return next(slug for slug in map(example_slug, range(len(targets) + 1)) if slug not in targets)


OLD = _renamable()  # the example the tests rename
NEW_TITLE = "Proef Hernoemd"
NEW = slugify(NEW_TITLE)


def test_published_list_holds_every_current_slug():
    lists = published()
    for key, kind in KINDS.items():
        files = sorted(file.stem for file in (ROOT / "content" / kind.folder).glob("*.yml"))
        assert set(files) <= set(lists[key]), key


def test_every_published_slug_resolves_in_the_built_site(built_site):
    for key, slugs in published().items():
        for slug in slugs:
            assert (built_site / key / slug / "index.html").exists(), f"/{key}/{slug}/"


def test_a_renamed_slug_without_redirect_is_an_error_naming_the_fix(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    new = rename(project, OLD, NEW_TITLE)
    line = published()["praktijkvoorbeelden"].index(OLD) + 6  # 4 comment lines, the key, 1-based
    assert errors(project) == [
        f"content/gepubliceerd.yml:5: praktijkvoorbeelden: praktijkvoorbeeld '{NEW}' "
        f"(content/interventies/{NEW}.yml) ontbreekt in deze lijst; voeg de regel "
        f"'  - {NEW}' toe onder 'praktijkvoorbeelden:'",
        f"content/gepubliceerd.yml:{line}: praktijkvoorbeelden[{line - 6}]: praktijkvoorbeeld '{OLD}' "
        f"stond op de site, maar content/interventies/{OLD}.yml bestaat niet meer; zet in "
        f"content/doorverwijzingen.yml onder 'praktijkvoorbeelden:' de regel '{OLD}: <nieuwe-slug>'",
    ]
    add_published(project, "praktijkvoorbeelden", new)
    add_redirect(project, "praktijkvoorbeelden", OLD, new)
    assert errors(project) == []


def test_redirects_must_point_straight_at_an_existing_item(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    without_history(project)
    typo = OLD[:-1]  # one letter short
    other = example_slug(1)
    checklist = sorted(file.stem for file in (project / "content" / "checklists").glob("*.yml"))[0]
    (project / "content" / "doorverwijzingen.yml").write_text(
        "praktijkvoorbeelden:\n"
        f"  oud-proef: {typo}\n"
        "  oud-a: oud-b\n"
        "  oud-b: oud-a\n"
        "  oud-proef-2: oud-proef\n"
        f"  {OLD}: {other}\n"
        "checklists:\n"
        f"  oude-checklist: {checklist}\n", encoding="utf-8")
    path = "content/doorverwijzingen.yml"
    assert errors(project) == [
        f"{path}:2: praktijkvoorbeelden.oud-proef: praktijkvoorbeeld '{typo}' bestaat niet "
        f"(bedoelde u '{OLD}'?); verwacht content/interventies/{typo}.yml",
        f"{path}:3: praktijkvoorbeelden.oud-a: doorverwijzingen vormen een kring (oud-a → oud-b → oud-a); "
        "laat elke oude slug naar een bestaand praktijkvoorbeeld wijzen",
        f"{path}:4: praktijkvoorbeelden.oud-b: doorverwijzingen vormen een kring (oud-b → oud-a → oud-b); "
        "laat elke oude slug naar een bestaand praktijkvoorbeeld wijzen",
        f"{path}:5: praktijkvoorbeelden.oud-proef-2: 'oud-proef' verwijst zelf door naar '{typo}'; "
        f"verwijs direct: 'oud-proef-2: {typo}'",
        f"{path}:6: praktijkvoorbeelden.{OLD}: praktijkvoorbeeld '{OLD}' bestaat nog "
        f"(content/interventies/{OLD}.yml); een doorverwijzing is alleen voor een adres dat niet meer bestaat",
    ]


def test_redirect_file_is_checked_against_its_schema(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    (project / "content" / "doorverwijzingen.yml").write_text(
        f"praktijkvoorbeelden:\n  Oude Naam: {OLD}\nwebadressen: {{}}\n", encoding="utf-8")
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
    """A copy in which an editor renamed an example and recorded the redirect; returns it and the new slug."""
    project = copy_project(target)
    new = rename(project, OLD, NEW_TITLE)
    add_published(project, "praktijkvoorbeelden", new)
    add_redirect(project, "praktijkvoorbeelden", OLD, new)
    return project, new


def test_renamed_slug_fixture_still_resolves_in_a_real_build(tmp_path, page):
    project, new = renamed_project(tmp_path / "project")
    site = tmp_path / "site"
    result = mkdocs_build(project, site, env={"HANDREIKING_SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr

    html = (site / "praktijkvoorbeelden" / OLD / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url=../{NEW}/">' in html
    assert f'<link rel="canonical" href="{SITE_URL}praktijkvoorbeelden/{NEW}/">' in html
    assert f'<a href="../{NEW}/">{NEW_TITLE}</a>' in html
    assert '<html lang="nl">' in html and '<meta name="robots" content="noindex">' in html
    assert (site / "praktijkvoorbeelden" / new / "index.html").exists()
    sitemap = (site / "sitemap.xml").read_text()
    assert f"praktijkvoorbeelden/{NEW}/" in sitemap and f"praktijkvoorbeelden/{OLD}/" not in sitemap

    with serve(site) as url:
        page.goto(f"{url}/praktijkvoorbeelden/{OLD}/")
        page.wait_for_url(f"{url}/praktijkvoorbeelden/{NEW}/")
        assert page.title().startswith(f"{NEW_TITLE} - ")


def test_redirect_works_in_the_offline_bundle_layout(tmp_path, page):
    """Offline, pages are files (new.html), so the forwarding page must point at a file too."""
    project, new = renamed_project(tmp_path / "project")
    site = tmp_path / "site"
    result = mkdocs_build(project, site, env={"HANDREIKING_OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    old = site / "praktijkvoorbeelden" / f"{OLD}.html"
    assert f'<a href="{new}.html">' in old.read_text(encoding="utf-8")
    page.goto(old.as_uri())
    page.wait_for_url((site / "praktijkvoorbeelden" / f"{new}.html").as_uri())
