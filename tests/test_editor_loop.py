"""An editor's ordinary pull request, made as CONTRIBUTING.md describes it, passes the checks and builds.

On a copy of the project: a new example with ``make nieuw`` (filled in), a new locatie term
it uses, a rename with redirect, a removal with redirect and an example set to gestopt
(tests/editor_actions.py). The rest of the suite checks rules, not today's content, so the
same changes keep it green too: ``python tests/editor_actions.py <clone>`` then ``make test``.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import mkdocs_build
from editor_actions import perform_editor_actions
from editor_project import editor_project, run_make

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    root = tmp_path_factory.mktemp("redacteur")
    project = editor_project(root / "project")
    changes = perform_editor_actions(project)
    check = run_make(project, "check")
    site = root / "site"
    build = mkdocs_build(project, site)
    return changes, check, build, site


def page(site, *parts: str) -> BeautifulSoup:
    return BeautifulSoup((site.joinpath(*parts) / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_make_check_accepts_the_changes(edited):
    _, check, _, _ = edited
    assert check.returncode == 0, check.stderr
    assert "fout" not in check.stderr


def test_the_site_builds_with_the_changes(edited):
    _, _, build, _ = edited
    assert build.returncode == 0, build.stderr


def test_the_new_example_and_its_new_term_are_on_the_site(edited):
    changes, _, _, site = edited
    assert page(site, "praktijkvoorbeelden", changes["nieuw"]).select_one("article h1")
    term_page = page(site, "locaties", changes["term"])
    assert term_page.select_one(f'article a[href$="praktijkvoorbeelden/{changes["nieuw"]}/"]')


def test_old_addresses_forward_to_the_new_ones(edited):
    changes, _, _, site = edited
    for old, new in ((changes["hernoemd"], changes["hernoemd_naar"]),
                     (changes["verwijderd"], changes["samengevoegd_met"])):
        html = (site / "praktijkvoorbeelden" / old / "index.html").read_text(encoding="utf-8")
        assert f'content="0; url=../{new}/"' in html


def test_a_stopped_example_says_so(edited):
    changes, _, _, site = edited
    article = page(site, "praktijkvoorbeelden", changes["gestopt"]).select_one("article")
    assert "Gestopt" in article.get_text()
