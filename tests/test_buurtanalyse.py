"""Issue 9: the buurtanalyse, driven in Chromium: what a user does and sees.

What the page shows after a click, a link or a reload is compared with :mod:`handreiking.tools.advies`
applied to the loaded content, and the form with the checklists: never with fixed lists. The advice
engine itself is compared with Python in node, on hundreds of answer sets (tests/js/pariteit.test.js).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import yaml

from buurtanalyse_page import (adviseur, analyse_url, antwoorden, checked, expected_richtingen, expected_voorbeelden,
                               open_analyse, shown_richtingen, shown_voorbeelden, waarom)
from conftest import copy_project, mkdocs_build, run_axe
from handreiking.tools import advies
from handreiking.tools.buurtanalyse import answer_vocabularies, stappen
from handreiking.content.model import HIDDEN_STATUS
from handreiking.tools.filtering import FACETS
from handreiking.content.loader import load_content
from handreiking.site.text import rich_text
import keyboard_nav
from printed import printed_text
from tool_page import location, url_state

LABEL_TEXT = """box => {
    const label = box.labels[0].cloneNode(true);
    label.querySelectorAll('.ba-elders').forEach(note => note.remove());
    return label.textContent.replace(/\\s+/g, ' ').trim();
}"""


def term_label(content, naam: str, term_id: str) -> str:
    return content.taxonomieen[naam].term(term_id).label


def with_onbekend(keuzes: dict, onbekend) -> dict[str, set[str]]:
    expected = {name: set(values) for name, values in keuzes.items() if values}
    if onbekend:
        expected["onbekend"] = set(onbekend)
    return expected


def punt_texts(content) -> dict[str, str]:
    """The form value of every checklist item without a koppeling -> its text."""
    return {advies.punt_value(c, s, i): " ".join(item.tekst.split()) for c in content.checklists
            for s, sectie in enumerate(c.secties, start=1) for i, item in enumerate(sectie.items, start=1)}


def assert_advice_as_python(page, content, keuzes: dict, onbekend=(), gestopt: bool = False, punten=(),
                            situatie: str = "") -> None:
    answers = antwoorden(keuzes, onbekend, gestopt, punten, situatie)
    suggested = expected_richtingen(content, answers)
    where = f"keuzes={keuzes} onbekend={onbekend} punten={punten}"
    assert shown_richtingen(page) == [s.id for s in suggested], where
    assert shown_voorbeelden(page) == expected_voorbeelden(content, answers), where
    # Each card says why, naming its strongest reason; one put at the back says why.
    found = adviseur(content).advise(answers).praktijkvoorbeelden
    for treffer in found:
        card = page.locator(f'#advies [data-slug="{treffer.slug}"]')
        why = card.locator(".ba-waarom").inner_text()
        strongest = treffer.redenen[0]
        if strongest.soort in ("problematiek", "locatie", "doelgroep", "oplossingsrichting"):
            assert term_label(content, strongest.soort, strongest.waarden[0]) in why, (where, treffer.slug)
        assert (card.locator(".ba-tegen").count() == 1) == bool(treffer.tegen), (where, treffer.slug)
    for suggestie in suggested:
        # Every oplossingsrichting lists its praktijkvoorbeelden.
        listed = page.locator(f'#advies [data-oplossingsrichting="{suggestie.id}"] .ba-richting-voorbeelden a')
        assert [" ".join(t.split()) for t in listed.all_inner_texts()] == [
            " ".join(v.titel.split()) for v in content.praktijkvoorbeelden
            if suggestie.id in v.oplossingsrichtingen and (gestopt or v.status != HIDDEN_STATUS)], where
        reason = waarom(page, suggestie.id)
        for punt in suggestie.punten:
            assert punt_texts(content)[punt] in reason, (where, reason)
        for term_id in suggestie.problematiek:
            assert term_label(content, "problematiek", term_id) in reason, (where, reason)
        for term_id in suggestie.locaties:
            assert term_label(content, "locatie", term_id) in reason, (where, reason)
        for stap in stappen(content):
            assert (stap.titel in reason) == (stap.nummer in suggestie.onbekend), (where, reason)
        if suggestie.altijd:
            assert content.oplossingsrichting(suggestie.id).wanneer.toelichting.rstrip(".") in reason
    escalation = bool(advies.buiten_focus(content.taxonomieen["fase"], answers))
    assert page.locator("#advies-escalatie").is_visible() == escalation, where


# --- the form, from the YAML ----------------------------------------------------------------


def test_without_javascript_the_form_is_every_checklist_of_every_step(new_page, site_url, content):
    page = new_page(java_script_enabled=False)
    page.goto(analyse_url(site_url))
    steps = stappen(content)
    fieldsets = page.locator("#ba-formulier fieldset.ba-stap")
    assert fieldsets.evaluate_all("sets => sets.map(s => s.dataset.stap)") == [stap.nummer for stap in steps]
    offered: set[tuple[str, str]] = set()
    for stap, fieldset in zip(steps, fieldsets.all()):
        assert fieldset.locator(":scope > legend").inner_text() == stap.titel
        boxes = fieldset.locator("input[type=checkbox]")
        found = boxes.evaluate_all(f"boxes => boxes.map(b => [b.name, b.value, ({LABEL_TEXT})(b)])")
        expected = []
        for checklist in stap.checklists:
            for s, sectie in enumerate(checklist.secties, start=1):
                if sectie.koppeling:
                    label = term_label(content, *sectie.koppeling)
                    expected.append([*sectie.koppeling, label])
                for i, item in enumerate(sectie.items, start=1):
                    name, value = item.koppeling or ("punt", f"{checklist.slug}-{s}-{i}")
                    expected.append([name, value, f"{item.code}. {item.tekst}" if item.code else item.tekst])
                    # Its voorbeelden are sub-items to tick.
                    expected += [["punt", f"{checklist.slug}-{s}-{i}-v{k}", " ".join(voorbeeld.split())]
                                 for k, voorbeeld in enumerate(item.voorbeelden, start=1)]
        linked = [entry for entry in found if entry[0] not in ("punt", "onbekend")]
        offered |= {(name, value) for name, value, _ in linked}
        # The checklist's own items in order, then the vocabulary's other terms, then "weten we niet".
        assert found[:len(expected)] == expected
        assert found[-1] == ["onbekend", stap.nummer, "Weten we niet"]
        for name, value, label in found[len(expected):-1]:
            assert label == term_label(content, name, value)
        assert fieldset.locator(f'textarea[data-notitie="{stap.nummer}"]').count() == 1
        assert fieldset.locator("[data-anders]").count() == sum(c.anders_namelijk for c in stap.checklists)
    # Every id the address can hold has a checkbox.
    assert offered == {(naam, term_id) for naam in answer_vocabularies(content)
                       for term_id in content.taxonomieen[naam].ids}
    assert set(answer_vocabularies(content)) >= {"verschijningsvorm", "fase", "locatie", "doelgroep", "problematiek"}
    # Every control has a label; the advice needs the script.
    unlabeled = page.eval_on_selector_all("#ba-werkblad input:not([type=file]), #ba-werkblad textarea, #ba-werkblad select",
                                          "els => els.filter(e => !e.labels.length).map(e => e.id)")
    assert unlabeled == []
    assert shown_richtingen(page) == []


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory):
    """A copy of the project with changed checklists, 'wanneer' rules and a gestopt praktijkvoorbeeld."""
    root = tmp_path_factory.mktemp("buurtanalyse")
    project = copy_project(root / "project")
    content = load_content(project)

    def edit(path: Path, change) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    checklists = project / "content" / "checklists"
    edit(checklists / "kenmerken-betrokken-groepen.yml",
         lambda d: d["secties"][0]["items"].append({"tekst": "Een nieuw kenmerk uit de YAML"}))
    # The one problematiek that 2.5 lacked becomes a checklist item: no longer an extra term.
    edit(checklists / "oorzaken-en-risicofactoren.yml", lambda d: d["secties"][0]["items"].append(
        {"code": "H", "tekst": "Weerstand tegen nieuwkomers in de buurt.", "problematiek": "weerstand-komst-azc"}))
    richting = next(r for r in content.oplossingsrichtingen if r.wanneer.problematiek and not r.wanneer.locaties)
    edit(project / "content" / "oplossingsrichtingen" / f"{richting.id}.yml",
         lambda d: d["wanneer"].update(locaties=["scholen"]))
    stopped = next(v for v in content.praktijkvoorbeelden if "publieke-ruimte" in v.locaties)
    edit(project / "content" / "interventies" / f"{stopped.slug}.yml", lambda d: d.update(status="gestopt"))
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site", load_content(project), richting.id, stopped.slug


def test_the_form_and_the_advice_follow_the_yaml(page, changed_site):
    site, content, richting_id, stopped = changed_site
    base = site.as_uri()
    open_analyse(page, analyse_url(base))
    added = page.locator('#stap-2-3 input[value="kenmerken-betrokken-groepen-1-11"]')
    assert added.evaluate(LABEL_TEXT) == "Een nieuw kenmerk uit de YAML"
    azc = page.locator('#stap-2-5 input[name=problematiek][value="weerstand-komst-azc"]')
    assert azc.count() == 1 and azc.evaluate(LABEL_TEXT).startswith("H. Weerstand tegen nieuwkomers")
    assert page.locator("#stap-2-5 .ba-extra").count() == 0

    richting = content.oplossingsrichting(richting_id)
    keuzes = {"problematiek": [richting.wanneer.problematiek[0]]}
    open_analyse(page, analyse_url(base, keuzes))
    assert richting_id not in shown_richtingen(page)  # now it needs its new locatie
    assert_advice_as_python(page, content, keuzes)
    keuzes["locatie"] = ["scholen", "publieke-ruimte"]
    open_analyse(page, analyse_url(base, keuzes))
    assert richting_id in shown_richtingen(page)
    assert_advice_as_python(page, content, keuzes)
    assert stopped not in [slug for slug, *_ in shown_voorbeelden(page)]

    page.get_by_label("Toon ook gestopte praktijkvoorbeelden").check()
    assert stopped in [slug for slug, *_ in shown_voorbeelden(page)]
    assert_advice_as_python(page, content, keuzes, gestopt=True)
    assert url_state(page)["gestopt"] == ["ja"]
    assert "(Gestopt)" in page.locator(f'#advies [data-slug="{stopped}"] h4').inner_text()


# --- the address ---------------------------------------------------------------------------
# The advice itself is compared with Python in node, on hundreds of answer sets (tests/js/pariteit.test.js).


def test_a_link_ticks_its_answers_and_the_wijzer_link_carries_them(page, site_url, content):
    buiten = [term.id for term in content.taxonomieen["fase"].termen if term.buiten_focus]
    keuzes = {"locatie": ["publieke-ruimte"], "problematiek": ["overlast-jeugd"], "fase": buiten[-1:],
              "doelgroep": ["jongeren", "ouders"]}
    onbekend = [stappen(content)[3].nummer]
    open_analyse(page, analyse_url(site_url, keuzes, onbekend))
    assert checked(page) == with_onbekend(keuzes, onbekend)
    assert_advice_as_python(page, content, keuzes, onbekend)
    # The interventiewijzer link carries the same choices (the vocabularies the wijzer filters on).
    wijzer = page.locator("#advies-wijzer").get_attribute("href")
    facets = {facet.naam for facet in FACETS}
    assert {name: set(values) for name, values in parse_qs(urlparse(wijzer).query).items()} == \
        {name: set(values) for name, values in keuzes.items() if name in facets and values}
    assert wijzer.split("?")[0] == "../interventiewijzer/"


def test_escalation_note_names_the_kis_handreiking(page, site_url, content):
    fasen = content.taxonomieen["fase"]
    for term in fasen.termen:
        open_analyse(page, analyse_url(site_url, {"fase": [term.id]}))
        note = page.locator("#advies-escalatie")
        assert note.is_visible() == term.buiten_focus, term.id
        assert page.locator("#ba-fase-melding").is_visible() == term.buiten_focus
        if term.buiten_focus:
            text = note.inner_text()
            assert "Omgaan met maatschappelijke spanningen" in text and term.label.lower() in text
            assert note.locator("a").count() == 0  # the source gives no address for it
            assert run_axe(page) == []


# --- state: address, browser storage, files ---------------------------------------------------


def test_clicking_updates_advice_and_address_and_the_link_restores_it(page, new_page, site_url, content):
    open_analyse(page, analyse_url(site_url))
    page.check('#stap-2-4 input[name=locatie][value="publieke-ruimte"]')
    page.check('#stap-2-5 input[name=problematiek][value="overlast-jeugd"]')
    # An actor that is also a doelgroep: one answer, checked in both steps.
    actor = page.locator('#stap-2-3 input[name=doelgroep]').first
    doelgroep = actor.get_attribute("value")
    actor.check()
    assert page.locator(f'#stap-3-2 input[name=doelgroep][value="{doelgroep}"]').is_checked()
    # A detail of 2.1 implies its verschijningsvorm; clearing the verschijningsvorm clears the details.
    group = page.locator("#stap-2-1 input[data-groep]").first
    page.locator("#stap-2-1 .ba-opties--sub input").first.check()
    assert group.is_checked()
    page.check("#ba-onbekend-stap-2-6")
    page.fill("#ba-notitie-stap-2-4", "Vooral rond het winkelcentrum")
    keuzes = {"verschijningsvorm": [group.get_attribute("value")], "locatie": ["publieke-ruimte"],
              "problematiek": ["overlast-jeugd"], "doelgroep": [doelgroep]}
    assert url_state(page) == {**keuzes, "onbekend": ["2.6"]}
    assert "winkelcentrum" not in location(page)  # notes travel after '#', encoded
    assert_advice_as_python(page, content, keuzes, ["2.6"])
    link = location(page)

    other = new_page(locale="nl-NL")  # another browser: it has only the link, and the link has everything
    open_analyse(other, link)
    assert checked(other) == checked(page)  # the detail of 2.1 too
    assert_advice_as_python(other, content, keuzes, ["2.6"])
    assert other.input_value("#ba-notitie-stap-2-4") == "Vooral rond het winkelcentrum"

    group.uncheck()
    assert page.locator("#stap-2-1 .ba-opties--sub input:checked").count() == 0
    assert "verschijningsvorm" not in url_state(page)


def test_unknown_values_in_the_link_are_ignored_with_a_note(page, site_url, content):
    page.goto(f"{site_url}/buurtanalyse/?locatie=op-de-maan&doelgroep=jongeren&onbekend=9.9&casus=geen-casus")
    page.wait_for_selector("#ba-beheer", state="visible")
    note = page.locator("#ba-melding")
    assert note.is_visible()
    for value in ("op-de-maan", "9.9", "geen-casus"):
        assert value in note.inner_text()
    assert url_state(page) == {"doelgroep": ["jongeren"]}
    assert_advice_as_python(page, content, {"doelgroep": ["jongeren"]})
    assert run_axe(page) == []


def diagnose_rows(page):
    """The rows of the beleidsdiagnose: one section per problem."""
    return page.locator("#diagnose-rijen > section")


def fill_analysis(page, site_url, buurt: str, keuzes: dict, onbekend=()) -> None:
    """Answers from the link, then a name, a date, a note, chosen items and, with a problem, a beleidsdiagnose row."""
    open_analyse(page, analyse_url(site_url, keuzes, onbekend))
    page.fill("#ba-buurt", buurt)
    page.fill("#ba-datum", "2025-03-14")
    page.fill("#ba-notitie-stap-2-5", f"Notitie over {buurt}")
    page.locator('#stap-2-3 input[name=punt]').first.check()
    page.locator("#advies [data-oplossingsrichting] .ba-kies input").first.check()
    page.locator("#advies [data-slug] .ba-kies input").first.check()
    if diagnose_rows(page).count():
        row = diagnose_rows(page).first
        row.locator('fieldset[data-veld="gedekt"]').get_by_label("Deels").check()
        row.locator('textarea[data-veld="nodig"]').fill("Jongerenwerk en corporatie")


FORM_VALUES = """() => {
    const fields = [...document.querySelectorAll('#ba-werkblad input, #ba-werkblad textarea, #ba-werkblad select')]
        .filter(f => f.id && f.type !== 'file' && f.id !== 'ba-bewaard');
    return Object.fromEntries(fields.map(f => [f.id, ['checkbox', 'radio'].includes(f.type) ? f.checked : f.value]));
}"""


def saved_names(page) -> list[str]:
    return page.locator("#ba-bewaard option").evaluate_all("options => options.map(o => o.textContent)")


def test_every_typed_field_comes_back_after_a_reload_or_a_closed_tab(page, site_url, content):
    keuzes = {"locatie": ["publieke-ruimte"], "problematiek": ["overlast-jeugd"]}
    fill_analysis(page, site_url, "Noordwijk-Oost", keuzes, ["2.7"])
    # Every kind of field: each text field and note, a voorbeeld, a linked item, a row of every column.
    fields = page.locator("#ba-formulier input[type=text]:not(#ba-buurt), #ba-formulier textarea:not(#ba-situatie)")
    for n, field in enumerate(fields.all()):
        field.fill(f"Tekst {n} met een naam erin")
    situatie = "Een petitie tegen de moskee"
    page.fill("#ba-situatie", situatie)  # her words are answers: they go in the address as situatie
    page.locator("#ba-formulier .ba-optie--voorbeeld input").first.check()
    linked = sorted(advies.stelt_voor(content.checklists))[0]
    page.check(f'#ba-formulier input[name=punt][value="{linked}"]')
    page.get_by_label("Toon ook gestopte praktijkvoorbeelden").check()
    page.get_by_role("button", name="Voeg een cijfer toe").click()
    page.get_by_label("Waarde, cijfer 1").fill("14 %")
    row = diagnose_rows(page).first
    row.locator('fieldset[data-veld="terreinen"] input').last.check()
    row.locator('fieldset[data-veld="betrokken"] input').first.check()
    row.locator('textarea[data-veld="ontbreekt"]').fill("Een plek voor ouderen")
    page.fill("#diagnose-notitie", "Eerst met de wijkagent praten")
    before = page.evaluate(FORM_VALUES)
    assert sum(value is True for value in before.values()) >= 6

    page.reload()
    page.wait_for_selector("#ba-beheer", state="visible")
    assert page.evaluate(FORM_VALUES) == before
    assert page.get_by_label("Waarde, cijfer 1").input_value() == "14 %"
    assert "Noordwijk-Oost" in page.locator("#ba-status").inner_text()
    # A closed tab: the page opened again from the menu, without the answers in the address.
    link = location(page)
    page.close()
    other = page.context.new_page()
    open_analyse(other, analyse_url(site_url))
    assert other.evaluate(FORM_VALUES) == before
    assert location(other) == link  # the address follows the analysis again
    assert "Noordwijk-Oost" not in location(other) and "Tekst" not in location(other)
    assert parse_qs(urlparse(location(other)).query)["situatie"] == [situatie]
    assert "ouderen" not in location(other)  # the diagnose travels encoded, after '#'
    assert urlparse(location(other)).fragment.startswith("analyse=")
    assert_advice_as_python(other, content, keuzes, ["2.7"], gestopt=True, punten=[linked], situatie=situatie)


def test_a_new_analysis_keeps_the_old_one_and_one_can_switch_and_delete(page, site_url, content):
    keuzes = {"locatie": ["directe-woonomgeving"], "problematiek": ["vervreemding-ongemak"]}
    fill_analysis(page, site_url, "Noord", keuzes, ["2.7"])
    noord = page.evaluate(FORM_VALUES)
    page.get_by_role("button", name="Nieuwe analyse").click()
    assert checked(page) == {} and page.input_value("#ba-buurt") == ""
    assert urlparse(location(page)).query == ""
    assert page.evaluate("document.activeElement.id") == "ba-buurt"
    page.reload()
    page.wait_for_selector("#ba-beheer", state="visible")
    assert checked(page) == {}  # the new, empty analysis is what a reload shows
    fill_analysis(page, site_url, "Zuid", {"doelgroep": ["ouders"]})
    zuid = page.evaluate(FORM_VALUES)
    names = saved_names(page)
    assert len(names) == 2 and names[0].startswith("Zuid (geopend)") and names[1].startswith("Noord,")

    page.select_option("#ba-bewaard", label=names[1])
    page.get_by_role("button", name="Open", exact=True).click()
    assert page.evaluate(FORM_VALUES) == noord
    assert url_state(page) == {**keuzes, "onbekend": ["2.7"]}
    assert_advice_as_python(page, content, keuzes, ["2.7"])
    assert diagnose_rows(page).count() == len(keuzes["problematiek"])
    page.reload()
    page.wait_for_selector("#ba-beheer", state="visible")
    assert page.evaluate(FORM_VALUES) == noord

    page.select_option("#ba-bewaard", index=[n.startswith("Zuid") for n in saved_names(page)].index(True))
    page.get_by_role("button", name="Open", exact=True).click()
    assert page.evaluate(FORM_VALUES) == zuid
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Verwijder").click()  # the open one: the page starts empty
    assert checked(page) == {} and page.input_value("#ba-buurt") == ""
    assert [name.split(",")[0] for name in saved_names(page)] == ["Noord"]
    stored = json.loads(page.evaluate("localStorage.getItem('handreiking-buurtanalyses')"))
    assert [entry["analyse"]["buurt"] for entry in stored["analyses"].values()] == ["Noord"]


def test_a_link_with_other_answers_starts_a_new_analysis_beside_the_kept_one(page, site_url, content):
    fill_analysis(page, site_url, "Centrum", {"locatie": ["publieke-ruimte"]})
    keuzes = {"doelgroep": ["jongeren"]}
    open_analyse(page, analyse_url(site_url, keuzes))
    assert checked(page) == {"doelgroep": {"jongeren"}} and page.input_value("#ba-buurt") == ""
    page.fill("#ba-buurt", "Gedeelde link")
    assert sorted(name.split(" (")[0].split(",")[0] for name in saved_names(page)) == ["Centrum", "Gedeelde link"]


def test_analyses_kept_by_an_older_version_are_still_listed(page, site_url):
    old = {"versie": 1, "analyses": {"Oost": {"bewaard": "2025-01-02T10:00:00Z",
                                              "analyse": {"buurt": "Oost", "keuzes": {"doelgroep": ["ouders"]}}}}}
    page.add_init_script(f"localStorage.setItem('handreiking-buurtanalyses', {json.dumps(json.dumps(old))})")
    open_analyse(page, analyse_url(site_url))
    assert checked(page) == {}
    page.get_by_role("button", name="Open", exact=True).click()
    assert page.input_value("#ba-buurt") == "Oost" and checked(page) == {"doelgroep": {"ouders"}}


def test_export_and_import_a_file(page, site_url, content, tmp_path):
    keuzes = {"locatie": ["publieke-ruimte", "scholen"], "problematiek": ["discriminatie-uitsluiting"]}
    fill_analysis(page, site_url, "Oud-West", keuzes, ["2.2"])
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer als bestand").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert download.value.suggested_filename == "buurtanalyse-oud-west-2025-03-14.json"
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert (exported["type"], exported["buurt"], exported["datum"]) == ("buurtanalyse", "Oud-West", "2025-03-14")
    assert exported["keuzes"] == {"locatie": ["publieke-ruimte", "scholen"],
                                  "problematiek": ["discriminatie-uitsluiting"]}
    assert exported["onbekend"] == ["2.2"] and exported["notities"] == {"2.5": "Notitie over Oud-West"}
    assert len(exported["gekozen"]["oplossingsrichtingen"]) == len(exported["gekozen"]["praktijkvoorbeelden"]) == 1

    page.get_by_role("button", name="Nieuwe analyse").click()
    assert checked(page) == {}
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Importeer een bestand").click()
    chooser.value.set_files(path)
    page.wait_for_function("document.getElementById('ba-buurt').value === 'Oud-West'")
    assert {k: v for k, v in checked(page).items() if k != "punt"} == with_onbekend(keuzes, ["2.2"])
    assert_advice_as_python(page, content, keuzes, ["2.2"])
    assert diagnose_rows(page).count() == len(keuzes["problematiek"])
    assert diagnose_rows(page).first.locator('fieldset[data-veld="gedekt"]').get_by_label("Deels").is_checked()
    assert url_state(page) == {**keuzes, "onbekend": ["2.2"]}

    # Values this site does not know are left out and named; a file of another kind changes nothing.
    exported["keuzes"]["locatie"].append("op-de-maan")
    exported["gekozen"]["praktijkvoorbeelden"].append("bestaat-niet")
    changed = tmp_path / "aangepast.json"
    changed.write_text(json.dumps(exported), encoding="utf-8")
    page.set_input_files("#ba-bestand", changed)
    page.wait_for_function("document.getElementById('ba-status').textContent.includes('op-de-maan')")
    assert "bestaat-niet" in page.locator("#ba-status").inner_text()
    assert url_state(page) == {**keuzes, "onbekend": ["2.2"]}
    for name, text in (("ander.json", json.dumps({"type": "iets anders"})), ("kapot.json", "{niet")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        page.set_input_files("#ba-bestand", tmp_path / name)
        page.wait_for_function(f"document.getElementById('ba-status').textContent.includes('{name}')")
        assert "geen buurtanalyse" in page.locator("#ba-status").inner_text()
        assert page.input_value("#ba-buurt") == "Oud-West"


# --- keyboard, casussen, print, accessibility, file:// ------------------------------------------


def test_filling_the_form_by_keyboard(page, site_url, content):
    open_analyse(page, analyse_url(site_url))
    page.locator("body").focus()
    outlines_missing: list[str] = []

    def tab_to(selector: str) -> None:
        outlines_missing.extend(keyboard_nav.tab_to(page, selector, within="#ba-werkblad"))

    tab_to("#ba-buurt")
    page.keyboard.type("Kanaleneiland")
    tab_to('#stap-2-4 input[value="directe-woonomgeving"]')
    page.keyboard.press("Space")
    tab_to('#stap-2-5 input[value="vervreemding-ongemak"]')
    page.keyboard.press("Space")
    tab_to("#ba-onbekend-stap-2-6")
    page.keyboard.press("Space")
    tab_to("#ba-notitie-stap-2-6")
    page.keyboard.type("Nog navragen bij de wijkagent")
    keuzes = {"locatie": ["directe-woonomgeving"], "problematiek": ["vervreemding-ongemak"]}
    assert url_state(page) == {**keuzes, "onbekend": ["2.6"]}
    assert_advice_as_python(page, content, keuzes, ["2.6"])

    first = shown_richtingen(page)[0]
    tab_to(f"#kies-oplossingsrichting-{first}")
    page.keyboard.press("Space")
    # The beleidsdiagnose row of the problem: a policy area, how well it is covered, what is missing.
    row = "diagnose-problematiek-vervreemding-ongemak"
    tab_to(f"#{row}-terreinen-sociale-cohesie")
    page.keyboard.press("Space")
    tab_to(f"#{row}-huidig")
    page.keyboard.type("Buurtbudget")
    tab_to(f"#{row}-gedekt-ja")
    page.keyboard.press("ArrowRight")  # a group of radio buttons: the arrow keys choose
    tab_to(f"#{row}-ontbreekt")
    page.keyboard.type("Een vaste ontmoetingsplek")
    assert page.locator(f"#{row}-gedekt-deels").is_checked()
    assert page.locator(f"#{row}-terreinen-sociale-cohesie").is_checked()
    tab_to("[data-print-verslag]:not(#ba-print-boven)")
    page.evaluate("() => { window.print = () => { window.geprint = (window.geprint || 0) + 1; }; }")
    page.keyboard.press("Enter")
    assert page.evaluate("window.geprint") == 1
    report = page.locator("#verslag").text_content()
    assert "Kanaleneiland" in report and "Een vaste ontmoetingsplek" in report and "Buurtbudget" in report
    assert outlines_missing == []


def test_oefen_met_deze_casus_opens_the_empty_form_beside_the_casus(page, site_url, content):
    page.goto(f"{site_url}/aan-de-slag/")
    links = page.get_by_role("link", name="Oefen met deze casus")
    assert links.count() == len(content.casussen)
    links.nth(1).click()
    page.wait_for_selector("#ba-beheer", state="visible")
    assert url_state(page) == {"casus": [content.casussen[1].slug]}
    for casus in content.casussen:
        open_analyse(page, analyse_url(site_url, casus=casus.slug))
        aside = page.locator("#ba-casus")
        assert aside.is_visible()
        shown = aside.locator("[data-casus]:visible")
        assert shown.count() == 1
        assert shown.locator("h3").inner_text() == f"Casus {casus.nummer}: {casus.titel}"
        first_paragraph = re.sub(r"<[^>]+>", "", str(rich_text(casus.tekst)).split("</p>")[0])
        assert " ".join(first_paragraph.split()) in " ".join(shown.inner_text().split())
        assert checked(page) == {}
        form, text = page.locator(".ba-stappen").bounding_box(), aside.bounding_box()
        assert text["x"] >= form["x"] + form["width"] and text["y"] < form["y"] + 200  # beside, not below
    assert run_axe(page) == []
    page.get_by_role("button", name="Sluit de casus").click()
    assert not page.locator("#ba-casus").is_visible()
    assert "casus" not in url_state(page)


def test_print_verslag_is_a_clean_report(page, site_url, content, tmp_path):
    keuzes = {"fase": ["onderhuidse-spanningen"], "locatie": ["publieke-ruimte"],
              "problematiek": ["overlast-jeugd"], "doelgroep": ["jongeren"]}
    fill_analysis(page, site_url, "De Hoogte", keuzes, ["2.3"])
    answers = antwoorden(keuzes, ["2.3"])
    chosen_richting = shown_richtingen(page)[0]
    chosen_voorbeeld = shown_voorbeelden(page)[0][0]
    page.emulate_media(media="print")
    assert page.locator("#verslag").is_visible()
    for hidden in ("#ba-formulier", "#advies", "#beleidsdiagnose", ".ba-intro"):
        assert not page.locator(hidden).first.is_visible(), hidden
    text = printed_text(page, tmp_path / "verslag.pdf")
    assert "De Hoogte" in text and "14 maart 2025" in text
    for naam, values in keuzes.items():
        for term_id in values:
            assert term_label(content, naam, term_id) in text
    assert "Weten we niet" in text and "Notitie over De Hoogte" in text
    for suggestie in expected_richtingen(content, answers):
        assert term_label(content, "oplossingsrichting", suggestie.id) in text
    assert f"{term_label(content, 'oplossingsrichting', chosen_richting)} (gekozen)" in text
    assert " ".join(content.voorbeeld(chosen_voorbeeld).titel.split()) in text
    assert "Deels" in text and "Jongerenwerk en corporatie" in text
    assert ".:" not in text
    for control in ("Nieuwe analyse", "Kies voor het voorstel", "Aantekeningen bij", "Voorstel aanpak", "Naar het advies"):
        assert control not in text


@pytest.mark.parametrize("state", ["leeg", "ingevuld", "escalatie"])
def test_axe_finds_no_violations(page, site_url, state):
    if state == "leeg":
        open_analyse(page, analyse_url(site_url))
    elif state == "ingevuld":
        fill_analysis(page, site_url, "Centrum", {"locatie": ["publieke-ruimte"], "problematiek": ["overlast-jeugd"],
                                                  "doelgroep": ["jongeren"]}, ["2.1"])
        page.get_by_role("button", name=re.compile("Toon alle")).click()
        page.locator(".ba-regels summary").first.click()
    else:
        open_analyse(page, analyse_url(site_url, {"fase": ["escalatie", "incidenten"]}))
        assert page.locator("#advies-escalatie").is_visible()
    assert run_axe(page) == []


def test_narrow_screens_do_not_scroll_sideways(new_page, site_url):
    page = new_page(viewport={"width": 320, "height": 640}, locale="nl-NL")
    fill_analysis(page, site_url, "Centrum", {"locatie": ["publieke-ruimte"], "problematiek": ["overlast-jeugd"]})
    page.goto(analyse_url(site_url, {"locatie": ["publieke-ruimte"]}, casus="spanningen-tussen-sociale-huurders-en-kopers"))
    page.wait_for_selector("#ba-beheer", state="visible")
    page.locator("#advies [data-oplossingsrichting] .ba-kies input").first.check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert run_axe(page) == []


def test_works_from_file_url(page, built_site, content):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    keuzes = {"locatie": ["directe-woonomgeving"], "problematiek": ["overlast-jeugd"]}
    open_analyse(page, analyse_url(built_site.as_uri(), keuzes))
    assert_advice_as_python(page, content, keuzes)
    page.check('#stap-3-2 input[value="ouders"]')
    keuzes["doelgroep"] = ["ouders"]
    assert_advice_as_python(page, content, keuzes)
    assert url_state(page) == keuzes
    page.fill("#ba-buurt", "Vanaf schijf")
    page.reload()
    page.wait_for_selector("#ba-beheer", state="visible")
    assert page.input_value("#ba-buurt") == "Vanaf schijf"
    links = page.locator("#advies a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(links) > 3
    for href in links:
        assert (Path(urlparse(urljoin(page.url, href)).path) / "index.html").is_file(), href
    assert [error for error in errors if "search_index" not in error] == []


# --- issue 15: voorbeelden to tick, items that suggest, the diagnose selects ------------------------------


def test_voorbeelden_can_be_ticked_and_tick_their_item(page, site_url, content):
    open_analyse(page, analyse_url(site_url))
    for checklist in (c for stap in stappen(content) for c in stap.checklists):
        for s, sectie in enumerate(checklist.secties, start=1):
            for i, item in enumerate(sectie.items, start=1):
                if not item.voorbeelden:
                    continue
                value = f"{checklist.slug}-{s}-{i}-v{len(item.voorbeelden)}"
                name, item_value = item.koppeling or ("punt", f"{checklist.slug}-{s}-{i}")
                box = page.locator(f'#ba-formulier input[name=punt][value="{value}"]')
                parent = page.locator(f'#ba-formulier input[name="{name}"][value="{item_value}"]').first
                # By its label, as a user clicks it.
                page.locator(f'label[for="{box.get_attribute("id")}"]').click()
                assert box.is_checked() and parent.is_checked(), value
                if item.koppeling:
                    assert item_value in url_state(page).get(name, []), value
                parent.uncheck()
                assert not box.is_checked(), value


def test_a_ticked_trigger_or_sentiment_suggests_its_oplossingsrichting(page, site_url, content):
    linked = advies.stelt_voor(content.checklists)
    keuzes = {"doelgroep": ["jongeren"]}
    open_analyse(page, analyse_url(site_url, keuzes))
    for punt in sorted(linked)[:3]:
        page.check(f'#ba-formulier input[name=punt][value="{punt}"]')
    assert_advice_as_python(page, content, keuzes, punten=sorted(linked)[:3])
    for richting_id in {r for punt in sorted(linked)[:3] for r in linked[punt]}:
        assert richting_id in shown_richtingen(page)
    assert "punt" not in url_state(page)  # only the vocabularies go into the address


@pytest.mark.parametrize("width", [320, 1280])
def test_diagnose_text_fields_grow_with_their_text(new_page, site_url, width):
    page = new_page(viewport={"width": width, "height": 800}, locale="nl-NL")
    open_analyse(page, analyse_url(site_url, {"problematiek": ["overlast-jeugd"]}))
    field = diagnose_rows(page).first.locator('textarea[data-veld="ontbreekt"]')
    empty = field.bounding_box()["height"]
    field.fill("\n".join(f"Regel {n} van wat er nog ontbreekt in deze buurt" for n in range(8)))
    assert field.bounding_box()["height"] > 3 * empty
    # All of the text is in view: the box does not scroll within itself.
    assert field.evaluate("f => f.scrollHeight <= f.clientHeight + 1")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


MOSQUE = {"problematiek": ["weerstand-komst-azc", "vervreemding-ongemak"],
          "locatie": ["publieke-ruimte", "sociale-media", "scholen"], "doelgroep": ["buurtgenoten", "actieve-bewoners"]}
MOSQUE_WORDS = "Uitbreiding van de moskee, een felle WhatsApp-groep, een petitie en een verhitte informatieavond"


def test_the_mosque_case_proposes_a_counted_shortlist_with_her_words_and_the_checklists(page, site_url, content):
    # Issue 22: typed into "Wat speelt er?", her words change the advice at once and stay in the address.
    open_analyse(page, analyse_url(site_url, MOSQUE))
    page.fill("#ba-situatie", MOSQUE_WORDS)
    answers = antwoorden(MOSQUE, situatie=MOSQUE_WORDS)
    found = adviseur(content).advise(answers)
    first = [t.slug for t in found.praktijkvoorbeelden if t.voorgesteld]
    shown = page.eval_on_selector_all("#advies-voorbeelden [data-slug]", "items => items.map(i => i.dataset.slug)")
    assert shown == first and 0 < len(first) <= advies.EERSTE
    assert parse_qs(urlparse(location(page)).query)["situatie"] == [MOSQUE_WORDS]
    # Honestly counted: how many are proposed and how many others share something; never that all "passen".
    line = page.locator("#advies-voorbeelden-aantal").inner_text()
    others = len(found.praktijkvoorbeelden) - len(first)
    assert f"{len(first)} praktijkvoorbeelden voorgesteld" in line and str(others) in line
    assert "passen" not in line and "passen" not in page.locator("#advies-samenvatting").inner_text()
    # One sentence per proposed item; her word is named where it counted.
    for treffer in found.praktijkvoorbeelden[:len(first)]:
        why = page.locator(f'#advies-voorbeelden [data-slug="{treffer.slug}"] .ba-waarom').inner_text()
        words = next((r for r in treffer.redenen[:3] if r.soort == "woorden"), None)
        if words:
            assert all(f"\u2018{word}\u2019" in why for word in words.waarden), why
        assert why.count(".") == 1 and why.endswith(".")
    assert any("moskee" in page.locator(f'#advies-voorbeelden [data-slug="{slug}"] .ba-waarom').inner_text()
               for slug in first)
    # The checklists the handreiking ties to the problematiek are proposed, first.
    tied = [c.slug for c in content.checklists if "weerstand-komst-azc" in c.bij_problematiek]
    listed = page.eval_on_selector_all("#advies-checklists [data-checklist]", "items => items.map(i => i.dataset.checklist)")
    assert tied and sorted(listed[:len(tied)]) == sorted(tied) and listed == [c.slug for c in found.checklists]
    # "Toon alle" adds the rest, in rank order, each one at the back saying why.
    page.locator("#advies-meer").click()
    shown = page.eval_on_selector_all("#advies-voorbeelden [data-slug]", "items => items.map(i => i.dataset.slug)")
    assert shown == [t.slug for t in found.praktijkvoorbeelden]
    assert run_axe(page, include=["#advies"]) == []


# --- issue 24: the beleidsdiagnose as step 4.1 asks it, old analyses, a report that holds everything ------------

DIAGNOSE_VALUES = """() => Object.fromEntries([...document.querySelectorAll('#diagnose-rijen > section')].map(row => {
    const values = {};
    row.querySelectorAll('textarea[data-veld]').forEach(f => { if (f.value) values[f.dataset.veld] = f.value; });
    row.querySelectorAll('fieldset[data-veld]').forEach(set => {
        const ticked = [...set.querySelectorAll('input:checked')].map(i => i.value);
        if (ticked.length) values[set.dataset.veld] = ticked;
    });
    return [row.dataset.rij, values];
}))"""


def fill_diagnose(page, key: str, values: dict) -> None:
    """Answers one row of the beleidsdiagnose as a user does: boxes and buttons by their label, text typed."""
    row = page.locator(f'#diagnose-rijen > section[data-rij="{key}"]')
    for veld, value in values.items():
        if isinstance(value, list):
            for label in value:
                row.locator(f'fieldset[data-veld="{veld}"]').get_by_label(label, exact=True).check()
        else:
            row.locator(f'textarea[data-veld="{veld}"]').fill(value)


def test_beleidsdiagnose_as_step_4_1_asks_survives_reload_files_and_the_link(page, new_page, site_url, content,
                                                                            tmp_path):
    from handreiking.tools.buurtanalyse import BELEIDSTERREIN, DIAGNOSE_VELDEN, OORDELEN

    problems = list(content.taxonomieen["problematiek"].ids[:2])
    terreinen = content.taxonomieen[BELEIDSTERREIN].termen
    oordeel = {item["waarde"]: item["label"] for item in OORDELEN}
    open_analyse(page, analyse_url(site_url, {"problematiek": problems, "locatie": ["publieke-ruimte"]}))
    page.fill("#ba-buurt", "Rivierenwijk")
    anders = next(c for c in content.checklists if c.stap == "2.5" and c.anders_namelijk)
    page.fill(f"#ba-anders-{anders.slug}", "Leegstand van winkels")
    # A row per problem found, 'Anders' included, each headed by the problem.
    keys = [f"problematiek:{p}" for p in problems] + [f"anders:{anders.slug}"]
    assert diagnose_rows(page).evaluate_all("rows => rows.map(r => r.dataset.rij)") == keys
    assert diagnose_rows(page).nth(2).locator("h3").inner_text() == "Anders: Leegstand van winkels"
    # Beside each problem: the oplossingsrichtingen the advice proposes for it, the chosen one marked.
    chosen = next(r for r in shown_richtingen(page) if problems[0] in content.oplossingsrichting(r).wanneer.problematiek)
    page.locator(f"#kies-oplossingsrichting-{chosen}").check()
    beside = diagnose_rows(page).first.locator(".ba-voorstellen").inner_text()
    label = term_label(content, "oplossingsrichting", chosen)
    assert f"{label} (gekozen)" in beside
    for richting in shown_richtingen(page):
        assert (term_label(content, "oplossingsrichting", richting) in beside) == \
            (problems[0] in content.oplossingsrichting(richting).wanneer.problematiek), richting
    # The four questions of 4.1: policy areas, the current policy by name, covered, missing, who is needed.
    filled = {
        keys[0]: {"terreinen": [terreinen[0].label, terreinen[-1].label], "huidig": "Jongerenwerk \"De Plek\"",
                  "gedekt": [oordeel["deels"]], "ontbreekt": "Avondopenstelling\nen een vaste plek",
                  "nodig": "Wijkagent, jongerenwerk", "betrokken": [oordeel["nee"]]},
        keys[2]: {"gedekt": [oordeel["onbekend"]], "nodig": "Winkeliersvereniging"},
    }
    for key, values in filled.items():
        fill_diagnose(page, key, values)
    page.fill("#diagnose-notitie", "Bespreken in het wijkteam")
    ids = {label: term.id for term in terreinen for label in [term.label]} | {v: k for k, v in oordeel.items()}
    expected = {key: {} for key in keys} | {key: {veld: [ids[v] for v in value] if isinstance(value, list) else value
                                                   for veld, value in values.items()} for key, values in filled.items()}
    assert page.evaluate(DIAGNOSE_VALUES) == expected
    assert run_axe(page) == []

    page.reload()
    page.wait_for_selector("#ba-beheer", state="visible")
    assert page.evaluate(DIAGNOSE_VALUES) == expected
    assert page.input_value("#diagnose-notitie") == "Bespreken in het wijkteam"

    # The share link, opened in a browser that never saw the analysis: the diagnose came with it.
    link = location(page)
    assert "Plek" not in link and "Rivierenwijk" not in link
    other = new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    open_analyse(other, link)
    assert other.evaluate(DIAGNOSE_VALUES) == expected
    assert other.input_value("#diagnose-notitie") == "Bespreken in het wijkteam"
    assert other.input_value("#ba-buurt") == "Rivierenwijk"  # the whole analysis travels
    other.click("a[href='#advies']")  # an in-page link: the address gets the diagnose back (on 'hashchange')
    other.wait_for_function("(link) => location.href === link", arg=link, timeout=5000)

    # Export, and import in a new analysis.
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer als bestand").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["versie"] == 2
    one = {veld["sleutel"] for veld in DIAGNOSE_VELDEN if veld["soort"] == "oordeel"}  # one value, not a list
    assert exported["beleidsdiagnose"]["rijen"] == {
        key: {veld: value[0] if veld in one else value for veld, value in values.items()}
        for key, values in expected.items() if values}
    page.get_by_role("button", name="Nieuwe analyse").click()
    assert diagnose_rows(page).count() == 0
    page.set_input_files("#ba-bestand", path)
    page.wait_for_function("document.getElementById('ba-buurt').value === 'Rivierenwijk'")
    assert page.evaluate(DIAGNOSE_VALUES) == expected

    # The printed report holds every answer, with its question.
    page.emulate_media(media="print")
    text = printed_text(page, tmp_path / "verslag.pdf")
    for values in filled.values():
        for value in values.values():
            for part in value if isinstance(value, list) else [" ".join(value.split())]:
                assert part in text, part
    assert "Bespreken in het wijkteam" in text and f"{label} (gekozen)" in text
    assert "Welke sectoren en professionals zijn nodig?" in text


def test_an_analysis_saved_before_this_change_opens_without_loss(page, site_url, tmp_path):
    fixtures = Path(__file__).parent / "js" / "fixtures"
    store = json.loads((fixtures / "opslag-v2.json").read_text(encoding="utf-8"))
    old = next(iter(store["analyses"].values()))["analyse"]
    page.add_init_script("if (!localStorage.getItem('handreiking-buurtanalyses')) "
                         f"localStorage.setItem('handreiking-buurtanalyses', {json.dumps(json.dumps(store))})")

    def assert_as_before() -> None:
        assert page.input_value("#ba-buurt") == old["buurt"] and page.input_value("#ba-datum") == old["datum"]
        expected = {name: set(values) for name, values in old["keuzes"].items()}
        expected |= {"punt": set(old["punten"]), "onbekend": set(old["onbekend"])}
        assert checked(page) == expected
        for key, text in old["anders"].items():
            assert page.input_value(f'[data-anders="{key}"]') == text
        for step, text in old["notities"].items():
            assert page.input_value(f'[data-notitie="{step}"]') == text
        for richting in old["gekozen"]["oplossingsrichtingen"]:
            assert page.locator(f"#kies-oplossingsrichting-{richting}").is_checked()
        # Every answer of the old beleidsdiagnose is on the page: in a problem's row, or in the notes.
        shown = page.evaluate("""() => [...document.querySelectorAll('#beleidsdiagnose textarea')].map(f => f.value)
            .concat([...document.querySelectorAll('#beleidsdiagnose input:checked')].map(i => i.labels[0].textContent))
            .join('\\n')""")
        old_to_new = {"Weet niet": "Weten we niet"}
        for row in old["beleidsdiagnose"].values():
            for value in row.values():
                assert value in shown or old_to_new.get(value, value) in shown, value

    open_analyse(page, analyse_url(site_url))
    assert_as_before()
    # The same analysis from a file exported before this change.
    page.get_by_role("button", name="Nieuwe analyse").click()
    page.set_input_files("#ba-bestand", fixtures / "buurtanalyse-v1.json")
    page.wait_for_function("document.getElementById('ba-buurt').value !== ''")
    assert_as_before()
    assert "Genegeerd" not in page.locator("#ba-status").inner_text()


TICK_ALL = """(skip) => {
    for (const box of document.querySelectorAll('#ba-formulier input[type=checkbox]')) {
        if (box.checked || (skip && box.matches(skip))) continue;
        box.checked = true;
        box.dispatchEvent(new Event('change', {bubbles: true}));
    }
}"""


@pytest.mark.parametrize("sub_points", ["without", "with"])
def test_the_report_holds_every_ticked_box(page, site_url, tmp_path, sub_points):
    """Every statement ticked, with or without its sub-points, is in the printed report, once and without '.:'."""
    open_analyse(page, analyse_url(site_url))
    page.evaluate(TICK_ALL, ".ba-optie--voorbeeld input" if sub_points == "without" else None)
    for field in page.locator("[data-anders]").all():
        field.fill("Eigen punt " + field.get_attribute("data-anders"))
    ticked = page.locator("#ba-formulier input[type=checkbox]:checked").evaluate_all(
        f"boxes => boxes.filter(b => b.name !== 'onbekend').map({LABEL_TEXT})")
    assert len(ticked) > 50
    page.emulate_media(media="print")
    text = printed_text(page, tmp_path / "verslag.pdf")
    report = page.locator("#verslag-inhoud")
    items = report.locator("li").evaluate_all("items => items.map(i => i.firstChild.textContent.trim())")
    for label in ticked:
        assert label in text, label
        assert items.count(label) >= 1, label
    for field in page.locator("[data-anders]").all():
        assert "Anders: Eigen punt " + field.get_attribute("data-anders") in text
    assert "Niet ingevuld" not in text and ".:" not in text


def test_the_form_offers_what_the_data_file_says(page, site_url):
    """Saved analyses are cleaned against data.buurtanalyse.formulier, also off this page: it is the form's."""
    open_analyse(page, analyse_url(site_url))
    form = page.evaluate("""() => ({
        punten: [...document.querySelectorAll('#ba-formulier input[name=punt]')].map(b => b.value),
        anders: [...document.querySelectorAll('#ba-formulier [data-anders]')].map(f => f.dataset.anders),
        notities: [...document.querySelectorAll('#ba-formulier [data-notitie]')].map(f => f.dataset.notitie),
    })""")
    assert form == page.evaluate("window.HANDREIKING.buurtanalyse.formulier")
    assert len(form["punten"]) > 20


