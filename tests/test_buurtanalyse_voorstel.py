"""Issue 23: from the analysis to the wethouder's desk, driven in Chromium.

The proposal ("Voorstel aanpak") printed alone on A4, a link that carries the whole analysis to a colleague's
browser, the analysis on a phone (a bar with the number of answers, the advice one tap away) and "Nieuwe analyse".
What the proposal must say is computed from the content (:mod:`handreiking.tools.advies`), never listed here.
"""

from __future__ import annotations

import json
import subprocess

from buurtanalyse_page import analyse_url, antwoorden, checked, open_analyse
from conftest import normalized, run_axe
from handreiking.content.model import Praktijkvoorbeeld
from handreiking.tools import advies
from handreiking.tools.buurtanalyse import VOORSTEL_HOOGSTENS
from printed import page_fill
from test_buurtanalyse import FORM_VALUES, MOSQUE, MOSQUE_WORDS, TICK_ALL, fill_analysis, fill_diagnose
from test_pdf import assert_a4
from tool_page import location

VERDICT_WORDS = {"voldoet": "voldoet", "voldoet_niet": "voldoet niet", "onbekend": "onbekend"}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
FIFTH = 0.2  # no printed page but the last is less filled than this
STORED = """() => Object.values(JSON.parse(localStorage.getItem('handreiking-buurtanalyses')).analyses)
    .map(entry => entry.analyse)"""
CIJFERS = "() => [...document.querySelectorAll('#ba-cijfers [data-cijfer]')].map(f => f.value)"


def choose(page, count: int) -> list[str]:
    """Ticks 'Kies voor het voorstel' on the first ``count`` proposed praktijkvoorbeelden; their slugs."""
    cards = page.locator("#advies-voorbeelden > li[data-slug]")
    slugs = [cards.nth(i).get_attribute("data-slug") for i in range(count)]
    for slug in slugs:
        page.locator(f"#kies-praktijkvoorbeeld-{slug}").check()
    return slugs


def title(voorbeeld: Praktijkvoorbeeld) -> str:
    return normalized(voorbeeld.titel)


def test_the_proposal_prints_her_words_her_choice_the_diagnose_and_every_vuistregel_on_two_pages(
        page, site_url, content, tmp_path):
    open_analyse(page, analyse_url(site_url, MOSQUE))
    page.fill("#ba-buurt", "De Horst")
    page.fill("#ba-datum", "2026-03-14")
    page.fill("#ba-situatie", MOSQUE_WORDS)
    for box in page.locator("#stap-2-1 .ba-optie--voorbeeld input").all()[:3]:
        box.check()
    richting = page.locator("#advies [data-oplossingsrichting]").first.get_attribute("data-oplossingsrichting")
    page.locator(f"#kies-oplossingsrichting-{richting}").check()
    slugs = choose(page, 2)
    key = f"problematiek:{MOSQUE['problematiek'][0]}"
    diagnose = {"huidig": "Buurtbemiddeling en het jongerenwerk", "gedekt": ["Deels"],
                "ontbreekt": "Een vaste plek om met tegenstanders te praten", "nodig": "Wijkagent, moskeebestuur"}
    fill_diagnose(page, key, diagnose)
    assert run_axe(page, include=["#voorstel", "#advies"]) == []

    page.evaluate("() => { window.print = () => { window.geprint = (window.geprint || 0) + 1; }; }")
    page.get_by_role("button", name="Print voorstel").click()
    assert page.evaluate("window.geprint") == 1
    page.emulate_media(media="print")
    pdf = tmp_path / "voorstel.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = normalized(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)

    assert assert_a4(pdf) <= 2
    fills = page_fill(pdf)
    assert all(fill >= FIFTH for fill in fills[:-1]), fills
    # Her words, her buurt, her choice with the advice's reasons, and the answers of 4.1.
    assert normalized(MOSQUE_WORDS) in text and "De Horst" in text and "14 maart 2026" in text
    voorbeelden = [content.voorbeeld(slug) for slug in slugs]
    for voorbeeld in voorbeelden:
        assert title(voorbeeld) in text
    assert content.taxonomieen["oplossingsrichting"].term(richting).label in text
    assert text.count("Waarom:") >= 3
    for value in diagnose.values():
        assert normalized(value if isinstance(value, str) else " ".join(value)) in text
    # Every vuistregel, as the checklist states it, with a verdict per chosen praktijkvoorbeeld (or why not).
    regels = advies.vuistregels(content.checklists)
    found = advies.toets(regels, voorbeelden, antwoorden(MOSQUE, situatie=MOSQUE_WORDS))
    rule_texts = {item.vuistregel.id: normalized(item.tekst) for c in content.checklists for item in c.items
                  if item.vuistregel}
    assert len(found) == len(regels) > 0
    for toetsing in found:
        rule = text.index(rule_texts[toetsing.regel])
        after = text[rule:]
        if not toetsing.geldt:
            assert after.removeprefix(rule_texts[toetsing.regel]).strip().startswith("Geldt hier niet")
            continue
        for oordeel, voorbeeld in zip(toetsing.oordelen, voorbeelden):
            assert f"{title(voorbeeld)}: {VERDICT_WORDS[oordeel.oordeel]} (" in after, (toetsing.regel, voorbeeld.slug)
    # Only the proposal: not the report, not the controls of the page.
    for other in ("Verslag buurtanalyse", "Kies voor het voorstel", "Print voorstel", "Naar het advies"):
        assert other not in text

    # After printing, the browser's own print command prints the report again.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("#verslag").is_visible() and not page.locator("#voorstel").is_visible()
    # Saved with the analysis: a reload shows the same proposal.
    page.emulate_media(media="screen")
    proposal = page.locator("#voorstel-inhoud").inner_text()
    page.reload()
    page.wait_for_selector("#ba-beheer", state="visible")
    assert page.locator("#voorstel-inhoud").inner_text() == proposal


