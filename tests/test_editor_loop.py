"""An editor's ordinary pull request, made as CONTRIBUTING.md describes it, passes the checks and builds.

On a copy of the project: a new example with ``make nieuw`` (filled in), a new locatie term
it uses, a rename with redirect, a removal with redirect, an example set to gestopt and a second
new example (tests/editor_actions.py). The rest of the suite checks rules, not today's content:
the last test runs, on that copy, every test content can break except those in Chromium (they
check the same pages in a browser), and the benchmark's smoke run, which takes its N from the content.
By hand, for the whole suite: ``python tests/editor_actions.py <clone>`` then ``make test`` there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build
from editor_actions import perform_editor_actions
from editor_project import editor_project, run_make

# What the tests themselves need in the copy, besides the project.
TEST_PARTS = ("tests", "bench", "pytest.ini", ".github")

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


def test_the_new_examples_and_the_new_term_are_on_the_site(edited):
    changes, _, _, site = edited
    assert page(site, "praktijkvoorbeelden", changes["nieuw"]).select_one("article h1")
    assert page(site, "praktijkvoorbeelden", changes["tweede"]).select_one("article h1")
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


def test_the_tests_content_can_break_stay_green_after_the_editor_actions(tmp_path):
    """No test may count today's items or name them: after an editor's round they all still pass."""
    project = editor_project(tmp_path / "project")
    for part in TEST_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        else:
            shutil.copy2(source, project / part)
    perform_editor_actions(project)
    for selection in (["-m", "not browser and not code"], ["tests/test_bench_build.py", "-k", "smoke"]):
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *selection],
                                cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
