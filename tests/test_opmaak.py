"""Issue 15: rough edges on pages: the page title's height, links from step pages to printable checklists.

Titles are measured in Chromium against the title's own text, so the result does not depend on
the fonts installed; checklist links are read from the built HTML.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date

import pytest

from handreiking.site.crosslinks import build_crosslinks
from handreiking.site.fragments import Fragments
from handreiking.site.pages import Output
from handreiking.site.urls import checklist_pdf_path
from handreiking.site.site import Site

CHECKLIST = re.compile(r'<div class="checklist" data-checklist="([^"]+)"')
HREF = re.compile(r'<a [^>]*href="([^"]+)"')

# Measures the title in a box exactly as wide as its text on one line, where a trailing ¶ that
# takes room (Material's invisible permalink) would need a line of its own.
MEASURE_TITLE = """() => {
    const h1 = document.querySelector('.md-content h1');
    const text = document.createRange();
    text.setStart(h1, 0);
    const link = h1.querySelector('.headerlink');
    link ? text.setEndBefore(link) : text.setEnd(h1, h1.childNodes.length);
    h1.style.whiteSpace = 'nowrap';
    const width = text.getBoundingClientRect().width;
    h1.style.whiteSpace = '';
    h1.style.width = Math.ceil(width) + 1 + 'px';
    const lines = new Set([...text.getClientRects()].map(rect => Math.round(rect.top))).size;
    return {height: h1.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(h1).lineHeight),
            lines: lines, title: h1.textContent};
}"""


def title_pages(content) -> list[str]:
    """The pages of the screenshots in issue 15, and two more with a title of one line."""
    richting = content.oplossingsrichtingen[0].id
    return ["/", "/interventiewijzer/", "/buurtanalyse/", f"/oplossingsrichtingen/{richting}/", "/stap-1/",
            "/inleiding/"]


def test_a_page_title_is_as_high_as_its_lines(page, site_url, content):
    for path in title_pages(content):
        page.goto(site_url + path)
        title = page.evaluate(MEASURE_TITLE)
        assert title["lines"] >= 1
        assert abs(title["height"] - title["lines"] * title["lineHeight"]) < 1, (path, title)


def embedded_checklists(built_site) -> dict[str, list[str]]:
    """Built page (outside the checklist pages and the instrument) -> the checklists it shows."""
    pages = {}
    for html in built_site.rglob("index.html"):
        path = html.relative_to(built_site).as_posix()
        if path.startswith(("checklists/", "analyse-instrument/")):
            continue
        slugs = CHECKLIST.findall(html.read_text(encoding="utf-8"))
        if slugs:
            pages[path] = slugs
    return pages


def test_a_checklist_on_a_step_page_links_to_its_printable_page(built_site, content):
    pages = embedded_checklists(built_site)
    assert "stap-1/index.html" in pages and sum(path.startswith("stap-2/") for path in pages) >= 2
    for path, slugs in pages.items():
        html = built_site / path
        targets = {posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
                   for href in HREF.findall(html.read_text(encoding="utf-8"))}
        for slug in slugs:
            assert f"checklists/{slug}" in targets, (path, slug)
        # This build made no PDFs, so it links none.
        assert not any(target.endswith(".pdf") for target in targets), path


@pytest.mark.parametrize("page", ["stap-1.md", "stap-2/locaties.md"])
def test_with_pdfs_the_step_page_links_the_checklist_pdf(content, page):
    site = Site(content, build_crosslinks(content), date(2026, 11, 29), output=Output(pdf_downloads=True))
    slug = content.checklists[0].slug
    fragment = Fragments(site).checklist(page, slug)
    pdf = re.search(r'<a href="([^"]+\.pdf)" download>', fragment).group(1)
    folder = page.removesuffix(".md")  # directory URLs: stap-1.md is served as stap-1/index.html
    assert posixpath.normpath(posixpath.join(folder, pdf)) == checklist_pdf_path(slug)


def test_stap_1_links_the_tools_the_site_has(built_site):
    html = (built_site / "stap-1" / "index.html").read_text(encoding="utf-8")
    targets = {posixpath.normpath(posixpath.join("stap-1", href)) for href in HREF.findall(html)}
    assert {"analyse-instrument", "stap-2/oorzaken", "stap-4/beleidsdiagnose"} <= targets
