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
  checklist has it, and notes;
- at the step that asks for the problematiek (2.5): a table for figures from a monitor or statistics
  and their source (:data:`CIJFER_VELDEN`), as far as the risicofactorenanalyse of step 1 goes.

After the advice, the beleidsdiagnose of step 4.1: a row per problem the analysis found (a term of
:data:`PROBLEEM`, or the text under "Anders, namelijk" at that step), each with the fields of
:data:`DIAGNOSE_VELDEN`; the policy areas are the terms of :data:`BELEIDSTERREIN`. Then the proposal
("Voorstel aanpak", :data:`VOORSTEL_HOOGSTENS` praktijkvoorbeelden at most), which the script composes from the
analysis and prints on its own; the report prints otherwise.

    buurtanalyse_html(content, link)   # link("interventiewijzer.md") -> "../interventiewijzer/"
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

from markupsafe import Markup

from ..content.model import BRON, HIDDEN_STATUS, LINK_KEYS, Checklist, ChecklistItem, Content, Taxonomie
from ..site.templating import html_templates
from ..site.text import rich_text
from ..site.urls import BUURTANALYSE_PARAMETERS, BUURTEN, RISICOFACTOREN, VERGELIJK, WIJZER
from .advies import (EERSTE, PRECISION, SHARED, SITUATIE_LENGTE, SUGGESTED, WEIGHTS, WORD_MIN_IDF, punt_value,
                     stelt_voor, vuistregels)
from .wijzer import DATA_FILE, TEXT_SCRIPTS

# The steps of the form, in this order: the analysis of step 2 and the choice of doelgroepen (3.2).
STAPPEN = ("2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "3.2")
DIAGNOSE_STAP = "4.1"  # its questions head the beleidsdiagnose table
VUISTREGELS_STAP = "4.2"  # its rules of thumb stand beside the praktijkvoorbeelden
PUNT = "punt"  # name of the checkboxes without a koppeling
VOORSTEL_HOOGSTENS = 3  # praktijkvoorbeelden she chooses for the proposal ("Voorstel aanpak"), at most
# What a saved analysis is made of, DOM-free, each after those it needs (the buurten overview loads them too).
STATE_SCRIPTS = ("assets/javascripts/buurtanalyse-staat.js", "assets/javascripts/buurtanalyse-migratie.js",
                 "assets/javascripts/buurtanalyse-diagnose.js", "assets/javascripts/buurtanalyse-opschonen.js",
                 "assets/javascripts/buurtanalyse-opslag.js")
# The DOM-free modules first (each after those it needs), then the page script that uses them.
SCRIPTS = (DATA_FILE, "assets/javascripts/handreiking-keuzes.js", "assets/javascripts/handreiking-pagina.js",
           *TEXT_SCRIPTS, "assets/javascripts/handreiking-filter.js", "assets/javascripts/handreiking-advies.js",
           "assets/javascripts/interventiewijzer-adres.js",
           *STATE_SCRIPTS, "assets/javascripts/buurtanalyse-adres.js", "assets/javascripts/buurtanalyse.js")
# The beleidsdiagnose (step 4.1): the vocabulary whose terms found in the analysis are its rows, and the one of
# the policy areas (its question 1 names them).
PROBLEEM = "problematiek"
BELEIDSTERREIN = "beleidsterrein"
# The answers to "covered?" and "involved?".
OORDELEN = ({"waarde": "ja", "label": "Ja"}, {"waarde": "deels", "label": "Deels"},
            {"waarde": "nee", "label": "Nee"}, {"waarde": "onbekend", "label": "Weten we niet"})
# The fields of a row, in this order (also the order of the share link's compact form: append, never reorder).
# soort: 'terreinen' (policy areas to tick), 'tekst' (free text) or 'oordeel' (one of OORDELEN);
# vraag: the question of step 4.1 it answers; kop: the column heading in the report and the overview.
DIAGNOSE_VELDEN = (
    {"sleutel": "terreinen", "soort": "terreinen", "vraag": 1, "kop": "Regulier beleid",
     "label": "Welk regulier beleid pakt dit al aan?"},
    {"sleutel": "huidig", "soort": "tekst", "vraag": 2, "kop": "Huidig beleid of interventie",
     "label": "Welk beleid of welke interventie loopt nu in de buurt? Noem ze bij naam."},
    {"sleutel": "gedekt", "soort": "oordeel", "vraag": 2, "kop": "Gedekt",
     "label": "Is het probleem daarmee gedekt?"},
    {"sleutel": "ontbreekt", "soort": "tekst", "vraag": 3, "kop": "Wat ontbreekt",
     "label": "Wat ontbreekt nog? Welke nieuwe interventies zijn nodig, en hoe zet u ze in?"},
    {"sleutel": "nodig", "soort": "tekst", "vraag": 4, "kop": "Sectoren en professionals",
     "label": "Welke sectoren en professionals zijn nodig?"},
    {"sleutel": "betrokken", "soort": "oordeel", "vraag": 4, "kop": "Al betrokken",
     "label": "Zijn die al in beeld en betrokken?"},
)
# Figures from a monitor or statistics, per buurt (risicofactorenanalyse, step 1): free text, no indicators of ours.
CIJFER_VELDEN = ({"sleutel": "wat", "label": "Gegeven"}, {"sleutel": "waarde", "label": "Waarde"},
                 {"sleutel": "bron", "label": "Bron en peildatum"})


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
        "diagnose": {"probleem": PROBLEEM, "anders": problem_checklist(content), "terreinen": BELEIDSTERREIN,
                     "oordelen": list(OORDELEN), "velden": list(DIAGNOSE_VELDEN)},
        "cijfers": list(CIJFER_VELDEN),
        "formulier": _Form(content).fields(),
        "voorstel_hoogstens": VOORSTEL_HOOGSTENS,
    }


