"""The filter semantics of the interventiewijzer, in Python.

The browser does the filtering (``docs/assets/javascripts/handreiking-filter.js``);
this module is the reference it is tested against, and the place the facets
are defined: the export hands :data:`FACETS` to the browser, so both sides read
the same definition.

- OR within a facet, AND between facets, AND with every word of the free text.
- The free text goes through the site's Dutch text analysis (:mod:`handreiking.tools.tekst`):
  a word matches a praktijkvoorbeeld when it, its stem, a synonym, its compound parts or (one typo)
  a near word occurs in one of its fields (:mod:`handreiking.tools.zoekvelden`). With a text, the
  matches come best first: per word its best match times the weight of the field, added up;
  on a tie, site order.
- A facet without a choice passes everything, except the values in its
  ``verborgen`` list: a gestopt praktijkvoorbeeld shows only when chosen.
- :data:`OPTIONAL_FACET` (the level of an erkenning) is a facet only once some
  praktijkvoorbeeld has one: before that the filter would only offer empty options.
- The count of an option is how many praktijkvoorbeelden the wijzer shows once
  that option is ticked as well (the page says so): ``len(select(...))`` with the
  option added. For a ticked option that is what is shown now.

    zoeker = Zoeker(content)
    chosen = {"locatie": {"publieke-ruimte"}, "doelgroep": {"jongeren", "ouders"}}
    select(content.praktijkvoorbeelden, chosen, "dialoog", zoeker=zoeker)   # matching, best first
    options = {facet.naam: content.taxonomieen[facet.naam].ids for facet in FACETS}
    counts(content.praktijkvoorbeelden, options, chosen, "dialoog", zoeker)   # {"locatie": {"scholen": 15, ...}}
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from collections.abc import Iterable, Mapping

from ..content.model import FACET_FIELDS, HIDDEN_STATUS, Content, Praktijkvoorbeeld
from . import zoekvelden
from .tekst import QueryWord


@dataclass(frozen=True)
class Facet:
    naam: str  # vocabulary name and URL parameter
    veld: str  # praktijkvoorbeeld field holding the ids
    verborgen: tuple[str, ...] = ()  # values hidden while nothing is chosen in this facet


FACETS = (
    *(Facet(naam, veld) for naam, veld in FACET_FIELDS.items()),
    Facet("status", "status", verborgen=(HIDDEN_STATUS,)),
)
# The level of an optional erkenning: a facet only once an example has one (see active_facets).
OPTIONAL_FACET = Facet("erkenningsniveau", "erkenningsniveau")
TEXT_PARAMETER = "q"

Selection = Mapping[str, Iterable[str]]


def active_facets(voorbeelden: Iterable[Praktijkvoorbeeld]) -> tuple[Facet, ...]:
    """The facets the wijzer shows: :data:`FACETS`, and the optional one when some example has a value for it."""
    used = any(v.values(OPTIONAL_FACET.naam) for v in voorbeelden)
    return FACETS + (OPTIONAL_FACET,) if used else FACETS


def normalize(text: str) -> str:
    """Lower case without accents: 'Financiële' -> 'financiele' (the browser does the same)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.category(char).startswith("M")).lower()


class Zoeker:
    """The word search over the praktijkvoorbeelden of ``content``: the text analysis and each one's fields."""

    def __init__(self, content: Content):
        self.analysis = zoekvelden.analysis(content)
        self.teksten = {v.slug: {name: self.analysis.text(found) for name, found in zoekvelden.velden(v, content).items()}
                        for v in content.praktijkvoorbeelden}

    def score(self, voorbeeld: Praktijkvoorbeeld, query: list[QueryWord]) -> float | None:
        """None when a query word matches nowhere; else per word its best match times the field's weight, added."""
        total = 0.0
        for word in query:
            best = 0.0
            for name, text in self.teksten[voorbeeld.slug].items():
                found = self.analysis.match(word, text)
                if found:
                    best = max(best, found.gewicht * zoekvelden.FIELD_WEIGHTS[name])
            if not best:
                return None
            total += best
        return total


def ranked_by_text(voorbeelden: Iterable[Praktijkvoorbeeld], query: str,
                   zoeker: Zoeker | None) -> list[Praktijkvoorbeeld]:
    """Those matching every word of ``query``, best first (site order on a tie); all of them without a query."""
    voorbeelden = list(voorbeelden)
    if zoeker is None:
        if query.strip():
            raise ValueError("een zoektekst vraagt een Zoeker")
        return voorbeelden
    words = zoeker.analysis.query(query)
    if not words:
        return voorbeelden
    scored = [(score, v) for v in voorbeelden if (score := zoeker.score(v, words)) is not None]
    return [v for _, v in sorted(scored, key=lambda pair: -pair[0])]


def passes(voorbeeld: Praktijkvoorbeeld, facet: Facet, chosen: Iterable[str]) -> bool:
    chosen = set(chosen)
    values = voorbeeld.values(facet.naam)
    if not chosen:
        return not any(value in facet.verborgen for value in values)
    return any(value in chosen for value in values)


def select(voorbeelden: Iterable[Praktijkvoorbeeld], chosen: Selection, query: str = "",
           facets: tuple[Facet, ...] | None = None, zoeker: Zoeker | None = None) -> list[Praktijkvoorbeeld]:
    """The praktijkvoorbeelden the wijzer shows for this selection: in the given order, or best first for a text.

    ``facets``: those of the whole wijzer when ``voorbeelden`` is only part of it.
    """
    voorbeelden = list(voorbeelden)
    facets = facets or active_facets(voorbeelden)
    return [v for v in ranked_by_text(voorbeelden, query, zoeker)
            if all(passes(v, f, chosen.get(f.naam, ())) for f in facets)]


def with_option(chosen: Selection, facet: str, option: str) -> dict[str, set[str]]:
    """The selection after also ticking ``option`` of ``facet``."""
    result = {name: set(values) for name, values in chosen.items()}
    result.setdefault(facet, set()).add(option)
    return result


def counts(voorbeelden: Iterable[Praktijkvoorbeeld], options: Selection, chosen: Selection,
           query: str = "", zoeker: Zoeker | None = None) -> dict[str, dict[str, int]]:
    """Per facet and option (``options``: facet name -> vocabulary ids): how many are shown once it is ticked.

    Written as the definition, not fast: the browser computes the same in one pass.
    """
    voorbeelden = list(voorbeelden)
    facets = active_facets(voorbeelden)
    voorbeelden = ranked_by_text(voorbeelden, query, zoeker)
    return {facet.naam: {option: len(select(voorbeelden, with_option(chosen, facet.naam, option), facets=facets))
                         for option in options.get(facet.naam, ())}
            for facet in facets}
