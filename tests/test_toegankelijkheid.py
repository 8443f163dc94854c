"""Accessibility (WCAG 2.1 AA) of the built site, in Chromium.

- axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) on every built page, and on the
  search dialog and the mobile menu in their open states: zero violations. No
  rule or element is excluded; the fixes live in overrides/ and
  docs/assets/stylesheets/toegankelijkheid.css.
- A skip link ("Ga naar inhoud") is the first thing on every page and works.
- Keyboard: the navigation, the search and the mobile menu work without a
  mouse, and every focused element is visible with a focus outline.
- Reflow: at 400% zoom (320 CSS pixels wide) no page scrolls horizontally.

docs/toegankelijkheid.md (the toegankelijkheidsverklaring) describes these checks.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from conftest import content_pages, example_slug, run_axe, search_results

pytestmark = pytest.mark.browser

CONTENT_PAGE = f"/praktijkvoorbeelden/{example_slug()}/"
# 400% zoom of a 1280 pixel wide window.
ZOOMED = {"width": 320, "height": 640}
NARROW = {"width": 360, "height": 740}


def site_pages(site: Path) -> list[str]:
    """Every built page as a URL path: '/', '/inleiding/', '/404.html', ..."""
    return ["/" + path.relative_to(site).as_posix().removesuffix("index.html") for path in content_pages(site)]


def _settle(page) -> None:
    """Wait until Material's open/close animations (0.25 s) have finished."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


# --- axe-core -------------------------------------------------------------------------


def test_axe_finds_no_violations_on_any_page(page, built_site, site_url):
    pages = site_pages(built_site)
    assert len(pages) > 100
    violations = {}
    for path in pages:
        page.goto(site_url + path)
        found = run_axe(page)
        if found:
            violations[path] = found
    assert violations == {}


def test_axe_finds_no_violations_in_the_search_dialog(page, site_url):
    page.goto(site_url + CONTENT_PAGE)
    page.locator("input.md-search__input").click()
    _settle(page)
    assert page.locator("#__search").is_checked()
    assert run_axe(page) == []
    # Material's dialog had no name; this best-practice rule is outside the WCAG tags.
    assert run_axe(page, rules=["aria-dialog-name"]) == []
    assert search_results(page, "buurt")
    _settle(page)
    assert run_axe(page) == []
    assert search_results(page, "qqqzzz") == []
    _settle(page)
    assert run_axe(page) == []


def test_axe_finds_no_violations_on_a_narrow_screen_with_the_menu_open(new_page, site_url):
    page = new_page(viewport=NARROW, locale="nl-NL")
    page.goto(site_url + CONTENT_PAGE)
    assert run_axe(page) == []
    page.locator('label.md-header__button[for="__drawer"]').click()
    _settle(page)
    assert page.locator("#__drawer").is_checked()
    assert run_axe(page) == []


# --- skip link ------------------------------------------------------------------------


class _FirstLink(HTMLParser):
    """The first link in <body>, and every id on the page."""

    def __init__(self):
        super().__init__()
        self.in_body = False
        self.first: tuple[dict, str] | None = None
        self._text: list[str] | None = None
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        self.in_body = self.in_body or tag == "body"
        if self.in_body and tag == "a" and self.first is None:
            self.first, self._text = (attributes, ""), []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._text is not None:
            self.first = (self.first[0], " ".join("".join(self._text).split()))
            self._text = None


def test_every_page_starts_with_a_dutch_skip_link_to_its_content(built_site):
    for path in content_pages(built_site):
        parser = _FirstLink()
        parser.feed(path.read_text(encoding="utf-8"))
        attributes, text = parser.first
        where = path.relative_to(built_site)
        assert attributes.get("class") == "md-skip" and text == "Ga naar inhoud", where
        assert attributes["href"].removeprefix("#") in parser.ids, where


def test_the_skip_link_is_the_first_tab_stop_and_moves_past_the_navigation(page, site_url):
    page.goto(site_url + CONTENT_PAGE)
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("() => document.activeElement.className").startswith("md-skip")
    box = skip.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0 and box["y"] >= 0  # shown when focused
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == target
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('article')")


