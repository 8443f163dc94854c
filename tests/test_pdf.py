"""Issue 5: the PDFs the build prints with Chromium, read back with poppler (pdftotext, pdfinfo)."""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM, normalized, run_build
from printed import page_fill
from test_print import instrument_checklists, item_label
from test_site import parse

SITE_URL = "https://handreiking.example.org/"
A4_POINTS = (595.28, 841.89)
FOOTER_SOURCE = "Van polarisatie naar verbinding in buurten · naar Kennisplatform Integratie & Samenleving (2019)"
FOOTER = re.compile(r"^(Van polarisatie naar verbinding in buurten · naar .*|\d+ ?/ ?\d+)$")


@pytest.fixture(scope="session")
def pdf_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("pdf") / "site"
    result = run_build("--site-dir", str(site), "--pdf", "ja",
                       env={"CHROMIUM": CHROMIUM, "HANDREIKING_SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    assert "met de PDF's in downloads/" in result.stdout
    return site


def pdf_pages(pdf: Path, footer: bool = False) -> list[list[str]]:
    """The text of each page, as lines; without the running footer unless ``footer``."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]  # pdftotext ends every page with a form feed
    return [[line.strip() for line in page.splitlines()
             if line.strip() and (footer or not FOOTER.match(line.strip()))] for page in pages]


def pdf_info(pdf: Path) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())}


def assert_a4(pdf: Path) -> int:
    info = pdf_info(pdf)
    width, height = (float(x) for x in re.match(r"([\d.]+) x ([\d.]+) pts", info["Page size"]).groups())
    assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (pdf.name, info["Page size"])
    return int(info["Pages"])


def words(checklist) -> int:
    texts = [checklist.inleiding or "", checklist.toelichting or ""]
    texts += [part for item in checklist.items for part in (item.tekst, item.toelichting or "", *item.voorbeelden)]
    return sum(len(text.split()) for text in texts)


def headings(html: Path) -> set[str]:
    return {normalized(text) for _, text in parse(html).headings if text}


def assert_no_heading_ends_a_page(pdf: Path, html: Path):
    titles = headings(html)
    for number, lines in enumerate(pdf_pages(pdf), start=1):
        assert lines, f"{pdf.name}: pagina {number} is leeg"
        assert normalized(lines[-1]) not in titles, f"{pdf.name}: pagina {number} eindigt met de kop {lines[-1]!r}"


def test_every_checklist_has_an_a4_pdf_with_every_item(pdf_site, content):
    for checklist in content.checklists:
        pdf = pdf_site / "downloads" / "checklists" / f"{checklist.slug}.pdf"
        pages = assert_a4(pdf)
        # A form, not a booklet: about eight items or 400 words to a page, plus the title page.
        assert 1 <= pages <= 1 + math.ceil(len(checklist.items) / 8) + math.ceil(words(checklist) / 400), \
            (checklist.slug, pages)
        text = normalized(" ".join(line for page in pdf_pages(pdf) for line in page))
        assert text.startswith(normalized(checklist.titel)), checklist.slug
        # Lines to write the buurt, the date and who filled it in, as on the analyse-instrument's cover.
        assert {"Buurt", "Datum", "Ingevuld door"} <= set(pdf_pages(pdf)[0]), checklist.slug
        for expected in [f"Stap {checklist.stap}", normalized(checklist.vraag),
                         f"checklist bij stap {checklist.stap}"]:
            assert expected.lower() in text.lower(), (checklist.slug, expected)  # labels may print in capitals
        for item in checklist.items:
            assert normalized(item_label(item)) in text, (checklist.slug, item.tekst)
        assert text.count("Toelichting / aantekeningen") == len(checklist.items), checklist.slug
        assert ("Anders, namelijk" in text) == checklist.anders_namelijk, checklist.slug
        # The source in the footer of every page, with the page number.
        for number, lines in enumerate(pdf_pages(pdf, footer=True), start=1):
            footer = [line.replace(" / ", "/") for line in lines if FOOTER.match(line)]
            assert footer == [FOOTER_SOURCE, f"{number}/{pages}"], (checklist.slug, number)
        assert_no_heading_ends_a_page(pdf, pdf_site / "checklists" / checklist.slug / "index.html")


def test_analyse_instrument_pdf_has_the_cover_and_every_checklist_in_order(pdf_site, content):
    pdf = pdf_site / "downloads" / "analyse-instrument.pdf"
    pages = assert_a4(pdf)
    expected = instrument_checklists(content)
    separate = sum(int(pdf_info(pdf_site / "downloads" / "checklists" / f"{c.slug}.pdf")["Pages"]) for c in expected)
    assert len(expected) // 2 < pages <= 1 + separate
    lines = pdf_pages(pdf)
    assert {"Buurt", "Datum", "Aanwezigen (naam en organisatie)"} <= set(lines[0])  # the cover block
    # The first checklist starts under the cover, and no page but the last is less than a fifth full.
    assert f"{expected[0].stap} {normalized(expected[0].titel)}" in normalized(" ".join(lines[0]))
    fills = page_fill(pdf)
    assert all(fill >= 0.2 for fill in fills[:-1]), fills
    text = normalized(" ".join(line for page in lines for line in page))
    positions = [text.index(f"{c.stap} {normalized(c.titel)}") for c in expected]
    assert positions == sorted(positions)
    for checklist in expected:
        for item in checklist.items:
            assert normalized(item_label(item)) in text, (checklist.slug, item.tekst)
    assert_no_heading_ends_a_page(pdf, pdf_site / "analyse-instrument" / "index.html")


def test_pages_link_to_their_pdf_and_pdf_links_point_at_the_site(pdf_site, content):
    pages = {f"checklists/{c.slug}/index.html": f"downloads/checklists/{c.slug}.pdf" for c in content.checklists}
    pages["analyse-instrument/index.html"] = "downloads/analyse-instrument.pdf"
    for page, pdf in pages.items():
        html = pdf_site / page
        links = [href for href in parse(html).links if href.endswith(".pdf")]
        assert len(links) == 1, page
        assert (html.parent / links[0]).resolve() == (pdf_site / pdf).resolve(), page
    # Links inside a PDF lead to the published site, never to the build machine's disk.
    raw = (pdf_site / "downloads" / "checklists" / "bindingsladder.pdf").read_bytes()
    assert b"/URI (" + SITE_URL.encode() + b"oplossingsrichtingen/ontmoeting-buurt/)" in raw
    for pdf in (pdf_site / "downloads").rglob("*.pdf"):
        assert b"file:" not in pdf.read_bytes(), pdf.name


def test_without_chromium_the_build_says_so_and_links_no_pdfs(tmp_path):
    site = tmp_path / "site"
    result = run_build("--site-dir", str(site), env={"CHROMIUM": str(tmp_path / "geen-chromium")})
    assert result.returncode == 0, result.stderr
    assert "PDF's overgeslagen" in result.stderr and "Chromium" in result.stderr
    assert not (site / "downloads").exists()
    assert not [page for page in site.rglob("*.html") if ".pdf" in page.read_text(encoding="utf-8")]

    # `make pdf` insists: it fails, and the site built before stays as it was.
    before = sorted(path.relative_to(site) for path in site.rglob("*"))
    result = run_build("--site-dir", str(site), "--pdf", "ja", env={"CHROMIUM": str(tmp_path / "geen-chromium")})
    assert result.returncode == 1
    assert "Bouwen mislukt" in result.stderr and "Chromium" in result.stderr
    assert sorted(path.relative_to(site) for path in site.rglob("*")) == before
