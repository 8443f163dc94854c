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
  reason from the analysis itself (not only ``altijd``) is *gericht*.
- **Praktijkvoorbeelden.** Each one gets a score from what it shares with the analysis, every part a
  reason (:class:`Reden`), strongest first:
  - a chosen problematiek, locatie or doelgroep it carries, weighed by field (:data:`WEIGHTS`) and by how
    rare it is: ``idf = ln((N + 1) / (n + 1))`` for N shown praktijkvoorbeelden, n of them carrying it;
  - a gerichte oplossingsrichting it belongs to, weighed the same way (half for one that is not its first);
  - the professional's own words (``situatie``), through the text analysis of :mod:`handreiking.tools.tekst`
    over the fields of :mod:`handreiking.tools.zoekvelden`: per word its best match (relative to the
    heaviest field) times the word's idf over the praktijkvoorbeelden; a word most of them match
    (idf below :data:`WORD_MIN_IDF`) does not count;
  - the vuistregels of step 4.2 (checklist items with a ``vuistregel``): a rule it follows adds, one it
    does not follow subtracts; a rule with ``geldt_bij`` only counts when the analysis names that.
  Shown: those that share a chosen value, a gerichte oplossingsrichting or a word; not ``gestopt``
  unless asked. **Against** a praktijkvoorbeeld (:class:`Tegen`) counts what contradicts the case: a
  group or place of its ``voor_buurten_met`` that the analysis does not name, none of the chosen
  problematiek (unless its first oplossingsrichting is suggested for "weten we niet" or a ticked item),
  or none of the chosen locaties (each only when some shown praktijkvoorbeeld carries a chosen one).
  Ranking: those without anything against first, by score (site order on a tie), then the others by
  score. The first :data:`EERSTE` without anything against are *voorgesteld* (the shortlist).
- **Checklists.** Proposed: a checklist whose ``bij_problematiek`` holds a chosen problematiek, and the
  checklists of a gerichte oplossingsrichting. Ordered by score (the tie to a problematiek counts most,
  her words found in the checklist move it up), at most :data:`EERSTE`.
- **Vuistregels** are evaluated per praktijkvoorbeeld (``Vuistregel.verdict``): voldoet, voldoet_niet or
  onbekend (the content does not record what the rule looks at). :func:`toets` holds a choice (the praktijkvoorbeelden
  of the proposal) against every rule, with the values that decided each verdict; a rule whose ``geldt_bij`` the
  analysis does not name does not apply (``geldt`` false).

    adviseur = Adviseur(content)
    advies = adviseur.advise(Antwoorden({"problematiek": ["weerstand-komst-azc"]}, situatie="moskee, petitie"))
    advies.praktijkvoorbeelden[0]   # Treffer(slug=..., score=..., redenen=(Reden(...), ...), voorgesteld=True)
    advies.checklists               # [ChecklistVoorstel(slug="open-communiceren-bij-komst-azc", ...), ...]
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from collections.abc import Collection, Iterable, Mapping

from ..content.model import (HIDDEN_STATUS, Checklist, Content, Oplossingsrichting, Praktijkvoorbeeld, Taxonomie,
                             Vuistregel)
from . import zoekvelden
from .filtering import Zoeker

# How much each kind of reason weighs (times the idf of the value); the browser reads them from the data.
WEIGHTS = {"problematiek": 1.0, "oplossingsrichting": 1.0, "locatie": 0.5, "doelgroep": 0.5, "woorden": 0.8,
           "vuistregel": 0.25, "bijkomend": 0.5}
# The vocabularies a praktijkvoorbeeld shares with the answers, in the order the page names them.
SHARED = ("problematiek", "locatie", "doelgroep")
SUGGESTED = "oplossingsrichting"
EERSTE = 5  # the shortlist: at most this many praktijkvoorbeelden, and at most this many checklists
SITUATIE_LENGTE = 300  # characters of "Wat speelt er?" (the form and the address keep no more)
WORD_MIN_IDF = 1.0  # her words that most praktijkvoorbeelden match ("groep", "buurt") say too little to count
PRECISION = 1e6  # scores are rounded to this (1e-6), so Python and the browser order them the same


def rounded(value: float) -> float:
    return math.floor(value * PRECISION + 0.5) / PRECISION


