"""The content model: every file validates, the rules hold, and the handreiking stays complete.

These tests check rules, never today's snapshot: an editor's ordinary change (a new example, a
rename or removal with a redirect, a new term, status gestopt) keeps them green. Completeness
against the source follows the redirect history, so a renamed or merged example still counts.
"""

from __future__ import annotations

from handreiking.content.loader import check_content
from handreiking.content.slugs import slugify

from conftest import ROOT

# The 41 praktijkvoorbeelden of step 4.2 as the handreiking names them (facts of the source,
# not of the site); their slugs are the addresses they were first published under.
STEP_4_TITLES = [
    "Buurtbemiddeling", "Portiekgesprekken, galerijgesprekken, burengesprekken", "Samen Schoon",
    "Portiekportiers (Buurtbikkels)", "Nieuwe bewoners verwelkomen",
    "Gedragscodes", "Pleingesprekken", "Dialoogtafels", "Interculturele, interreligieuze dialoog",
    "Ronde Tafelhuis", "Buurtreminiscentie", "Bevorderen gemeenschappelijke identiteit", "Opzoomeren",
    "Kulturhuske", "Buurtgids-tours", "Haagse Huiskamer", "De Voorkamer", "BOOST", "Dichter bij huis",
    "Buurtpraatjes",
    "Thuis Op Straat", "Jongeren Lossen Het Op", "Straatportiers", "Jongeren Preventie Teams", "Inkr8",
    "Zakgeldprojecten", "Futsal Chabbab", "Ara Cora",
    "Training omgaan met straatcultuur", "Koppelwerk", "Buurtambassadeurs", "Buurt Bestuurt",
    "Buurtpreventieprojecten", "WhatsApp-buurtpreventie", "Buurtveiligheidsteams", "BuurtPraktijkTeam",
    "Burgertop", "Utrecht zijn we samen", "Tolerant Minds", "Bondgenoten", "Netwerken van sleutelpersonen",
]
# Examples the handreiking describes outside step 4.2 (campaigns, SAMOS, the Plan Einstein case).
OUTSIDE_STEP_4 = ["Dare to be Grey", "Nieuw Wij", "Stay Human", "Plan Einstein", "SAMOS"]
# Ids that addresses (/locaties/<id>/) and filter links (?locatie=<id>) depend on: they may be added to,
# never changed. The oplossingsrichtingen and fasen are the structure of the method itself.
STABLE_IDS = {
    "oplossingsrichting": ["contact-woonomgeving", "ontmoeting-buurt", "kinderen-jongeren", "weerbaarheid",
                           "vooroordelen", "informatiepositie", "wat-leeft-in-de-buurt"],
    "locatie": ["directe-woonomgeving", "publieke-ruimte", "scholen", "sociale-media", "wijkoverstijgend"],
    "doelgroep": ["jongeren", "kinderen", "ouders", "directe-buren", "buurtgenoten", "buurtprofessionals",
                  "statushouders", "actieve-bewoners"],
    "problematiek": ["vervreemding-ongemak", "overlast-jeugd", "verloedering-criminaliteit",
                     "armoede-achter-de-voordeur", "discriminatie-uitsluiting", "radicale-opvattingen",
                     "historie-buurt", "weerstand-komst-azc"],
    "fase": ["rust", "ongemak", "onderhuidse-spanningen", "incidenten", "escalatie"],
    "verschijningsvorm": ["denken", "voelen", "gedrag"],
}


def current_slug(content, slug: str) -> str | None:
    """Where the address ``slug`` leads today: the example itself, or the one it redirects to."""
    slug = content.doorverwijzingen["praktijkvoorbeelden"].get(slug, slug)
    return slug if slug in {v.slug for v in content.praktijkvoorbeelden} else None


def checklist_now(content, slug: str):
    """The checklist first published as ``slug``, following a redirect."""
    return content.checklist(content.doorverwijzingen["checklists"].get(slug, slug))


def test_all_content_is_valid():
    result = check_content(ROOT)
    assert [str(problem) for problem in result.errors] == []


def test_every_example_of_the_handreiking_is_still_on_the_site(content):
    assert len(STEP_4_TITLES) == 41
    lost = [title for title in STEP_4_TITLES + OUTSIDE_STEP_4 if current_slug(content, slugify(title)) is None]
    assert lost == []


def test_the_examples_of_step_4_are_grouped_under_step_4(content):
    for title in STEP_4_TITLES:
        voorbeeld = content.voorbeeld(current_slug(content, slugify(title)))
        if voorbeeld.slug == slugify(title):  # not merged into another example
            assert voorbeeld.bron.startswith("stap-4-"), voorbeeld.slug