def test_at_most_three_praktijkvoorbeelden_chosen_by_keyboard(page, site_url):
    open_analyse(page, analyse_url(site_url, MOSQUE))
    page.locator("#advies-meer").click()
    boxes = page.locator("#advies-voorbeelden .ba-kies input")
    assert boxes.count() > VOORSTEL_HOOGSTENS
    for i in range(VOORSTEL_HOOGSTENS + 1):
        boxes.nth(i).focus()
        page.keyboard.press("Space")
    assert [boxes.nth(i).is_checked() for i in range(VOORSTEL_HOOGSTENS + 1)] == [True] * VOORSTEL_HOOGSTENS + [False]
    assert "Haal er eerst een weg" in page.locator("#advies-gekozen").inner_text()
    assert page.locator("#voorstel-inhoud .ba-voorstel-voorbeelden > li").count() == VOORSTEL_HOOGSTENS
    boxes.first.press("Space")
    boxes.nth(VOORSTEL_HOOGSTENS).press("Space")
    assert boxes.nth(VOORSTEL_HOOGSTENS).is_checked()
    assert f"{VOORSTEL_HOOGSTENS} van hoogstens {VOORSTEL_HOOGSTENS}" in page.locator("#advies-gekozen").inner_text()


def fill_everything(page, site_url) -> None:
    """Every box ticked, every text typed, two figures, every diagnose row answered, the proposal chosen."""
    open_analyse(page, analyse_url(site_url))
    page.evaluate(TICK_ALL, None)
    page.fill("#ba-buurt", "Kanaleneiland-Noord")
    page.fill("#ba-datum", "2026-02-03")
    page.fill("#ba-situatie", "Een petitie tegen de moskee; ruzie op het plein & \"overlast\" #avond")
    for field in page.locator("[data-anders], [data-notitie]").all():
        field.fill(f"Eigen tekst bij {field.get_attribute('data-anders') or field.get_attribute('data-notitie')}, "
                   "met é, ‘quotes’ en een # erin.\nTweede regel.")
    for n in range(2):
        page.get_by_role("button", name="Voeg een cijfer toe").click()
        page.get_by_label(f"Gegeven, cijfer {n + 1}").fill(f"Huishoudens met een laag inkomen {n}")
        page.get_by_label(f"Waarde, cijfer {n + 1}").fill(f"{14 + n} %")
        page.get_by_label(f"Bron en peildatum, cijfer {n + 1}").fill("Wijkmonitor 2025")
    page.get_by_label("Toon ook gestopte praktijkvoorbeelden").check()
    for row in page.locator("#diagnose-rijen > section").all():
        for field in row.locator("textarea[data-veld]").all():
            field.fill(f"Antwoord {field.get_attribute('data-veld')} bij {row.get_attribute('data-rij')}")
        for group in row.locator("fieldset[data-veld]").all():
            group.locator("input").last.check()
    page.fill("#diagnose-notitie", "Bespreken in het wijkteam")
    for box in page.locator("#advies-richtingen .ba-kies input").all():
        box.check()
    choose(page, VOORSTEL_HOOGSTENS)


