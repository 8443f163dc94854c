"""When the editors checked a praktijkvoorbeeld, and "Bewerk deze pagina" links.

- ``gecontroleerd_op`` is the date an editor last checked an example; an example taken from
  the handreiking without it shows the handreiking's account and says so, never a fresh date;
- the home page lists only checked examples, newest first, and says how many are unchecked;
- an example checked longer than ``verouderd_na_maanden`` ago gives a warning in ``make check``
  (not an error) and "Mogelijk verouderd" on its page; one the editors added needs the date;
- the edit link of a generated page opens its YAML file, of a hand-written page its Markdown file.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from bs4 import BeautifulSoup

from handreiking.content.model import HANDREIKING_JAAR
from handreiking.site.pages import format_date

from conftest import REPO_URL, ROOT, copy_project, example_slug, mkdocs_build
from editor_project import editor_project, run_make

EDIT = f"{REPO_URL}/edit/main/"
FIELD = "gecontroleerd_op"
CHECKED_LABEL = "Gecontroleerd door de redactie"
FIRST, SECOND = example_slug(0), example_slug(1)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def set_checked(project: Path, slug: str, value: date | None) -> int:
    """Set (or, with None, remove) gecontroleerd_op of one praktijkvoorbeeld; return its line."""
    file = project / "content" / "interventies" / f"{slug}.yml"
    lines = [line for line in file.read_text(encoding="utf-8").splitlines() if not line.startswith(f"{FIELD}:")]
    if value is not None:
        lines.append(f"{FIELD}: {value.isoformat()}")
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def months_ago(months: int, today: date | None = None) -> date:
    today = today or date.today()
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(year, month + 1, 1)


def recent_section(home: Path) -> list:
    """The elements under the home page's 'Recent gecontroleerd' heading."""
    heading = next(h2 for h2 in soup(home).select("article h2") if h2.get_text(strip=True).startswith("Recent gecontroleerd"))
    return [el for el in heading.find_next_siblings() if el.name != "h2"]


def recent_list(home: Path) -> list[tuple[str, str]]:
    """(slug, shown date) of each praktijkvoorbeeld in the 'Recent gecontroleerd' list."""
    items = [li for el in recent_section(home) if el.name == "ul" for li in el.find_all("li", recursive=False)]
    return [(re.search(r"praktijkvoorbeelden/([a-z0-9-]+)/", li.a["href"]).group(1),
             re.search(r"\(gecontroleerd op (\d+ \w+ \d{4})\)", li.get_text()).group(1)) for li in items]


def test_home_page_lists_only_checked_examples(built_site, content):
    listed = recent_list(built_site / "index.html")
    checked = {v.slug: v.gecontroleerd_op for v in content.praktijkvoorbeelden if v.gecontroleerd_op}
    assert len(listed) == min(5, len(checked))
    assert [shown for _, shown in listed] == [format_date(checked[slug]) for slug, _ in listed]
    text = " ".join(el.get_text(" ", strip=True) for el in recent_section(built_site / "index.html"))
    unchecked = len(content.praktijkvoorbeelden) - len(checked)
    if unchecked:
        assert f"{unchecked} van de {len(content.praktijkvoorbeelden)} praktijkvoorbeelden" in text
    if not checked:
        assert "nog geen praktijkvoorbeeld gecontroleerd" in text


def from_handreiking(content) -> list:
    return [v for v in content.praktijkvoorbeelden if content.taxonomieen["bron"].term(v.bron).pagina]


def test_home_page_follows_the_dates_in_the_yaml(tmp_path, content):
    project = copy_project(tmp_path / "project")
    imported = from_handreiking(content)
    for voorbeeld in content.praktijkvoorbeelden:  # the editors' own examples must keep a date
        set_checked(project, voorbeeld.slug, None if voorbeeld in imported else date(2025, 1, 1))
    first, second = imported[0].slug, imported[1].slug
    set_checked(project, first, date.today())
    set_checked(project, second, date.today() - timedelta(days=1))
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    home = tmp_path / "site" / "index.html"
    assert recent_list(home)[:2] == [(first, format_date(date.today())),
                                     (second, format_date(date.today() - timedelta(days=1)))]
    text = " ".join(el.get_text(" ", strip=True) for el in recent_section(home))
    total, unchecked = len(content.praktijkvoorbeelden), len(imported) - 2
    assert f"{unchecked} van de {total} praktijkvoorbeelden zijn nog niet door de redactie gecontroleerd" in text


