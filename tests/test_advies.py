"""Issue 9: the advice rules of the buurtanalyse on a handful of hand-made examples.

The browser tests compare the page with :mod:`handreiking.advies`; this file pins down that
reference itself, so a mistake shared by both sides cannot pass unnoticed.
"""

from __future__ import annotations


from handreiking.advies import Antwoorden, buiten_focus, suggesties, treffers
from handreiking.model import Oplossingsrichting, Praktijkvoorbeeld, Taxonomie, Term, Wanneer


def richting(id_, nummer, **wanneer) -> Oplossingsrichting:
    return Oplossingsrichting(id=id_, bestand=f"{id_}.yml", nummer=nummer, titel=id_, wat_is_het="",
                              typen_interventies=(), onderbouwing="",
                              wanneer=Wanneer(toelichting="Wanneer.", signalen=(), **wanneer))


PORTIEK = richting("portiek", 1, problematiek=("ongemak", "jeugd"), locaties=("woonomgeving",))
OVERAL = richting("overal", 2, problematiek=("ongemak", "azc"))
INFO = richting("info", 3, bij_ontbrekende_informatie=True)
ALTIJD = richting("altijd", 4, altijd=True)
RICHTINGEN = (PORTIEK, OVERAL, INFO, ALTIJD)


def voorbeeld(slug, richtingen, locaties=(), doelgroepen=(), problematiek=(), status="onbekend") -> Praktijkvoorbeeld:
    return Praktijkvoorbeeld(slug=slug, bestand=f"{slug}.yml", titel=slug, samenvatting="", beschrijving="",
                             oplossingsrichtingen=richtingen, locaties=locaties, doelgroepen=doelgroepen,
                             problematiek=problematiek, methodieken=(), bron="b",
                             status=status)


VOORBEELDEN = (
    voorbeeld("b", ("elders",), locaties=("plein",), doelgroepen=("jongeren",)),
    voorbeeld("a", ("overal",), locaties=("plein",), problematiek=("jeugd",)),
    voorbeeld("c", ("portiek",), locaties=("plein", "woonomgeving"), doelgroepen=("jongeren", "ouders"),
              problematiek=("jeugd",)),
    voorbeeld("d", ("elders",), locaties=("plein",), problematiek=("jeugd",)),
    voorbeeld("e", ("overal",), locaties=("school",)),
    voorbeeld("f", ("portiek",), locaties=("plein",), doelgroepen=("jongeren", "ouders"), problematiek=("jeugd",),
              status="gestopt"),
)


def ids(found) -> list[str]:
    return [item.id for item in found]


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


def test_weten_we_niet_brings_the_informatiepositie_with_its_steps():
    found = suggesties(RICHTINGEN, Antwoorden(onbekend=["2.5", "2.3"]))
    assert ids(found) == ["info", "altijd"]
    assert found[0].onbekend == ("2.3", "2.5")
    assert found[1].altijd and found[1].onbekend == ()
    assert ids(suggesties(RICHTINGEN, Antwoorden())) == ["altijd"]


def test_praktijkvoorbeelden_rank_by_shared_values_then_richting_then_site_order():
    antwoorden = Antwoorden({"locatie": ["plein"], "doelgroep": ["jongeren", "ouders"], "problematiek": ["jeugd"]})
    found = treffers(VOORBEELDEN, antwoorden, ["overal"])
    assert [(t.slug, t.score) for t in found] == [("c", 4), ("a", 2), ("b", 2), ("d", 2)]
    assert found[0].gedeeld == {"locatie": ("plein",), "doelgroep": ("jongeren", "ouders"), "problematiek": ("jeugd",)}
    # "a" belongs to a suggested richting, so it passes "b" and "d" (equal score); without it site order holds.
    assert [t.slug for t in treffers(VOORBEELDEN, antwoorden, [])] == ["c", "b", "a", "d"]


def test_gestopt_only_when_asked_and_nothing_without_a_shared_value():
    antwoorden = Antwoorden({"doelgroep": ["ouders"]})
    assert [t.slug for t in treffers(VOORBEELDEN, antwoorden)] == ["c"]
    asked = Antwoorden({"doelgroep": ["ouders"]}, ook_gestopt=True)
    assert [t.slug for t in treffers(VOORBEELDEN, asked)] == ["c", "f"]
    assert treffers(VOORBEELDEN, Antwoorden()) == []


def test_fasen_outside_the_focus_give_the_escalation_note():
    fasen = Taxonomie("fase", None, "Fase", "Fasen", "", (
        Term("rust", "Rust", ""), Term("incidenten", "Incidenten", "", buiten_focus=True),
        Term("escalatie", "Escalatie", "", buiten_focus=True)))
    assert buiten_focus(fasen, Antwoorden({"fase": ["rust"]})) == []
    assert buiten_focus(fasen, Antwoorden({"fase": ["escalatie", "rust", "incidenten"]})) == ["incidenten", "escalatie"]
