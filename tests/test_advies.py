"""Issues 9, 15 and 22: the advice rules of the buurtanalyse, on hand-made examples.

The node tests compare the browser with :mod:`handreiking.tools.advies`; this file pins down the
suggestion of oplossingsrichtingen in that reference itself, so a mistake shared by both sides cannot
pass unnoticed. The ranking of praktijkvoorbeelden is pinned down on realistic cases in
tests/test_advies_casussen.py and on a small data set in tests/js/advies.test.js.
"""

from __future__ import annotations



from handreiking.tools.advies import Antwoorden, buiten_focus, idf, punt_value, rounded, stelt_voor, suggesties
from handreiking.content.model import (Checklist, ChecklistItem, ChecklistSectie, Oplossingsrichting, Praktijkvoorbeeld,
                              Taxonomie, Term, Wanneer)

from conftest import make_voorbeeld


def richting(id_, nummer, **wanneer) -> Oplossingsrichting:
    return Oplossingsrichting(id=id_, bestand=f"{id_}.yml", nummer=nummer, titel=id_, wat_is_het="",
                              typen_interventies=(), onderbouwing="",
                              wanneer=Wanneer(toelichting="Wanneer.", signalen=(), **wanneer))


PORTIEK = richting("portiek", 1, problematiek=("ongemak", "jeugd"), locaties=("woonomgeving",))
OVERAL = richting("overal", 2, problematiek=("ongemak", "azc"))
INFO = richting("info", 3, bij_ontbrekende_informatie=True)
ALTIJD = richting("altijd", 4, altijd=True)
RICHTINGEN = (PORTIEK, OVERAL, INFO, ALTIJD)

TRIGGERS = Checklist(slug="triggers", bestand="triggers.yml", titel="Triggers", stap="2.6", vraag="?",
                     anders_namelijk=False, secties=(ChecklistSectie(items=(
                         ChecklistItem("Media", stelt_voor=("overal",)),
                         ChecklistItem("Gebeurtenissen"),
                         ChecklistItem("Onvrede", stelt_voor=("altijd", "info")))),))


def voorbeeld(slug, richtingen, locaties=(), doelgroepen=(), problematiek=(), status="onbekend") -> Praktijkvoorbeeld:
    return make_voorbeeld(slug, titel=slug, samenvatting="", beschrijving="", oplossingsrichtingen=richtingen,
                          locaties=locaties, doelgroepen=doelgroepen, problematiek=problematiek, methodieken=(),
                          bron="b", status=status)


VOORBEELDEN = (
    voorbeeld("b", ("elders",), locaties=("plein",), doelgroepen=("jongeren",)),
    voorbeeld("a", ("overal",), locaties=("plein",), problematiek=("jeugd",)),
    voorbeeld("c", ("portiek",), locaties=("plein", "woonomgeving"), doelgroepen=("jongeren", "ouders"),
              problematiek=("jeugd",)),
    voorbeeld("d", ("elders",), locaties=("plein",), problematiek=("jeugd",)),
    voorbeeld("e", ("overal",), locaties=("school",)),
    voorbeeld("f", ("portiek",), locaties=("plein",), doelgroepen=("jongeren", "ouders"), problematiek=("jeugd",),
              status="gestopt"),
    voorbeeld("g", ("info",)),
)


def ids(found) -> list[str]:
    return [item.id for item in found]


def slugs(found) -> list[str]:
    return [item.slug for item in found]


def test_a_problematiek_applies_where_the_locatie_matches_or_none_is_named():
    assert ids(suggesties(RICHTINGEN, Antwoorden({"problematiek": ["ongemak"]}))) == ["overal", "altijd"]
    both = Antwoorden({"problematiek": ["jeugd", "ongemak"], "locatie": ["woonomgeving", "plein"]})
    found = suggesties(RICHTINGEN, both)
    assert ids(found) == ["portiek", "overal", "altijd"]
    assert (found[0].problematiek, found[0].locaties) == (("ongemak", "jeugd"), ("woonomgeving",))
    assert (found[1].problematiek, found[1].locaties) == (("ongemak",), ())
    # A locatie alone is not enough, nor a problematiek at the wrong place.
    assert ids(suggesties(RICHTINGEN, Antwoorden({"locatie": ["woonomgeving"]}))) == ["altijd"]
    assert ids(suggesties(RICHTINGEN, Antwoorden({"problematiek": ["jeugd"], "locatie": ["plein"]}))) == ["altijd"]


def test_weten_we_niet_brings_the_informatiepositie_with_its_steps_and_its_examples():
    found = suggesties(RICHTINGEN, Antwoorden(onbekend=["2.5", "2.3"]))
    assert ids(found) == ["info", "altijd"]
    assert found[0].onbekend == ("2.3", "2.5") and found[0].gericht
    assert found[1].altijd and found[1].onbekend == () and not found[1].gericht
    assert ids(suggesties(RICHTINGEN, Antwoorden())) == ["altijd"]


def test_ticked_items_suggest_the_oplossingsrichtingen_they_name():
    voorstellen = stelt_voor([TRIGGERS])
    assert voorstellen == {punt_value(TRIGGERS, 1, 1): ("overal",), punt_value(TRIGGERS, 1, 3): ("altijd", "info")}
    assert punt_value(TRIGGERS, 1, 3) == "triggers-1-3"
    found = suggesties(RICHTINGEN, Antwoorden(punten=["triggers-1-3", "triggers-1-2"]), voorstellen)
    assert ids(found) == ["info", "altijd"]
    assert found[0].punten == ("triggers-1-3",) and found[0].onbekend == ()
    assert found[1].punten == ("triggers-1-3",) and found[1].gericht  # 'altijd', and now for a reason too
    assert ids(suggesties(RICHTINGEN, Antwoorden(punten=["triggers-1-1"]), voorstellen)) == ["overal", "altijd"]
    assert ids(suggesties(RICHTINGEN, Antwoorden(punten=["triggers-1-1"]))) == ["altijd"]  # no links given


def test_a_value_says_more_the_fewer_praktijkvoorbeelden_carry_it():
    assert idf(1, 46) > idf(10, 46) > idf(30, 46) > 0
    assert idf(46, 46) == 0
    assert rounded(1 / 3) == 0.333333


def test_fasen_outside_the_focus_give_the_escalation_note():
    fasen = Taxonomie("fase", None, "Fase", "Fasen", "", (
        Term("rust", "Rust", ""), Term("incidenten", "Incidenten", "", buiten_focus=True),
        Term("escalatie", "Escalatie", "", buiten_focus=True)))
    assert buiten_focus(fasen, Antwoorden({"fase": ["rust"]})) == []
    assert buiten_focus(fasen, Antwoorden({"fase": ["escalatie", "rust", "incidenten"]})) == ["incidenten", "escalatie"]
