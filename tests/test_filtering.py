"""Issue 4: the filter semantics of the interventiewijzer on a handful of hand-made examples.

The browser tests compare the page with :mod:`handreiking.tools.filtering`; this file pins down that
reference itself, so a mistake shared by both sides cannot pass unnoticed.
"""

from __future__ import annotations


import re

from handreiking.tools.filtering import Zoeker, counts, normalize, select
from handreiking.content.model import Praktijkvoorbeeld

from conftest import make_voorbeeld


def voorbeeld(slug, locaties, doelgroepen, status="onbekend", **extra) -> Praktijkvoorbeeld:
    fields = dict(titel=slug.title(), samenvatting="Een samenvatting.",
                  beschrijving="", oplossingsrichtingen=("ontmoeting-buurt",), locaties=locaties,
                  doelgroepen=doelgroepen, problematiek=("overlast-jeugd",), methodieken=("praten",),
                  bron="stap-4-ontmoeting", status=status)
    return make_voorbeeld(slug, **{**fields, **extra})


PLEIN = voorbeeld("plein", ("publieke-ruimte",), ("jongeren",), gemeente="Súdwest-Fryslân")
PORTIEK = voorbeeld("portiek", ("directe-woonomgeving",), ("directe-buren", "ouders"))
SCHOOL = voorbeeld("school", ("scholen", "publieke-ruimte"), ("ouders",), samenvatting="Financiële hulp.")
OUD = voorbeeld("oud", ("publieke-ruimte",), ("jongeren",), status="gestopt")
ALLE = (PLEIN, PORTIEK, SCHOOL, OUD)
OPTIES = {"oplossingsrichting": ["ontmoeting-buurt"], "locatie": ["directe-woonomgeving", "publieke-ruimte", "scholen"],
          "doelgroep": ["jongeren", "ouders", "directe-buren", "kinderen"], "problematiek": ["overlast-jeugd"],
          "status": ["onbekend", "gestopt"]}


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


def test_a_count_is_what_ticking_that_option_shows():
    chosen = {"locatie": ["directe-woonomgeving"], "doelgroep": ["ouders"]}
    assert slugs(select(ALLE, chosen)) == ["portiek"]
    result = counts(ALLE, OPTIES, chosen)
    # Within a facet choices are OR-ed: ticking scholen adds school to portiek.
    assert result["locatie"] == {"directe-woonomgeving": 1, "scholen": 2, "publieke-ruimte": 2}
    # An option no example carries still adds nothing to what is shown.
    assert result["doelgroep"] == {"directe-buren": 1, "ouders": 1, "jongeren": 1, "kinderen": 1}
    for facet, options in result.items():
        for option, number in options.items():
            ticked = {**chosen, facet: [*chosen.get(facet, []), option]}
            assert len(select(ALLE, ticked)) == number, (facet, option)


def test_counts_without_a_choice_in_the_facet_narrow_to_the_option():
    result = counts(ALLE, OPTIES, {"locatie": ["publieke-ruimte"]})
    assert result["doelgroep"] == {"jongeren": 1, "ouders": 1, "directe-buren": 0, "kinderen": 0}
    # status: gestopt counts as what choosing it would give (only the gestopt ones)
    assert result["status"] == {"onbekend": 2, "gestopt": 1}
    assert counts(ALLE, OPTIES, {"locatie": ["publieke-ruimte"], "status": ["onbekend"]})["status"] == \
        {"onbekend": 2, "gestopt": 3}


def test_text_ignores_case_and_accents_needs_every_word_and_ranks_best_first(content):
    assert normalize("FINANCIËLE Súdwest") == "financiele sudwest"
    zoeker = Zoeker(content)
    voorbeelden = content.praktijkvoorbeelden
    for query in ("moskee", "scholen", "informatieavond", "Moskeeën petitie"):
        found = select(voorbeelden, {}, query, zoeker=zoeker)
        words = zoeker.analysis.query(query)
        scores = [zoeker.score(v, words) for v in found]
        assert found and scores == sorted(scores, reverse=True), query
        assert {v.slug for v in voorbeelden if zoeker.score(v, words) is not None and v.status != "gestopt"} \
            == {v.slug for v in found}, query
    assert select(voorbeelden, {}, "moskee zzgeenwoordzz", zoeker=zoeker) == []
    assert slugs(select(voorbeelden, {}, "  ", zoeker=zoeker)) == slugs(select(voorbeelden, {}))
    single = next(v for v in voorbeelden if re.fullmatch(r"\w+", v.titel))
    assert select(voorbeelden, {}, single.titel.upper(), zoeker=zoeker)[0] == single


EVERYDAY = ("informatieavond", "moskee", "petitie", "bewonersavond", "whatsapp", "school")


def test_everyday_words_find_praktijkvoorbeelden_by_their_own_text_in_the_first_five(content):
    # Issue 22: the wijzer's word search reads the description and goes through the text analysis, so an
    # everyday word finds praktijkvoorbeelden whose own text (not only a label) says it, near the top.
    zoeker = Zoeker(content)
    for word in EVERYDAY:
        query = zoeker.analysis.query(word)
        first = select(content.praktijkvoorbeelden, {}, word, zoeker=zoeker)[:5]
        own_text = [v for v in first if any(zoeker.analysis.match(q, text) for q in query
                                            for name, text in zoeker.teksten[v.slug].items() if name != "labels")]
        assert own_text, (word, slugs(first))
