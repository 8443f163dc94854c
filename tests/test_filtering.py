"""Issue 4: the filter semantics of the interventiewijzer on a handful of hand-made examples.

The browser tests compare the page with :mod:`handreiking.filtering`; this file pins down that
reference itself, so a mistake shared by both sides cannot pass unnoticed.
"""

from __future__ import annotations


from handreiking.filtering import counts, normalize, select
from handreiking.model import Praktijkvoorbeeld


def voorbeeld(slug, locaties, doelgroepen, status="onbekend", **extra) -> Praktijkvoorbeeld:
    fields = dict(slug=slug, bestand=f"{slug}.yml", titel=slug.title(), samenvatting="Een samenvatting.",
                  beschrijving="", oplossingsrichtingen=("ontmoeting-buurt",), locaties=locaties,
                  doelgroepen=doelgroepen, problematiek=("overlast-jeugd",), methodieken=("praten",),
                  bron="stap-4-ontmoeting", status=status)
    return Praktijkvoorbeeld(**{**fields, **extra})


PLEIN = voorbeeld("plein", ("publieke-ruimte",), ("jongeren",), gemeente="Súdwest-Fryslân")
PORTIEK = voorbeeld("portiek", ("directe-woonomgeving",), ("directe-buren", "ouders"))
SCHOOL = voorbeeld("school", ("scholen", "publieke-ruimte"), ("ouders",), samenvatting="Financiële hulp.")
OUD = voorbeeld("oud", ("publieke-ruimte",), ("jongeren",), status="gestopt")
ALLE = (PLEIN, PORTIEK, SCHOOL, OUD)


def slugs(items) -> list[str]:
    return [item.slug for item in items]


def test_or_within_a_facet_and_between_facets():
    assert slugs(select(ALLE, {"locatie": ["publieke-ruimte", "directe-woonomgeving"]})) == \
        ["plein", "portiek", "school"]
    assert slugs(select(ALLE, {"locatie": ["publieke-ruimte"], "doelgroep": ["ouders"]})) == ["school"]


def test_gestopt_only_when_chosen():
    assert "oud" not in slugs(select(ALLE, {}))
    assert slugs(select(ALLE, {"status": ["gestopt"]})) == ["oud"]
    assert slugs(select(ALLE, {"status": ["onbekend"]})) == ["plein", "portiek", "school"]


def test_counts_ignore_the_facets_own_choice():
    result = counts(ALLE, {"locatie": ["scholen"], "doelgroep": ["ouders"]})
    # locatie: counted with doelgroep=ouders only, so other locaties keep their numbers
    assert result["locatie"] == {"directe-woonomgeving": 1, "scholen": 1, "publieke-ruimte": 1}
    # doelgroep: counted with locatie=scholen only
    assert result["doelgroep"] == {"ouders": 1}
    # status: gestopt counts as what choosing it would give
    assert counts(ALLE, {"locatie": ["publieke-ruimte"]})["status"] == {"onbekend": 2, "gestopt": 1}


def test_text_ignores_case_and_accents_and_needs_every_word():
    assert normalize("FINANCIËLE Súdwest") == "financiele sudwest"
    assert slugs(select(ALLE, {}, "financiele")) == ["school"]
    assert slugs(select(ALLE, {}, "sudwest fryslan")) == ["plein"]
    assert slugs(select(ALLE, {}, "sudwest financiele")) == []
    assert slugs(select(ALLE, {}, "  ")) == ["plein", "portiek", "school"]