def test_every_praktijkvoorbeeld_page_says_whether_and_when_it_was_checked(built_site, content):
    for voorbeeld in content.praktijkvoorbeelden:
        page = soup(built_site / "praktijkvoorbeelden" / voorbeeld.slug / "index.html")
        label = next(dt for dt in page.select("article dt") if dt.get_text(strip=True) == CHECKED_LABEL)
        shown = label.find_next("dd").get_text(strip=True)
        notes = " ".join(note.get_text(" ", strip=True) for note in page.select("article .admonition.note"))
        if voorbeeld.gecontroleerd_op:
            assert shown == format_date(voorbeeld.gecontroleerd_op)
        else:
            assert shown.startswith("nog niet") and str(HANDREIKING_JAAR) in shown
            assert f"Stand van {HANDREIKING_JAAR}" in notes
        assert "Laatst bijgewerkt" not in page.get_text()


def test_status_is_explained_where_it_is_shown(built_site, content):
    status = content.taxonomieen["status"]
    for voorbeeld in content.praktijkvoorbeelden:
        page = soup(built_site / "praktijkvoorbeelden" / voorbeeld.slug / "index.html")
        label = next(dt for dt in page.select("article dt") if dt.get_text(strip=True) == status.label)
        term = status.term(voorbeeld.status)
        shown = label.find_next("dd").get_text(" ", strip=True)
        assert shown.startswith(term.label) and term.beschrijving[1:] in shown


def test_stale_warning_fires_for_an_old_check_and_not_for_a_recent_one(tmp_path, content):
    project = editor_project(tmp_path / "project")
    (project / "content" / "instellingen.yml").write_text("verouderd_na_maanden: 6\n", encoding="utf-8")
    for voorbeeld in content.praktijkvoorbeelden:  # the others: checked today, never stale
        set_checked(project, voorbeeld.slug, date.today())
    old, recent = months_ago(7), months_ago(5)
    line = set_checked(project, FIRST, old)
    set_checked(project, SECOND, recent)

    result = run_make(project, "check")
    assert result.returncode == 0, result.stderr  # a warning, not an error
    assert (f"content/interventies/{FIRST}.yml:{line}: {FIELD}: waarschuwing: niet gecontroleerd "
            f"sinds {old.isoformat()} (meer dan 6 maanden); ga na of het praktijkvoorbeeld nog klopt") \
        in result.stdout.splitlines()
    assert SECOND not in result.stdout
    assert "1 waarschuwing(en)" in result.stdout

    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    stale = soup(site / "praktijkvoorbeelden" / FIRST / "index.html").select_one("article .admonition.note")
    assert stale is not None and "Mogelijk verouderd" in stale.get_text()
    assert format_date(old) in stale.get_text()
    assert not soup(site / "praktijkvoorbeelden" / SECOND / "index.html").select("article .admonition.note")


def test_unchecked_examples_warn_and_an_editors_example_needs_the_date(tmp_path, content):
    project = editor_project(tmp_path / "project")
    for voorbeeld in content.praktijkvoorbeelden:
        set_checked(project, voorbeeld.slug, date.today())
    imported = from_handreiking(content)[0]
    set_checked(project, imported.slug, None)
    result = run_make(project, "check", "ALLES=ja")
    assert result.returncode == 0, result.stderr
    file = project / "content" / "interventies" / f"{imported.slug}.yml"
    bron_line = next(i for i, line in enumerate(file.read_text().splitlines(), 1) if line.startswith("bron:"))
    assert (f"content/interventies/{imported.slug}.yml:{bron_line}: {FIELD}: waarschuwing: nooit gecontroleerd sinds "
            f"de handreiking ({HANDREIKING_JAAR}); ga na of het praktijkvoorbeeld nog klopt en vul '{FIELD}' in") \
        in result.stdout.splitlines()

    file.write_text(file.read_text().replace(f"\nbron: {imported.bron}\n", "\nbron: redactie\n"))
    result = run_make(project, "check")
    assert result.returncode != 0
    assert (f"content/interventies/{imported.slug}.yml:{bron_line}: {FIELD}: ontbreekt; vul de datum in waarop u de "
            f"gegevens hebt nagegaan, bijvoorbeeld '{FIELD}: {date.today().isoformat()}'") in result.stderr.splitlines()


