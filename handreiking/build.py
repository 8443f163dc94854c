"""Atomic site build: ``python -m handreiking.build --site-dir site``.

MkDocs empties its output folder before writing, so a failed build would leave
a half-written site. Here MkDocs builds into a fresh folder beside the target;
only when the build and every after-build step succeed does that folder
replace ``site/``. On failure the previous ``site/`` stays exactly as it was.

    python -m handreiking.build                 site/, with PDFs when Chromium is there (make build)
    python -m handreiking.build --pdf ja        site/ with PDFs, or fail (make pdf)
    python -m handreiking.build --offline-zip site-offline.zip    the offline bundle (make offline)

This module and ``macros/`` are the only places that know about MkDocs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from collections.abc import Callable

from .content.loader import load_content
from .site.pdf import PdfFailed, find_chromium, write_pdfs

ROOT = Path(__file__).resolve().parent.parent

# Settings of mkdocs.yml this driver overrides for the MkDocs it runs (each named there with its option):
OFFLINE_ENV = "HANDREIKING_OFFLINE"  # switches on Material's offline plugin
PDF_ENV = "HANDREIKING_PDF"  # the plugin's pdf_downloads: pages link to the PDFs this build prints
REPO_ENV = "HANDREIKING_REPO_URL"  # repo_url
OFFLINE_FOLDER = "handreiking-offline"  # the one folder in site-offline.zip
OFFLINE_README = """Van polarisatie naar verbinding in buurten: de website zonder internet

Open index.html in deze map met uw browser (dubbelklikken). Alles werkt zonder
internetverbinding: de navigatie, het zoeken, de interventiewijzer en afdrukken.
Pak het zip-bestand eerst helemaal uit; vanuit het zip-bestand zelf werkt het niet.
"""
PDF_SKIPPED = ("Let op: PDF's overgeslagen, want Chromium is niet gevonden. De checklistpagina's linken "
               "daarom niet naar PDF's. Installeer Chromium ('sudo make system-deps') en bouw opnieuw, "
               "of zet CHROMIUM=/pad/naar/chromium.")


class BuildFailed(Exception):
    pass


def build(site_dir: Path, root: Path = ROOT, pdf: str = "auto", offline: bool = False) -> bool:
    """Build into ``site_dir``; returns whether the PDFs were made.

    ``pdf`` is "auto" (PDFs when Chromium is found), "ja" (PDFs or fail) or "nee".
    """
    site_dir = site_dir.resolve()
    chromium = find_chromium() if pdf != "nee" else None
    if pdf == "ja" and chromium is None:
        raise BuildFailed("Chromium is niet gevonden, dus de PDF's kunnen niet gemaakt worden "
                          "('sudo make system-deps' installeert het)")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Steps that run on the freshly built folder before it is published; raising stops the build.
    steps: list[Callable[[Path], None]] = []
    if chromium:
        env[PDF_ENV] = "true"
        steps.append(lambda folder: _write_pdfs(folder, root, chromium, directory_urls=not offline))
    if offline:
        env[OFFLINE_ENV] = "true"
        # Material asks the repository host for its stars and forks: a request the bundle must not make.
        env.pop(REPO_ENV, None)
        steps.append(lambda folder: (folder / "LEESMIJ.txt").write_text(OFFLINE_README, encoding="utf-8"))
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        _mkdocs_build(staging, root, env)
        for step in steps:
            step(staging)
        _replace(site_dir, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return chromium is not None


def build_offline(zip_path: Path, root: Path = ROOT, pdf: str = "auto") -> bool:
    """The offline bundle: a build for file:// (links to .../index.html, search without a server), zipped."""
    zip_path = zip_path.resolve()
    with tempfile.TemporaryDirectory(prefix=".site-offline-", dir=zip_path.parent) as work:
        folder = Path(work) / OFFLINE_FOLDER
        made_pdfs = build(folder, root, pdf=pdf, offline=True)
        partial = Path(work) / zip_path.name
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as bundle:
            for file in sorted(folder.rglob("*")):
                if file.is_file():
                    bundle.write(file, file.relative_to(folder.parent).as_posix())
        partial.replace(zip_path)
    return made_pdfs


def _write_pdfs(folder: Path, root: Path, chromium: str, directory_urls: bool) -> None:
    try:
        write_pdfs(folder, load_content(root), chromium, directory_urls)
    except PdfFailed as error:
        raise BuildFailed(f"{error}; de vorige site is niet aangeraakt") from None


def _mkdocs_build(target: Path, root: Path, env: dict[str, str]) -> None:
    # No --quiet: it hides warnings from MkDocs' strict-mode counter, so a broken link would publish.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)]
    if subprocess.run(command, cwd=root, env=env).returncode != 0:
        raise BuildFailed("mkdocs build is mislukt; de vorige site is niet aangeraakt")


def _replace(site_dir: Path, staging: Path) -> None:
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handreiking.build", description="Bouw de site atomisch.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--pdf", choices=("auto", "ja", "nee"), default="auto",
                        help="PDF's van de checklists maken: auto (als Chromium er is), ja (of mislukken), nee")
    parser.add_argument("--offline-zip", type=Path, metavar="ZIP",
                        help="bouw in plaats van de site de offline-versie, als dit zip-bestand")
    args = parser.parse_args(argv)
    try:
        if args.offline_zip:
            made_pdfs = build_offline(args.offline_zip, pdf=args.pdf)
            done = f"Offline-versie gemaakt: {args.offline_zip} (uitpakken en {OFFLINE_FOLDER}/index.html openen)"
        else:
            made_pdfs = build(args.site_dir, pdf=args.pdf)
            done = f"Site gebouwd in {args.site_dir}"
    except BuildFailed as error:
        print(f"Bouwen mislukt: {error}", file=sys.stderr)
        return 1
    print(done + (", met de PDF's in downloads/" if made_pdfs else ""))
    if not made_pdfs and args.pdf == "auto":
        print(PDF_SKIPPED, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
