"""Dutch search behaviour on the built site, in Chromium (documented in docs/toegankelijkheid.md).

Material searches with Lunr: every query word is looked up as the start of a
word ("buurt" finds "buurten" and "buurtbemiddeling"). Without the stemmer
(it breaks searching for an exact word) we add, in macros/zoeken_worker.js:
accents do not matter, a plural query word also finds the singular (ranked after
the word as typed), and a longer word that starts no word on the site is read as
the site's words one letter away from it. The print form's note lines stay out
of the index.

Expected results are computed from the search index the build wrote: the
pages with a word that starts with the (folded, singular) query word.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import unicodedata

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

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
    return set(ranked_results(page, query))


def ranked_results(page, query: str) -> list[str]:
    """The page paths of every result, best first."""
    first = search_results(page, query)
    meta = page.locator(".md-search-result__meta").inner_text()
    count = int(re.search(r"\d+", meta).group()) if re.search(r"\d+", meta) else len(first)
    items = page.locator(".md-search-result__item")
    scroll = page.locator(".md-search__scrollwrap")
    for _ in range(count + 20):  # bounded: each round shows at least one more, or tries again
        if items.count() >= count:
            break
        shown = items.count()
        # Material shows more each time the end of the list comes into view: scroll away from the
        # end and back, letting the browser draw in between, then wait for the longer list.
        scroll.evaluate("""async el => {
            const drawn = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            el.scrollTop = Math.max(0, el.scrollHeight - el.clientHeight - 200);
            await drawn();
            el.scrollTop = el.scrollHeight;
            await drawn();
        }""")
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n",
                                   arg=shown, timeout=5000)
    paths = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a:first-child')]
        .map(a => new URL(a.href).pathname)""")
    assert len(paths) == count, f"{query}: {len(paths)} van {count} resultaten geladen"
    return paths


@pytest.fixture
def home(page, site_url):
    page.goto(site_url + "/")
    return page


def test_a_word_finds_every_page_with_a_word_that_starts_with_it(home, index):
    # Compound words: "buurt" finds "buurtbemiddeling", also on pages without the word "buurt".
    expected = pages_with_words_starting(index, "buurt")
    assert {page for page in expected if "buurt" not in index[page]}
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


@pytest.mark.parametrize(("typed", "singular"), [("ouderen", "ouder"), ("wijken", "wijk")])
def test_the_word_as_typed_ranks_before_its_singular(home, index, typed, singular):
    # "ouderen" reduces to "ouder", which also starts "ouders": the doelgroep Ouders must not come first.
    with_typed = pages_with_words_starting(index, typed)
    only_singular = pages_with_words_starting(index, singular) - with_typed
    assert with_typed and only_singular, "kies een woord waarvan beide vormen op de site staan"
    ranked = ranked_results(home, typed)
    assert set(ranked) == with_typed | only_singular
    assert set(ranked[:len(with_typed)]) == with_typed


def one_letter_apart(a: str, b: str) -> bool:
    """Levenshtein distance of exactly one: one letter changed, added or left out."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def test_one_typo_in_a_longer_word_finds_the_intended_word(home, index):
    typo = "polarizatie"  # the example of issue 15; the site must never contain it (not even as an example)
    words = set().union(*index.values())
    assert not any(word.startswith(typo) for word in words)
    meant = {word for word in words if one_letter_apart(word, typo)}
    assert "polarisatie" in meant
    expected = set().union(*(pages_with_words_starting(index, word) for word in meant))
    assert all_results(home, typo) == expected
    assert all_results(home, "Polarizatie") == expected


def test_a_word_on_the_site_is_not_corrected(home, index):
    # "wijzen" is on the site and one letter from "wijken": it finds itself (and, as a plural,
    # words starting with "wijz"), never pages that only have "wijken".
    words = set().union(*index.values())
    assert "wijzen" in words and "wijken" in words
    assert all_results(home, "wijzen") == pages_with_words_starting(index, "wijz")


def test_the_print_form_stays_out_of_the_search_index(built_site, content):
    for checklist in content.checklists:  # on the pages, for paper
        html = (built_site / "checklists" / checklist.slug / "index.html").read_text(encoding="utf-8")
        assert "Toelichting / aantekeningen" in html and "Print deze checklist" in html
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for doc in docs:
        assert "Toelichting / aantekeningen" not in doc["text"], doc["location"]
        assert "Print deze checklist" not in doc["text"] and "....." not in doc["text"], doc["location"]


def test_checklist_snippets_read_as_the_checklist(home, index):
    # "pubers" is a sub-item of a checklist point, so the results show checklist text.
    assert any(page.startswith("/checklists/") for page in pages_with_words_starting(index, "pubers"))
    assert search_results(home, "pubers")
    texts = home.eval_on_selector_all(".md-search-result__item", "items => items.map(i => i.innerText)")
    assert texts and not any("aantekeningen" in text for text in texts)
