"""Issue 3: "Volgende" and "Vorige" in the footer walk the method in order."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

# The method of the handreiking, in order. The seven oplossingsrichtingen come from the content
# and follow the step 3 introduction.
BEFORE_RICHTINGEN = [
    "", "inleiding/", "aan-de-slag/", "stappenplan/", "stap-1/", "stap-1/risicofactorenanalyse/",
    "stap-2/", "stap-2/verschijningsvormen/", "stap-2/fasen/", "stap-2/betrokken-groepen/",
    "stap-2/locaties/", "stap-2/oorzaken/", "stap-2/sentimenten-en-triggers/", "stap-2/rol-overheid/",
    "oplossingsrichtingen/",
]
AFTER_RICHTINGEN = ["stap-3/doelgroepen-kiezen/", "stap-4/", "stap-4/beleidsdiagnose/", "stap-4/praktijkvoorbeelden/"]


def footer_link(site: Path, page: str, direction: str) -> str | None:
    """The page the footer's 'next' or 'prev' link of ``page`` points to, as a site path."""
    text = (site / page / "index.html").read_text(encoding="utf-8")
    anchor = re.search(rf'<a [^>]*class="md-footer__link md-footer__link--{direction}"[^>]*>', text)
    if anchor is None:
        return None
    href = re.search(r'href="([^"]+)"', anchor.group(0)).group(1)
    return urlparse(urljoin(f"http://site/{page}", href)).path.lstrip("/")


def walk(site: Path, start: str, direction: str) -> list[str]:
    pages, page = [], start
    while page is not None:
        assert page not in pages, f"de links lopen in een kring bij {page}"
        pages.append(page)
        page = footer_link(site, page, direction)
    return pages


def method_order(content) -> list[str]:
    return BEFORE_RICHTINGEN + [f"oplossingsrichtingen/{r.id}/" for r in sorted(
        content.oplossingsrichtingen, key=lambda r: r.nummer)] + AFTER_RICHTINGEN


def test_next_links_from_home_walk_the_method_in_order(built_site, content):
    forward = walk(built_site, "", "next")
    expected = method_order(content)
    assert forward[:len(expected)] == expected
    # Everything after the method (tools, checklists, indexes, about) still comes after it.
    assert "bronvermelding/" in forward[len(expected):]


def test_previous_links_walk_back_the_same_way(built_site, content):
    forward = walk(built_site, "", "next")
    backward = walk(built_site, forward[-1], "prev")
    assert backward == list(reversed(forward))
