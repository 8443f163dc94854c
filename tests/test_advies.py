"""Issues 9 and 15: the advice rules of the buurtanalyse, on hand-made examples and generated answer sets.

The browser tests compare the page with :mod:`handreiking.tools.advies`; this file pins down that
reference itself, so a mistake shared by both sides cannot pass unnoticed. Exact outcomes use
the small fixtures below; the rules of the first selection are checked on generated content.
"""

from __future__ import annotations

import random

import pytest

from handreiking.tools.advies import (COVER, EERSTE, RANKING, Antwoorden, Suggestie, buiten_focus, punt_value, stelt_voor,
                                suggesties, treffers)
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
    # Its praktijkvoorbeeld shows and leads, though it shares no locatie, doelgroep or problematiek.
    shown = treffers(VOORBEELDEN, Antwoorden(onbekend=["2.3"]), found)
    assert slugs(shown) == ["g"] and shown[0].eerst and shown[0].dekt["oplossingsrichting"] == ("info",)


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


def test_praktijkvoorbeelden_rank_by_what_they_share_then_site_order():
    antwoorden = Antwoorden({"locatie": ["plein"], "doelgroep": ["jongeren", "ouders"], "problematiek": ["jeugd"]},
                            onbekend=["2.1"])
    found = treffers(VOORBEELDEN, antwoorden, suggesties(RICHTINGEN, antwoorden))
    # c covers plein and jeugd; g covers info (the gerichte richting); then the best of the rest up to EERSTE.
    assert slugs(found)[:2] == ["c", "g"]
    assert found[0].gedeeld == {"locatie": ("plein",), "doelgroep": ("jongeren", "ouders"), "problematiek": ("jeugd",),
                                "oplossingsrichting": ()}
    assert found[0].dekt == {"locatie": ("plein",), "problematiek": ("jeugd",), "oplossingsrichting": ()}
    assert [(t.slug, t.score) for t in found] == [("c", 4), ("g", 1), ("b", 2), ("a", 2), ("d", 2)]
    assert [t.eerst for t in found] == [True] * 5
    assert [t.dekt for t in found[2:]] == [{}, {}, {}]


def test_gestopt_only_when_asked_and_nothing_without_a_shared_value():
    antwoorden = Antwoorden({"doelgroep": ["ouders"]})
    assert slugs(treffers(VOORBEELDEN, antwoorden)) == ["c"]
    asked = Antwoorden({"doelgroep": ["ouders"]}, ook_gestopt=True)
    assert slugs(treffers(VOORBEELDEN, asked)) == ["c", "f"]
    assert treffers(VOORBEELDEN, Antwoorden()) == []
    # 'altijd' alone does not make its praktijkvoorbeelden count.
    assert treffers(VOORBEELDEN, Antwoorden(), [Suggestie("info", altijd=True)]) == []


def test_fasen_outside_the_focus_give_the_escalation_note():
    fasen = Taxonomie("fase", None, "Fase", "Fasen", "", (
        Term("rust", "Rust", ""), Term("incidenten", "Incidenten", "", buiten_focus=True),
        Term("escalatie", "Escalatie", "", buiten_focus=True)))
    assert buiten_focus(fasen, Antwoorden({"fase": ["rust"]})) == []
    assert buiten_focus(fasen, Antwoorden({"fase": ["escalatie", "rust", "incidenten"]})) == ["incidenten", "escalatie"]


# --- the first selection, on generated content ----------------------------------------------------


def generated(rng: random.Random):
    """Random praktijkvoorbeelden over small vocabularies, random answers, and their advice."""
    values = {"locatie": [f"l{i}" for i in range(6)], "doelgroep": [f"d{i}" for i in range(5)],
              "problematiek": [f"p{i}" for i in range(8)]}
    richtingen = [richting(f"r{i}", i + 1, problematiek=tuple(rng.sample(values["problematiek"], 2)),
                           locaties=tuple(rng.sample(values["locatie"], rng.randint(0, 1))),
                           bij_ontbrekende_informatie=i == 0, altijd=i == 1) for i in range(5)]
    voorbeelden = [voorbeeld(f"v{n}", tuple(r.id for r in rng.sample(richtingen, rng.randint(1, 2))),
                             **{field: tuple(rng.sample(values[naam], rng.randint(0, 2)))
                                for naam, field in (("locatie", "locaties"), ("doelgroep", "doelgroepen"),
                                                    ("problematiek", "problematiek"))},
                             status=rng.choice(["actief", "actief", "gestopt"]))
                   for n in range(rng.randint(0, 40))]
    antwoorden = Antwoorden({naam: rng.sample(ids_, rng.randint(0, 3)) for naam, ids_ in values.items()},
                            onbekend=rng.sample(["2.1", "2.3"], rng.randint(0, 1)), ook_gestopt=rng.random() < 0.3)
    found = suggesties(richtingen, antwoorden)
    return voorbeelden, antwoorden, found, treffers(voorbeelden, antwoorden, found)


@pytest.mark.parametrize("seed", range(300))
def test_the_first_selection_covers_every_choice_some_example_carries(seed):
    voorbeelden, antwoorden, found, shown = generated(random.Random(seed))
    gericht = {s.id for s in found if s.gericht}
    visible = [v for v in voorbeelden if v.status != "gestopt" or antwoorden.ook_gestopt]
    wanted = {(naam, value) for naam in COVER
              for value in (gericht if naam == "oplossingsrichting" else antwoorden.chosen(naam))
              if any(value in v.values(naam) for v in visible)}
    first = [t for t in shown if t.eerst]
    assert shown[:len(first)] == first  # the selection comes first
    covered = {(naam, value) for t in first for naam in COVER for value in t.gedeeld[naam]}
    assert wanted <= covered, seed  # coverage: every chosen value some shown example carries
    # Before repetition: each covering pick brings something new; the selection is short.
    picks = [t for t in first if t.dekt]
    assert len(first) <= max(EERSTE, len(wanted)) and len(picks) <= len(wanted)
    assert sum(len(values) for t in picks for values in t.dekt.values()) == len(wanted)
    # Shown: exactly the visible examples sharing something; the rest in ranking order.
    assert sorted(t.slug for t in shown) == sorted(v.slug for v in visible if any(
        set(v.values(naam)) & (gericht if naam == "oplossingsrichting" else antwoorden.chosen(naam))
        for naam in RANKING))
    assert len(first) == min(len(shown), max(EERSTE, len(picks)))
    order = {v.slug: n for n, v in enumerate(voorbeelden)}
    rest = shown[len(first):]
    assert [t.slug for t in rest] == [t.slug for t in sorted(rest, key=lambda t: (-t.score, order[t.slug]))]
