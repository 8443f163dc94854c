"""The advice of the buurtanalyse, in Python: from the answers of step 2 to steps 3 and 4.

The browser computes the advice (``docs/assets/javascripts/handreiking-advies.js``);
this module is the reference the tests compare it with. The rules read only the
content, and the page states them in the same words:

- **Fase.** A chosen fase that ``content/taxonomie/fase.yml`` marks ``buiten_focus``
  (incidenten, escalatie) gives the escalation note: this handreiking is for the early
  phases, see the KIS handreiking *Omgaan met maatschappelijke spanningen*.
- **Oplossingsrichtingen** (the ``wanneer`` of ``content/oplossingsrichtingen/<id>.yml``).
  One is suggested when
  - ``altijd`` is true; or
  - ``bij_ontbrekende_informatie`` is true and at least one step is marked "weten we niet"; or
  - at least one chosen problematiek is in ``wanneer.problematiek``, and ``wanneer.locaties``
    is empty or holds at least one chosen locatie.
  Suggestions keep the site order (``nummer``) and carry their reasons: the chosen
  problematiek and locaties that matched, the steps marked "weten we niet", or ``altijd``.
- **Praktijkvoorbeelden.** The score of a praktijkvoorbeeld is how many of the chosen
  locaties, doelgroepen and problematiek it carries (:data:`RANKING`). Shown: score of at
  least 1, and not ``gestopt`` unless asked. Order: score, high first; on a tie those that
  belong to a suggested oplossingsrichting first; then site order.

    antwoorden = Antwoorden({"locatie": ["publieke-ruimte"], "problematiek": ["overlast-jeugd"]}, onbekend=["2.3"])
    richtingen = suggesties(content.oplossingsrichtingen, antwoorden)   # [Suggestie("ontmoeting-buurt", ...), ...]
    treffers(content.praktijkvoorbeelden, antwoorden, [s.id for s in richtingen])
    buiten_focus(content.taxonomieen["fase"], antwoorden)                # ["escalatie"] or []
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Collection, Iterable, Mapping

from .filtering import HIDDEN_STATUS
from .model import Oplossingsrichting, Praktijkvoorbeeld, Taxonomie

# The vocabularies a praktijkvoorbeeld shares with the answers, in the order the page names them.
RANKING = ("locatie", "doelgroep", "problematiek")


@dataclass(frozen=True)
class Antwoorden:
    """What the analysis says: chosen ids per vocabulary, and the steps marked "weten we niet"."""

    keuzes: Mapping[str, Collection[str]] = field(default_factory=dict)
    onbekend: Collection[str] = ()
    ook_gestopt: bool = False

    def chosen(self, vocabulary: str) -> set[str]:
        return set(self.keuzes.get(vocabulary, ()))


@dataclass(frozen=True)
class Suggestie:
    """A suggested oplossingsrichting and why: the answers that made it apply."""

    id: str
    altijd: bool = False
    onbekend: tuple[str, ...] = ()  # steps marked "weten we niet", when that made it apply
    problematiek: tuple[str, ...] = ()  # chosen problematiek in its wanneer
    locaties: tuple[str, ...] = ()  # chosen locaties in its wanneer


@dataclass(frozen=True)
class Treffer:
    """A praktijkvoorbeeld that shares chosen values, with those values per vocabulary."""

    slug: str
    gedeeld: dict[str, tuple[str, ...]]
    in_richting: bool  # belongs to a suggested oplossingsrichting

    @property
    def score(self) -> int:
        return sum(len(values) for values in self.gedeeld.values())


def buiten_focus(fasen: Taxonomie, antwoorden: Antwoorden) -> list[str]:
    """The chosen fasen this handreiking is not meant for, in vocabulary order."""
    chosen = antwoorden.chosen("fase")
    return [term.id for term in fasen.termen if term.buiten_focus and term.id in chosen]


def suggestie(richting: Oplossingsrichting, antwoorden: Antwoorden) -> Suggestie | None:
    """The oplossingsrichting with its reasons when it applies to these answers, else None."""
    wanneer = richting.wanneer
    problematiek = antwoorden.chosen("problematiek")
    locaties = antwoorden.chosen("locatie")
    onbekend = tuple(sorted(antwoorden.onbekend)) if wanneer.bij_ontbrekende_informatie else ()
    matched_problematiek = tuple(p for p in wanneer.problematiek if p in problematiek)
    matched_locaties = tuple(loc for loc in wanneer.locaties if loc in locaties)
    by_answers = bool(matched_problematiek) and (not wanneer.locaties or bool(matched_locaties))
    if not (wanneer.altijd or onbekend or by_answers):
        return None
    return Suggestie(richting.id, altijd=wanneer.altijd, onbekend=onbekend,
                     problematiek=matched_problematiek if by_answers else (),
                     locaties=matched_locaties if by_answers else ())


def suggesties(richtingen: Iterable[Oplossingsrichting], antwoorden: Antwoorden) -> list[Suggestie]:
    """The suggested oplossingsrichtingen, in the given (site) order."""
    return [found for richting in richtingen if (found := suggestie(richting, antwoorden)) is not None]


def treffers(voorbeelden: Iterable[Praktijkvoorbeeld], antwoorden: Antwoorden,
             suggested: Collection[str] = ()) -> list[Treffer]:
    """The praktijkvoorbeelden sharing at least one chosen value, best first."""
    suggested = set(suggested)
    found = []
    for position, voorbeeld in enumerate(voorbeelden):
        if voorbeeld.status == HIDDEN_STATUS and not antwoorden.ook_gestopt:
            continue
        gedeeld = {}
        for vocabulary in RANKING:
            chosen = antwoorden.chosen(vocabulary)
            gedeeld[vocabulary] = tuple(value for value in voorbeeld.values(vocabulary) if value in chosen)
        treffer = Treffer(voorbeeld.slug, gedeeld, any(r in suggested for r in voorbeeld.oplossingsrichtingen))
        if treffer.score:
            found.append((-treffer.score, not treffer.in_richting, position, treffer))
    return [treffer for *_, treffer in sorted(found, key=lambda entry: entry[:3])]
