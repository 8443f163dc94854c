"""Issue 6 and 21: renamed or removed addresses never leave dead links, and nobody keeps a list of them.

An address is published once its file has been on main: git's history says which
(handreiking.content.redirects.published_addresses); content/doorverwijzingen.yml maps
old addresses to new ones. The checker makes every published address resolve, and the
build writes a forwarding page at every old address. A title is free: it never changes
the address.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml

from handreiking.content.loader import check_content
from handreiking.content.redirects import published_addresses
from handreiking.content.slugs import slugify

from conftest import ROOT, commit_all, copy_project, edit_yaml, example_slug, git, mkdocs_build, serve

SITE_URL = "https://voorbeeld.github.io/handreiking/"


def git_project(target: Path) -> Path:
    """A copy of the content as a repository whose main holds it: every file's address is published."""
    shutil.copytree(ROOT / "content", target / "content")
    return commit_all(target)


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
    """Forget every earlier rename: no redirects (a copy without git knows no older addresses)."""
    (project / "content" / "doorverwijzingen.yml").write_text("praktijkvoorbeelden: {}\nchecklists: {}\n")


def _renamable() -> str:
    """An example the tests can rename: none of the redirects points at it (an editor may have added some)."""
    redirects = yaml.safe_load((ROOT / "content" / "doorverwijzingen.yml").read_text(encoding="utf-8"))
    targets = set((redirects.get("praktijkvoorbeelden") or {}).values())
    return next(slug for slug in map(example_slug, range(len(targets) + 1)) if slug not in targets)


OLD = _renamable()  # the example the tests rename
NEW_TITLE = "Proef Hernoemd"
NEW = slugify(NEW_TITLE)


def test_every_published_address_resolves_in_the_built_site(built_site):
    published = published_addresses(ROOT)
    for key, addresses in published.addresses.items():
        for address in addresses:
            assert (built_site / key / address / "index.html").exists(), f"/{key}/{address}/"


def test_a_renamed_address_without_redirect_is_an_error_naming_the_fix(tmp_path):
    project = git_project(tmp_path / "project")
    git(project, "switch", "--quiet", "--create", "redactie")
    new = rename(project, OLD, NEW_TITLE)
    redirects = (project / "content" / "doorverwijzingen.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(redirects, 1) if text.startswith("praktijkvoorbeelden:"))
    assert errors(project) == [
        f"content/doorverwijzingen.yml:{line}: praktijkvoorbeelden: praktijkvoorbeeld '{OLD}' stond op de site "
        f"(/praktijkvoorbeelden/{OLD}/), maar content/interventies/{OLD}.yml bestaat niet meer; een oud adres moet "
        f"blijven werken: zet hier onder 'praktijkvoorbeelden:' de regel '{OLD}: <adres van het praktijkvoorbeeld "
        "dat het vervangt>'",
    ]
    add_redirect(project, "praktijkvoorbeelden", OLD, new)
    assert errors(project) == []
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "--message", "Hernoemd")  # committed on the branch: still the same
    assert errors(project) == []


def test_a_new_file_needs_no_other_file_and_a_title_never_moves_the_address(tmp_path):
    project = git_project(tmp_path / "project")
    folder = project / "content" / "interventies"
    text = (folder / f"{OLD}.yml").read_text(encoding="utf-8")
    (folder / "let-s-talk-buurt.yml").write_text(re.sub(r"^titel: .*$", 'titel: "Let\'s talk buurt"', text,
                                                        flags=re.MULTILINE), encoding="utf-8")
    (folder / f"{OLD}.yml").write_text(re.sub(r"^titel: .*$", "titel: Een heel andere titel", text,
                                              flags=re.MULTILINE), encoding="utf-8")
    assert errors(project) == []


def test_an_address_that_only_lived_on_an_unmerged_branch_was_never_published(tmp_path):
    project = git_project(tmp_path / "project")
    git(project, "switch", "--quiet", "--create", "redactie")
    folder = project / "content" / "interventies"
    shutil.copyfile(folder / f"{OLD}.yml", folder / "tijdelijk.yml")
    edit_yaml(folder / "tijdelijk.yml", lambda data: data.update(titel="Tijdelijk voorbeeld"))
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "--message", "Nieuw")
    (folder / "tijdelijk.yml").rename(folder / "blijvend.yml")
    assert errors(project) == []
    assert "tijdelijk" not in published_addresses(project).addresses["praktijkvoorbeelden"]
    git(project, "switch", "--quiet", "main")
    git(project, "merge", "--quiet", "redactie")  # now it was on main: removing it needs a redirect
    assert "tijdelijk" in published_addresses(project).addresses["praktijkvoorbeelden"]


def test_without_git_nothing_is_known_and_a_shallow_clone_says_what_it_misses(tmp_path):
    copy = tmp_path / "kopie"
    shutil.copytree(ROOT / "content", copy / "content")
    (copy / "content" / "interventies" / f"{OLD}.yml").unlink()
    assert not published_addresses(copy).known
    assert not [error for error in errors(copy) if "stond op de site" in error]

    project = git_project(tmp_path / "project")
    shallow = tmp_path / "ondiep"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", project.as_uri(), str(shallow)], check=True)
    result = check_content(shallow)
    assert result.errors == []
    assert [str(warning) for warning in result.warnings if "ondiepe kloon" in str(warning)] == [
        "content/doorverwijzingen.yml:1: (bestand): waarschuwing: deze kopie van de repository heeft niet de hele "
        "geschiedenis (een ondiepe kloon), dus oude adressen zijn niet allemaal gecontroleerd; haal de geschiedenis "
        "op met 'git fetch --unshallow'"]


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


def renamed_project(target: Path) -> tuple[Path, str]:
    """A copy in which an editor renamed an example and recorded the redirect; returns it and the new slug."""
    project = copy_project(target)
    new = rename(project, OLD, NEW_TITLE)
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
