"""Issue 24: buurten side by side (/buurten/), driven in Chromium from analyses made on the buurtanalyse page.

The rows, their sorting and filtering and the CSV lines are tested in node too (tests/js/buurten.test.js); here
what a beleidsadviseur does: three buurten analysed, compared, sorted, filtered, downloaded, printed, imported,
by mouse and by keyboard.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest

from buurtanalyse_page import analyse_url, open_analyse
from conftest import run_axe
from handreiking.tools.buurtanalyse import OORDELEN
from handreiking.tools.buurten import TABEL_KOLOMMEN
import keyboard_nav
from printed import printed_text
from tool_page import tool_url

OORDEEL = {item["waarde"]: item["label"] for item in OORDELEN}


def label(content, naam: str, term_id: str) -> str:
    return content.taxonomieen[naam].term(term_id).label


def buurten(content) -> list[dict]:
    """Three buurten with different findings, taken from the vocabularies (no fixed ids)."""
    problems = content.taxonomieen["problematiek"].ids
    fasen = [term.id for term in content.taxonomieen["fase"].termen if not term.buiten_focus]
    return [
        {"buurt": "Noordwijk", "datum": "2025-03-14", "fase": fasen[0], "problemen": [problems[1]],
         "gedekt": "nee", "cijfer": "Jeugdwerkloosheid"},
        {"buurt": "Oosterpark", "datum": "2025-01-02", "fase": fasen[-1], "problemen": [problems[0], problems[3]],
         "gedekt": "deels", "cijfer": None},
        {"buurt": "Zuidrand", "datum": "", "fase": fasen[1], "problemen": [problems[2]], "gedekt": None,
         "cijfer": None},
    ]


def make_analyses(page, site_url, content) -> list[dict]:
    """The buurten as a user makes them: a link with the answers, a name, a date, a verdict, a figure."""
    made = buurten(content)
    for buurt in made:
        open_analyse(page, analyse_url(site_url, {"problematiek": buurt["problemen"], "fase": [buurt["fase"]]}))
        page.fill("#ba-buurt", buurt["buurt"])
        if buurt["datum"]:
            page.fill("#ba-datum", buurt["datum"])
        if buurt["gedekt"]:
            page.locator("#diagnose-rijen > section").first.locator('fieldset[data-veld="gedekt"]') \
                .get_by_label(OORDEEL[buurt["gedekt"]], exact=True).check()
        if buurt["cijfer"]:
            page.get_by_role("button", name="Voeg een cijfer toe").click()
            page.get_by_label("Gegeven, cijfer 1").fill(buurt["cijfer"])
            page.get_by_label("Waarde, cijfer 1").fill("12,5 %")
    return made


def open_overview(page, base: str):
    page.goto(tool_url(base, "buurten", []))
    page.wait_for_selector("#bo-werk", state="visible")
    return page


def table(page) -> list[dict[str, str]]:
    """The rows as shown: column key -> the cell's text."""
    return page.evaluate("""() => [...document.querySelectorAll('#bo-rijen tr')].map(tr => Object.fromEntries(
        [...tr.children].map((cell, i) => [document.querySelectorAll('#bo-tabel th[data-kolom]')[i].dataset.kolom,
                                           cell.innerText.replace(/\\s+/g, ' ').trim()])))""")


def names(page) -> list[str]:
    return [row["buurt"] for row in table(page)]


