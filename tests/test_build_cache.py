"""Issue 8: parsed YAML, rendered Markdown and generated pages are kept between builds, without changing the site.

Kept text (rich-text.json) is never trusted: it is cleaned again as it is loaded. The generated
pages are reused only while every input is the same, and only on the machine that made them:
CI and the deployed site always build without a cache (see test_ci_never_restores_the_cache).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from datetime import date

import pytest
import yaml

from conftest import ROOT, copy_project, edit_yaml, example_slug, mkdocs_build
from handreiking.content.cache import BuildCache, PerItem
from handreiking.site import pages
from handreiking.site.site import CACHE_DIR, GENERATED_CACHE, build_site
from handreiking.tools.wijzer import DATA_FILE

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

RICH_TEXT = CACHE_DIR / "rich-text.json"


def _built_files(site):
    """Every file of a build: pages, the data file, open data, ..."""
    return {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}


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


def test_a_warm_build_writes_the_same_site_as_a_cold_one(cold, warm_project, tmp_path, content):
    cache = json.loads((warm_project / RICH_TEXT).read_text(encoding="utf-8"))
    assert len(cache["waarden"]) >= len({v.beschrijving for v in content.praktijkvoorbeelden})  # every beschrijving
    assert mkdocs_build(warm_project, tmp_path / "warm").returncode == 0
    assert _built_files(tmp_path / "warm") == _built_files(cold[1])


def test_a_tampered_or_outdated_cache_cannot_inject(warm_project, tmp_path):
    (warm_project / GENERATED_CACHE).unlink()  # else the pages are reused whole and the kept text is not read
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
    # The search index kept from the first build is not taken for the changed pages.
    assert (warm_project / CACHE_DIR / "zoekindex.js").exists()
    assert "Nieuw: " in (tmp_path / "second" / "search" / "zoekindex.js").read_text(encoding="utf-8")


def test_generated_pages_are_rendered_again_only_when_what_they_show_changed(warm_project, monkeypatch):
    day = date(2026, 11, 29)
    first = build_site(warm_project, today=day)
    kept = first.pages
    first.save_cache()
    rendered: list[str] = []
    render = pages.PageRenderer.praktijkvoorbeeld
    monkeypatch.setattr(pages.PageRenderer, "praktijkvoorbeeld",
                        lambda self, v: rendered.append(v.slug) or render(self, v))

    assert build_site(warm_project, today=day).pages == kept and rendered == []
    next_day = build_site(warm_project, today=date(2026, 11, 30))  # staleness counts from today
    assert next_day.pages and len(rendered) == len(first.content.praktijkvoorbeelden)

    rendered.clear()
    slug = example_slug()
    edit_yaml(warm_project / "content" / "interventies" / f"{slug}.yml",
              lambda data: data.update(samenvatting="Nieuw: " + data["samenvatting"]))
    edited = build_site(warm_project, today=day)
    changed = {page.src_uri for page, before in zip(edited.pages, kept) if page != before}
    assert f"praktijkvoorbeelden/{slug}.md" in changed
    # Its own page and those that show it (they link to it, or it is among their similar ones): not all.
    showing = {v.slug for v in edited.content.praktijkvoorbeelden
               if slug in v.zie_ook or slug in {s.voorbeeld.slug for s in edited.links.similar[v.slug]}}
    assert set(rendered) == {slug} | showing | {s for s in edited.content.voorbeeld(slug).zie_ook}
    assert len(rendered) < len(edited.content.praktijkvoorbeelden)
    assert edited.pages == build_site(warm_project, today=day, caches=None).renderer.all()


def test_ci_never_restores_the_cache():
    """The generated pages in .cache/ are not cleaned again: no workflow may bring them in from elsewhere."""
    workflows = [yaml.safe_load(file.read_text(encoding="utf-8")) for file in (ROOT / ".github").rglob("*.yml")]
    steps = [step for workflow in workflows for job in workflow["jobs"].values() for step in job.get("steps", [])]
    assert steps
    assert not [step for step in steps if "cache" in str(step.get("uses", "")) or ".cache" in str(step.get("with", ""))]


def test_a_cache_keeps_only_what_the_last_build_used(tmp_path):
    kept = BuildCache("proef", "1")
    kept.put("oud", "vorige build")
    kept.forget_unused()
    kept.save(tmp_path)
    kept.put("nieuw", "deze build")
    kept.forget_unused()
    kept.save(tmp_path)
    assert kept.get("oud") is None and kept.get("nieuw") == "deze build"
    assert json.loads(kept.file(tmp_path).read_text(encoding="utf-8"))["waarden"] == {"nieuw": "deze build"}


def test_importing_the_code_reads_no_file_and_fills_no_cache():
    """Caches belong to whoever builds: importing a module must not hash the code or register anything."""
    code = ("import builtins, pathlib; opened = []; real = pathlib.Path.read_bytes\n"
            "pathlib.Path.read_bytes = lambda self: opened.append(self) or real(self)\n"
            "import handreiking.site.site, handreiking.build, macros.plugin, handreiking.content.cache as c\n"
            "print(len(opened), [n for n in vars(c) if n.startswith('_A')])")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.split() == ["0", "[]"], result.stderr


def test_a_change_in_the_mkdocs_glue_is_not_hidden_by_kept_output(warm_project, tmp_path):
    """The URLs in the data file come from macros/: changing that code makes the file again."""
    urls = warm_project / "macros" / "site_urls.py"
    urls.write_text(urls.read_text(encoding="utf-8").replace(
        "return partial(page_url, directory_urls=config.use_directory_urls)",
        'return lambda path: "gewijzigd/" + page_url(path, config.use_directory_urls)'), encoding="utf-8")
    assert mkdocs_build(warm_project, tmp_path / "site").returncode == 0
    assert '"gewijzigd/praktijkvoorbeelden/' in (tmp_path / "site" / DATA_FILE).read_text(encoding="utf-8")


def test_per_item_a_list_remakes_only_changed_items_and_keeps_what_it_did_not_make(content):
    """make serve: after a save, each list of every praktijkvoorbeeld makes only the changed one again."""
    kept = PerItem()
    made: list[str] = []
    first, second = content.praktijkvoorbeelden[:2]

    def build(items, depends="x", name="kaarten"):
        return [kept(name, v, depends, lambda v=v: made.append(v.slug) or v.titel) for v in items]

    assert build([first, second]) == [first.titel, second.titel] and made == [first.slug, second.slug]
    kept.finish_build()
    made.clear()
    changed = dataclasses.replace(second, slug=second.slug + "-anders")
    assert build([first, changed]) == [first.titel, second.titel] and made == [changed.slug]
    kept.finish_build()
    made.clear()
    kept.finish_build()  # a build that made no list (a hand-written page changed): nothing is forgotten
    build([first, changed])
    assert made == []
    build([first], depends="y")  # other inputs: made again
    assert made == [first.slug]