def test_a_fully_filled_analysis_opened_from_its_link_in_a_fresh_browser_equals_the_original(
        page, new_page, site_url):
    fill_everything(page, site_url)
    original = {"form": page.evaluate(FORM_VALUES), "cijfers": page.evaluate(CIJFERS),
                "voorstel": page.locator("#voorstel-inhoud").inner_text(), "analyse": page.evaluate(STORED)}
    assert len(original["analyse"]) == 1 and sum(value is True for value in original["form"].values()) > 100
    link = location(page)
    assert "Kanaleneiland" not in link and "Eigen tekst" not in link  # after '#' and encoded, not readable

    # "Kopieer de link" copies the same address.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Kopieer de link").click()
    page.wait_for_function("document.getElementById('ba-status').textContent.includes('klembord')")
    assert page.evaluate("navigator.clipboard.readText()") == link
    assert f"({len(link)} tekens)" in page.locator("#ba-status").inner_text()

    other = new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")  # a colleague: only the link
    open_analyse(other, link)
    assert other.evaluate(FORM_VALUES) == original["form"]
    assert other.evaluate(CIJFERS) == original["cijfers"]
    assert other.locator("#voorstel-inhoud").inner_text() == original["voorstel"]
    assert other.evaluate(STORED) == original["analyse"]  # the whole analysis, as her browser keeps it
    assert not other.locator("#ba-melding").is_visible()

    # Cut off in a chat: the answers still come, and the page says what did not.
    cut = new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    open_analyse(cut, link[:-40])
    assert cut.locator("#ba-melding").is_visible()
    assert "niet helemaal overgekomen" in cut.locator("#ba-melding").inner_text()
    assert {name: values for name, values in checked(cut).items() if name != "punt"} == \
        {name: values for name, values in checked(page).items() if name != "punt"}
    assert run_axe(cut, include=["#ba-melding"]) == []


def test_on_a_phone_the_bar_counts_the_answers_and_the_advice_is_one_tap_away(new_page, site_url):
    page = new_page(**PHONE, locale="nl-NL")
    keuzes = {"locatie": ["publieke-ruimte"], "problematiek": ["overlast-jeugd"], "doelgroep": ["jongeren"]}
    open_analyse(page, analyse_url(site_url, keuzes, onbekend=["2.6"]))
    bar, link = page.locator("#ba-balk"), page.get_by_role("link", name="Naar het advies")
    assert page.locator("#ba-balk-aantal").inner_text() == "4 antwoorden"  # each answer once, in whatever step
    page.locator("#stap-2-1 .ba-optie--voorbeeld input").first.tap()  # a sub-point ticks its item too
    count = sum(len(values) for values in checked(page).values())
    assert count > 5 and page.locator("#ba-balk-aantal").inner_text() == f"{count} antwoorden"
    height = PHONE["viewport"]["height"]
    places = ["#ba-buurt", *(f"#{anchor}" for anchor in page.locator("#ba-formulier fieldset.ba-stap").evaluate_all(
        "sets => sets.map(s => s.id)")), "#ba-notitie-stap-3-2"]
    for place in places:
        page.locator(place).scroll_into_view_if_needed()
        box = bar.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= height + 1, (place, box)  # in view, at the bottom
        assert box["y"] > height / 2, (place, box)
        link.tap()
        page.wait_for_function("() => { const r = document.getElementById('advies-kop').getBoundingClientRect();"
                               " return r.top >= 0 && r.bottom <= innerHeight; }")
        heading = page.locator("#advies-kop").bounding_box()
        assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).id",
                             [heading["x"] + 5, heading["y"] + heading["height"] / 2]) == "advies-kop"  # not covered
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]
    assert run_axe(page) == []


def test_a_new_analysis_says_the_previous_one_is_above_and_the_list_names_the_open_one(page, site_url):
    fill_analysis(page, site_url, "De Horst", {"locatie": ["publieke-ruimte"]})
    page.get_by_role("button", name="Nieuwe analyse").click()
    message = page.locator("#ba-status").inner_text()
    assert "De Horst" in message and "hierboven" in message and "hieronder" not in message
    chooser = page.locator("#ba-bewaard")
    assert chooser.bounding_box()["y"] < page.locator("#ba-status").bounding_box()["y"]  # above, as it says
    selected = chooser.evaluate("select => select.selectedOptions[0].textContent")
    assert "De Horst" not in selected and "Nieuwe analyse" in selected
    names = chooser.locator("option").all_inner_texts()
    assert [name for name in names if "(geopend" in name] == [selected]
    page.fill("#ba-buurt", "Het Zand")  # from its first answer on, it is kept under its own name
    names = chooser.locator("option").all_inner_texts()
    assert len(names) == 2 and names[0].startswith("Het Zand (geopend)") and "De Horst (geopend)" not in " ".join(names)
    assert json.loads(page.evaluate("JSON.stringify(Object.keys(JSON.parse("
                                    "localStorage.getItem('handreiking-buurtanalyses')).analyses).length)")) == 2
