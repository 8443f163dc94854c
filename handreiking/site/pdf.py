"""PDF downloads, printed by headless Chromium from the built HTML and the print stylesheet.

    downloads/analyse-instrument.pdf     the analyse-instrument voor buurtoverleg
    downloads/checklists/<slug>.pdf      every checklist

Chromium prints form checkboxes and CSS paged media (A4, page footers) the way
a browser prints the page, so a PDF is exactly what "Print deze checklist"
gives. :mod:`handreiking.build` runs :func:`write_pdfs` on the freshly built
folder and switches on the plugin's ``pdf_downloads`` for MkDocs, so pages link to
the PDFs only in a build that also writes them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..content.model import Content
from .urls import INSTRUMENT, INSTRUMENT_PDF, built_file, checklist_path, checklist_pdf_path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_SECONDS = 120
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    # The pages need nothing from the network; this keeps the build from ever asking.
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


class PdfFailed(Exception):
    pass


def find_chromium() -> str | None:
    """The Chromium to print with: $CHROMIUM if set (and runnable), else the first one on PATH."""
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def downloads(content: Content) -> list[tuple[str, str]]:
    """(page source path, PDF path in the site) for every PDF of the site."""
    return [(INSTRUMENT, INSTRUMENT_PDF)] + [(checklist_path(c.slug), checklist_pdf_path(c.slug))
                                             for c in content.checklists]


def write_pdfs(site_dir: Path, content: Content, chromium: str, directory_urls: bool = True,
               jobs: int = 2) -> list[Path]:
    """Print every download of ``site_dir`` to PDF; raises PdfFailed naming the first one that failed."""
    tasks = [(_built_html(site_dir, page, directory_urls), site_dir / pdf) for page, pdf in downloads(content)]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(lambda task: print_pdf(chromium, *task), tasks))


def print_pdf(chromium: str, html: Path, pdf: Path) -> Path:
    pdf.parent.mkdir(parents=True, exist_ok=True)
    # "?pdf" tells print.js to make the links in the PDF useful (see there).
    url = html.resolve().as_uri() + "?pdf"
    # Each Chromium gets its own profile: two at once cannot share one.
    with tempfile.TemporaryDirectory(prefix="handreiking-chromium-") as profile:
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", url]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise PdfFailed(f"Chromium maakte {pdf.name} niet binnen {TIMEOUT_SECONDS} seconden") from None
    if result.returncode != 0 or not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
        raise PdfFailed(f"Chromium kon {pdf.name} niet maken (code {result.returncode}): "
                        f"{result.stderr.strip()[-800:]}")
    return pdf


def _built_html(site_dir: Path, src_uri: str, directory_urls: bool) -> Path:
    html = site_dir / built_file(src_uri, directory_urls)
    if html.is_file():
        return html
    raise PdfFailed(f"de pagina {src_uri} staat niet in de gebouwde site")