def test_three_buurten_side_by_side_sorted_exported_and_printed(page, site_url, content, tmp_path):
    made = make_analyses(page, site_url, content)
    open_overview(page, site_url)
    assert page.locator("#bo-tabel th[data-kolom]").evaluate_all("ths => ths.map(t => t.dataset.kolom)") == \
        [kolom["sleutel"] for kolom in TABEL_KOLOMMEN]
    rows = {row["buurt"]: row for row in table(page)}
    assert sorted(rows) == sorted(buurt["buurt"] for buurt in made)
    for buurt in made:
        row = rows[buurt["buurt"]]
        assert label(content, "fase", buurt["fase"]) in row["fase"]
        for problem in buurt["problemen"]:
            assert label(content, "problematiek", problem) in row["problematiek"]
        verdict = OORDEEL[buurt["gedekt"]] if buurt["gedekt"] else "nog niet ingevuld"
        assert verdict in row["dekking"]
        assert (buurt["cijfer"] or "") in row["cijfers"]
    assert names(page) == sorted(names(page))  # by buurt, at first
    assert page.locator('th[data-kolom="buurt"]').get_attribute("aria-sort") == "ascending"

    # Sorting: a button in each heading; again reverses; aria-sort says which column and which way.
    page.locator('th[data-kolom="datum"] button').click()
    assert page.locator('th[data-kolom="datum"]').get_attribute("aria-sort") == "ascending"
    assert page.locator('th[data-kolom="buurt"]').get_attribute("aria-sort") is None
    by_date = sorted((b for b in made if b["datum"]), key=lambda b: b["datum"]) + [b for b in made if not b["datum"]]
    assert names(page) == [b["buurt"] for b in by_date]
    page.locator('th[data-kolom="dekking"] button').click()
    page.locator('th[data-kolom="dekking"] button').click()
    assert page.locator('th[data-kolom="dekking"]').get_attribute("aria-sort") == "descending"
    assert names(page)[0] == next(b["buurt"] for b in made if b["gedekt"] == "nee")  # the gap first
    assert "gesorteerd op Gedekt door beleid (4.1), aflopend" in page.locator("#bo-bijschrift").inner_text()

    # The CSV for a spreadsheet: a byte order mark, semicolons, labels; a line per problem per buurt.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download voor Excel").click()
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    lines = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(lines) == sum(len(b["problemen"]) for b in made)
    assert {line["Buurt"] for line in lines} == {b["buurt"] for b in made}
    for buurt in made:
        problem = label(content, "problematiek", buurt["problemen"][0])
        line = next(line for line in lines if line["Buurt"] == buurt["buurt"] and line["Probleem"] == problem)
        assert line["Gedekt"] == (OORDEEL[buurt["gedekt"]] if buurt["gedekt"] else "")
        assert line["Fasen"] == label(content, "fase", buurt["fase"])
    assert "\n" not in "".join(cell for line in lines for cell in line.values())
    for problem in (p for b in made for p in b["problemen"]):
        assert f";{problem};" not in text  # labels, never ids
    # The standard CSV: commas, no byte order mark, ids.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als CSV").click()
    standard = Path(download.value.path()).read_bytes()
    assert not standard.startswith(b"\xef\xbb\xbf")
    lines = list(csv.DictReader(io.StringIO(standard.decode("utf-8"), newline="")))
    assert {line["probleem"] for line in lines} == {p for b in made for p in b["problemen"]}
    assert {line["gedekt"] for line in lines} == {b["gedekt"] or "" for b in made} | {""}

    # On paper: A4 landscape, every buurt, no buttons.
    page.emulate_media(media="print")
    pdf = tmp_path / "buurten.pdf"
    printed = printed_text(page, pdf)
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = (float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert round(width) in (841, 842) and round(height) == 595
    for buurt in made:
        assert buurt["buurt"] in printed, printed
    assert "Download" not in printed and "Importeer" not in printed
    page.emulate_media(media="screen")
    assert run_axe(page) == []


def test_filters_narrow_the_rows_and_say_how_many(page, site_url, content):
    made = make_analyses(page, site_url, content)
    open_overview(page, site_url)
    page.select_option("#bo-probleem", made[1]["problemen"][1])
    assert names(page) == [made[1]["buurt"]]
    assert page.locator("#bo-aantal").inner_text() == "1 van de 3 buurten in deze browser."
    page.select_option("#bo-probleem", "")
    page.select_option("#bo-dekking", "gat")
    assert sorted(names(page)) == sorted(b["buurt"] for b in made if b["gedekt"] in ("nee", "deels"))
    page.select_option("#bo-dekking", "open")
    assert sorted(names(page)) == sorted(b["buurt"] for b in made if b["gedekt"] != "nee")
    page.select_option("#bo-dekking", "")
    page.select_option("#bo-fase", made[2]["fase"])
    assert names(page) == [made[2]["buurt"]]
    page.select_option("#bo-fase", "")
    page.fill("#bo-zoek", "oost")
    assert names(page) == ["Oosterpark"]
    assert run_axe(page) == []


def test_import_several_files_at_once_and_the_json_of_all_buurten(page, new_page, site_url, content, tmp_path):
    made = make_analyses(page, site_url, content)
    open_overview(page, site_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als JSON").click()
    everything = tmp_path / "alle.json"
    download.value.save_as(everything)
    saved = json.loads(everything.read_text(encoding="utf-8"))
    assert saved["type"] == "buurtanalyses" and saved["versie"] == 2
    assert sorted(a["buurt"] for a in saved["analyses"]) == sorted(b["buurt"] for b in made)

    # A colleague's browser: one file with all buurten, one analysis exported before issue 24, a broken file.
    other = new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    open_overview(other, site_url)
    assert other.locator("#bo-leeg").is_visible() and not other.locator("#bo-tabel").is_visible()
    old = Path(__file__).parent / "js" / "fixtures" / "buurtanalyse-v1.json"
    broken = tmp_path / "kapot.json"
    broken.write_text("{niet", encoding="utf-8")
    with other.expect_file_chooser() as chooser:
        other.get_by_role("button", name="Importeer bestanden").click()
    chooser.value.set_files([everything, old, broken])
    other.wait_for_function("document.querySelectorAll('#bo-rijen tr').length === 4")
    old_name = json.loads(old.read_text(encoding="utf-8"))["buurt"]
    assert sorted(names(other)) == sorted([b["buurt"] for b in made] + [old_name])
    assert "kapot.json" in other.locator("#bo-status").inner_text()
    # The same files again add nothing.
    other.set_input_files("#bo-bestanden", [everything, old])
    other.wait_for_function("document.getElementById('bo-status').textContent.includes('Al aanwezig')")
    assert len(names(other)) == 4
    # An imported buurt opens in the buurtanalyse with its beleidsdiagnose.
    other.get_by_role("link", name=made[0]["buurt"]).click()
    other.wait_for_selector("#ba-beheer", state="visible")
    assert other.input_value("#ba-buurt") == made[0]["buurt"]
    assert other.locator("#diagnose-rijen > section").first.locator("fieldset[data-veld=gedekt] input:checked") \
        .get_attribute("value") == made[0]["gedekt"]


def test_the_whole_flow_by_keyboard(page, site_url, content):
    """From the buurtanalyse to the overview, sort, filter and open a buurt, with the keyboard only."""
    made = make_analyses(page, site_url, content)
    page.locator("body").focus()
    outlines_missing = keyboard_nav.tab_to(page, "#ba-beheer a[href*=buurten]", within="#ba-werkblad")
    page.keyboard.press("Enter")
    page.wait_for_selector("#bo-werk", state="visible")
    page.locator("body").focus()
    outlines_missing += keyboard_nav.tab_to(page, 'th[data-kolom="datum"] button', within="#buurten")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.locator('th[data-kolom="datum"]').get_attribute("aria-sort") == "descending"
    page.locator("body").focus()
    outlines_missing += keyboard_nav.tab_to(page, "#bo-zoek", within="#buurten")
    page.keyboard.type("zuid")
    assert names(page) == [made[2]["buurt"]]
    outlines_missing += keyboard_nav.tab_to(page, "#bo-rijen a", within="#buurten")
    page.keyboard.press("Enter")
    page.wait_for_selector("#ba-beheer", state="visible")
    assert page.input_value("#ba-buurt") == made[2]["buurt"]
    assert outlines_missing == []


def test_empty_and_without_javascript(new_page, site_url):
    page = new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    open_overview(page, site_url)
    assert page.locator("#bo-leeg").is_visible()
    assert page.get_by_role("button", name="Download als CSV").is_disabled()
    assert run_axe(page) == []
    quiet = new_page(java_script_enabled=False)
    quiet.goto(tool_url(site_url, "buurten", []))
    assert "JavaScript" in quiet.locator("#buurten").inner_text()
    assert not quiet.locator("#bo-werk").is_visible()


@pytest.mark.parametrize("width", [320])
def test_a_narrow_screen_scrolls_the_table_not_the_page(new_page, site_url, content, width):
    page = new_page(viewport={"width": width, "height": 700}, locale="nl-NL")
    make_analyses(page, site_url, content)
    open_overview(page, site_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert run_axe(page) == []
