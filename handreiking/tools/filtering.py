"""The filter semantics of the interventiewijzer, in Python.

The browser does the filtering (``docs/assets/javascripts/handreiking-filter.js``);
this module is the reference it is tested against, and the place the facets
are defined: the export hands :data:`FACETS` and :data:`SEARCH_FIELDS` to the
browser, so both sides read the same definition.

- OR within a facet, AND between facets, AND with every word of the free text.
- A facet without a choice passes everything, except the values in its
  ``verborgen`` list: a gestopt praktijkvoorbeeld shows only when chosen.
- :data:`OPTIONAL_FACET` (the level of an erkenning) is a facet only once some
  praktijkvoorbeeld has one: before that the filter would only offer empty options.
- The count of an option is how many praktijkvoorbeelden the wijzer shows once
  that option is ticked as well (the page says so): ``len(select(...))`` with the
  option added. For a ticked option that is what is shown now.
- Text matching ignores case and accents: "financiele" finds "financiële".

    chosen = {"locatie": {"publieke-ruimte"}, "doelgroep": {"jongeren", "ouders"}}
    select(content.praktijkvoorbeelden, chosen, "dialoog")   # matching, in site order
    options = {facet.naam: content.taxonomieen[facet.naam].ids for facet in FACETS}
    counts(content.praktijkvoorbeelden, options, chosen, "dialoog")   # {"locatie": {"scholen": 15, ...}, ...}
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from collections.abc import Iterable, Mapping

from ..content.model import FACET_FIELDS, HIDDEN_STATUS, Praktijkvoorbeeld


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
SEARCH_FIELDS = ("titel", "samenvatting", "methodieken", "gemeente")
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


def search_text(voorbeeld: Praktijkvoorbeeld) -> str:
    parts = []
    for name in SEARCH_FIELDS:
        value = getattr(voorbeeld, name)
        parts += value if isinstance(value, tuple) else [value or ""]
    return normalize("\n".join(parts))


def matches_text(voorbeeld: Praktijkvoorbeeld, query: str) -> bool:
    haystack = search_text(voorbeeld)
    return all(word in haystack for word in normalize(query).split())


def passes(voorbeeld: Praktijkvoorbeeld, facet: Facet, chosen: Iterable[str]) -> bool:
    chosen = set(chosen)
    values = voorbeeld.values(facet.naam)
    if not chosen:
        return not any(value in facet.verborgen for value in values)
    return any(value in chosen for value in values)


def select(voorbeelden: Iterable[Praktijkvoorbeeld], chosen: Selection, query: str = "",
           facets: tuple[Facet, ...] | None = None) -> list[Praktijkvoorbeeld]:
    """The praktijkvoorbeelden the wijzer shows for this selection, in the given order.

    ``facets``: those of the whole wijzer when ``voorbeelden`` is only part of it.
    """
    voorbeelden = list(voorbeelden)
    facets = facets or active_facets(voorbeelden)
    return [v for v in voorbeelden
            if matches_text(v, query) and all(passes(v, f, chosen.get(f.naam, ())) for f in facets)]


def with_option(chosen: Selection, facet: str, option: str) -> dict[str, set[str]]:
    """The selection after also ticking ``option`` of ``facet``."""
    result = {name: set(values) for name, values in chosen.items()}
    result.setdefault(facet, set()).add(option)
    return result


def counts(voorbeelden: Iterable[Praktijkvoorbeeld], options: Selection, chosen: Selection,
           query: str = "") -> dict[str, dict[str, int]]:
    """Per facet and option (``options``: facet name -> vocabulary ids): how many are shown once it is ticked.

    Written as the definition, not fast: the browser computes the same in one pass.
    """
    voorbeelden = list(voorbeelden)
    facets = active_facets(voorbeelden)
    voorbeelden = [v for v in voorbeelden if matches_text(v, query)]
    return {facet.naam: {option: len(select(voorbeelden, with_option(chosen, facet.naam, option), facets=facets))
                         for option in options.get(facet.naam, ())}
            for facet in facets}
