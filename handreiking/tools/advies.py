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
    is empty or holds at least one chosen locatie; or
  - a ticked checklist item names it in ``stelt_voor`` (triggers, sentiments).
  Suggestions keep the site order (``nummer``) and carry their reasons. A suggestion with a
  reason from the analysis itself (not only ``altijd``) is *gericht*: its praktijkvoorbeelden count.
- **Praktijkvoorbeelden.** A praktijkvoorbeeld shares with the analysis the chosen locaties,
  doelgroepen and problematiek it carries and the gerichte oplossingsrichtingen it belongs to
  (:data:`RANKING`); its score is how many. Shown: score of at least 1, and not ``gestopt``
  unless asked. The ranking: score, high first, then site order.
  **The first selection** covers before it repeats: every chosen locatie, chosen problematiek
  and gerichte oplossingsrichting that some shown praktijkvoorbeeld carries (:data:`COVER`) is
  covered by one of the first. Pick, again and again, the praktijkvoorbeeld that covers the most
  of what is not yet covered (on a tie the higher in the ranking), until all is covered; then add
  from the ranking up to :data:`EERSTE`. The rest follows in ranking order.

    antwoorden = Antwoorden({"locatie": ["publieke-ruimte"], "problematiek": ["overlast-jeugd"]}, onbekend=["2.3"])
    richtingen = suggesties(content.oplossingsrichtingen, antwoorden, stelt_voor(content.checklists))
    treffers(content.praktijkvoorbeelden, antwoorden, richtingen)   # [Treffer(..., eerst=True), ...]
    buiten_focus(content.taxonomieen["fase"], antwoorden)           # ["escalatie"] or []
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Collection, Iterable, Mapping

from ..content.model import HIDDEN_STATUS, Checklist, Oplossingsrichting, Praktijkvoorbeeld, Taxonomie

# What a praktijkvoorbeeld shares with the analysis, in the order the page names it.
RANKING = ("locatie", "doelgroep", "problematiek", "oplossingsrichting")
# What the first selection covers: each chosen value of these that some shown praktijkvoorbeeld carries.
COVER = ("locatie", "problematiek", "oplossingsrichting")
SUGGESTED = "oplossingsrichting"  # in RANKING and COVER: the gerichte suggestions, not a choice in the form
EERSTE = 5  # the first selection has at least this many (when there are), more when covering needs more


def punt_value(checklist: Checklist, sectie: int, item: int) -> str:
    """The form value of a checklist item without a koppeling: 'kenmerken-betrokken-groepen-1-2' (from 1)."""
    return f"{checklist.slug}-{sectie}-{item}"


def stelt_voor(checklists: Iterable[Checklist]) -> dict[str, tuple[str, ...]]:
    """Checklist items that suggest oplossingsrichtingen when ticked: punt value -> ids."""
    return {punt_value(checklist, s, i): item.stelt_voor
            for checklist in checklists for s, sectie in enumerate(checklist.secties, start=1)
            for i, item in enumerate(sectie.items, start=1) if item.stelt_voor and not item.koppeling}


@dataclass(frozen=True)
class Antwoorden:
    """What the analysis says: chosen ids per vocabulary, the steps marked "weten we niet", ticked items."""

    keuzes: Mapping[str, Collection[str]] = field(default_factory=dict)
    onbekend: Collection[str] = ()
    ook_gestopt: bool = False
    punten: Collection[str] = ()

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
    punten: tuple[str, ...] = ()  # ticked checklist items that name it

    @property
    def gericht(self) -> bool:
        """Suggested for a reason from the analysis, not only because it always applies."""
        return bool(self.onbekend or self.problematiek or self.punten)


@dataclass(frozen=True)
class Treffer:
    """A shown praktijkvoorbeeld: what it shares per vocabulary, and what it covers in the first selection."""

    slug: str
    gedeeld: dict[str, tuple[str, ...]]
    eerst: bool = False  # in the first selection
    dekt: dict[str, tuple[str, ...]] = field(default_factory=dict)  # what it was picked to cover (may be empty)

    @property
    def score(self) -> int:
        return sum(len(values) for values in self.gedeeld.values())


