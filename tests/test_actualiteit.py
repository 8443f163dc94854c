"""Issue 6: recent changes, dates, the stale flag and "Bewerk deze pagina" links.

- the home page lists the praktijkvoorbeelden updated most recently;
- every praktijkvoorbeeld page shows its date;
- a praktijkvoorbeeld older than ``verouderd_na_maanden`` gives a warning in
  ``make check`` (not an error) and "Mogelijk verouderd" on its page;
- the edit link of a generated page opens its YAML file, of a hand-written page its Markdown file.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from bs4 import BeautifulSoup

from handreiking.pages import format_date

from conftest import REPO_URL, ROOT, copy_project, mkdocs_build
from editor_project import editor_project, run_make

EDIT = f"{REPO_URL}/edit/main/"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def set_date(project: Path, slug: str, value: date) -> int:
    """Set laatst_bijgewerkt of one praktijkvoorbeeld; return the line it is on."""
    file = project / "content" / "interventies" / f"{slug}.yml"
    lines = file.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("laatst_bijgewerkt:"))
    lines[index] = f"laatst_bijgewerkt: {value.isoformat()}"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def months_ago(months: int, today: date | None = None) -> date:
    today = today or date.today()
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(year, month + 1, 1)


def recent_list(home: Path) -> list[tuple[str, str]]:
    """(slug, shown date) of each praktijkvoorbeeld in the home page's 'Recent bijgewerkt' list."""
    heading = next(el for el in soup(home).select("article h2, article p") if "Recent bijgewerkt" in el.get_text())
    items = heading.find_next("ul").find_all("li", recursive=False)
    return [(re.search(r"praktijkvoorbeelden/([a-z0-9-]+)/", li.a["href"]).group(1),
             re.search(r"\((\d+ \w+ \d{4})\)", li.get_text()).group(1)) for li in items]


def test_home_page_lists_the_most_recently_updated(built_site, content):
    listed = recent_list(built_site / "index.html")
    assert len(listed) == 5
    dates = {v.slug: v.laatst_bijgewerkt for v in content.praktijkvoorbeelden}
    assert [shown for _, shown in listed] == [format_date(dates[slug]) for slug, _ in listed]
    oldest_listed = min(dates[slug] for slug, _ in listed)
    assert all(value <= oldest_listed for slug, value in dates.items() if slug not in dict(listed))


def test_home_page_follows_the_dates_in_the_yaml(tmp_path):
    project = copy_project(tmp_path / "project")
    for file in (project / "content" / "interventies").glob("*.yml"):
        set_date(project, file.stem, date(2025, 1, 1))
    set_date(project, "samen-schoon", date.today())
    set_date(project, "buurtbemiddeling", date.today() - timedelta(days=1))
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    listed = recent_list(tmp_path / "site" / "index.html")
    assert listed[:2] == [("samen-schoon", format_date(date.today())),
                          ("buurtbemiddeling", format_date(date.today() - timedelta(days=1)))]
    assert [shown for _, shown in listed[2:]] == [format_date(date(2025, 1, 1))] * 3


def test_every_praktijkvoorbeeld_page_shows_its_date(built_site, content):
    for voorbeeld in content.praktijkvoorbeelden:
        page = soup(built_site / "praktijkvoorbeelden" / voorbeeld.slug / "index.html")
        label = next(dt for dt in page.select("article dt") if dt.get_text(strip=True) == "Laatst bijgewerkt")
        assert label.find_next("dd").get_text(strip=True) == format_date(voorbeeld.laatst_bijgewerkt)


def test_stale_warning_fires_for_an_old_date_and_not_for_a_recent_one(tmp_path):
    project = editor_project(tmp_path / "project")
    (project / "content" / "instellingen.yml").write_text("verouderd_na_maanden: 6\n", encoding="utf-8")
    old, recent = months_ago(7), months_ago(5)
    line = set_date(project, "samen-schoon", old)
    set_date(project, "buurtbemiddeling", recent)
    for file in (project / "content" / "interventies").glob("*.yml"):  # the others: today, never stale
        if file.stem not in ("samen-schoon", "buurtbemiddeling"):
            set_date(project, file.stem, date.today())

    result = run_make(project, "check")
    assert result.returncode == 0, result.stderr  # a warning, not an error
    assert (f"content/interventies/samen-schoon.yml:{line}: laatst_bijgewerkt: waarschuwing: niet bijgewerkt "
            f"sinds {old.isoformat()} (meer dan 6 maanden); controleer of het praktijkvoorbeeld nog klopt") \
        in result.stdout.splitlines()
    assert "buurtbemiddeling" not in result.stdout
    assert "1 waarschuwing(en)" in result.stdout

    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    stale = soup(site / "praktijkvoorbeelden" / "samen-schoon" / "index.html").select_one("article .admonition.note")
    assert stale is not None and "Mogelijk verouderd" in stale.get_text()
    assert format_date(old) in stale.get_text()
    assert "Mogelijk verouderd" not in (site / "praktijkvoorbeelden" / "buurtbemiddeling" / "index.html").read_text()


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
    html = (built_site / "praktijkvoorbeelden" / "boost" / "index.html").read_text(encoding="utf-8")
    assert 'title="Bewerk deze pagina"' in html
