"""Issue 17: comparing praktijkvoorbeelden side by side (/vergelijk/?slug=a&slug=b), and choosing them.

The table is checked against the model: a row says "verschilt" exactly when the chosen
praktijkvoorbeelden do not carry the same values, and "gedeeld" marks exactly the values all of
them carry. Pairs are picked from the content by rule, never by name.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import combinations
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import mkdocs_build, normalized, run_axe, serve
from printed import page_fill, pdf_page_texts
from handreiking.tools.export import export
from handreiking.site.pages import format_date
from test_doorverwijzingen import OLD, renamed_project
import keyboard_nav
from buurtanalyse_page import open_analyse
from tool_page import location, tool_url
from wijzer_page import open_wijzer

MAXIMUM = 4  # docs/assets/javascripts/handreiking-vergelijking.js, MAXIMUM
VOCABULARY_ROWS = {"oplossingsrichting": "oplossingsrichtingen", "locatie": "locaties",
                   "doelgroep": "doelgroepen", "problematiek": "problematiek"}


def vergelijk_url(base: str, slugs: list[str]) -> str:
    return tool_url(base, "vergelijk", [("slug", slug) for slug in slugs])


def open_vergelijk(page, url: str):
    page.goto(url)
    page.wait_for_selector("#vergelijk.vergelijk--actief")
    return page


def table(page) -> dict:
    """The table as shown: column slugs, and per row heading its label and the cells' values."""
    return page.evaluate("""() => {
        const t = document.querySelector('#vergelijk table');
        if (!t) return null;
        const rows = {};
        for (const tr of t.tBodies[0].rows) {
            const th = tr.querySelector('th[scope=row]');
            const label = th.querySelector('.vergelijk-label');
            const name = th.firstChild.textContent.trim();
            rows[name] = {label: label ? label.textContent : null, cells: [...tr.cells].slice(1).map(td => ({
                text: td.innerText.trim(),
                values: [...td.querySelectorAll('li')].map(li => li.firstChild.textContent.trim()),
                shared: [...td.querySelectorAll('.vergelijk-gedeeld')].map(li => li.firstChild.textContent.trim()),
            }))};
        }
        return {caption: t.caption && t.caption.textContent,
                columns: [...t.tHead.rows[0].cells].slice(1).map(th => th.querySelector('button').dataset.slug),
                scopes: [...t.querySelectorAll('th')].map(th => th.scope), rows};
    }""")


def a_pair(content, shares: bool):
    """Two praktijkvoorbeelden with different locaties that do (or do not) share one."""
    for v, w in combinations(content.praktijkvoorbeelden, 2):
        if set(v.locaties) != set(w.locaties) and bool(set(v.locaties) & set(w.locaties)) == shares:
            return v, w
    pytest.fail("geen geschikt paar praktijkvoorbeelden in de inhoud")


def labels(content, vocabulary: str, ids) -> list[str]:
    taxonomie = content.taxonomieen[vocabulary]
    return [taxonomie.term(i).label for i in ids]


# --- without a browser -------------------------------------------------------------------------


def test_data_file_has_what_the_table_shows(content):
    data = export(content)
    for v, exported in zip(content.praktijkvoorbeelden, data["praktijkvoorbeelden"], strict=True):
        assert exported["links"] == [{"titel": link.titel, "url": link.url} for link in v.links]
    assert data["doorverwijzingen"]["praktijkvoorbeelden"] == content.doorverwijzingen.get("praktijkvoorbeelden", {})


def test_every_praktijkvoorbeeld_page_links_to_its_comparison(built_site, content):
    for v in content.praktijkvoorbeelden:
        html = (built_site / "praktijkvoorbeelden" / v.slug / "index.html").read_text(encoding="utf-8")
        link = BeautifulSoup(html, "html.parser").select_one("article a[data-vergelijk-link]")
        assert link is not None and link["data-vergelijk-slug"] == v.slug, v.slug
        assert link["href"] == f"../../vergelijk/?slug={v.slug}"


