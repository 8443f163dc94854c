"""Dutch search behaviour on the built site, in Chromium (documented in docs/toegankelijkheid.md).

Material searches with Lunr: every query word is looked up as the start of a
word ("buurt" finds "buurten" and "buurtbemiddeling"). Without the stemmer
(it breaks searching for an exact word) we add, in macros/zoeken_worker.js:
accents do not matter, and a plural query word also finds the singular.

Expected results are computed from the search index the build wrote: the
pages with a word that starts with the (folded, singular) query word.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata

import pytest

from conftest import search_results

def fold(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))


@pytest.fixture(scope="module")
def index(built_site) -> dict[str, set[str]]:
    """Page path -> the words on it (lower case, without accents), split as Material splits them."""
    data = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(data["config"]["separator"])
    pages: dict[str, set[str]] = {}
    for doc in data["docs"]:
        text = html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}"))
        words = {fold(word.lower()) for word in separator.split(text) if word}
        pages.setdefault("/" + doc["location"].split("#")[0], set()).update(words)
    return pages


def pages_with_words_starting(index: dict[str, set[str]], start: str) -> set[str]:
    return {page for page, words in index.items() if any(word.startswith(start) for word in words)}


def all_results(page, query: str) -> set[str]:
    """The page paths of every result: Material renders ten and adds more while scrolling."""
    first = search_results(page, query)
    meta = page.locator(".md-search-result__meta").inner_text()
    count = int(re.search(r"\d+", meta).group()) if re.search(r"\d+", meta) else len(first)
    items = page.locator(".md-search-result__item")
    scroll = page.locator(".md-search__scrollwrap")
    for _ in range(200):
        if items.count() >= count:
            break
        # Material loads the next four each time the end of the list comes into view.
        scroll.evaluate("el => el.scrollTop = Math.max(0, el.scrollHeight - el.clientHeight - 200)")
        page.wait_for_timeout(20)
        scroll.evaluate("el => el.scrollTop = el.scrollHeight")
        page.wait_for_timeout(20)
    paths = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a:first-child')]
        .map(a => new URL(a.href).pathname)""")
    assert len(paths) == count, f"{query}: {len(paths)} van {count} resultaten geladen"
    return set(paths)


@pytest.fixture
def home(page, site_url):
    page.goto(site_url + "/")
    return page


def test_a_word_finds_every_page_with_a_word_that_starts_with_it(home, index):
    # Compound words: "buurt" finds "buurtbemiddeling", also on pages without the word "buurt".
    expected = pages_with_words_starting(index, "buurt")
    assert {page for page in expected if "buurt" not in index[page] and "buurtbemiddeling" in index[page]}
    assert all_results(home, "buurt") == expected


def test_an_exact_title_comes_first(home, content):
    single_words = [v for v in content.praktijkvoorbeelden if re.fullmatch(r"\w+", v.titel)]
    assert len(single_words) >= 3
    for voorbeeld in single_words:
        first = search_results(home, voorbeeld.titel)[0]
        assert first["path"].endswith(f"/praktijkvoorbeelden/{voorbeeld.slug}/"), voorbeeld.titel


# Words that occur on some pages only in the singular and on others only in the plural.
@pytest.mark.parametrize(("singular", "plural"), [("wijk", "wijken"), ("groep", "groepen"), ("gemeente", "gemeenten"),
                                                   ("interventie", "interventies"),
                                                   ("woningcorporatie", "woningcorporaties")])
def test_singular_and_plural_find_each_other(home, index, singular, plural):
    expected = pages_with_words_starting(index, singular)
    only_singular = {page for page in expected if singular in index[page] and plural not in index[page]}
    only_plural = {page for page in expected if plural in index[page] and singular not in index[page]}
    assert only_singular and only_plural, "kies een woord dat in beide vormen voorkomt"
    assert all_results(home, plural) == expected
    assert all_results(home, singular) == expected


@pytest.mark.parametrize(("with_accents", "without"), [("wijkcoördinatoren", "wijkcoordinatoren"),
                                                       ("ideeën", "ideeen"), ("bewonërs", "bewoners")])
def test_accents_make_no_difference(home, index, with_accents, without):
    results = all_results(home, without)
    assert results and all_results(home, with_accents) == results


def test_a_word_written_with_accents_is_found_without_them(home, index, built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    texts = " ".join(f"{doc['title']} {doc['text']}" for doc in docs)
    assert "wijkcoördinatoren" in texts and "wijkcoordinatoren" not in texts
    assert all_results(home, "wijkcoordinator") == pages_with_words_starting(index, "wijkcoordinator")