def idf(carrying: int, total: int) -> float:
    """How much a value says: rare values count more (0 when every praktijkvoorbeeld carries it)."""
    return rounded(math.log((total + 1) / (carrying + 1)))


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
    situatie: str = ""  # "Wat speelt er, in een paar woorden?"

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


@dataclass(frozen=True)
class Reden:
    """Part of a score: what it shares (``soort`` is a key of WEIGHTS) and how much that adds."""

    soort: str
    waarden: tuple[str, ...]  # ids; for 'woorden' her words; for 'vuistregel' rule ids
    gewicht: float
    treffers: tuple[str, ...] = ()  # for 'woorden': what each of her words matched, as the text has it


@dataclass(frozen=True)
class Tegen:
    """What contradicts the case: 'voor_buurten_met' (groups or places not named), 'problematiek', 'locatie'."""

    soort: str
    waarden: tuple[str, ...]  # for voor_buurten_met the doelgroepen and locaties not named; else the item's own


@dataclass(frozen=True)
class Treffer:
    """A shown praktijkvoorbeeld: its score, its reasons strongest first, what counts against it."""

    slug: str
    score: float
    redenen: tuple[Reden, ...]
    tegen: tuple[Tegen, ...] = ()
    voorgesteld: bool = False  # in the shortlist


@dataclass(frozen=True)
class ChecklistVoorstel:
    slug: str
    score: float
    redenen: tuple[Reden, ...]


@dataclass(frozen=True)
class Advies:
    buiten_focus: list[str]
    oplossingsrichtingen: list[Suggestie]
    praktijkvoorbeelden: list[Treffer]
    checklists: list[ChecklistVoorstel]


def vuistregels(checklists: Iterable[Checklist]) -> list[Vuistregel]:
    """The vuistregels of step 4.2 as tests, in their order."""
    return [item.vuistregel for checklist in checklists for item in checklist.items if item.vuistregel]


def applies(regel: Vuistregel, antwoorden: Antwoorden) -> bool:
    """A rule with ``geldt_bij`` counts only when the analysis names one of those values."""
    return all(antwoorden.chosen(naam) & set(ids) for naam, ids in regel.geldt_bij.items())


@dataclass(frozen=True)
class Oordeel:
    """One chosen praktijkvoorbeeld against one vuistregel, and what decided it."""

    slug: str
    oordeel: str  # 'voldoet', 'voldoet_niet' or 'onbekend'
    waarden: tuple[tuple[str, str], ...]  # (field, id) of the praktijkvoorbeeld that decided it; () for onbekend


@dataclass(frozen=True)
class Toetsing:
    """A choice against one vuistregel: whether the rule applies to this analysis, and a verdict per item."""

    regel: str
    geldt: bool
    oordelen: tuple[Oordeel, ...]


def _oordeel(regel: Vuistregel, voorbeeld: Praktijkvoorbeeld) -> Oordeel:
    verdict = regel.verdict(voorbeeld)
    tested = {"voldoet": regel.voldoet, "voldoet_niet": regel.voldoet_niet}.get(verdict, {})
    waarden = tuple((name, value) for name, ids in tested.items() for value in getattr(voorbeeld, name) if value in ids)
    return Oordeel(voorbeeld.slug, verdict, waarden)


def toets(regels: Iterable[Vuistregel], voorbeelden: Iterable[Praktijkvoorbeeld],
          antwoorden: Antwoorden) -> list[Toetsing]:
    """The chosen praktijkvoorbeelden (in the order given) held against every vuistregel, in the rules' order."""
    voorbeelden = list(voorbeelden)
    return [Toetsing(regel.id, applies(regel, antwoorden), tuple(_oordeel(regel, v) for v in voorbeelden))
            for regel in regels]


