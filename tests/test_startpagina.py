"""Issue 23: the home page shows the way: the method and the tools as entry points in the first screen."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from conftest import run_axe

pytestmark = pytest.mark.browser

# Where a visitor starts: the method, the three tools that make the site more than the PDF, and the forms.
ENTRY_POINTS = ["/stappenplan/", "/buurtanalyse/", "/interventiewijzer/", "/vergelijk/", "/checklists/"]
LAPTOP, PHONE = {"width": 1366, "height": 768}, {"width": 390, "height": 844}


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "telefoon"])
def test_entry_points_are_in_the_first_screen(new_page, site_url, viewport):
    page = new_page(viewport=viewport, locale="nl-NL")
    page.goto(f"{site_url}/")
    links = page.locator("article .startpunten a")
    targets = [urlsplit(urljoin(page.url, href)).path for href in links.evaluate_all("as => as.map(a => a.href)")]
    assert targets == ENTRY_POINTS
    for index in range(links.count()):
        card = links.nth(index).locator("xpath=..")
        box = card.bounding_box()
        assert links.nth(index).is_visible() and box["y"] >= 0, targets[index]
        assert box["y"] + box["height"] <= viewport["height"], (targets[index], box, viewport)
        assert len(card.inner_text().split()) > 3, targets[index]  # a line that says what is there


def test_entry_points_come_first_and_the_whole_card_is_the_link(new_page, site_url):
    page = new_page(viewport=PHONE, locale="nl-NL")
    page.goto(f"{site_url}/")
    first = page.evaluate("() => document.querySelector('article h1').nextElementSibling.className")
    assert "startpunten" in first
    card = page.locator("article .startpunten li").nth(1)
    box = card.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 5, box["y"] + box["height"] - 5)  # a corner, not the name
    page.wait_for_url("**/buurtanalyse/")


def test_home_page_passes_axe_on_a_phone(new_page, site_url):
    page = new_page(viewport=PHONE, locale="nl-NL")
    page.goto(f"{site_url}/")
    assert run_axe(page) == []
