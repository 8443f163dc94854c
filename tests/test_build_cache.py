"""Issue 8: parsed YAML and rendered Markdown are kept between builds, without changing the site or trusting the cache."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import copy_project, edit_yaml, example_slug, mkdocs_build
from handreiking.site.site import CACHE_DIR

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

RICH_TEXT = CACHE_DIR / "rich-text.json"


def _pages(site):
    return {path.relative_to(site): path.read_bytes() for path in site.rglob("*.html")}


@pytest.fixture(scope="module")
def cold(tmp_path_factory):
    """A copy of the project after its first build, which started without a cache: (project, site)."""
    root = tmp_path_factory.mktemp("cache")
    project = copy_project(root / "project")
    assert mkdocs_build(project, root / "cold").returncode == 0
    return project, root / "cold"


@pytest.fixture
def warm_project(cold, tmp_path):
    """A copy of that project with the cache its first build left behind."""
    return shutil.copytree(cold[0], tmp_path / "project")


def test_a_warm_build_writes_the_same_site_as_a_cold_one(cold, warm_project, tmp_path):
    cache = json.loads((warm_project / RICH_TEXT).read_text(encoding="utf-8"))
    assert len(cache["waarden"]) > 46
    assert mkdocs_build(warm_project, tmp_path / "warm").returncode == 0
    assert _pages(tmp_path / "warm") == _pages(cold[1])


def test_a_tampered_or_outdated_cache_cannot_inject(warm_project, tmp_path):
    file = warm_project / RICH_TEXT
    cache = json.loads(file.read_text(encoding="utf-8"))
    cache["waarden"] = {key: '<p>x<script>alert(1)</script><img src=x onerror="alert(1)"></p>'
                           for key in cache["waarden"]}
    file.write_text(json.dumps(cache), encoding="utf-8")
    assert mkdocs_build(warm_project, tmp_path / "tampered").returncode == 0
    html = (tmp_path / "tampered" / "praktijkvoorbeelden" / example_slug() / "index.html").read_text(encoding="utf-8")
    assert "onerror" not in html and "alert(1)</script>" not in html

    cache["versie"] = "ouder"
    cache["waarden"] = {key: "<p>OUDE TEKST</p>" for key in cache["waarden"]}
    file.write_text(json.dumps(cache), encoding="utf-8")
    assert mkdocs_build(warm_project, tmp_path / "outdated").returncode == 0
    assert "OUDE TEKST" not in (tmp_path / "outdated" / "praktijkvoorbeelden" / example_slug() / "index.html").read_text()


def test_a_changed_file_is_read_again_after_a_warm_build(warm_project, tmp_path):
    assert (warm_project / CACHE_DIR / "yaml.json").exists()
    file = warm_project / "content" / "interventies" / f"{example_slug()}.yml"
    edit_yaml(file, lambda data: data.update(samenvatting="Nieuw: " + data["samenvatting"]))
    assert mkdocs_build(warm_project, tmp_path / "second").returncode == 0
    html = (tmp_path / "second" / "praktijkvoorbeelden" / example_slug() / "index.html").read_text(encoding="utf-8")
    assert "Nieuw: " in html