class Adviseur:
    """The advice over one content: its text analysis, the fields of each praktijkvoorbeeld and checklist."""

    def __init__(self, content: Content):
        self.content = content
        self.zoeker = Zoeker(content)
        self.analysis = self.zoeker.analysis
        self.regels = vuistregels(content.checklists)
        self.voorstellen = stelt_voor(content.checklists)
        self.checklist_teksten = {c.slug: self.analysis.text(zoekvelden.checklist_woorden(c))
                                  for c in content.checklists}

    def advise(self, antwoorden: Antwoorden) -> Advies:
        richtingen = suggesties(self.content.oplossingsrichtingen, antwoorden, self.voorstellen)
        return Advies(buiten_focus(self.content.taxonomieen["fase"], antwoorden), richtingen,
                      self.treffers(antwoorden, richtingen), self.checklists(antwoorden, richtingen))

    # --- praktijkvoorbeelden -------------------------------------------------------------------------

    def treffers(self, antwoorden: Antwoorden, richtingen: Iterable[Suggestie] = ()) -> list[Treffer]:
        visible = [v for v in self.content.praktijkvoorbeelden
                   if v.status != HIDDEN_STATUS or antwoorden.ook_gestopt]
        gericht = [s.id for s in richtingen if s.gericht]
        chosen = {naam: antwoorden.chosen(naam) for naam in SHARED}
        chosen[SUGGESTED] = set(gericht)
        total = len(visible)
        rarity = {naam: {value: idf(sum(value in v.values(naam) for v in visible), total) for value in values}
                  for naam, values in chosen.items()}
        words, matches, word_idf = self._her_words(antwoorden, visible)
        # A contradiction of a kind counts only when some shown praktijkvoorbeeld carries a chosen value of it.
        carried = {naam: {value for v in visible for value in v.values(naam) if value in chosen[naam]}
                   for naam in ("problematiek", "locatie")}
        # A richting suggested for "weten we niet" or a ticked item, not for a problematiek: its praktijkvoorbeelden
        # answer that, so another problematiek does not count against them.
        exempt = {s.id for s in richtingen if s.gericht and not s.problematiek}
        found = []
        for voorbeeld in visible:
            redenen = self._shared(voorbeeld, chosen, rarity)
            woorden = [(word.woord, match) for word, match in zip(words, matches[voorbeeld.slug]) if match]
            if not redenen and not woorden:
                continue
            if woorden:
                gewicht = sum(word_idf[i] * match[0] for i, match in enumerate(matches[voorbeeld.slug]) if match)
                redenen.append(Reden("woorden", tuple(w for w, _ in woorden), rounded(WEIGHTS["woorden"] * gewicht),
                                     tuple(match[1] for _, match in woorden)))
            redenen += self._rules(voorbeeld, antwoorden)
            redenen = [r for r in redenen if r.gewicht]
            redenen.sort(key=lambda r: -r.gewicht)
            score = rounded(sum(r.gewicht for r in redenen))
            found.append(Treffer(voorbeeld.slug, score, tuple(redenen),
                                 tuple(self._against(voorbeeld, chosen, carried, exempt))))
        found.sort(key=lambda t: (bool(t.tegen), -t.score))  # stable: site order on a tie
        fitting = [t for t in found if not t.tegen][:EERSTE]
        return [Treffer(t.slug, t.score, t.redenen, t.tegen, voorgesteld=True) for t in fitting] + found[len(fitting):]

    def _her_words(self, antwoorden: Antwoorden, visible: list[Praktijkvoorbeeld]):
        """Her words that say something (idf at least WORD_MIN_IDF), their best match per praktijkvoorbeeld, their idf."""
        words = self.analysis.query(antwoorden.situatie)
        matches = {v.slug: [self._best(v, word) for word in words] for v in visible}
        word_idf = [idf(sum(1 for v in visible if matches[v.slug][i]), len(visible)) for i in range(len(words))]
        keep = [i for i in range(len(words)) if word_idf[i] >= WORD_MIN_IDF]
        return ([words[i] for i in keep], {slug: [found[i] for i in keep] for slug, found in matches.items()},
                [word_idf[i] for i in keep])

    def _best(self, voorbeeld: Praktijkvoorbeeld, word) -> tuple[float, str] | None:
        """Her word's best match in the fields, relative to the heaviest field, and what it matched."""
        best = None
        heaviest = max(zoekvelden.FIELD_WEIGHTS.values())
        for name, text in self.zoeker.teksten[voorbeeld.slug].items():
            match = self.analysis.match(word, text)
            if match:
                value = rounded(match.gewicht * zoekvelden.FIELD_WEIGHTS[name] / heaviest)
                if best is None or value > best[0]:
                    best = (value, match.tekst)
        return best

    def _shared(self, voorbeeld: Praktijkvoorbeeld, chosen: Mapping[str, set[str]],
                rarity: Mapping[str, Mapping[str, float]]) -> list[Reden]:
        redenen = []
        for naam in (*SHARED, SUGGESTED):
            own = voorbeeld.values(naam)
            values = tuple(value for value in own if value in chosen[naam])
            if not values:
                continue
            if naam == SUGGESTED:  # its first oplossingsrichting is where step 4 lists it
                gewicht = sum(rarity[naam][value] * (1 if value == own[0] else WEIGHTS["bijkomend"]) for value in values)
            elif naam == "problematiek":  # each problem it addresses counts
                gewicht = sum(rarity[naam][value] for value in values)
            else:  # one fitting place or group is enough
                gewicht = max(rarity[naam][value] for value in values)
            redenen.append(Reden(naam, values, rounded(WEIGHTS[naam] * gewicht)))
        return redenen

    def _rules(self, voorbeeld: Praktijkvoorbeeld, antwoorden: Antwoorden) -> list[Reden]:
        verdicts = [(t.regel, t.oordelen[0].oordeel) for t in toets(self.regels, [voorbeeld], antwoorden) if t.geldt]
        met = tuple(rule for rule, verdict in verdicts if verdict == "voldoet")
        missed = tuple(rule for rule, verdict in verdicts if verdict == "voldoet_niet")
        return [Reden("vuistregel", met, rounded(WEIGHTS["vuistregel"] * len(met))),
                Reden("vuistregel_niet", missed, rounded(-WEIGHTS["vuistregel"] * len(missed)))]

    @staticmethod
    def _against(voorbeeld: Praktijkvoorbeeld, chosen: Mapping[str, set[str]], carried: Mapping[str, set[str]],
                 exempt: set[str]) -> list[Tegen]:
        tegen = []
        needs = voorbeeld.voor_buurten_met
        if needs:
            missing = tuple(d for d in needs.doelgroepen if d not in chosen["doelgroep"])
            missing += tuple(loc for loc in needs.locaties if loc not in chosen["locatie"])
            if missing:
                tegen.append(Tegen("voor_buurten_met", missing))
        for naam in ("problematiek", "locatie"):
            if naam == "problematiek" and voorbeeld.oplossingsrichtingen[0] in exempt:
                continue
            if carried[naam] and not set(voorbeeld.values(naam)) & chosen[naam]:
                tegen.append(Tegen(naam, voorbeeld.values(naam)))
        return tegen

    # --- checklists ---------------------------------------------------------------------------------

    def checklists(self, antwoorden: Antwoorden, richtingen: Iterable[Suggestie] = ()) -> list[ChecklistVoorstel]:
        problematiek = antwoorden.chosen("problematiek")
        gericht = [s.id for s in richtingen if s.gericht]
        tied = {slug: richting for richting in self.content.oplossingsrichtingen if richting.id in gericht
                for slug in richting.checklists}
        visible = [v for v in self.content.praktijkvoorbeelden
                   if v.status != HIDDEN_STATUS or antwoorden.ook_gestopt]
        words = self._her_words(antwoorden, visible)[0]
        found = []
        for checklist in self.content.checklists:
            redenen = []
            own = tuple(p for p in checklist.bij_problematiek if p in problematiek)
            if own:  # the handreiking ties the checklist to this problem itself
                redenen.append(Reden("problematiek", own, rounded(3 * WEIGHTS["problematiek"])))
            if checklist.slug in tied and not checklist.bij_problematiek:
                redenen.append(Reden("oplossingsrichting", (tied[checklist.slug].id,), WEIGHTS["oplossingsrichting"]))
            if redenen:  # her words move a proposed checklist up; they do not propose one
                text = self.checklist_teksten[checklist.slug]
                hits = [(word.woord, match) for word in words if (match := self.analysis.match(word, text))]
                if hits:  # at most as far as one tie to an oplossingsrichting
                    gewicht = min(WEIGHTS["oplossingsrichting"], WEIGHTS["woorden"] * sum(m.gewicht for _, m in hits) / 2)
                    redenen.append(Reden("woorden", tuple(w for w, _ in hits), rounded(gewicht),
                                         tuple(m.tekst for _, m in hits)))
            if redenen:
                redenen.sort(key=lambda r: -r.gewicht)
                found.append(ChecklistVoorstel(checklist.slug, rounded(sum(r.gewicht for r in redenen)),
                                               tuple(redenen)))
        found.sort(key=lambda c: -c.score)
        return found[:EERSTE]