def test_page_without_javascript_explains_itself(built_site):
    soup = BeautifulSoup((built_site / "vergelijk" / "index.html").read_text(encoding="utf-8"), "html.parser")
    explanation = soup.select_one("#vergelijk noscript").get_text(" ")
    assert "naast elkaar" in explanation and "JavaScript" in explanation
    assert soup.select_one("#vergelijk noscript a[href='../interventiewijzer/']")


# --- the table ----------------------------------------------------------------------------------


@pytest.mark.parametrize("shares", [True, False], ids=["met-gedeelde-locatie", "zonder"])
def test_rows_mark_differences_and_shared_values_as_the_model_says(page, site_url, content, shares):
    v, w = a_pair(content, shares)
    open_vergelijk(page, vergelijk_url(site_url, [v.slug, w.slug]))
    shown = table(page)
    assert shown["columns"] == [v.slug, w.slug]
    assert set(shown["scopes"]) == {"col", "row"} and v.titel in shown["caption"]
    for vocabulary, field in VOCABULARY_ROWS.items():
        row = shown["rows"][content.taxonomieen[vocabulary].meervoud]
        mine, theirs = getattr(v, field), getattr(w, field)
        assert row["label"] == ("gelijk" if set(mine) == set(theirs) else "verschilt"), vocabulary
        shared = [i for i in mine if i in theirs]
        assert [cell["values"] for cell in row["cells"]] == [labels(content, vocabulary, mine),
                                                             labels(content, vocabulary, theirs)]
        assert [cell["shared"] for cell in row["cells"]] == [labels(content, vocabulary, shared)] * 2
    werkwijze = shown["rows"]["Werkwijze"]
    assert [cell["values"] for cell in werkwijze["cells"]] == [list(v.methodieken), list(w.methodieken)]
    gemeente = shown["rows"]["Gemeente"]
    assert gemeente["label"] == ("gelijk" if v.gemeente == w.gemeente else "verschilt")
    assert [cell["text"] for cell in gemeente["cells"]] == [x.gemeente or "niet opgegeven" for x in (v, w)]
    assert [cell["text"] for cell in shown["rows"]["Samenvatting"]["cells"]] == [v.samenvatting, w.samenvatting]
    # Colour only repeats the word: a differing row is highlighted as well.
    highlighted = page.eval_on_selector_all(".vergelijk-rij--verschil th", "ths => ths.map(th => th.firstChild.textContent.trim())")
    assert highlighted == [name for name, row in shown["rows"].items() if row["label"] == "verschilt"]


def test_unknown_and_repeated_slugs_are_named_and_dropped_from_the_address(page, site_url, content):
    slugs = [v.slug for v in content.praktijkvoorbeelden[:MAXIMUM + 1]]
    asked = [slugs[0], "bestaat-niet", slugs[0], *slugs[1:]]
    open_vergelijk(page, vergelijk_url(site_url, asked))
    assert table(page)["columns"] == slugs[:MAXIMUM]
    notes = normalized(" ".join(page.locator(".vergelijk-melding-adres").all_inner_texts()))
    assert "bestaat-niet" in notes and content.voorbeeld(slugs[MAXIMUM]).titel in notes
    assert parse_qs(urlparse(location(page)).query)["slug"] == slugs[:MAXIMUM]


def test_haal_weg_updates_address_and_focus_and_back_restores(page, site_url, content):
    slugs = [v.slug for v in content.praktijkvoorbeelden[:3]]
    open_vergelijk(page, vergelijk_url(site_url, slugs))
    page.locator(f".vergelijk-weg[data-slug='{slugs[0]}']").click()
    assert table(page)["columns"] == slugs[1:]
    assert parse_qs(urlparse(location(page)).query)["slug"] == slugs[1:]
    assert page.evaluate("document.activeElement.dataset.slug") == slugs[1]
    page.go_back()
    page.wait_for_function("document.querySelectorAll('#vergelijk thead th').length === 4")
    assert table(page)["columns"] == slugs