def test_every_oplossingsrichting_has_examples(content):
    for richting in content.oplossingsrichtingen:
        assert any(richting.id in v.oplossingsrichtingen for v in content.praktijkvoorbeelden), richting.id


def test_ids_are_unique(content):
    for taxonomie in content.taxonomieen.values():
        assert len(set(taxonomie.ids)) == len(taxonomie.ids), taxonomie.naam
    for kind in (content.praktijkvoorbeelden, content.checklists, content.casussen):
        slugs = [item.slug for item in kind]
        assert len(set(slugs)) == len(slugs)


def test_structure_follows_the_method(content):
    assert [r.nummer for r in content.oplossingsrichtingen] == list(range(1, len(content.oplossingsrichtingen) + 1))
    assert [c.nummer for c in content.casussen] == list(range(1, len(content.casussen) + 1))
    assert all(checklist.items for checklist in content.checklists)


def test_vocabulary_ids_that_addresses_depend_on_stay(content):
    for name, ids in STABLE_IDS.items():
        assert sorted(set(ids) - set(content.taxonomieen[name].ids)) == [], name
    assert content.taxonomieen["oplossingsrichting"].ids == tuple(STABLE_IDS["oplossingsrichting"])
    assert content.taxonomieen["fase"].ids == tuple(STABLE_IDS["fase"])
    subs = content.taxonomieen["oplossingsrichting"].term("ontmoeting-buurt").subcategorieen
    assert {"gedragsregels", "dialoog", "buurtidentiteit", "overige-ontmoeting",
            "vluchtelingen-buurtbewoners"} <= {sub.id for sub in subs}


def test_wanneer_conditions_are_data(content):
    """The analysis tool reads these: they must say what the handreiking says."""
    wanneer = {r.id: r.wanneer for r in content.oplossingsrichtingen}
    assert "directe-woonomgeving" in wanneer["contact-woonomgeving"].locaties
    assert "overlast-jeugd" in wanneer["kinderen-jongeren"].problematiek
    assert "weerstand-komst-azc" in wanneer["ontmoeting-buurt"].problematiek
    assert "weerstand-komst-azc" in wanneer["vooroordelen"].problematiek
    assert "verloedering-criminaliteit" in wanneer["weerbaarheid"].problematiek
    assert wanneer["wat-leeft-in-de-buurt"].altijd
    assert wanneer["informatiepositie"].bij_ontbrekende_informatie


def test_checklists_cover_the_handreiking(content):
    steps = {checklist.stap for checklist in content.checklists}
    assert {"1", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "3.1", "3.2", "4.1", "4.2"} <= steps
    causes = checklist_now(content, "oorzaken-en-risicofactoren")
    assert [item.code for item in causes.items] == list("ABCDEFG")
    assert [item.koppeling[1] for item in causes.items] == STABLE_IDS["problematiek"][:7]
    ladder = checklist_now(content, "bindingsladder")
    assert len(ladder.items) == 4
    fasen = checklist_now(content, "fasen-van-polarisatie")
    assert [item.koppeling for item in fasen.items] == [("fase", f) for f in STABLE_IDS["fase"]]


def _texts(value, path=""):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


def _source_fingerprints() -> set[str]:
    from handreiking.content.wording import load_fingerprints

    return load_fingerprints(ROOT / "tests" / "fixtures" / "bron-woordreeksen.txt")


def test_content_is_in_our_own_words():
    """No text repeats a run of 10 words from the handreiking (fingerprints in tests/fixtures)."""
    import yaml

    from handreiking.content.wording import fingerprints

    source = _source_fingerprints()
    copied = []
    for file in sorted((ROOT / "content").rglob("*.yml")):
        for field, text in _texts(yaml.safe_load(file.read_text(encoding="utf-8"))):
            copied += [f"{file.relative_to(ROOT)}: {field}: '{run}'"
                       for print_, run in fingerprints(text) if print_ in source][:1]
    assert copied == []


def test_hand_written_pages_are_in_our_own_words():
    """The pages in docs/ are summaries too: no run of 10 words from the handreiking."""
    from handreiking.content.wording import fingerprints

    source = _source_fingerprints()
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) >= 20
    copied = [f"{page.relative_to(ROOT)}: '{run}'" for page in pages
              for print_, run in fingerprints(page.read_text(encoding="utf-8")) if print_ in source]
    assert copied == []


def test_wording_check_detects_a_copied_sentence():
    from handreiking.content.wording import fingerprints

    source = _source_fingerprints()
    copied = ("Buurtbemiddeling is een methodiek om burenconflicten op te lossen met behulp van "
              "tot bemiddelaar opgeleide buurtbewoners.")
    assert any(print_ in source for print_, _ in fingerprints(copied))
