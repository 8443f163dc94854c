"""Reading the buurtanalyse in Chromium, and what Python expects it to show."""

from __future__ import annotations

from handreiking.tools import advies
from handreiking.site.urls import BUURTANALYSE_PARAMETERS as PARAMETERS
from tool_page import checked_boxes, tool_url


def analyse_url(base: str, keuzes: dict | None = None, onbekend=(), casus: str | None = None,
                gestopt: bool = False, situatie: str = "") -> str:
    """The link for these answers; ``base`` is the site root (http://... or file://...)."""
    params = [(name, value) for name, values in (keuzes or {}).items() for value in values]
    if situatie:
        params.append((PARAMETERS["situatie"], situatie))
    params += [(PARAMETERS["onbekend"], stap) for stap in onbekend]
    if casus:
        params.append((PARAMETERS["casus"], casus))
    if gestopt:
        params.append((PARAMETERS["gestopt"], "ja"))
    return tool_url(base, "buurtanalyse", params)


def open_analyse(page, url: str):
    page.goto(url)
    page.wait_for_selector("#ba-beheer", state="visible")
    return page


def antwoorden(keuzes: dict | None = None, onbekend=(), gestopt: bool = False, punten=(),
               situatie: str = "") -> advies.Antwoorden:
    return advies.Antwoorden(keuzes or {}, onbekend, gestopt, punten, situatie)


_ADVISEURS: dict[int, advies.Adviseur] = {}


def adviseur(content) -> advies.Adviseur:
    """The advice over ``content``, made once per content (it analyses every text)."""
    if id(content) not in _ADVISEURS:
        _ADVISEURS[id(content)] = advies.Adviseur(content)
    return _ADVISEURS[id(content)]


def expected_richtingen(content, answers: advies.Antwoorden) -> list[advies.Suggestie]:
    return advies.suggesties(content.oplossingsrichtingen, answers, advies.stelt_voor(content.checklists))


def expected_voorbeelden(content, answers: advies.Antwoorden) -> list[tuple[str, float, bool]]:
    """(slug, score, proposed), in the order the page shows them."""
    return [(t.slug, t.score, t.voorgesteld) for t in adviseur(content).advise(answers).praktijkvoorbeelden]


def shown_richtingen(page) -> list[str]:
    return page.eval_on_selector_all("#advies [data-oplossingsrichting]",
                                     "items => items.map(i => i.dataset.oplossingsrichting)")


def shown_voorbeelden(page) -> list[tuple[str, float, bool]]:
    """Every praktijkvoorbeeld of the advice with its score and whether it is proposed, in order.

    Before "Toon alle" (clicked here when there) exactly the proposed ones show.
    """
    more = page.locator("#advies-meer")
    first = None
    if more.is_visible():
        first = page.eval_on_selector_all("#advies-voorbeelden [data-slug]",
                                          "items => items.map(i => i.dataset.voorgesteld)")
        assert set(first) <= {"ja"}
        more.click()
    found = page.eval_on_selector_all(
        "#advies-voorbeelden [data-slug]",
        "items => items.map(i => [i.dataset.slug, i.dataset.score, i.dataset.voorgesteld])")
    if first is not None:
        assert len(first) == sum(voorgesteld == "ja" for *_, voorgesteld in found)
    return [(slug, float(score), voorgesteld == "ja") for slug, score, voorgesteld in found]


def waarom(page, richting_id: str) -> str:
    return page.locator(f'#advies [data-oplossingsrichting="{richting_id}"] .ba-waarom').inner_text()


def checked(page) -> dict[str, set[str]]:
    return checked_boxes(page, "#ba-formulier input[type=checkbox]:checked")