def test_without_slugs_the_stored_choice_or_a_hint_is_shown(page, site_url, content):
    open_vergelijk(page, vergelijk_url(site_url, []))
    assert table(page) is None and page.locator(".vergelijk-niets").is_visible()
    slug = content.praktijkvoorbeelden[-1].slug
    open_vergelijk(page, vergelijk_url(site_url, [slug]))
    open_vergelijk(page, vergelijk_url(site_url, []))
    assert table(page)["columns"] == [slug]
    assert parse_qs(urlparse(location(page)).query)["slug"] == [slug]


def test_table_is_accessible_and_keyboard_usable(page, site_url, content):
    v, w = a_pair(content, True)
    open_vergelijk(page, vergelijk_url(site_url, [v.slug, w.slug]))
    assert run_axe(page) == []
    page.locator("body").focus()
    # The scrolling table and each button can be reached, each with a visible focus outline.
    assert keyboard_nav.tab_to(page, f".vergelijk-weg[data-slug='{w.slug}']", within="#vergelijk") == []
    page.keyboard.press("Enter")
    assert table(page)["columns"] == [v.slug]


def test_prints_on_a4_landscape_and_only_this_page(page, site_url, content):
    def first_page_size(url: str) -> tuple[float, float]:
        page.goto(url)
        page.emulate_media(media="print")
        pdf = page.pdf(prefer_css_page_size=True)
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        return float(box[1]), float(box[2])

    v, w = a_pair(content, True)
    width, height = first_page_size(vergelijk_url(site_url, [v.slug, w.slug]))
    assert width > height and round(width) in (841, 842)
    width, height = first_page_size(tool_url(site_url, "interventiewijzer", []))
    assert width < height


def text_length(v) -> int:
    return len(" ".join([v.titel, v.samenvatting, *v.methodieken, *(link.titel for link in v.links)]))


def printed_rows(page, pdf) -> list[list[str]]:
    """Per printed page, the row headings of the comparison on it."""
    headings = [normalized(text) for text in page.locator("#vergelijk tbody th[scope=row]").evaluate_all(
        "cells => cells.map(th => th.firstChild.textContent)")]
    names = "|".join(map(re.escape, headings))
    row = re.compile(rf"^({names})( (verschilt|gelijk))?$")
    return [[line.strip() for line in text.splitlines() if row.match(line.strip())]
            for text in pdf_page_texts(pdf)]


@pytest.mark.parametrize("count", range(2, MAXIMUM + 1))
def test_print_leaves_no_near_empty_page_and_no_lonely_row(page, site_url, content, tmp_path, count):
    """Comparisons of short to long praktijkvoorbeelden printed: no page but the last is less than a
    fifth full, and no page holds a single row."""
    by_length = sorted(content.praktijkvoorbeelden, key=text_length)
    starts = sorted({round(share * (len(by_length) - count)) for share in (0, 0.25, 0.5, 0.75, 1)})
    pdf = tmp_path / "vergelijking.pdf"
    for start in starts:
        slugs = [v.slug for v in by_length[start:start + count]]
        open_vergelijk(page, vergelijk_url(site_url, slugs))
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), prefer_css_page_size=True)
        fills = page_fill(pdf)
        assert all(fill >= 0.2 for fill in fills[:-1]), (slugs, fills)
        rows = printed_rows(page, pdf)
        assert sum(len(on_page) for on_page in rows) == page.locator("#vergelijk tbody tr").count(), slugs
        assert all(len(on_page) > 1 for on_page in rows), (slugs, rows)
        page.emulate_media(media="screen")


PHONE = {"width": 390, "height": 844}


