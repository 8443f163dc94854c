"""Issue 5: the offline bundle (`make offline`), unzipped and opened from file:// with the network blocked."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest
from playwright.sync_api import expect

from conftest import CHROMIUM, run_build
from handreiking.tools import filtering
from test_site import parse

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """`make offline` (with a repository address set, which the bundle must not contact), unzipped."""
    work = tmp_path_factory.mktemp("offline")
    bundle = work / "site-offline.zip"
    result = run_build("--offline-zip", str(bundle), env={"CHROMIUM": CHROMIUM})
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(bundle) as archive:
        assert {name.split("/")[0] for name in archive.namelist()} == {"handreiking-offline"}
        archive.extractall(work / "uitgepakt")
    return work / "uitgepakt" / "handreiking-offline"


@pytest.fixture
def offline(browser, offline_site):
    """A page that may load file:// only; every other request is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    external: list[str] = []

    def block(route):
        external.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!file:).*"), block)
    context.on("request", lambda request: None if request.url.startswith(("file:", "data:", "about:"))
               else external.append(request.url))
    page = context.new_page()
    page.external = external
    page.open = lambda path: page.goto((offline_site / path).as_uri())
    yield page
    context.close()
    assert external == [], f"verzoeken buiten file://: {sorted(set(external))}"


def test_every_link_in_the_bundle_opens_a_file(offline_site):
    """From file:// a link to a folder shows a directory listing, so every link must name a file."""
    broken = []
    for path in offline_site.rglob("*.html"):
        if path == offline_site / "404.html":
            continue  # only a web server shows it; MkDocs writes root-relative links there
        page = parse(path)
        broken += [f"{path.relative_to(offline_site)} laadt {href}" for href in page.assets
                   if urlparse(href).scheme in ("http", "https") or href.startswith("//")]
        for href in page.links + page.assets:
            if urlparse(href).scheme in ("http", "https", "mailto") or href.startswith(("#", "//")):
                continue
            url, _ = urldefrag(urljoin(path.as_uri(), href))
            if not Path(unquote(urlparse(url).path)).is_file():
                broken.append(f"{path.relative_to(offline_site)} -> {href}")
    assert broken == []
    assert (offline_site / "LEESMIJ.txt").is_file()
    assert (offline_site / "search" / "search_index.js").is_file()
    assert not (offline_site / "beheer").exists()  # the editor needs a server to save to (issue 14)
    # Material's offline plugin would add <script src="https://unpkg.com/iframe-worker/shim">.
    assert not [path for path in offline_site.rglob("*.html") if "unpkg.com" in path.read_text(encoding="utf-8")]


def test_navigation_works_from_file(offline, content):
    nav = offline.locator(".md-sidebar--primary")
    offline.open("index.html")
    # A click starts the navigation; waiting on the URL and the heading lets the new page load.
    nav.get_by_role("link", name="Inleiding", exact=True).click()
    offline.wait_for_url("**/inleiding.html")
    expect(offline.locator("article h1")).to_contain_text("Inleiding")
    nav.get_by_role("link", name="Analyse-instrument voor buurtoverleg").click()
    offline.wait_for_url("**/analyse-instrument.html")
    expect(offline.locator("article h1")).to_contain_text("Analyse-instrument")
    # A link inside generated content: from a checklist to its oplossingsrichting.
    checklist = next(c for c in content.checklists if c.oplossingsrichting)
    offline.open(f"checklists/{checklist.slug}.html")
    offline.locator("article .checklist-kop a").click()
    offline.wait_for_url(f"**/oplossingsrichtingen/{checklist.oplossingsrichting}.html")
    expect(offline.locator("article h1")).to_be_visible()


def test_search_works_from_file(offline, content):
    voorbeeld = content.praktijkvoorbeelden[0]
    offline.open("index.html")
    offline.locator(".md-search__input").click()
    # Typed key by key: Material searches on key events, not on a programmatic fill.
    offline.locator(".md-search__input").press_sequentially(voorbeeld.titel.split()[0], delay=30)
    # Results update per key press: wait for the final list rather than the first one.
    expect(offline.locator(".md-search-result")).to_contain_text(voorbeeld.titel, timeout=15_000)
    # The link to the praktijkvoorbeeld itself, not whatever is first while the list still re-renders.
    link = offline.locator(".md-search-result__link", has_text=voorbeeld.titel).first
    href = link.get_attribute("href")
    assert href and ".html" in href
    link.click()
    offline.wait_for_url(lambda url: url.startswith("file:") and url.split("#")[0].endswith(href.split("#")[0].lstrip("./")))
    expect(offline.locator("article h1")).to_be_visible()


def test_printing_works_from_file(offline, offline_site, content):
    checklist = content.checklists[0]
    offline.open(f"checklists/{checklist.slug}.html")
    assert offline.get_by_role("button", name="Print deze checklist").is_visible()
    pdf = offline.get_by_role("link", name="Download deze checklist als PDF (A4)").get_attribute("href")
    assert (offline_site / "checklists" / pdf).resolve() == (offline_site / "downloads" / "checklists" /
                                                             f"{checklist.slug}.pdf").resolve()
    offline.emulate_media(media="print")
    assert not offline.locator(".md-sidebar--primary").is_visible()
    assert not offline.locator(".md-header").is_visible()
    boxes = offline.locator("article .checklist-item > input[type=checkbox]")
    assert boxes.count() == len(checklist.items)
    assert all(box.is_visible() for box in boxes.all())


