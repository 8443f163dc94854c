"""Issue 22 (and 15): the site search in everyday Dutch, on the built site, in Chromium.

The search (docs/assets/javascripts/zoeken.js, handreiking-zoeken.js) reads its own index
(search/zoekindex.js, made by handreiking/tools/zoekindex.py) with the site's Dutch text analysis
(handreiking/tools/tekst.py): stems, compound parts, synonyms from content/synoniemen.yml, one typo.
Expectations come from that index and from the Python reference of the analysis, never from a list of
today's pages.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import search_results
from handreiking.tools import export, tekst, zoekvelden

EVERYDAY = ("informatieavond", "moskee", "petitie", "bewonersavond", "whatsapp", "school")


@pytest.fixture(scope="module")
def index(built_site) -> dict:
    text = (built_site / "search" / "zoekindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1:].strip().rstrip(";"))


@pytest.fixture(scope="module")
def pages(index) -> dict[str, set[str]]:
    """Page path -> the words on it (title and text of its sections)."""
    found: dict[str, set[str]] = {}
    for location, title, text, _ in index["documenten"]:
        found.setdefault("/" + location.split("#")[0], set()).update(tekst.words(f"{title} {text}"))
    return found


@pytest.fixture
def home(page, site_url):
    page.goto(site_url + "/")
    return page


def relevant_pages(content, word: str) -> set[str]:
    """The praktijkvoorbeelden and checklists whose own text the analysis matches with ``word``."""
    analysis = zoekvelden.analysis(content)
    query = analysis.query(word)
    found = set()
    for voorbeeld in content.praktijkvoorbeelden:
        text = analysis.text([w for words in zoekvelden.velden(voorbeeld, content).values() for w in words])
        if all(analysis.match(q, text) for q in query):
            found.add(f"/praktijkvoorbeelden/{voorbeeld.slug}/")
    for checklist in content.checklists:
        if all(analysis.match(q, analysis.text(zoekvelden.checklist_woorden(checklist))) for q in query):
            found.add(f"/checklists/{checklist.slug}/")
    return found


@pytest.mark.parametrize("word", EVERYDAY)
def test_everyday_words_find_praktijkvoorbeelden_and_checklists_in_the_first_five(home, content, word):
    relevant = relevant_pages(content, word)
    assert relevant, f"de inhoud heeft niets bij '{word}'"
    first = [result["path"] for result in search_results(home, word)[:5]]
    assert set(first) & relevant, (word, first)


def test_a_compound_finds_pages_with_its_parts_and_a_synonym_its_group(home, content, index, pages):
    # A compound of two words of the site that is itself on no page finds the sections with both parts.
    everywhere = set().union(*pages.values())
    sections = [("/" + location.split("#")[0], set(tekst.words(f"{title} {text}")))
                for location, title, text, _ in index["documenten"]]
    head, tail = next((a, b) for a in ("wijk", "buurt", "bewoners") for b in ("avond", "gesprek", "plein", "straat")
                      if a + b not in everywhere and any(a in words and b in words for _, words in sections))
    both = {page for page, words in sections if head in words and tail in words}
    assert both and both <= {r["path"] for r in search_results(home, head + tail, every=True)}
    group = next(g for g in content.synoniemen if "moskee" in g.woorden)
    others = {tekst.stem(w) for entry in group.woorden if entry != "moskee" for w in tekst.words(entry)}
    results = {result["path"] for result in search_results(home, "moskee", every=True)}
    with_synonym = {page for page, words in pages.items() if others & {tekst.stem(w) for w in words}}
    assert with_synonym and with_synonym <= results


def test_a_word_finds_every_page_with_a_word_that_starts_with_it(home, pages):
    expected = {page for page, words in pages.items() if any(w.startswith("buurt") for w in words)}
    assert {page for page in expected if "buurt" not in pages[page]}
    assert {result["path"] for result in search_results(home, "buurt", every=True)} >= expected


def test_an_exact_title_comes_first(home, content):
    single_words = [v for v in content.praktijkvoorbeelden if re.fullmatch(r"\w+", v.titel)]
    assert len(single_words) >= 3
    for voorbeeld in single_words:
        first = search_results(home, voorbeeld.titel)[0]
        assert first["path"].endswith(f"/praktijkvoorbeelden/{voorbeeld.slug}/"), voorbeeld.titel


@pytest.mark.parametrize(("plural", "singular"), [("wijken", "wijk"), ("scholen", "school"), ("gemeenten", "gemeente")])
def test_plural_and_singular_find_each_other(home, pages, plural, singular):
    stem = tekst.stem(singular)
    assert stem == tekst.stem(plural)
    expected = {page for page, words in pages.items() if any(tekst.stem(w) == stem for w in words)}
    assert {page for page in expected if plural in pages[page] and singular not in pages[page]}
    assert {page for page in expected if singular in pages[page] and plural not in pages[page]}
    assert expected <= {r["path"] for r in search_results(home, plural, every=True)}
    assert expected <= {r["path"] for r in search_results(home, singular, every=True)}


@pytest.mark.parametrize(("with_accents", "without"), [("wijkcoördinatoren", "wijkcoordinatoren"),
                                                       ("ideeën", "ideeen")])
def test_accents_make_no_difference(home, with_accents, without):
    results = search_results(home, without)
    assert results and search_results(home, with_accents) == results


def test_one_typo_in_a_longer_word_finds_the_intended_word(home, pages):
    typo = "polarizatie"  # the site must never contain it
    assert not any(w.startswith(typo) for words in pages.values() for w in words)
    meant = {r["path"] for r in search_results(home, "polarisatie", every=True)}
    assert {r["path"] for r in search_results(home, typo, every=True)} == meant


def test_every_result_shows_a_word_it_was_found_for(home):
    for word in ("moskee", "petitie", "whatsapp", "pubers"):
        search_results(home, word)
        items = home.locator(".md-search-result__item:has(article)")
        assert items.count()
        for i in range(min(items.count(), 10)):
            assert items.nth(i).locator("p mark").count() >= 1 or items.nth(i).locator("h1").inner_text(), word
        marked = items.nth(0).locator("p mark")
        assert marked.count() and marked.first.is_visible(), word


def test_the_result_link_marks_the_words_on_the_page(home):
    search_results(home, "moskee")
    link = home.locator(".md-search-result__link").first
    href = link.get_attribute("href")
    assert "h=" in href
    home.goto(href)
    assert home.locator("article mark[data-md-highlight]").count() >= 1


def test_a_page_view_without_a_search_loads_no_search_data(page, site_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "/stap-1/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "zoekindex" in url or "search_index" in url or "lunr" in url]
    page.locator("input.md-search__input").focus()
    page.wait_for_function("() => window.HANDREIKING_ZOEKINDEX !== undefined")
    assert [url for url in requested if "zoekindex" in url]


def test_the_print_form_stays_out_of_the_search_index(built_site, content, index):
    for checklist in content.checklists:  # on the pages, for paper
        html = (built_site / "checklists" / checklist.slug / "index.html").read_text(encoding="utf-8")
        assert "Toelichting / aantekeningen" in html and "Print deze checklist" in html
    for location, _, text, _ in index["documenten"]:
        assert "Toelichting / aantekeningen" not in text, location
        assert "Print deze checklist" not in text and "....." not in text, location


def test_the_index_written_in_pieces_is_the_script_written_whole(tmp_path):
    """The index is written piece by piece (macros/search_index.py), never whole in memory: the same file."""
    many = 2 * export._PIECE + 1
    data = {"versie": 1, "documenten": [[f"p{n}/#a", "<b> & </script>", "’ \u2028 é", 1.5] for n in range(many)],
            "woorden": {f"w{n}": [n, 1000 + n] for n in range(many)}, "leeg": [], "niets": {}, "in_titel": 1000}
    export.write_javascript(tmp_path / "index.js", data, "NAAM")
    assert (tmp_path / "index.js").read_text(encoding="utf-8") == export.to_javascript(data, "NAAM")
