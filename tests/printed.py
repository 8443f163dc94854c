"""What a page looks like on paper: Chromium prints it to PDF, poppler reads the text back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import normalized


def printed_text(page, pdf: Path) -> str:
    """The text of the page printed to ``pdf``, with all whitespace as single spaces."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext ontbreekt: voer 'sudo make system-deps' uit")
    page.pdf(path=str(pdf))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return normalized(text)
