"""Issues 17 and 23: the change history of each praktijkvoorbeeld: the editors' notes for readers, dated by git.

Fixture repositories with known commits (dates, developer messages and notes) are made here; the
real repository's history is never asserted on (test_actualiteit.py checks the real pages by rule).
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
NOTE = "Samenvatting <b>aangepast</b> | *test*"  # the editor's note for readers, shown literally
# (author date, commit message, change to SLUG's file) of the fixture's commits, oldest first. Only the
# second writes a note for readers; the others are a developer's, and readers never see their messages.
COMMITS = [
    ("2023-05-01", "Content faithful to the source: all content added", None),
    ("2024-03-05", "Summary fix in content/interventies", lambda data: data.update(
        samenvatting=data["samenvatting"] + " Aangepast.", wijziging=NOTE)),
    ("2024-06-07", "Reformat every YAML file (no content change)", lambda data: data.update(
        samenvatting=data["samenvatting"] + " ")),
]
DEVELOPER_MESSAGES = [message for _, message, _ in COMMITS]


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
    ids = []
    for day, message, change in COMMITS:
        if change:
            edit_yaml(target / FILE, change)
        ids.append(commit_all(target, day, message))
    return target, ids


def page_markdown(root: Path, slug: str = SLUG) -> str:
    return next(page.markdown for page in build_site(root).pages if page.src_uri == f"praktijkvoorbeelden/{slug}.md")


def test_renames_are_followed_and_only_new_notes_are_changes(tmp_path):
    repo = tmp_path / "repo"
    folder = repo / "content" / "interventies"
    folder.mkdir(parents=True)
    git(repo, "init", "-q")
    (folder / "oud.yml").write_text("titel: Oud\nwijziging: Eerste versie\n", encoding="utf-8")
    (repo / "elders.txt").write_text("x\n", encoding="utf-8")
    first = commit_all(repo, "2022-01-02", "Add the first example")
    git(repo, "mv", "content/interventies/oud.yml", "content/interventies/nieuw.yml")
    commit_all(repo, "2022-02-03", "Rename oud.yml")
    (folder / "nieuw.yml").write_text("titel: Oud\nstatus: actief\nwijziging: 'Status bijgewerkt'\n",
                                      encoding="utf-8")
    (folder / "ander.yml").write_text("titel: Ander\n", encoding="utf-8")
    (repo / "elders.txt").write_text("y\n", encoding="utf-8")
    third = commit_all(repo, "2022-03-04", "Status field")
    # The same note, written differently: no change for readers.
    (folder / "nieuw.yml").write_text("titel: Oud\nstatus: actief\nwijziging: >-\n  Status\n  bijgewerkt\n",
                                      encoding="utf-8")
    commit_all(repo, "2022-04-05", "Fold long values")

    result = read_history(repo)
    assert result.status == COMPLETE
    assert [(c.datum, c.bericht, c.commit) for c in result.of("content/interventies/nieuw.yml")] == [
        (date(2022, 3, 4), "Status bijgewerkt", third), (date(2022, 1, 2), "Eerste versie", first)]
    assert result.of("content/interventies/ander.yml") == ()  # changed, but without a note
    assert result.of("content/interventies/oud.yml") == ()
    assert result.of("elders.txt") == ()


@pytest.mark.parametrize(("text", "note"), [
    ("titel: A\nwijziging: Status op gestopt gezet.\n", "Status op gestopt gezet."),
    ("\ufefftitel: A\r\nwijziging: \"Gemeente: Utrecht toegevoegd\"\r\n", "Gemeente: Utrecht toegevoegd"),
    ("wijziging: >-\n  Link naar de\n  nieuwe website\n\nstatus: actief\n", "Link naar de nieuwe website"),
    ("titel: A\n# wijziging: nog niet\n", None),
    ("titel: A\nwijziging: ''\n", None),
    ("titel: A\nwijziging: [geen tekst]\n", None),
    ("titel: A\nbeschrijving: |\n  wijziging: binnen een tekst\n", None),
    ("titel: A\nwijziging: 'niet afgesloten\n", None),
])
def test_the_note_is_read_from_the_file_as_yaml(text, note):
    assert history.note_of(text) == note


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
    assert len([command for command in changes if "log" in command]) == 1
    # rev-parse, log and one cat-file that reads every noted version, for every page together
    assert [command[-2:] for command in changes][2:] == [["cat-file", "--batch"]] and len(changes) == 3
    # The addresses ever published (handreiking.content.redirects) take one more log, also once per build.
    assert len([command for command in calls if "log" in command and "--diff-filter=A" in command]) == 1


def test_page_and_open_data_show_the_editors_notes_only(tmp_path):
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
    assert shown == [f"{format_date(date(2024, 3, 5))}: {NOTE}"]
    other = BeautifulSoup((site / "praktijkvoorbeelden" / OTHER / "index.html").read_text(encoding="utf-8"),
                          "html.parser").select_one("article")
    assert other.select_one(".laatst-gewijzigd") is None
    assert "nog geen inhoudelijke wijziging" in other.get_text(" ")
    for page in (article, other):
        text = " ".join(page.get_text(" ").split())
        assert not [message for message in DEVELOPER_MESSAGES if message in text]
        assert "content/" not in text and ".yml" not in text

    data = json.loads((site / "data" / "praktijkvoorbeelden.json").read_text(encoding="utf-8"))
    assert data["wijzigingsgeschiedenis"] == COMPLETE
    records = {item["slug"]: item for item in data["praktijkvoorbeelden"]}
    assert records[SLUG]["laatst_gewijzigd"] == "2024-03-05"
    assert records[SLUG]["wijzigingen"] == [{"datum": "2024-03-05", "bericht": NOTE, "commit": ids[1]}]
    assert (records[OTHER]["laatst_gewijzigd"], records[OTHER]["wijzigingen"]) == (None, [])


@pytest.mark.parametrize("depth", [1, len(COMMITS)])
def test_a_shallow_clone_shows_no_date_it_does_not_know(tmp_path, depth):
    repo, ids = content_repo(tmp_path / "repo")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", f"--depth={depth}", repo.as_uri(), str(clone))
    result = read_history(clone)
    assert result.status == SHALLOW
    text = page_markdown(clone)
    if depth == 1:
        # The only commit seems to add every file with its note: when that note was written, git does not know.
        assert result.of(FILE) == ()
        assert "Laatst gewijzigd" not in text
        assert "Niet beschikbaar bij deze versie van de site" in text
    else:
        assert [c.commit for c in result.of(FILE)] == [ids[1]]
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
    assert "gebouwd zonder de versiegeschiedenis" in text
    assert "Laatst gewijzigd" not in text