def buiten_focus(fasen: Taxonomie, antwoorden: Antwoorden) -> list[str]:
    """The chosen fasen this handreiking is not meant for, in vocabulary order."""
    chosen = antwoorden.chosen("fase")
    return [term.id for term in fasen.termen if term.buiten_focus and term.id in chosen]


def suggestie(richting: Oplossingsrichting, antwoorden: Antwoorden,
              voorstellen: Mapping[str, Collection[str]] | None = None) -> Suggestie | None:
    """The oplossingsrichting with its reasons when it applies to these answers, else None."""
    wanneer = richting.wanneer
    problematiek = antwoorden.chosen("problematiek")
    locaties = antwoorden.chosen("locatie")
    onbekend = tuple(sorted(antwoorden.onbekend)) if wanneer.bij_ontbrekende_informatie else ()
    matched_problematiek = tuple(p for p in wanneer.problematiek if p in problematiek)
    matched_locaties = tuple(loc for loc in wanneer.locaties if loc in locaties)
    by_answers = bool(matched_problematiek) and (not wanneer.locaties or bool(matched_locaties))
    ticked = set(antwoorden.punten)
    punten = tuple(punt for punt, ids in (voorstellen or {}).items() if punt in ticked and richting.id in ids)
    if not (wanneer.altijd or onbekend or by_answers or punten):
        return None
    return Suggestie(richting.id, altijd=wanneer.altijd, onbekend=onbekend,
                     problematiek=matched_problematiek if by_answers else (),
                     locaties=matched_locaties if by_answers else (), punten=punten)


def suggesties(richtingen: Iterable[Oplossingsrichting], antwoorden: Antwoorden,
               voorstellen: Mapping[str, Collection[str]] | None = None) -> list[Suggestie]:
    """The suggested oplossingsrichtingen, in the given (site) order; ``voorstellen`` is :func:`stelt_voor`."""
    return [found for richting in richtingen if (found := suggestie(richting, antwoorden, voorstellen)) is not None]


def _shared(voorbeeld: Praktijkvoorbeeld, antwoorden: Antwoorden, gericht: set[str]) -> dict[str, tuple[str, ...]]:
    gedeeld = {}
    for vocabulary in RANKING:
        chosen = gericht if vocabulary == SUGGESTED else antwoorden.chosen(vocabulary)
        gedeeld[vocabulary] = tuple(value for value in voorbeeld.values(vocabulary) if value in chosen)
    return gedeeld


def _covers(gedeeld: Mapping[str, tuple[str, ...]]) -> set[tuple[str, str]]:
    return {(vocabulary, value) for vocabulary in COVER for value in gedeeld[vocabulary]}


def treffers(voorbeelden: Iterable[Praktijkvoorbeeld], antwoorden: Antwoorden,
             richtingen: Iterable[Suggestie] = ()) -> list[Treffer]:
    """The shown praktijkvoorbeelden: the first selection (covering, then best), then the rest by ranking."""
    gericht = {suggestie.id for suggestie in richtingen if suggestie.gericht}
    ranked = []
    for voorbeeld in voorbeelden:
        if voorbeeld.status == HIDDEN_STATUS and not antwoorden.ook_gestopt:
            continue
        treffer = Treffer(voorbeeld.slug, _shared(voorbeeld, antwoorden, gericht))
        if treffer.score:
            ranked.append(treffer)
    ranked.sort(key=lambda treffer: -treffer.score)  # stable: site order on a tie
    uncovered = set().union(*(_covers(treffer.gedeeld) for treffer in ranked))
    first: list[Treffer] = []
    rest = list(ranked)
    while uncovered:
        best = max(rest, key=lambda treffer: len(_covers(treffer.gedeeld) & uncovered))  # first on a tie
        new = _covers(best.gedeeld) & uncovered
        dekt = {vocabulary: tuple(value for value in best.gedeeld[vocabulary] if (vocabulary, value) in new)
                for vocabulary in COVER}
        first.append(Treffer(best.slug, best.gedeeld, eerst=True, dekt=dekt))
        rest.remove(best)
        uncovered -= new
    while len(first) < EERSTE and rest:
        best = rest.pop(0)
        first.append(Treffer(best.slug, best.gedeeld, eerst=True))
    return first + rest
