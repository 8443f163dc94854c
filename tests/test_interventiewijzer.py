"""Issue 4: the interventiewijzer, driven in Chromium: what a user does and sees.

Expected results come from :mod:`handreiking.tools.filtering` applied to the loaded content, never from
fixed lists. The filter engine itself is compared with Python in node, on hundreds of selections
(tests/js/pariteit.test.js).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from conftest import mkdocs_build, run_axe
from handreiking.tools import filtering
import keyboard_nav
from printed import printed_text
from tool_page import location, url_state
from wijzer_page import checked, expected_counts, expected_slugs, open_wijzer, option_counts, shown_slugs, wijzer_url

def test_a_link_shows_its_choice_and_announces_the_count(page, site_url, content):
    """The example link of the issue. The filter itself is compared with Python in node (tests/js/)."""
    chosen, query = {"locatie": ["publieke-ruimte"], "doelgroep": ["jongeren", "ouders"]}, "dialoog"
    open_wijzer(page, wijzer_url(site_url, chosen, query))
    expected = expected_slugs(content, chosen, query)
    assert shown_slugs(page) == expected
    assert option_counts(page) == expected_counts(content, chosen, query)
    assert checked(page) == {name: set(values) for name, values in chosen.items()}
    assert page.input_value("#wijzer-q") == query
    count_line = page.locator("#wijzer-aantal")
    assert count_line.get_attribute("aria-live") == "polite"
    assert count_line.inner_text().startswith(f"{len(expected)} van de {len(content.praktijkvoorbeelden)} ")


def test_clicking_updates_results_counts_and_url(page, site_url, content):
    open_wijzer(page, wijzer_url(site_url, {}))
    chosen: dict[str, list[str]] = {}
    for name, value in [("locatie", "publieke-ruimte"), ("doelgroep", "jongeren"), ("doelgroep", "ouders"),
                        ("problematiek", "overlast-jeugd"), ("locatie", "publieke-ruimte")]:
        box = page.locator(f"#wijzer-{name}-{value}")
        if box.is_checked():
            box.uncheck()
            chosen[name].remove(value)
        else:
            box.check()
            chosen.setdefault(name, []).append(value)
        chosen = {key: values for key, values in chosen.items() if values}
        assert shown_slugs(page) == expected_slugs(content, chosen)
        assert option_counts(page) == expected_counts(content, chosen)
        assert {key: set(values) for key, values in url_state(page).items()} == \
            {key: set(values) for key, values in chosen.items()}


def shown_total(page) -> int:
    return int(re.match(r"\d+", page.locator("#wijzer-aantal").inner_text()).group())


def test_the_number_behind_a_choice_is_what_ticking_it_shows(page, site_url, content):
    """The page says so: "Het getal achter elke keuze zegt hoeveel praktijkvoorbeelden u ... ziet"."""
    chosen = {"locatie": ["publieke-ruimte"], "doelgroep": ["jongeren"]}  # the example of issue 15
    open_wijzer(page, wijzer_url(site_url, chosen))
    before = shown_total(page)
    grows = False
    for name in ("locatie", "doelgroep"):
        for term_id in content.taxonomieen[name].ids:
            box = page.locator(f"#wijzer-{name}-{term_id}")
            promised = option_counts(page)[name][term_id]
            if box.is_checked():
                assert promised == before
                continue
            box.check()
            assert shown_total(page) == promised, (name, term_id)
            grows |= promised > before
            box.uncheck()
            assert shown_total(page) == before
    assert grows, "kies een selectie waarin een extra keuze binnen een filter voorbeelden toevoegt"


def test_on_a_phone_the_new_count_is_in_view_after_a_tap(new_page, site_url, content):
    page = new_page(viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True)
    open_wijzer(page, wijzer_url(site_url, {}))
    summary = page.locator("#wijzer-kort")
    for name in ("locatie", "problematiek"):  # one near the top of the filters, one far below
        term_id = content.taxonomieen[name].ids[-1]
        page.locator(f"#wijzer-{name}-{term_id}").tap()
        chosen = checked(page)
        total = len(expected_slugs(content, chosen))
        assert summary.inner_text().startswith(f"{total} praktijkvoorbeeld")
        assert shown_total(page) == total
        box = summary.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"], box
        assert page.locator("#wijzer-aantal").get_attribute("aria-live") == "polite"
    summary.get_by_role("link").tap()
    page.wait_for_function("() => document.getElementById('wijzer-resultaten-kop').getBoundingClientRect().top < innerHeight")


def test_options_and_order_come_from_the_vocabularies(page, site_url, content):
    open_wijzer(page, wijzer_url(site_url, {}))
    legends = page.eval_on_selector_all("#wijzer-filters fieldset > legend", "els => els.map(e => e.textContent)")
    assert legends == [content.taxonomieen[facet.naam].label for facet in filtering.FACETS]
    for facet in filtering.FACETS:
        labels = page.eval_on_selector_all(
            f'fieldset[data-facet="{facet.naam}"] label', "els => els.map(e => e.firstChild.textContent.trim())")
        assert labels == [term.label for term in content.taxonomieen[facet.naam].termen]


def test_zero_count_options_stay_visible_and_marked(page, site_url, content):
    chosen = {"locatie": ["publieke-ruimte"], "doelgroep": ["jongeren", "ouders"]}
    open_wijzer(page, wijzer_url(site_url, chosen))
    counts = expected_counts(content, chosen)
    zero = [(name, term_id) for name, facet in counts.items() for term_id, n in facet.items() if n == 0]
    assert zero, "deze keuze moet opties zonder resultaat opleveren"
    for name, term_id in zero:
        option = page.locator(f"#wijzer-{name}-{term_id}")
        assert option.is_visible() and option.is_enabled()
        assert "wijzer-optie--leeg" in page.locator(f"li:has(> #wijzer-{name}-{term_id})").get_attribute("class")


def test_back_button_and_reopening_the_link_restore_the_state(page, site_url, content):
    open_wijzer(page, wijzer_url(site_url, {}))
    page.check("#wijzer-locatie-publieke-ruimte")
    first_url = location(page)
    page.check("#wijzer-doelgroep-jongeren")
    page.fill("#wijzer-q", "buurt")
    both = {"locatie": ["publieke-ruimte"], "doelgroep": ["jongeren"]}
    assert url_state(page) == {**both, "q": ["buurt"]}
    assert shown_slugs(page) == expected_slugs(content, both, "buurt")
    link = location(page)

    page.go_back()  # typing was one entry; back goes to the state before the text
    assert url_state(page) == both
    assert page.input_value("#wijzer-q") == ""
    assert shown_slugs(page) == expected_slugs(content, both)
    page.go_back()
    assert location(page) == first_url
    assert checked(page) == {"locatie": {"publieke-ruimte"}}
    assert shown_slugs(page) == expected_slugs(content, {"locatie": ["publieke-ruimte"]})
    page.go_forward()
    assert checked(page) == {"locatie": {"publieke-ruimte"}, "doelgroep": {"jongeren"}}

    other = page.context.new_page()
    open_wijzer(other, link)
    assert checked(other) == {"locatie": {"publieke-ruimte"}, "doelgroep": {"jongeren"}}
    assert other.input_value("#wijzer-q") == "buurt"
    assert shown_slugs(other) == expected_slugs(content, both, "buurt")


def test_wis_filters_resets_everything(page, site_url, content):
    open_wijzer(page, wijzer_url(site_url, {"doelgroep": ["jongeren"], "status": ["onbekend"]}, "buurt"))
    page.get_by_role("button", name="Wis filters").click()
    assert checked(page) == {}
    assert page.input_value("#wijzer-q") == ""
    assert urlparse(location(page)).query == ""
    assert shown_slugs(page) == expected_slugs(content, {})


@pytest.mark.parametrize("query", ["ideeen", "ideeën", "IDEEËN", "Ideeën buurt"])
def test_text_search_ignores_case_and_accents(page, site_url, content, query):
    open_wijzer(page, wijzer_url(site_url, {}))
    page.fill("#wijzer-q", query)
    expected = expected_slugs(content, {}, query)
    assert expected and expected == expected_slugs(content, {}, filtering.normalize(query))
    assert shown_slugs(page) == expected


def test_unknown_values_are_ignored_with_a_visible_note(page, site_url, content):
    page.goto(f"{site_url}/interventiewijzer/?locatie=op-de-maan&doelgroep=jongeren&doelgroep=marsmannetjes")
    page.wait_for_selector("#wijzer-filters")
    note = page.locator("#wijzer-melding")
    assert note.is_visible()
    assert "op-de-maan" in note.inner_text() and "marsmannetjes" in note.inner_text()
    assert shown_slugs(page) == expected_slugs(content, {"doelgroep": ["jongeren"]})
    assert url_state(page) == {"doelgroep": ["jongeren"]}
    assert run_axe(page) == []


def test_sort_order_is_oplossingsrichting_then_title(page, site_url, content):
    order = {term_id: i for i, term_id in enumerate(content.taxonomieen["oplossingsrichting"].ids)}
    expected = [v.slug for v in sorted(content.praktijkvoorbeelden,
                                       key=lambda v: (order[v.oplossingsrichtingen[0]], v.titel.casefold()))]
    open_wijzer(page, wijzer_url(site_url, {}))
    assert shown_slugs(page) == [slug for slug in expected if content.voorbeeld(slug).status != "gestopt"]
    page.check("#wijzer-locatie-scholen")
    assert shown_slugs(page) == [slug for slug in expected if "scholen" in content.voorbeeld(slug).locaties]


def test_without_javascript_every_praktijkvoorbeeld_is_listed(new_page, site_url, content):
    page = new_page(java_script_enabled=False)
    page.goto(f"{site_url}/interventiewijzer/?locatie=scholen")
    cards = page.locator("#resultaten [data-slug]")
    assert cards.evaluate_all("cards => cards.map(c => c.dataset.slug)") == \
        [v.slug for v in content.praktijkvoorbeelden]
    for voorbeeld in content.praktijkvoorbeelden:
        link = page.locator(f'[data-slug="{voorbeeld.slug}"] h3 a')
        assert link.text_content() == voorbeeld.titel
        assert link.get_attribute("href") == f"../praktijkvoorbeelden/{voorbeeld.slug}/"
    assert page.locator("#wijzer-filters").count() == 0
    assert page.locator("#wijzer-aantal").inner_text() == f"{len(content.praktijkvoorbeelden)} praktijkvoorbeelden"


def test_works_from_file_url(page, built_site, content):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    url = (built_site / "interventiewijzer" / "index.html").as_uri()
    open_wijzer(page, f"{url}?doelgroep=jongeren")
    assert shown_slugs(page) == expected_slugs(content, {"doelgroep": ["jongeren"]})
    page.check("#wijzer-locatie-scholen")
    chosen = {"doelgroep": ["jongeren"], "locatie": ["scholen"]}
    assert shown_slugs(page) == expected_slugs(content, chosen)
    assert option_counts(page) == expected_counts(content, chosen)
    assert url_state(page) == chosen
    # Material's own search index cannot load from file://; that is not this page's script.
    assert [error for error in errors if "search_index" not in error] == []


@pytest.mark.parametrize("state", ["leeg", "gefilterd", "geen resultaten"])
def test_axe_finds_no_violations(page, site_url, content, state):
    chosen, query = {
        "leeg": ({}, ""),
        "gefilterd": ({"locatie": ["publieke-ruimte"], "doelgroep": ["jongeren", "ouders"]}, ""),
        "geen resultaten": ({"locatie": ["scholen"]}, "xyzzy-bestaat-niet"),
    }[state]
    open_wijzer(page, wijzer_url(site_url, chosen, query))
    if state == "geen resultaten":
        assert shown_slugs(page) == [] == expected_slugs(content, chosen, query)
        assert page.locator("#wijzer-leeg").is_visible()
    assert run_axe(page) == []


def test_keyboard_reaches_and_toggles_every_control(page, site_url, content):
    open_wijzer(page, wijzer_url(site_url, {}))
    page.locator("body").focus()

    def tab_to(selector: str) -> None:
        keyboard_nav.tab_to(page, selector, limit=300)

    tab_to("#wijzer-q")
    page.keyboard.type("buurt")
    tab_to("#wijzer-locatie-publieke-ruimte")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Space")
    assert checked(page) == {"locatie": {"publieke-ruimte"}}
    assert shown_slugs(page) == expected_slugs(content, {"locatie": ["publieke-ruimte"]}, "buurt")
    tab_to("#wijzer-status-gestopt")
    page.keyboard.press("Space")
    assert checked(page) == {"locatie": {"publieke-ruimte"}, "status": {"gestopt"}}
    tab_to(".wijzer-wis")
    page.keyboard.press("Enter")
    assert checked(page) == {} and page.input_value("#wijzer-q") == ""
    # Every checkbox has a label and sits in a fieldset with a legend.
    unlabeled = page.eval_on_selector_all(
        "#wijzer-filters input", "els => els.filter(e => !e.labels.length || "
        "(e.type === 'checkbox' && !e.closest('fieldset').querySelector('legend'))).map(e => e.id)")
    assert unlabeled == []


def test_print_shows_the_current_selection_as_a_clean_list(page, site_url, content, tmp_path):
    chosen = {"locatie": ["publieke-ruimte"], "doelgroep": ["jongeren", "ouders"]}
    open_wijzer(page, wijzer_url(site_url, chosen))
    page.emulate_media(media="print")
    assert not page.locator("#wijzer-filters").is_visible()
    assert "Publieke ruimte in de buurt" in page.locator("#wijzer-selectie").inner_text()
    expected = expected_slugs(content, chosen)
    assert shown_slugs(page) == expected
    text = printed_text(page, tmp_path / "wijzer.pdf")
    for slug in expected:
        assert " ".join(content.voorbeeld(slug).titel.split()) in text
    left_out = [v.titel for v in content.praktijkvoorbeelden if v.slug not in expected
                and not any(v.titel in content.voorbeeld(slug).titel + content.voorbeeld(slug).samenvatting
                            for slug in expected)]
    assert left_out and not [titel for titel in left_out if titel in text]
    for control in ("Wis filters", "Zoek op woorden", "Direct naar de praktijkvoorbeelden"):
        assert control not in text
    assert re.search(r"Uw keuze .*Publieke ruimte in de buurt", text)


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """A synthetic project with more praktijkvoorbeelden than the wijzer shows at once."""
    from bench.synthetic import generate
    from handreiking.content.loader import load_content

    root = tmp_path_factory.mktemp("groot")
    project = generate(130, root / "project", seed=3)
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site", load_content(project)


def test_long_selections_show_fifty_at_a_time_and_print_whole(page, large_site):
    site, content = large_site
    open_wijzer(page, wijzer_url(site.as_uri(), {}))
    everything = expected_slugs(content, {})
    assert len(everything) > 100
    assert shown_slugs(page) == everything[:50]
    assert page.locator("#wijzer-aantal").inner_text() == \
        f"{len(everything)} van de 130 praktijkvoorbeelden; de eerste 50 staan hieronder"
    page.get_by_role("button", name=re.compile("Toon meer")).click()
    assert shown_slugs(page) == everything[:100]
    assert page.evaluate("document.activeElement.closest('[data-slug]').dataset.slug") == everything[50]

    page.check("#wijzer-status-gestopt")
    page.check("#wijzer-status-onbekend")
    chosen = {"status": ["onbekend", "gestopt"]}
    selection = expected_slugs(content, chosen)
    assert len(selection) > 50 and shown_slugs(page) == selection[:50]
    assert option_counts(page) == expected_counts(content, chosen)
    cards_in_list = "n => document.querySelectorAll('#resultaten > [data-slug]').length === n"
    page.emulate_media(media="print")  # the media query change event arrives asynchronously
    page.wait_for_function(cards_in_list, arg=len(selection))
    assert shown_slugs(page) == selection
    page.emulate_media(media="screen")
    page.wait_for_function(cards_in_list, arg=50)
    assert shown_slugs(page) == selection[:50]


def test_benchmark_measurement_runs(browser, site_url):
    """Smoke test so `make bench-wijzer` cannot rot; the figures themselves are in bench/RESULTS.md."""
    from bench.wijzer import measure_page

    result = measure_page(browser, site_url, rounds=4, seed=1)
    assert len(result["update"]) == len(result["paint"]) == 4
    assert len(result["text"]) == len("buurtaanpak") and result["load"] > 0
    assert all(paint >= update >= 0 for update, paint in zip(result["update"], result["paint"]))


@pytest.mark.parametrize("query", ["moskee", "school", "bewonersavond"])
def test_everyday_words_show_the_best_matches_first(page, site_url, content, query):
    open_wijzer(page, wijzer_url(site_url, {}))
    page.fill("#wijzer-q", query)
    expected = expected_slugs(content, {}, query)
    assert expected
    assert shown_slugs(page) == expected[:len(shown_slugs(page))] and shown_slugs(page)
