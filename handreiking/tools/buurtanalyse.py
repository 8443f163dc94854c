"""The buurtanalyse page as the server renders it: the form of step 2 (and 3.2), built from the checklists.

Without JavaScript this is a readable, printable form. The scripts in :data:`SCRIPTS`
add the advice (:mod:`handreiking.tools.advies` is its reference), the state in the address,
saving in the browser, export/import and the printed report.

One step is one ``<fieldset>`` (:data:`STAPPEN`, the checklists with that ``stap``), with:

- a checkbox per checklist item. An item (or section) with a ``koppeling`` is an answer
  the advice uses: ``name`` is the vocabulary, ``value`` the id (``name="locatie"
  value="publieke-ruimte"``), as in the interventiewijzer and its address. Other items are
  ``name="punt"`` with a stable value from the checklist slug and position
  (``kenmerken-betrokken-groepen-1-2``): saved and printed; the advice reads those with
  ``stelt_voor``. An item's voorbeelden are sub-items to tick (``...-1-2-v1``): ticking one
  ticks the item;
- the terms of the step's vocabulary that its checklist does not list (locatie
  'wijkoverstijgend', problematiek 'weerstand-komst-azc'), so every id the
  interventiewijzer knows can be answered;
- "weten we niet" (``name="onbekend" value="2.4"``), "Anders, namelijk" where the
  checklist has it, and notes.

    buurtanalyse_html(content, link)   # link("interventiewijzer.md") -> "../interventiewijzer/"
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

from markupsafe import Markup

from ..content.model import BRON, HIDDEN_STATUS, LINK_KEYS, Checklist, ChecklistItem, Content
from ..site.templating import html_templates
from ..site.text import rich_text
from ..site.urls import BUURTANALYSE_PARAMETERS, VERGELIJK, WIJZER
from .advies import (EERSTE, PRECISION, SHARED, SITUATIE_LENGTE, SUGGESTED, WEIGHTS, WORD_MIN_IDF, punt_value,
                     stelt_voor, vuistregels)
from .wijzer import DATA_FILE, TEXT_SCRIPTS

# The steps of the form, in this order: the analysis of step 2 and the choice of doelgroepen (3.2).
STAPPEN = ("2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "3.2")
DIAGNOSE_STAP = "4.1"  # its questions head the beleidsdiagnose table
VUISTREGELS_STAP = "4.2"  # its rules of thumb stand beside the praktijkvoorbeelden
PUNT = "punt"  # name of the checkboxes without a koppeling
# The DOM-free modules first (each after those it needs), then the page script that uses them.
SCRIPTS = (DATA_FILE, "assets/javascripts/handreiking-keuzes.js", "assets/javascripts/handreiking-pagina.js",
           *TEXT_SCRIPTS, "assets/javascripts/handreiking-filter.js", "assets/javascripts/handreiking-advies.js",
           "assets/javascripts/interventiewijzer-adres.js",
           "assets/javascripts/buurtanalyse-staat.js", "assets/javascripts/buurtanalyse-opschonen.js",
           "assets/javascripts/buurtanalyse-adres.js", "assets/javascripts/buurtanalyse-opslag.js",
           "assets/javascripts/buurtanalyse.js")
# The columns of the beleidsdiagnose table (step 4.1), each a question per chosen item.
DIAGNOSE_KOLOMMEN = (
    {"sleutel": "gedekt", "kop": "Al gedekt door huidig beleid?", "keuzes": ("Ja", "Deels", "Nee", "Weet niet")},
    {"sleutel": "volstaat", "kop": "Volstaat dat?", "keuzes": ("Ja", "Nee, scherper nodig", "Weet niet")},
    {"sleutel": "ontbreekt", "kop": "Wat ontbreekt nog?", "keuzes": ()},
    {"sleutel": "partners", "kop": "Welke partners zijn nodig?", "keuzes": ()},
)


@dataclass(frozen=True)
class Stap:
    nummer: str
    checklists: tuple[Checklist, ...]

    @property
    def titel(self) -> str:
        """'2.3 Kenmerken betrokken groepen en actoren die ...': the checklist titles, joined."""
        titels = [c.titel for c in self.checklists]
        rest = [titel[0].lower() + titel[1:] for titel in titels[1:]]
        return f"{self.nummer} " + " en ".join([titels[0], *rest])

    @property
    def anker(self) -> str:
        return "stap-" + self.nummer.replace(".", "-")


def stappen(content: Content) -> list[Stap]:
    """The steps of the form with their checklists, in the order of the method."""
    return [Stap(nummer, tuple(c for c in content.checklists if c.stap == nummer)) for nummer in STAPPEN]


def _koppelingen(stap: Stap) -> list[tuple[str, str]]:
    found = []
    for checklist in stap.checklists:
        for sectie in checklist.secties:
            found += [sectie.koppeling] if sectie.koppeling else []
            found += [item.koppeling for item in sectie.items if item.koppeling]
    return found


def answer_vocabularies(content: Content) -> tuple[str, ...]:
    """The vocabularies the form answers: its address parameters, in the order of LINK_KEYS."""
    used = {naam for stap in stappen(content) for naam, _ in _koppelingen(stap)}
    return tuple(naam for naam in LINK_KEYS if naam in used)


def _extra_terms(content: Content, stap: Stap) -> tuple[str, list] | None:
    """A step whose links all use one vocabulary also offers that vocabulary's other terms."""
    koppelingen = _koppelingen(stap)
    names = {naam for naam, _ in koppelingen}
    if len(names) != 1:
        return None
    naam = names.pop()
    listed = {term_id for _, term_id in koppelingen}
    missing = [term for term in content.taxonomieen[naam].termen if term.id not in listed]
    return (naam, missing) if missing else None


