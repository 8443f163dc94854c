"""Issue 17: the change history of each praktijkvoorbeeld, from git at build time.

Fixture repositories with known commits (dates and messages) are made here; the
real repository's history is never asserted on.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, edit_yaml, example_slug, mkdocs_build
from handreiking.content import history
from handreiking.content.history import COMPLETE, NO_GIT, SHALLOW, read_history
from handreiking.site.pages import format_date
from handreiking.site.site import build_site

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

SLUG, OTHER = example_slug(0), example_slug(1)
FILE = f"content/interventies/{SLUG}.yml"
# (author date, message) of the fixture's commits, oldest first; the first adds all content.
COMMITS = [("2023-05-01", "Alle inhoud toegevoegd"), ("2024-03-05", "Samenvatting <b>aangepast</b> | *test*")]


def git(repo: Path, *args: str, day: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if day:
        env.update(GIT_AUTHOR_DATE=f"{day}T12:00:00+01:00", GIT_COMMITTER_DATE=f"{day}T12:00:00+01:00")
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=repo,
                          env=env, capture_output=True, text=True, check=True).stdout


def commit_all(repo: Path, day: str, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, day=day)
    return git(repo, "rev-parse", "HEAD").strip()


def content_repo(target: Path) -> tuple[Path, list[str]]:
    """A repository holding the project's content, with the COMMITS; returns it and the commit ids."""
    shutil.copytree(ROOT / "content", target / "content")
    git(target, "init", "-q")
    ids = [commit_all(target, *COMMITS[0])]
    edit_yaml(target / FILE, lambda data: data.update(samenvatting=data["samenvatting"] + " Aangepast."))
    ids.append(commit_all(target, *COMMITS[1]))
    return target, ids


def page_markdown(root: Path, slug: str = SLUG) -> str:
    return next(page.markdown for page in build_site(root).pages if page.src_uri == f"praktijkvoorbeelden/{slug}.md")


def test_renames_are_followed_and_changes_listed_newest_first(tmp_path):
    repo = tmp_path / "repo"
    folder = repo / "content" / "interventies"
    folder.mkdir(parents=True)
    git(repo, "init", "-q")
    (folder / "oud.yml").write_text("titel: Oud\n", encoding="utf-8")
    (repo / "elders.txt").write_text("x\n", encoding="utf-8")
    first = commit_all(repo, "2022-01-02", "Eerste versie")
    git(repo, "mv", "content/interventies/oud.yml", "content/interventies/nieuw.yml")
    second = commit_all(repo, "2022-02-03", "Hernoemd")
    (folder / "nieuw.yml").write_text("titel: Oud\nstatus: actief\n", encoding="utf-8")
    (folder / "ander.yml").write_text("titel: Ander\n", encoding="utf-8")
    (repo / "elders.txt").write_text("y\n", encoding="utf-8")
    third = commit_all(repo, "2022-03-04", "Status bijgewerkt")

    result = read_history(repo)
    assert result.status == COMPLETE
    assert [(c.datum, c.bericht, c.commit) for c in result.of("content/interventies/nieuw.yml")] == [
        (date(2022, 3, 4), "Status bijgewerkt", third), (date(2022, 2, 3), "Hernoemd", second),
        (date(2022, 1, 2), "Eerste versie", first)]
    assert [c.commit for c in result.of("content/interventies/ander.yml")] == [third]
    assert result.of("content/interventies/oud.yml") == ()
    assert result.of("elders.txt") == ()


def test_one_git_log_per_build(tmp_path, monkeypatch):
    repo, _ = content_repo(tmp_path / "repo")
    history._history.cache_clear()
    calls = []
    real_run = subprocess.run

    def counting_run(command, *args, **kwargs):
        calls.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(history.subprocess, "run", counting_run)
    site = build_site(repo)
    assert len(site.pages) > 1
    changes = [command for command in calls if "log.showSignature=false" in command]  # history.py's own calls
    assert [command for command in changes if "log" in command] == [changes[-1]]
    assert len(changes) == 2  # rev-parse and log, for every page together
    # The addresses ever published (handreiking.content.redirects) take one more log, also once per build.
    assert len([command for command in calls if "log" in command and "--diff-filter=A" in command]) == 1


def test_page_and_open_data_show_the_history(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "content")
    _, ids = content_repo(project)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr

    soup = BeautifulSoup((site / "praktijkvoorbeelden" / SLUG / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    article = soup.select_one("article")
    assert article.select_one(".laatst-gewijzigd").get_text(" ", strip=True).startswith(
        f"Laatst gewijzigd: {format_date(date(2024, 3, 5))}")
    heading = article.find("h2", id="wijzigingen")
    shown = [" ".join(li.get_text().split()) for li in heading.find_next("ul").find_all("li")]
    assert shown == [f"{format_date(date.fromisoformat(day))}: {message}" for day, message in reversed(COMMITS)]
    other = BeautifulSoup((site / "praktijkvoorbeelden" / OTHER / "index.html").read_text(encoding="utf-8"),
                          "html.parser").select_one("article")
    assert other.select_one(".laatst-gewijzigd").get_text(" ", strip=True).startswith(
        f"Laatst gewijzigd: {format_date(date(2023, 5, 1))}")

    data = json.loads((site / "data" / "praktijkvoorbeelden.json").read_text(encoding="utf-8"))
    assert data["wijzigingsgeschiedenis"] == COMPLETE
    record = next(item for item in data["praktijkvoorbeelden"] if item["slug"] == SLUG)
    assert record["laatst_gewijzigd"] == "2024-03-05"
    assert record["wijzigingen"] == [{"datum": day, "bericht": message, "commit": commit}
                                     for (day, message), commit in reversed(list(zip(COMMITS, ids)))]


@pytest.mark.parametrize("depth", [1, 2])
def test_a_shallow_clone_shows_no_date_it_does_not_know(tmp_path, depth):
    repo, ids = content_repo(tmp_path / "repo")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", f"--depth={depth}", repo.as_uri(), str(clone))
    result = read_history(clone)
    assert result.status == SHALLOW
    # The oldest commit of a shallow clone seems to add every file: it is left out.
    assert [c.commit for c in result.of(FILE)] == ids[len(ids) - depth + 1:]
    text = page_markdown(clone)
    assert "ingekorte kopie van de repository" in text
    if depth == 1:
        assert "Laatst gewijzigd" not in text
        assert "Niet beschikbaar bij deze versie van de site" in text
    else:
        assert "Laatst gewijzigd: 5 maart 2024" in text
        assert "Deze lijst kan onvolledig zijn" in text


def test_without_git_the_page_says_so(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "content", tmp_path / "content")  # a folder outside any repository
    assert read_history(tmp_path).status == NO_GIT
    history._history.cache_clear()
    repo, _ = content_repo(tmp_path / "repo")
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))  # no git program at all
    assert read_history(repo).status == NO_GIT
    monkeypatch.undo()
    text = page_markdown(tmp_path)
    assert "gebouwd zonder de versiegeschiedenis (git)" in text
    assert "Laatst gewijzigd" not in text
