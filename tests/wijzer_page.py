"""Reading the interventiewijzer in Chromium, and what Python expects it to show."""

from __future__ import annotations

from handreiking.tools import filtering
from tool_page import checked_boxes, tool_url


def wijzer_url(base: str, chosen: dict, query: str = "") -> str:
    """The link for these choices; ``base`` is the site root (http://... or file://...)."""
    params = [(name, value) for name, values in chosen.items() for value in values]
    if query:
        params.append(("q", query))
    return tool_url(base, "interventiewijzer", params)


def open_wijzer(page, url: str):
    page.goto(url)
    page.wait_for_selector("#wijzer-filters")
    return page


def shown_slugs(page) -> list[str]:
    return page.eval_on_selector_all(
        "#resultaten [data-slug]", "cards => cards.filter(c => c.checkVisibility()).map(c => c.dataset.slug)")


def option_counts(page) -> dict[str, dict[str, int]]:
    return page.evaluate("""() => {
        const counts = {};
        for (const fieldset of document.querySelectorAll('#wijzer-filters fieldset[data-facet]')) {
            const facet = counts[fieldset.dataset.facet] = {};
            for (const box of fieldset.querySelectorAll('input[type=checkbox]')) {
                const text = document.querySelector(`label[for="${box.id}"] .wijzer-telling`).textContent;
                facet[box.value] = Number(text.replace(/[()]/g, ''));
            }
        }
        return counts;
    }""")


def checked(page) -> dict[str, set[str]]:
    return checked_boxes(page, "#wijzer-filters input:checked")


_ZOEKERS: dict[int, filtering.Zoeker] = {}


def zoeker(content) -> filtering.Zoeker:
    """The word search over ``content``, made once per content (it stems every word)."""
    if id(content) not in _ZOEKERS:
        _ZOEKERS[id(content)] = filtering.Zoeker(content)
    return _ZOEKERS[id(content)]


def expected_slugs(content, chosen: dict, query: str = "") -> list[str]:
    """What the wijzer shows, in its order: site order, or best first for a text."""
    return [v.slug for v in filtering.select(content.praktijkvoorbeelden, chosen, query, zoeker=zoeker(content))]


def expected_counts(content, chosen: dict, query: str = "") -> dict[str, dict[str, int]]:
    options = {facet.naam: content.taxonomieen[facet.naam].ids for facet in filtering.FACETS}
    return filtering.counts(content.praktijkvoorbeelden, options, chosen, query, zoeker(content))
