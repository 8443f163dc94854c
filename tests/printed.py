"""What a page looks like on paper: Chromium prints it to PDF, poppler reads it back.

``printed_text`` gives the words; ``page_fill`` measures how much of each printed page is used, from
the ink of the page rendered as an image (pdftoppm), so ruled lines and empty boxes count too.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import normalized

# The page margins of print.css (@page): the running footer lives in the bottom one.
TOP_MARGIN_MM, BOTTOM_MARGIN_MM = 15, 17
MM_PER_INCH = 25.4
_DPI = 24
_INK = 160  # a grey level below this (0 black, 255 white) is ink


def _poppler(program: str) -> str:
    if not shutil.which(program):
        pytest.fail(f"{program} ontbreekt: voer 'sudo make system-deps' uit")
    return program


def printed_text(page, pdf: Path) -> str:
    """The text of the page printed to ``pdf``, with all whitespace as single spaces."""
    page.pdf(path=str(pdf))
    text = subprocess.run([_poppler("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return normalized(text)


def pdf_page_texts(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``."""
    text = subprocess.run([_poppler("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


def _pgm_rows(path: Path) -> list[bytes]:
    """The rows of pixels of a binary greyscale PGM file (what ``pdftoppm -gray`` writes)."""
    data = path.read_bytes()
    fields, position = [], 0
    while len(fields) < 4:  # magic, width, height, maximum value; separated by whitespace
        while data[position:position + 1].isspace():
            position += 1
        start = position
        while not data[position:position + 1].isspace():
            position += 1
        fields.append(data[start:position])
    assert fields[0] == b"P5" and fields[3] == b"255", fields
    width, height = int(fields[1]), int(fields[2])
    pixels = data[position + 1:]
    return [pixels[row * width:(row + 1) * width] for row in range(height)]


def page_fill(pdf: Path, top_mm: float = TOP_MARGIN_MM, bottom_mm: float = BOTTOM_MARGIN_MM) -> list[float]:
    """Per page: the share (0 to 1) of the area between the margins that lies above the lowest ink.

    The footer in the bottom margin does not count, so a page with only a heading is close to 0
    and a page printed down to its bottom margin is 1.
    """
    with tempfile.TemporaryDirectory(prefix="handreiking-pagina-") as folder:
        subprocess.run([_poppler("pdftoppm"), "-gray", "-r", str(_DPI), str(pdf), f"{folder}/pagina"], check=True)
        fills = []
        for image in sorted(Path(folder).glob("pagina-*.pgm"), key=lambda p: int(p.stem.rpartition("-")[2])):
            rows = _pgm_rows(image)
            top = round(top_mm / MM_PER_INCH * _DPI)
            bottom = len(rows) - round(bottom_mm / MM_PER_INCH * _DPI)
            inked = [index for index in range(top, bottom) if min(rows[index]) < _INK]
            fills.append((inked[-1] + 1 - top) / (bottom - top) if inked else 0.0)
        return fills
