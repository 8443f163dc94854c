"""Issue 5: printing. Checklists as A4 forms and the analyse-instrument, in Chromium's print mode."""

from __future__ import annotations

import pytest

from conftest import normalized, run_axe

pytestmark = pytest.mark.browser

# The sessions of a buurtoverleg, as issue 5 lists them: steps 2.1-2.7, 3.1, 3.2 and 4.1.
INSTRUMENT_STEPS = ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "3.1", "3.2", "4.1"]
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"]


def item_label(item) -> str:
    return f"{item.code}. {item.tekst}" if item.code else item.tekst


def instrument_checklists(content):
    """Computed here from the YAML: the checklists of those steps, by step, then by their volgorde."""
    chosen = [c for c in content.checklists if c.stap in INSTRUMENT_STEPS]
    return sorted(chosen, key=lambda c: (INSTRUMENT_STEPS.index(c.stap), c.volgorde))


def test_every_checklist_prints_as_a_form(page, site_url, content):
    page.emulate_media(media="print")
    for checklist in content.checklists:
        page.goto(f"{site_url}/checklists/{checklist.slug}/")
        for selector in CHROME:
            assert not page.locator(selector).first.is_visible(), (checklist.slug, selector)
        assert not page.get_by_role("button", name="Print deze checklist").is_visible()
        # Lines for the buurt, the date and who filled it in, above the step and question.
        header = page.locator(".invulkop")
        assert header.is_visible(), checklist.slug
        assert [normalized(t) for t in header.locator(".invulkop-veld").all_inner_texts()] == [
            "Buurt", "Datum", "Ingevuld door"]
        assert header.bounding_box()["y"] < page.locator("article .checklist-kop").bounding_box()["y"]

        article = page.locator("article")
        # Step and question at the top, right under the title.
        kop = article.locator(".checklist-kop")
        assert kop.is_visible()
        assert f"Stap {checklist.stap}" in kop.text_content()  # the text, whatever the style's letter case
        assert normalized(checklist.vraag) in normalized(kop.text_content())
        assert kop.bounding_box()["y"] < article.locator(".checklist").bounding_box()["y"]

        # One empty, visible checkbox with its label and note lines per item.
        items = article.locator(".checklist-item")
        assert items.count() == len(checklist.items)
        for index, item in enumerate(checklist.items):
            row = items.nth(index)
            box = row.locator("> input[type=checkbox]")
            assert box.is_visible() and not box.is_checked(), (checklist.slug, item.tekst)
            assert normalized(row.locator("> label").inner_text()) == normalized(item_label(item))
            assert row.locator(".aantekeningen").is_visible()
            for voorbeeld in row.locator(".checklist-voorbeelden li").all():
                assert voorbeeld.is_visible()

        anders = article.locator(".anders-namelijk")
        assert anders.count() == (1 if checklist.anders_namelijk else 0)
        if checklist.anders_namelijk:
            assert anders.is_visible() and anders.locator("input[type=checkbox]").is_visible()
        bron = article.locator(".checklist-bron")
        assert bron.is_visible() and f"stap {checklist.stap}" in bron.inner_text()
        assert bron.bounding_box()["y"] > items.last.bounding_box()["y"]


def test_note_lines_and_print_button_belong_to_their_medium(page, site_url, content):
    checklist = content.checklists[0]
    page.goto(f"{site_url}/checklists/{checklist.slug}/")
    button = page.get_by_role("button", name="Print deze checklist")
    assert button.is_visible()
    assert not page.locator(".aantekeningen").first.is_visible()
    assert not page.locator(".invulkop").is_visible()
    page.evaluate("window.print = () => { window.printed = true; }")
    button.click()
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
    assert not button.is_visible()
    assert page.locator(".aantekeningen").first.is_visible()


def test_without_javascript_there_is_no_print_button_that_does_nothing(new_page, site_url, content):
    page = new_page(java_script_enabled=False)
    page.goto(f"{site_url}/checklists/{content.checklists[0].slug}/")
    assert page.locator("[data-afdrukken]").count() == 1
    assert not page.locator("[data-afdrukken]").is_visible()


def test_print_opens_collapsed_blocks_and_keeps_headings_with_their_text(page, site_url, content):
    page.goto(f"{site_url}/checklists/{content.checklists[0].slug}/")
    # Material's collapsible blocks are <details>; none is open by default.
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<details><summary>Meer</summary><p id="ingeklapt">Verborgen tekst</p></details>')""")
    assert not page.locator("#ingeklapt").is_visible()
    page.emulate_media(media="print")
    assert page.locator("#ingeklapt").is_visible()
    styles = page.evaluate("""() => {
        const style = selector => getComputedStyle(document.querySelector('article ' + selector));
        return {heading: style('h1').breakAfter, item: style('li').breakInside};
    }""")
    assert styles == {"heading": "avoid", "item": "avoid"}


def test_external_links_show_their_address_on_paper(page, site_url, content):
    voorbeeld = next(v for v in content.praktijkvoorbeelden if any(link.url.startswith("http") for link in v.links))
    url = next(link.url for link in voorbeeld.links if link.url.startswith("http"))
    page.goto(f"{site_url}/praktijkvoorbeelden/{voorbeeld.slug}/")
    link = page.locator(f'article a[href="{url}"]').first
    after = "el => getComputedStyle(el, '::after').content"
    assert url not in link.evaluate(after)
    page.emulate_media(media="print")
    assert url in link.evaluate(after)


def test_analyse_instrument_combines_the_checklists_in_order(page, site_url, content):
    expected = instrument_checklists(content)
    page.goto(f"{site_url}/analyse-instrument/")
    titles = page.locator("article .instrument-checklist > h2").all_inner_texts()
    assert [normalized(t.replace("¶", "")) for t in titles] == [f"{c.stap} {c.titel}" for c in expected]
    for checklist in expected:
        form = page.locator(f'article [data-checklist="{checklist.slug}"]')
        assert form.locator(".checklist-item").count() == len(checklist.items)
        assert form.locator(".anders-namelijk").count() == (1 if checklist.anders_namelijk else 0)
    ids = page.eval_on_selector_all("article [id]", "elements => elements.map(e => e.id)")
    assert len(ids) == len(set(ids))

    # The cover block: three labelled fields, filled in on screen or on paper.
    for label in ("Buurt", "Datum", "Aanwezigen (naam en organisatie)"):
        assert page.get_by_role("textbox", name=label, exact=True).is_editable()
    cover = page.locator(".instrument-omslag")
    assert cover.bounding_box()["y"] < page.locator(".instrument-checklist").first.bounding_box()["y"]
    assert page.get_by_role("button", name="Print het analyse-instrument").is_visible()

    page.emulate_media(media="print")
    assert cover.is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("article .checklist-item").count() == sum(len(c.items) for c in expected)
    assert all(box.is_visible() for box in page.locator("article .checklist-item > input").all())


def test_instrument_is_in_the_nav_and_not_in_search(built_site):
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("analyse-instrument/")]
    assert 'href="../analyse-instrument/"' in (built_site / "checklists" / "index.html").read_text()


def test_print_pages_pass_axe(page, site_url, content):
    for path in ("analyse-instrument/", f"checklists/{content.checklists[0].slug}/"):
        page.goto(f"{site_url}/{path}")
        assert run_axe(page) == [], path