def problem_step(content: Content) -> str | None:
    """The step of the form that asks for the problematiek (2.5): its figures and 'Anders' belong to the diagnose."""
    return next((stap.nummer for stap in stappen(content)
                 if any(naam == PROBLEEM for naam, _ in _koppelingen(stap))), None)


def problem_checklist(content: Content) -> str | None:
    """The checklist at that step whose 'Anders, namelijk' names another problem: a row of the diagnose too."""
    nummer = problem_step(content)
    return next((c.slug for c in content.checklists if c.stap == nummer and c.anders_namelijk), None)


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

    def fields(self) -> dict:
        """What the form holds besides the vocabularies, in page order: the values of its boxes without a koppeling,
        its 'Anders, namelijk' fields and its notes. Saved analyses are cleaned against it, also off this page."""
        punten, anders = [], []
        for stap in self.stappen:
            for checklist in self.stap(stap)["checklists"]:
                anders += [checklist["slug"]] if checklist["anders"] else []
                for groep in checklist["groepen"]:
                    for option in ([groep["keuze"]] if groep["keuze"] else []) + groep["opties"]:
                        punten += [box["value"] for box in (option, *option["voorbeelden"]) if box["name"] == PUNT]
        return {"punten": punten, "anders": anders, "notities": [stap.nummer for stap in self.stappen]}

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


def _diagnose_veld(veld: dict, terreinen: Taxonomie) -> dict:
    """A field of a diagnose row as the template draws it: a text box, or boxes (policy areas) or buttons to choose."""
    if veld["soort"] == "terreinen":
        return {**veld, "invoer": "checkbox", "keuzes": [{"waarde": t.id, "label": t.label} for t in terreinen.termen]}
    if veld["soort"] == "oordeel":
        return {**veld, "invoer": "radio", "keuzes": OORDELEN}
    return {**veld, "invoer": None, "keuzes": ()}


def buurtanalyse_html(content: Content, link: Callable[[str], str]) -> Markup:
    """The form, the places the script fills (advice, beleidsdiagnose, report), the casussen and the scripts."""
    form = _Form(content)
    data_href = link(DATA_FILE)
    regels = [item.tekst for c in content.checklists if c.stap == VUISTREGELS_STAP for item in c.items]
    diagnose = [c for c in content.checklists if c.stap == DIAGNOSE_STAP]
    fasen, richtingen = content.taxonomieen["fase"], content.oplossingsrichtingen
    terreinen = content.taxonomieen[BELEIDSTERREIN]
    return Markup(html_templates().get_template("buurtanalyse.html.j2").render(
        stappen=[form.stap(stap) for stap in form.stappen],
        casussen=[{"slug": c.slug, "nummer": c.nummer, "titel": c.titel, "tekst": rich_text(c.tekst)}
                  for c in content.casussen],
        vuistregels=regels,
        diagnose_vragen=[item.tekst for c in diagnose for item in c.items],
        velden=[_diagnose_veld(veld, terreinen) for veld in DIAGNOSE_VELDEN],
        cijfer_velden=CIJFER_VELDEN,
        probleem_stap=next((form.stap(stap) for stap in form.stappen if stap.nummer == problem_step(content)), None),
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
        voorstel_hoogstens=VOORSTEL_HOOGSTENS,
        wijzer_url=link(WIJZER),
        vergelijk_url=link(VERGELIJK),
        buurten_url=link(BUURTEN),
        risicofactoren_url=link(RISICOFACTOREN),
        basis=data_href.removesuffix(DATA_FILE),
        bron=BRON,
        scripts=[link(script) for script in SCRIPTS],
    ))
