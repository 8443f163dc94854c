"""Issue 23: no layout shift while a page loads (Lighthouse mobile CLS below 0.1; bench/lighthouse.py).

A cheap check of the same thing in Chromium: the layout shifts a PerformanceObserver sees while a
page loads on a phone-sized screen, with the scripts served late (as on a slow phone, where the
page is painted before its scripts run). Lighthouse itself is a benchmark, not a test.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from conftest import _QuietHandler, example_slug, serve

pytestmark = pytest.mark.browser

# Lighthouse's mobile screen (Moto G Power) and the good limit of Core Web Vitals.
MOBILE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
          "has_touch": True}
GOOD_CLS = 0.1
SCRIPT_DELAY_SECONDS = 1.5
OBSERVER = """
window.layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      window.layoutShifts.push({value: entry.value, sources: (entry.sources || []).map((source) =>
        source.node ? source.node.nodeName + "." + (source.node.className || source.node.id || "") : "?")});
    }
  }
}).observe({type: "layout-shift", buffered: true});
"""
# Each tool page (and a praktijkvoorbeeld, and the home page), with what shows that its script is done.
PAGES = {
    "": "body",
    "interventiewijzer/": ".wijzer--actief",
    "buurtanalyse/": "#advies",
    f"vergelijk/?slug={example_slug(0)}&slug={example_slug(1)}": ".vergelijk--actief table",
    f"praktijkvoorbeelden/{example_slug(0)}/": ".vergelijk-keuze",
}


class _LateScripts(_QuietHandler):
    def send_head(self):
        if self.path.split("?")[0].endswith(".js"):
            time.sleep(SCRIPT_DELAY_SECONDS)
        return super().send_head()


@pytest.fixture(scope="module")
def slow_site(built_site) -> Iterator[str]:
    with serve(built_site, handler_class=_LateScripts) as url:
        yield url


@pytest.mark.parametrize("path", list(PAGES), ids=lambda path: path.split("?")[0].strip("/") or "home")
def test_no_layout_shift_while_the_page_loads_on_a_phone(new_page, slow_site, path):
    page = new_page(**MOBILE, locale="nl-NL")
    page.add_init_script(OBSERVER)
    page.goto(f"{slow_site}/{path}", wait_until="load")
    page.locator(PAGES[path]).first.wait_for(state="attached")
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.layoutShifts")
    assert sum(shift["value"] for shift in shifts) < GOOD_CLS, shifts


def test_the_wijzer_shows_its_cards_without_javascript_and_when_its_script_fails(new_page, site_url):
    page = new_page(java_script_enabled=False, **MOBILE)
    page.goto(f"{site_url}/interventiewijzer/")
    assert page.locator("#resultaten [data-slug]").first.is_visible()
    page = new_page(**MOBILE)
    page.route("**/interventiewijzer.js", lambda route: route.abort())
    page.goto(f"{site_url}/interventiewijzer/")
    card = page.locator("#resultaten [data-slug]").first
    assert not card.is_visible()  # waiting for the script that does not come ...
    page.wait_for_function("el => getComputedStyle(el).visibility === 'visible'", arg=card.element_handle(),
                           timeout=8000)  # ... but not for long