def within_width(box, width: int) -> bool:
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_on_a_phone_every_praktijkvoorbeeld_reads_without_scrolling_sideways(new_page, site_url, content):
    """At 390 px each chosen praktijkvoorbeeld is a card: its name and every field in the screen's width."""
    chosen = sorted(content.praktijkvoorbeelden, key=text_length, reverse=True)[:MAXIMUM - 1]  # the most text
    page = new_page(viewport=PHONE, locale="nl-NL")
    open_vergelijk(page, vergelijk_url(site_url, [v.slug for v in chosen]))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not page.locator("#vergelijk table").is_visible()
    rows = [normalized(text) for text in page.locator("#vergelijk tbody th[scope=row]").evaluate_all(
        "cells => cells.map(th => th.textContent)")]
    cards = page.locator("#vergelijk .vergelijk-kaart")
    assert cards.count() == len(chosen)
    for card, v in zip(cards.all(), chosen):
        heading = card.get_by_role("heading", name=v.titel, exact=True)
        assert heading.is_visible() and within_width(heading.bounding_box(), PHONE["width"]), v.slug
        names = card.locator("dt")
        assert [normalized(text) for text in names.all_inner_texts()] == rows, v.slug
        for field in names.all() + card.locator("dd").all():
            field.scroll_into_view_if_needed()
            assert field.is_visible() and within_width(field.bounding_box(), PHONE["width"]), v.slug
            assert field.evaluate("el => el.scrollWidth <= el.clientWidth"), v.slug
    # What the table's caption says, whole: every name and the meaning of the markers.
    uitleg = page.locator("#vergelijk .vergelijk-kaarten-uitleg")
    assert within_width(uitleg.bounding_box(), PHONE["width"])
    assert uitleg.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert normalized(uitleg.inner_text()) == normalized(table(page)["caption"])
    assert run_axe(page) == []
    # "Haal weg" on a card takes it out of the comparison, as in the table.
    remove = cards.first.locator("button.vergelijk-weg-kaart")
    assert normalized(remove.text_content()) == f"Haal weg: {chosen[0].titel}"
    remove.click()
    assert cards.count() == len(chosen) - 1
    assert parse_qs(urlparse(location(page)).query)["slug"] == [v.slug for v in chosen[1:]]


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["telefoon", "breed"])
def test_the_count_stays_in_view_while_ticking_cards_lower_down(new_page, site_url, viewport):
    page = new_page(viewport=viewport, locale="nl-NL")
    open_wijzer(page, tool_url(site_url, "interventiewijzer", []))
    cards = page.locator("#resultaten [data-slug]")
    header = page.locator(".md-header").bounding_box()
    for ticked, index in enumerate((cards.count() // 3, 2 * cards.count() // 3), start=1):
        box = cards.nth(index).get_by_label("Vergelijk")
        box.scroll_into_view_if_needed()
        box.check()
        link = vergelijk_link(page)
        assert link.inner_text() == f"Vergelijk ({ticked})"
        where = link.bounding_box()
        assert header["y"] + header["height"] <= where["y"] and where["y"] + where["height"] <= viewport["height"]
        # Nothing lies over it: a tap on it reaches the link.
        on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a[data-vergelijk-link]') !== null",
                               [where["x"] + where["width"] / 2, where["y"] + where["height"] / 2])
        assert on_top


# --- choosing -------------------------------------------------------------------------------------


def vergelijk_link(page):
    return page.locator("a[data-vergelijk-link]:visible")


@pytest.mark.parametrize("over", ["http", "file"])
def test_choose_in_the_interventiewijzer_up_to_the_maximum(page, site_url, built_site, content, over):
    base = site_url if over == "http" else built_site.as_uri()
    page.goto(tool_url(base, "interventiewijzer", []))
    page.wait_for_selector("#wijzer-filters")
    assert not vergelijk_link(page).count()
    cards = page.locator("#resultaten [data-slug]")
    slugs = [cards.nth(i).get_attribute("data-slug") for i in range(MAXIMUM + 1)]
    for i in range(MAXIMUM):
        cards.nth(i).get_by_label("Vergelijk").check()
    assert vergelijk_link(page).inner_text() == f"Vergelijk ({MAXIMUM})"
    extra = cards.nth(MAXIMUM)
    extra.get_by_label("Vergelijk").click()
    assert not extra.get_by_label("Vergelijk").is_checked()
    assert "hoogstens" in extra.locator(".vergelijk-melding").inner_text()
    cards.nth(0).get_by_label("Vergelijk").uncheck()
    assert vergelijk_link(page).inner_text() == f"Vergelijk ({MAXIMUM - 1})"
    href = vergelijk_link(page).get_attribute("href")
    assert parse_qs(urlparse(href).query)["slug"] == slugs[1:MAXIMUM]
    # A site built for a server links to folders; the offline bundle (test_offline.py) links to files.
    open_vergelijk(page, vergelijk_url(base, []))
    assert table(page)["columns"] == slugs[1:MAXIMUM]


def test_choose_in_the_buurtanalyse_and_on_a_praktijkvoorbeeld_page(page, site_url, content):
    locatie = next(v.locaties[0] for v in content.praktijkvoorbeelden if v.locaties)
    open_analyse(page, tool_url(site_url, "buurtanalyse", [("locatie", locatie)]))
    card = page.locator("#advies-voorbeelden [data-slug]").first
    slug = card.get_attribute("data-slug")
    card.get_by_label("Vergelijk").check()
    assert vergelijk_link(page).inner_text() == "Vergelijk (1)"
    # Cards drawn again (another answer given and taken back) keep their box and its state.
    other = page.locator("input[name=doelgroep]").first
    other.check()
    other.uncheck()
    assert page.locator(f"#advies-voorbeelden [data-slug='{slug}']").get_by_label("Vergelijk").is_checked()
    w = next(w for w in content.praktijkvoorbeelden if w.slug != slug)
    page.goto(f"{site_url}/praktijkvoorbeelden/{w.slug}/")
    box = page.locator("article").get_by_label("Vergelijk", exact=True)
    assert not box.is_checked()
    box.check()
    vergelijk_link(page).click()
    page.wait_for_selector("#vergelijk table")
    assert table(page)["columns"] == [slug, w.slug]


def test_without_javascript_the_praktijkvoorbeeld_link_compares_that_one(new_page, site_url, content):
    page = new_page(java_script_enabled=False)
    v = content.praktijkvoorbeelden[0]
    page.goto(f"{site_url}/praktijkvoorbeelden/{v.slug}/")
    link = page.get_by_role("link", name="Vergelijk met andere praktijkvoorbeelden")
    assert parse_qs(urlparse(link.get_attribute("href")).query)["slug"] == [v.slug]
    page.goto(vergelijk_url(site_url, [v.slug]))
    assert "JavaScript" in page.locator("#vergelijk").inner_text()


# --- editor changes: a checked date, a renamed slug ------------------------------------------------


def test_checked_date_and_renamed_slug_in_a_changed_project(tmp_path, page, content):
    """An editor checked one example (gecontroleerd_op) and renamed another: an old link still compares it."""
    project, new = renamed_project(tmp_path / "project")
    checked = next(v for v in content.praktijkvoorbeelden if v.slug != OLD)
    path = project / "content" / "interventies" / f"{checked.slug}.yml"
    text = re.sub(r"^gecontroleerd_op: .*\n", "", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    path.write_text(text + "gecontroleerd_op: 2026-03-01\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        open_vergelijk(page, vergelijk_url(url, [checked.slug, OLD]))
        shown = table(page)
    assert shown["columns"] == [checked.slug, new]
    assert parse_qs(urlparse(location(page)).query)["slug"] == [checked.slug, new]
    renamed = content.voorbeeld(OLD).gecontroleerd_op
    expected = [format_date(date(2026, 3, 1)), format_date(renamed) if renamed else "nog niet gecontroleerd"]
    row = shown["rows"]["Gecontroleerd op"]
    assert [cell["text"] for cell in row["cells"]] == expected
    assert row["label"] == ("gelijk" if expected[0] == expected[1] else "verschilt")
