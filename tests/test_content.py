"""Issue 2: the content model. Every file validates and the handreiking is complete."""

from __future__ import annotations

from handreiking.loader import check_content

from conftest import ROOT

# The 41 praktijkvoorbeelden of step 4.2 as the handreiking names them, with the title we use.
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
OUTSIDE_STEP_4 = ["Dare to be Grey", "Nieuw Wij", "Stay Human", "Plan Einstein", "SAMOS"]


def test_all_content_is_valid():
    result = check_content(ROOT)
    assert [str(problem) for problem in result.errors] == []


def test_the_41_step_4_examples_are_present(content):
    titles = {voorbeeld.titel for voorbeeld in content.praktijkvoorbeelden}
    assert len(STEP_4_TITLES) == 41
    assert sorted(set(STEP_4_TITLES) - titles) == []
    step_4 = [v for v in content.praktijkvoorbeelden if v.bron.startswith("stap-4-")]
    assert sorted(v.titel for v in step_4) == sorted(STEP_4_TITLES)


def test_every_oplossingsrichting_has_examples(content):
    titles = {voorbeeld.titel for voorbeeld in content.praktijkvoorbeelden}
    assert set(OUTSIDE_STEP_4) <= titles
    assert len(content.praktijkvoorbeelden) == 46
    for richting in content.oplossingsrichtingen:
        assert any(richting.id in v.oplossingsrichtingen for v in content.praktijkvoorbeelden), richting.id


def test_portiekportiers_is_one_file_in_two_oplossingsrichtingen(content):
    voorbeeld = content.voorbeeld("portiekportiers-buurtbikkels")
    assert voorbeeld.oplossingsrichtingen == ("contact-woonomgeving", "kinderen-jongeren")


def test_structure_counts(content):
    assert [r.nummer for r in content.oplossingsrichtingen] == list(range(1, 8))
    assert [c.nummer for c in content.casussen] == [1, 2, 3, 4]
    assert len(content.checklists) >= 18
    assert all(checklist.items for checklist in content.checklists)


def test_vocabulary_ids_are_exactly_the_agreed_ones(content):
    ids = {name: taxonomy.ids for name, taxonomy in content.taxonomieen.items()}
    assert ids["oplossingsrichting"] == ("contact-woonomgeving", "ontmoeting-buurt", "kinderen-jongeren",
                                         "weerbaarheid", "vooroordelen", "informatiepositie",
                                         "wat-leeft-in-de-buurt")
    assert ids["locatie"] == ("directe-woonomgeving", "publieke-ruimte", "scholen", "sociale-media",
                              "wijkoverstijgend")
    assert ids["doelgroep"][:8] == ("jongeren", "kinderen", "ouders", "directe-buren", "buurtgenoten",
                                    "buurtprofessionals", "statushouders", "actieve-bewoners")
    assert ids["problematiek"] == ("vervreemding-ongemak", "overlast-jeugd", "verloedering-criminaliteit",
                                   "armoede-achter-de-voordeur", "discriminatie-uitsluiting",
                                   "radicale-opvattingen", "historie-buurt", "weerstand-komst-azc")
    assert ids["fase"] == ("rust", "ongemak", "onderhuidse-spanningen", "incidenten", "escalatie")
    assert ids["verschijningsvorm"] == ("denken", "voelen", "gedrag")
    subs = content.taxonomieen["oplossingsrichting"].term("ontmoeting-buurt").subcategorieen
    assert [sub.id for sub in subs] == ["gedragsregels", "dialoog", "buurtidentiteit", "overige-ontmoeting",
                                       "vluchtelingen-buurtbewoners"]
    assert len(content.taxonomieen["oplossingsrichting"].term("weerbaarheid").subcategorieen) == 4


def test_wanneer_conditions_are_data(content):
    """The analysis tool reads these: they must say what the handreiking says."""
    wanneer = {r.id: r.wanneer for r in content.oplossingsrichtingen}
    assert wanneer["contact-woonomgeving"].locaties == ("directe-woonomgeving",)
    assert "overlast-jeugd" in wanneer["kinderen-jongeren"].problematiek
    assert "weerstand-komst-azc" in wanneer["ontmoeting-buurt"].problematiek
    assert "weerstand-komst-azc" in wanneer["vooroordelen"].problematiek
    assert "verloedering-criminaliteit" in wanneer["weerbaarheid"].problematiek
    assert wanneer["wat-leeft-in-de-buurt"].altijd
    assert wanneer["informatiepositie"].bij_ontbrekende_informatie


def test_checklists_cover_the_handreiking(content):
    steps = {checklist.stap for checklist in content.checklists}
    assert {"1", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "3.1", "3.2", "4.1", "4.2"} <= steps
    causes = content.checklist("oorzaken-en-risicofactoren")
    assert [item.code for item in causes.items] == list("ABCDEFG")
    assert [item.koppeling[1] for item in causes.items] == list(content.taxonomieen["problematiek"].ids[:7])
    ladder = content.checklist("bindingsladder")
    assert len(ladder.items) == 4
    fasen = content.checklist("fasen-van-polarisatie")
    assert [item.koppeling for item in fasen.items] == [("fase", f) for f in content.taxonomieen["fase"].ids]


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
    from handreiking.wording import load_fingerprints

    return load_fingerprints(ROOT / "tests" / "fixtures" / "bron-woordreeksen.txt")


def test_content_is_in_our_own_words():
    """No text repeats a run of 10 words from the handreiking (fingerprints in tests/fixtures)."""
    import yaml

    from handreiking.wording import fingerprints

    source = _source_fingerprints()
    copied = []
    for file in sorted((ROOT / "content").rglob("*.yml")):
        for field, text in _texts(yaml.safe_load(file.read_text(encoding="utf-8"))):
            copied += [f"{file.relative_to(ROOT)}: {field}: '{run}'"
                       for print_, run in fingerprints(text) if print_ in source][:1]
    assert copied == []


def test_hand_written_pages_are_in_our_own_words():
    """The pages in docs/ are summaries too: no run of 10 words from the handreiking."""
    from handreiking.wording import fingerprints

    source = _source_fingerprints()
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) >= 20
    copied = [f"{page.relative_to(ROOT)}: '{run}'" for page in pages
              for print_, run in fingerprints(page.read_text(encoding="utf-8")) if print_ in source]
    assert copied == []


def test_wording_check_detects_a_copied_sentence():
    from handreiking.wording import fingerprints

    source = _source_fingerprints()
    copied = ("Buurtbemiddeling is een methodiek om burenconflicten op te lossen met behulp van "
              "tot bemiddelaar opgeleide buurtbewoners.")
    assert any(print_ in source for print_, _ in fingerprints(copied))