def test_make_check_names_the_unchecked_examples_in_one_line_after_the_editors_own_problems(tmp_path, content):
    """The examples of 2019 nobody checked yet would bury what an editor just did wrong."""
    project = editor_project(tmp_path / "project")
    never_checked = [v.slug for v in from_handreiking(content) if v.gecontroleerd_op is None]
    assert len(never_checked) > 1, "zet de controledatum van twee voorbeelden weg om dit te testen"
    stale, broken = [v.slug for v in content.praktijkvoorbeelden if v.slug not in never_checked[:2]][:2]
    for slug in never_checked[2:]:
        set_checked(project, slug, date.today())
    for slug in never_checked[:2]:
        set_checked(project, slug, None)
    set_checked(project, stale, months_ago(120))
    file = project / "content" / "interventies" / f"{broken}.yml"
    file.write_text(file.read_text(encoding="utf-8") + "onbekend_veld: ja\n", encoding="utf-8")

    result = run_make(project, "check")
    assert result.returncode != 0
    assert result.stderr.startswith(f"content/interventies/{broken}.yml:")
    lines = [line for line in result.stdout.splitlines() if line.startswith(("content/", "waarschuwing"))]
    assert [line for line in lines if "nooit gecontroleerd" in line] == [
        f"waarschuwing: 2 praktijkvoorbeeld(en) nooit gecontroleerd sinds de handreiking ({HANDREIKING_JAAR}); "
        f"ga na of ze nog kloppen en vul '{FIELD}' in. Per bestand: make check ALLES=ja"]
    assert lines[0].startswith(f"content/interventies/{stale}.yml:") and "niet gecontroleerd sinds" in lines[0]

    every = run_make(project, "check", "ALLES=ja").stdout.splitlines()
    assert sorted(line.split(":")[0] for line in every if "nooit gecontroleerd" in line) == sorted(
        f"content/interventies/{slug}.yml" for slug in never_checked[:2])


def edit_links(page: Path) -> list[str]:
    return [a["href"] for a in soup(page).select('a[rel="edit"]')]


def test_edit_links_open_the_file_an_editor_changes(built_site, content):
    links = {page: edit_links(page) for page in built_site.rglob("index.html")}  # each page parsed once
    for voorbeeld in content.praktijkvoorbeelden:
        page = built_site / "praktijkvoorbeelden" / voorbeeld.slug / "index.html"
        assert links[page] == [f"{EDIT}content/interventies/{voorbeeld.slug}.yml"]
    for checklist in content.checklists:
        page = built_site / "checklists" / checklist.slug / "index.html"
        assert links[page] == [f"{EDIT}content/checklists/{checklist.slug}.yml"]
    hand_written = sorted((ROOT / "docs").rglob("*.md"))
    assert len(hand_written) > 10
    for source in hand_written:
        src = source.relative_to(ROOT / "docs").as_posix()
        page = built_site / src.removesuffix(".md").removesuffix("index") / "index.html"
        assert links[page] == [f"{EDIT}docs/{src}"], src
    for page, page_links in links.items():
        for link in page_links:
            assert (ROOT / link.removeprefix(EDIT)).is_file(), f"{page.relative_to(built_site)}: {link}"


def test_edit_button_says_bewerk_deze_pagina(built_site):
    html = (built_site / "praktijkvoorbeelden" / example_slug() / "index.html").read_text(encoding="utf-8")
    assert 'title="Bewerk deze pagina"' in html


def test_no_page_shows_a_commit_message_or_a_file_path(built_site, content):
    """The real site: the change list of a praktijkvoorbeeld holds the editors' notes, never a commit
    message that is not such a note, and no page text names a content/ path."""
    import subprocess

    from handreiking.content.history import FOLDER, read_history

    history = read_history(ROOT)
    log = subprocess.run(["git", "log", "--no-merges", "--format=%s", "--", FOLDER], cwd=ROOT,
                         capture_output=True, text=True).stdout  # empty without git: nothing to find
    for voorbeeld in content.praktijkvoorbeelden:
        notes = {change.bericht for change in history.of(voorbeeld.bestand)}
        messages = {line.strip() for line in log.splitlines() if len(line.strip()) > 8} - notes
        article = soup(built_site / "praktijkvoorbeelden" / voorbeeld.slug / "index.html").select_one("article")
        text = " ".join(article.get_text(" ").split())
        assert "content/" not in text, voorbeeld.slug
        assert [message for message in messages if message in text] == [], voorbeeld.slug
        shown = [" ".join(li.get_text().split()).partition(": ")[2]
                 for li in article.select("#wijzigingen ~ ul > li")]
        assert set(shown) <= notes, voorbeeld.slug
