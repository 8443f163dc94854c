"""Issue 22: the advice on realistic cases, judged by the rules of the handreiking, not by today's slugs.

Each case is what a professional would tick and type for a kind of neighbourhood the handreiking describes.
The assertions name properties the content records (the oplossingsrichting whose ``wanneer`` names a
problematiek, the checklists tied to it, ``voor_buurten_met``, the vuistregels), so an editor who adds or
renames a praktijkvoorbeeld keeps them true, as long as the content says what the handreiking says.
"""

from __future__ import annotations

import pytest

from handreiking.tools.advies import EERSTE, Adviseur, Antwoorden, applies, vuistregels

AZC = "weerstand-komst-azc"
MOSQUE_CASE = Antwoorden(
    {"problematiek": [AZC, "vervreemding-ongemak"], "locatie": ["publieke-ruimte", "sociale-media", "scholen"],
     "doelgroep": ["buurtgenoten", "actieve-bewoners", "sleutelfiguren"], "fase": ["onderhuidse-spanningen"]},
    situatie="Uitbreiding van de moskee naast het nieuwe buurthuis; een felle WhatsApp-groep, een petitie, "
             "een verhitte informatieavond en leuzen die op de basisschool worden herhaald.")
PORTIEK_CASE = Antwoorden(
    {"problematiek": ["vervreemding-ongemak", "overlast-jeugd"], "locatie": ["directe-woonomgeving"],
     "doelgroep": ["directe-buren", "kinderen", "ouders"]},
    situatie="Ruzie in de portiek over vuil op de trap en kinderen die 's avonds laat lawaai maken.")
YOUTH_CASE = Antwoorden(
    {"problematiek": ["overlast-jeugd"], "locatie": ["publieke-ruimte"], "doelgroep": ["jongeren", "buurtgenoten"]},
    situatie="Hangjongeren op het plein intimideren oudere bewoners.")
STACKED_CASE = Antwoorden(
    {"problematiek": ["verloedering-criminaliteit", "armoede-achter-de-voordeur", "overlast-jeugd"],
     "locatie": ["directe-woonomgeving", "publieke-ruimte"], "doelgroep": ["buurtgenoten", "buurtprofessionals"]},
    situatie="Drugsoverlast en vervuiling in twee flats; bewoners durven niets te melden.")
UNKNOWN_CASE = Antwoorden({"problematiek": ["vervreemding-ongemak"]}, onbekend=["2.3", "2.5"])
CASES = {"moskee": MOSQUE_CASE, "portiek": PORTIEK_CASE, "jongeren": YOUTH_CASE, "stapeling": STACKED_CASE,
         "onbekend": UNKNOWN_CASE}


@pytest.fixture(scope="module")
def adviseur(content):
    return Adviseur(content)


def proposed(advies):
    return [t for t in advies.praktijkvoorbeelden if t.voorgesteld]


def richtingen_for(content, problematiek: str) -> set[str]:
    return {r.id for r in content.oplossingsrichtingen if problematiek in r.wanneer.problematiek}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_shortlist_holds_nothing_that_contradicts_the_case(content, adviseur, name):
    answers = CASES[name]
    advies = adviseur.advise(answers)
    first = proposed(advies)
    assert 0 < len(first) <= EERSTE, name
    assert advies.praktijkvoorbeelden[:len(first)] == first  # the shortlist comes first
    for treffer in first:
        voorbeeld = content.voorbeeld(treffer.slug)
        assert not treffer.tegen, (name, treffer)
        needs = voorbeeld.voor_buurten_met
        if needs:  # an item for a group or place the case does not have
            assert set(needs.doelgroepen) <= answers.chosen("doelgroep"), (name, treffer.slug)
            assert set(needs.locaties) <= answers.chosen("locatie"), (name, treffer.slug)
    # Reasons come strongest first, and the scores order the shortlist.
    assert [t.score for t in first] == sorted((t.score for t in first), reverse=True)
    for treffer in advies.praktijkvoorbeelden:
        assert [r.gewicht for r in treffer.redenen] == sorted((r.gewicht for r in treffer.redenen), reverse=True)


