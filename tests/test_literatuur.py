"""Issue 17, point 5: the literature the handreiking cites, and the parts of the source added to the site.

Rules, not today's list: every reference on the literature page is cited from another page, every
link to it lands on a reference, and what the editors put in the vocabularies shows where it belongs.
"""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from conftest import copy_project, normalized
from handreiking.site.text import rich_text


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def literature_links(built_site) -> dict[str, set[str]]:
    """Reference id -> the pages (other than the literature page) that link to it."""
    cited: dict[str, set[str]] = {}
    for path in built_site.rglob("index.html"):
        page = path.relative_to(built_site).parent.as_posix()
        if page == "literatuur":
            continue
        base = f"http://site/{page}/"
        for link in soup(path).select("article a[href]"):
            target = urlsplit(urljoin(base, link["href"]))
            if target.path == "/literatuur/" and target.fragment:
                cited.setdefault(target.fragment, set()).add(page)
    return cited


def test_every_reference_is_cited_and_every_citation_lands_on_a_reference(built_site):
    references = {p["id"] for p in soup(built_site / "literatuur" / "index.html").select("article p[id]")}
    cited = literature_links(built_site)
    assert references, "de pagina Literatuur noemt geen publicaties"
    assert sorted(set(cited) - references) == [], "links naar een publicatie die niet op de pagina staat"
    assert sorted(references - set(cited)) == [], "publicaties waar geen pagina naar verwijst"


def test_every_oplossingsrichting_page_points_to_the_literature(built_site, content):
    for richting in content.oplossingsrichtingen:
        page = soup(built_site / "oplossingsrichtingen" / richting.id / "index.html")
        assert page.select_one("article a[href='../../literatuur/']"), richting.id


def test_stap_4_groups_open_with_the_introduction_of_their_bron(built_site, content):
    page = soup(built_site / "stap-4" / "praktijkvoorbeelden" / "index.html")
    shown = 0
    for term in content.taxonomieen["bron"].termen:
        heading = page.find(id=term.id)
        if heading is None or not term.inleiding:
            continue
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section.append(sibling.get_text(" "))
        expected = normalized(BeautifulSoup(str(rich_text(term.inleiding)), "html.parser").get_text(" "))
        assert expected in normalized(" ".join(section)), term.id
        shown += 1
    assert shown, "geen enkele groep in stap 4.2 heeft een inleiding"


def test_an_unknown_publication_is_an_error_naming_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    richting = next(path for path in sorted((project / "content" / "oplossingsrichtingen").glob("*.yml"))
                    if "\nliteratuur:\n" in path.read_text(encoding="utf-8"))
    lines = richting.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("anker:"))
    anker = lines[index].split(":", 1)[1].strip()
    lines[index] = lines[index].replace(anker, anker + "x")
    richting.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "handreiking", "check", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode != 0
    display = richting.relative_to(project).as_posix()
    assert (f"{display}:{index + 1}: literatuur[0].anker: publicatie '{anker}x' staat niet op de pagina "
            f"Literatuur (bedoelde u '{anker}'?)") in result.stderr