def export_data(content: Content) -> dict:
    """What the page script needs beyond the content: steps, answer vocabularies, names of parameters and fields."""
    return {
        "stappen": [{"nummer": stap.nummer, "titel": stap.titel} for stap in stappen(content)],
        "vocabulaires": list(answer_vocabularies(content)),
        "gedeeld": list(SHARED),
        "voorgesteld": SUGGESTED,
        "gewichten": dict(WEIGHTS),
        "eerste": EERSTE,
        "woord_min_idf": WORD_MIN_IDF,
        "precisie": PRECISION,
        "situatie_lengte": SITUATIE_LENGTE,
        "stelt_voor": {punt: list(ids) for punt, ids in stelt_voor(content.checklists).items()},
        "verborgen_status": HIDDEN_STATUS,
        "parameters": dict(BUURTANALYSE_PARAMETERS),
        "punt": PUNT,
    }


def _voorbeelden(element_id: str, item: ChecklistItem | None) -> list[dict]:
    """An item's voorbeelden as sub-items to tick: 'ba-...-1-2' gives 'ba-...-1-2-v1', ..."""
    return [{"id": f"{element_id}-v{k}", "name": PUNT, "value": f"{element_id.removeprefix('ba-')}-v{k}",
             "tekst": voorbeeld} for k, voorbeeld in enumerate(item.voorbeelden if item else (), start=1)]