# --- keyboard -------------------------------------------------------------------------

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40),
        visible: el.checkVisibility({visibilityProperty: true, opacityProperty: true})
                 && box.width > 0 && box.height > 0
                 && box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
        inSidebar: !!el.closest('.md-sidebar--primary'),
    };
}"""


def _tab_through(page, steps: int) -> list[dict]:
    stops = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        _settle(page)
        try:  # focusing the search field opens the search dialog a moment later
            page.wait_for_function(f"() => ({FOCUSED})()?.visible !== false", timeout=1000)
        except PlaywrightTimeoutError:
            pass  # reported below as not visible
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break
        stops.append(focused)
    return stops


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, NARROW], ids=["breed", "smal"])
def test_every_tab_stop_is_visible_with_a_focus_outline(new_page, site_url, viewport):
    page = new_page(viewport=viewport, locale="nl-NL")
    page.goto(site_url + CONTENT_PAGE)
    stops = _tab_through(page, 120)
    assert len(stops) > 20
    assert [stop for stop in stops if not (stop["visible"] and stop["outline"])] == []


def test_the_navigation_is_reachable_in_order_by_keyboard(page, site_url):
    page.goto(site_url + CONTENT_PAGE)
    texts = [stop["text"] for stop in _tab_through(page, 12)]
    assert texts[0] == "Ga naar inhoud"
    assert "Zoeken" in texts[:4]
    nav = [text for text in texts if text in ("Home", "Inleiding", "Aan de slag")]
    assert nav == ["Home", "Inleiding", "Aan de slag"]


def test_search_opens_and_works_by_keyboard(page, site_url):
    page.goto(site_url + CONTENT_PAGE)
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("het zoekveld is met Tab niet bereikbaar")
    expect(page.locator("#__search")).to_be_checked()  # focusing the field opens the search dialog
    page.keyboard.type("buurtbemiddeling")
    # Results follow every key; wait for those of the whole word (each result link carries it).
    page.locator('.md-search-result__item > a[href*="h=buurtbemiddeling"]').first.wait_for()
    page.keyboard.press("ArrowDown")
    first = page.evaluate("() => document.activeElement.closest('.md-search-result__item') !== null "
                          "&& document.activeElement.getAttribute('href')")
    assert first
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(first.split("?")[0])))
    page.wait_for_load_state("load")  # Material's script binds the search field once the page has loaded
    # Escape closes the dialog again.
    page.locator("input.md-search__input").focus()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()


def test_the_menu_on_a_narrow_screen_opens_by_keyboard(new_page, site_url):
    page = new_page(viewport=NARROW, locale="nl-NL")
    page.goto(site_url + CONTENT_PAGE)
    stops = _tab_through(page, 2)
    assert [stop["text"] for stop in stops] == ["Ga naar inhoud", "Menu"]
    menu = page.locator('label.md-header__button[for="__drawer"]')
    assert (menu.get_attribute("role"), menu.get_attribute("aria-expanded")) == ("button", "false")
    assert not any(stop["inSidebar"] for stop in _tab_through(page, 6))  # closed: links not in the tab order
    for key in ("Enter", "Space"):
        page.goto(site_url + CONTENT_PAGE)
        _tab_through(page, 2)
        page.keyboard.press(key)
        _settle(page)
        assert page.locator("#__drawer").is_checked() and menu.get_attribute("aria-expanded") == "true", key
        stops = _tab_through(page, 6)
        in_menu = [stop for stop in stops if stop["inSidebar"]]
        assert in_menu and all(stop["visible"] for stop in in_menu), key


def test_wide_tables_scroll_by_keyboard(new_page, site_url):
    """At 320 pixels the field reference is wider than the screen, whatever the fonts: its scroll
    container must take focus and scroll with the arrow keys."""
    page = new_page(viewport=ZOOMED, locale="nl-NL")
    page.goto(site_url + "/voor-redacteuren/")
    wrapper = page.locator(".md-typeset__scrollwrap").filter(has=page.locator("table")).first
    expect(wrapper).to_have_attribute("tabindex", "0")
    assert wrapper.evaluate("el => el.scrollWidth > el.clientWidth")
    assert wrapper.get_attribute("aria-label").startswith("Tabel")
    wrapper.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=wrapper.element_handle())
    assert run_axe(page) == []


# --- reflow ---------------------------------------------------------------------------


def test_no_page_scrolls_sideways_at_400_percent_zoom(new_page, built_site, site_url):
    page = new_page(viewport=ZOOMED, locale="nl-NL")
    too_wide = {}
    for path in site_pages(built_site):
        page.goto(site_url + path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > ZOOMED["width"]:
            too_wide[path] = width
    assert too_wide == {}