def test_figures_per_buurt_by_keyboard(page, site_url):
    """The risicofactorenanalyse's figures: added, filled, removed by keyboard; kept with the analysis."""
    open_analyse(page, analyse_url(site_url))
    page.locator("body").focus()
    assert keyboard_nav.tab_to(page, "#ba-cijfer-erbij", within="#ba-werkblad") == []
    page.keyboard.press("Enter")
    page.keyboard.type("Huishoudens met een laag inkomen")
    page.keyboard.press("Tab")
    page.keyboard.type("14 %")
    page.keyboard.press("Tab")
    page.keyboard.type("Wijkmonitor 2025")
    page.get_by_role("button", name="Voeg een cijfer toe").press("Enter")
    page.keyboard.type("Weg")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Verwijder cijfer 2"
    page.keyboard.press("Enter")
    page.reload()
    page.wait_for_selector("#ba-beheer", state="visible")
    assert page.locator("#ba-cijfers tr").count() == 1
    assert page.get_by_label("Gegeven, cijfer 1").input_value() == "Huishoudens met een laag inkomen"
    assert page.get_by_label("Bron en peildatum, cijfer 1").input_value() == "Wijkmonitor 2025"
    assert "Huishoudens met een laag inkomen: 14 % (bron: Wijkmonitor 2025)" in \
        " ".join(page.locator("#verslag-inhoud").text_content().split())
    assert run_axe(page, include=["#stap-2-5"]) == []