def test_offline_interventiewijzer(offline, content):
    """Choosing a facet narrows #resultaten to exactly the matching praktijkvoorbeelden (issue 4's page)."""
    shown = [v for v in content.praktijkvoorbeelden if v.status != "gestopt"]  # gestopt hidden unless chosen
    locaties = content.taxonomieen["locatie"].ids
    # A locatie that some but not all shown praktijkvoorbeelden have, so choosing it must narrow the list.
    term = next(t for t in locaties if 0 < sum(t in v.locaties for v in shown) < len(shown))
    expected = {v.slug for v in shown if term in v.locaties}

    offline.open("interventiewijzer.html")
    cards = offline.locator("#resultaten [data-slug]")
    cards.first.wait_for(timeout=10_000)
    assert cards.count() == len(shown)
    offline.locator(f'input[type=checkbox][value="{term}"]').first.check()
    offline.wait_for_function("n => document.querySelectorAll('#resultaten [data-slug]').length === n",
                              arg=len(expected))
    assert {card.get_attribute("data-slug") for card in cards.all()} == expected


def test_offline_buurtanalyse(offline, offline_site, content):
    """Issue 9's page from the bundle: 'Oefen met deze casus', the advice and its links, saving in the browser."""
    from buurtanalyse_page import antwoorden, expected_richtingen, expected_voorbeelden, shown_richtingen, \
        shown_voorbeelden

    casus = content.casussen[-1]
    offline.open("aan-de-slag.html")
    offline.get_by_role("link", name="Oefen met deze casus").last.click()
    offline.wait_for_selector("#ba-beheer", state="visible")
    assert offline.url.endswith(f"/buurtanalyse.html?casus={casus.slug}")
    expect(offline.locator(f'#ba-casus [data-casus="{casus.slug}"]')).to_be_visible()
    offline.check('#stap-2-4 input[value="publieke-ruimte"]')
    offline.check('#stap-2-5 input[value="overlast-jeugd"]')
    answers = antwoorden({"locatie": ["publieke-ruimte"], "problematiek": ["overlast-jeugd"]})
    assert shown_richtingen(offline) == [s.id for s in expected_richtingen(content, answers)]
    assert shown_voorbeelden(offline) == expected_voorbeelden(content, answers)
    for href in offline.locator("#advies a").evaluate_all("links => links.map(a => a.href)"):
        assert Path(unquote(urlparse(href).path)).is_file(), href
    offline.fill("#ba-buurt", "Offline")
    offline.reload()
    offline.wait_for_selector("#ba-beheer", state="visible")
    assert offline.input_value("#ba-buurt") == "Offline"  # kept in the browser as it was typed


def test_offline_vergelijk(offline, content):
    """Two cards chosen with "Vergelijk" in the interventiewijzer open side by side in one table (issue 17)."""
    offline.open("interventiewijzer.html")
    cards = offline.locator("#resultaten [data-slug]")
    cards.first.wait_for(timeout=10_000)
    slugs = [cards.nth(i).get_attribute("data-slug") for i in range(2)]
    for i in range(2):
        cards.nth(i).get_by_label("Vergelijk").check()
    offline.get_by_role("link", name="Vergelijk (2)").click()
    offline.wait_for_url("**/vergelijk.html?*")
    columns = offline.locator("#vergelijk thead th[scope=col] a")
    expect(columns).to_have_count(2)
    assert columns.all_inner_texts() == [content.voorbeeld(slug).titel for slug in slugs]


def test_offline_csv_of_the_selection(offline, content):
    """Issue 17: "Download deze selectie als CSV" works from the bundle, without any request beyond file://."""
    term = next(t for t in content.taxonomieen["locatie"].ids
                if 0 < len(filtering.select(content.praktijkvoorbeelden, {"locatie": [t]})) < len(content.praktijkvoorbeelden))
    offline.open("interventiewijzer.html")
    offline.locator(f'input[type=checkbox][value="{term}"]').first.check()
    with offline.expect_download() as download:
        offline.get_by_role("button", name="Download deze selectie als CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"), newline="")))
    assert [row["slug"] for row in rows] == [v.slug for v in filtering.select(content.praktijkvoorbeelden,
                                                                              {"locatie": [term]})]


def test_offline_buurten(offline, content):
    """Issue 24: an analysis made in the bundle shows in Buurten naast elkaar and downloads, all from file://."""
    problem = content.taxonomieen["problematiek"].ids[0]
    offline.open("buurtanalyse.html")
    offline.wait_for_selector("#ba-beheer", state="visible")
    offline.check(f'#stap-2-5 input[value="{problem}"]')
    offline.fill("#ba-buurt", "Offline-buurt")
    offline.locator("#diagnose-rijen > section").first.locator("textarea[data-veld=huidig]").fill("Buurtwerk")
    offline.get_by_role("link", name="Buurten naast elkaar").first.click()
    offline.wait_for_url("**/buurten.html")
    offline.wait_for_selector("#bo-rijen tr")
    row = offline.locator("#bo-rijen tr").first
    assert "Offline-buurt" in row.inner_text()
    assert content.taxonomieen["problematiek"].term(problem).label in row.inner_text()
    with offline.expect_download() as download:
        offline.get_by_role("button", name="Download voor Excel").click()
    text = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    lines = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert [(line["Buurt"], line["Huidig beleid of interventie"]) for line in lines] == [("Offline-buurt", "Buurtwerk")]