def test_the_mosque_case_starts_with_what_the_handreiking_advises_for_a_gebedshuis(content, adviseur):
    advies = adviseur.advise(MOSQUE_CASE)
    first = proposed(advies)
    # The richting the handreiking names as especially important for an AZC or gebedshuis (its wanneer names the
    # problematiek and it holds the checklists tied to it) leads, through its praktijkvoorbeeld.
    tied = {c.slug for c in content.checklists if AZC in c.bij_problematiek}
    assert tied, "de handreiking verbindt checklists met de komst van een AZC of gebedshuis"
    listening = {r.id for r in content.oplossingsrichtingen if AZC in r.wanneer.problematiek and tied & set(r.checklists)}
    assert content.voorbeeld(first[0].slug).oplossingsrichtingen[0] in listening
    # The first three all answer the resistance itself.
    for treffer in first[:3]:
        assert AZC in content.voorbeeld(treffer.slug).problematiek, treffer.slug
    # No item for newcomers or pupils: nothing that needs statushouders, kinderen, jongeren or a school.
    for treffer in first:
        needs = content.voorbeeld(treffer.slug).voor_buurten_met
        assert not needs or not ({"statushouders", "kinderen", "jongeren"} & set(needs.doelgroepen)
                                 or "scholen" in needs.locaties), treffer.slug
    # The checklists tied to the problematiek are proposed, first.
    assert {c.slug for c in advies.checklists[:len(tied)]} == tied
    # Her words are named: the shortlist's reasons quote her word "moskee" and what it matched.
    woorden = [r for t in first for r in t.redenen if r.soort == "woorden"]
    assert any("moskee" in r.waarden for r in woorden)
    assert any("petitie" in r.waarden or "informatieavond" in r.waarden for r in woorden)


def test_a_case_in_the_direct_living_environment_gets_its_own_approaches(content, adviseur):
    first = proposed(adviseur.advise(PORTIEK_CASE))
    woonomgeving = {r.id for r in content.oplossingsrichtingen if "directe-woonomgeving" in r.wanneer.locaties}
    for treffer in first:
        assert "directe-woonomgeving" in content.voorbeeld(treffer.slug).locaties, treffer.slug
    for treffer in first[:3]:
        assert set(content.voorbeeld(treffer.slug).oplossingsrichtingen) & woonomgeving, treffer.slug


def test_youth_nuisance_in_public_space_gets_approaches_for_young_people(content, adviseur):
    advies = adviseur.advise(YOUTH_CASE)
    gericht = {s.id for s in advies.oplossingsrichtingen if s.gericht}
    for treffer in proposed(advies):
        assert "overlast-jeugd" in content.voorbeeld(treffer.slug).problematiek, treffer.slug
    for treffer in proposed(advies)[:3]:
        voorbeeld = content.voorbeeld(treffer.slug)
        assert voorbeeld.oplossingsrichtingen[0] in gericht and "jongeren" in voorbeeld.doelgroepen, treffer.slug


def test_serious_problems_put_the_focused_approach_of_hotspots_first(content, adviseur):
    rules = [r for r in vuistregels(content.checklists) if r.geldt_bij]
    assert rules and all(applies(rule, STACKED_CASE) for rule in rules)
    first = proposed(adviseur.advise(STACKED_CASE))
    candidates = [v for v in content.praktijkvoorbeelden if all(r.verdict(v) == "voldoet" for r in rules)
                  and set(v.problematiek) & STACKED_CASE.chosen("problematiek")]
    assert candidates, "de inhoud heeft een gerichte aanpak van hotspots"
    assert all(r.verdict(content.voorbeeld(first[0].slug)) == "voldoet" for r in rules)


def test_unknown_information_puts_the_informatiepositie_first(content, adviseur):
    advies = adviseur.advise(UNKNOWN_CASE)
    informatie = {r.id for r in content.oplossingsrichtingen if r.wanneer.bij_ontbrekende_informatie}
    for treffer in proposed(advies)[:3]:
        assert content.voorbeeld(treffer.slug).oplossingsrichtingen[0] in informatie, treffer.slug
    tied = {slug for r in content.oplossingsrichtingen if r.id in informatie for slug in r.checklists}
    assert tied <= {c.slug for c in advies.checklists}


def test_her_words_move_items_up_and_never_hide_one(content, adviseur):
    without = Antwoorden(dict(MOSQUE_CASE.keuzes))
    shown_without = [t.slug for t in adviseur.advise(without).praktijkvoorbeelden]
    shown_with = [t.slug for t in adviseur.advise(MOSQUE_CASE).praktijkvoorbeelden]
    assert set(shown_without) <= set(shown_with)
    # A word of one praktijkvoorbeeld's description that no other one has lifts it.
    counts: dict[str, int] = {}
    texts = {v.slug: set(adviseur.zoeker.teksten[v.slug]["beschrijving"].woorden) for v in content.praktijkvoorbeelden}
    for words in texts.values():
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    for slug in shown_without[-3:]:
        rare = sorted(w for w in texts[slug] if counts[w] == 1 and len(w) >= 8 and adviseur.analysis.query(w))
        if not rare:
            continue
        lifted = [t.slug for t in adviseur.advise(Antwoorden(dict(MOSQUE_CASE.keuzes), situatie=rare[0]))
                  .praktijkvoorbeelden]
        assert lifted.index(slug) < shown_without.index(slug), (slug, rare[0])