class _Form:
    """Builds the template values of the form; knows where each answer occurs."""

    def __init__(self, content: Content):
        self.content = content
        self.stappen = stappen(content)
        self.extras = {stap.nummer: _extra_terms(content, stap) for stap in self.stappen}
        self.places: dict[tuple[str, str], list[str]] = {}  # answer -> the steps that offer it
        for stap in self.stappen:
            naam, terms = self.extras[stap.nummer] or (None, [])
            for koppeling in _koppelingen(stap) + [(naam, term.id) for term in terms]:
                self.places.setdefault(koppeling, []).append(stap.nummer)

    def _option(self, element_id: str, koppeling, tekst: str, stap: Stap, item: ChecklistItem | None = None,
                beschrijving: str | None = None) -> dict:
        elders = [n for n in self.places.get(koppeling, ()) if n != stap.nummer] if koppeling else []
        return {"id": element_id, "name": koppeling[0] if koppeling else PUNT,
                "value": koppeling[1] if koppeling else element_id.removeprefix("ba-"),
                "tekst": tekst, "code": item.code if item else None, "beschrijving": beschrijving,
                "voorbeelden": _voorbeelden(element_id, item), "elders": elders}

    def _checklist(self, stap: Stap, checklist: Checklist) -> dict:
        groepen = []
        for s, sectie in enumerate(checklist.secties, start=1):
            opties = [self._option(f"ba-{punt_value(checklist, s, i)}", item.koppeling, item.tekst, stap, item)
                      for i, item in enumerate(sectie.items, start=1)]
            keuze = (self._option(f"ba-{checklist.slug}-{s}", sectie.koppeling,
                                  self.content.taxonomieen[sectie.koppeling[0]].term(sectie.koppeling[1]).label, stap)
                     if sectie.koppeling else None)
            groepen.append({"titel": None if keuze else sectie.titel, "keuze": keuze, "opties": opties})
        return {"slug": checklist.slug, "titel": checklist.titel, "vraag": checklist.vraag, "groepen": groepen,
                "anders": checklist.anders_namelijk}

    def stap(self, stap: Stap) -> dict:
        extra = self.extras[stap.nummer]
        if extra:
            naam, terms = extra
            taxonomie = self.content.taxonomieen[naam]
            extra = {"titel": f"Ook in de interventiewijzer: andere {taxonomie.meervoud.lower()}",
                     "opties": [self._option(f"ba-{stap.anker}-{naam}-{term.id}", (naam, term.id), term.label, stap,
                                             beschrijving=term.beschrijving) for term in terms]}
        return {"nummer": stap.nummer, "titel": stap.titel, "anker": stap.anker,
                "checklists": [self._checklist(stap, c) for c in stap.checklists], "extra": extra}


def join_and(parts: list[str]) -> str:
    """'a, b en c'."""
    return " en ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else "".join(parts)


def _meervoud(content: Content, naam: str) -> str:
    return content.taxonomieen[naam].meervoud.lower()


def _label(content: Content, richting_id: str) -> str:
    return content.taxonomieen["oplossingsrichting"].term(richting_id).label


def buurtanalyse_html(content: Content, link: Callable[[str], str]) -> Markup:
    """The form, the places the script fills (advice, beleidsdiagnose, report), the casussen and the scripts."""
    form = _Form(content)
    data_href = link(DATA_FILE)
    regels = [item.tekst for c in content.checklists if c.stap == VUISTREGELS_STAP for item in c.items]
    diagnose = [c for c in content.checklists if c.stap == DIAGNOSE_STAP]
    fasen, richtingen = content.taxonomieen["fase"], content.oplossingsrichtingen
    return Markup(html_templates().get_template("buurtanalyse.html.j2").render(
        stappen=[form.stap(stap) for stap in form.stappen],
        casussen=[{"slug": c.slug, "nummer": c.nummer, "titel": c.titel, "tekst": rich_text(c.tekst)}
                  for c in content.casussen],
        vuistregels=regels,
        diagnose_vragen=[item.tekst for c in diagnose for item in c.items],
        kolommen=DIAGNOSE_KOLOMMEN,
        fasen_focus=join_and([term.label.lower() for term in fasen.termen if not term.buiten_focus]),
        fase_stap=next((stap.nummer for stap in form.stappen if any(n == "fase" for n, _ in _koppelingen(stap))), None),
        altijd=[_label(content, r.id) for r in richtingen if r.wanneer.altijd],
        bij_onbekend=[_label(content, r.id) for r in richtingen if r.wanneer.bij_ontbrekende_informatie],
        gedeeld_rest=" of ".join(content.taxonomieen[naam].label.lower() for naam in SHARED if naam != "problematiek"),
        vuistregels_kort=[regel.kort for regel in vuistregels(content.checklists)],
        vuistregels_voorwaarde=join_and([f"de regel '{regel.kort}' alleen bij "
                                         + join_and([f"'{content.taxonomieen[naam].term(i).label}'"
                                                     for naam, ids in regel.geldt_bij.items() for i in ids])
                                         for regel in vuistregels(content.checklists) if regel.geldt_bij]),
        situatie=BUURTANALYSE_PARAMETERS["situatie"],
        situatie_lengte=SITUATIE_LENGTE,
        eerste=EERSTE,
        wijzer_url=link(WIJZER),
        vergelijk_url=link(VERGELIJK),
        basis=data_href.removesuffix(DATA_FILE),
        bron=BRON,
        scripts=[link(script) for script in SCRIPTS],
    ))
