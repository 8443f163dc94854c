"""Benchmark: Lighthouse (mobile) on the home page, the tools and a praktijkvoorbeeld, served compressed.

    python -m bench.lighthouse                 # build the site, three runs per page (make bench-lighthouse)
    python -m bench.lighthouse --runs 1        # a quick look
    python -m bench.lighthouse --site site     # an existing build

Builds the site (the real build, without PDFs) into a temporary folder, serves it on 127.0.0.1 with
gzip for text files, as GitHub Pages serves it, and runs the Lighthouse CLI (its own npm folder,
``bench/lighthouse/``, installed by ``make bench-lighthouse`` only: not part of ``make serve`` or
``make test``) against each page with Lighthouse's default mobile settings (Moto G Power screen,
simulated slow 4G and 4x slower CPU) and Debian's Chromium (``CHROME_PATH``). Prints per page the
median of the runs: performance score, Cumulative Layout Shift, Largest Contentful Paint, Total
Blocking Time, First Contentful Paint and the bytes transferred. Goals (issue 23): CLS < 0.1 and
performance >= 90 on every page. Record the figures in ``bench/RESULTS.md``.
``tests/test_layout_shift.py`` is the cheap check of the layout shifts that ``make test`` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.serving import GzipHandler, serve

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# As the tests start Chromium here (see /tests/conftest.py): headless, no requests of its own.
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
                "--disable-component-update --disable-sync")
GOALS = {"performance": 90, "cls": 0.1}
AUDITS = {"cls": "cumulative-layout-shift", "lcp": "largest-contentful-paint", "tbt": "total-blocking-time",
          "fcp": "first-contentful-paint", "bytes": "total-byte-weight"}


def pages(content) -> dict[str, str]:
    """Name -> path of each measured page: the home page, the three tools and a praktijkvoorbeeld."""
    first, second = content.praktijkvoorbeelden[0].slug, content.praktijkvoorbeelden[1].slug
    return {"home": "/", "interventiewijzer": "/interventiewijzer/", "buurtanalyse": "/buurtanalyse/",
            "vergelijk": f"/vergelijk/?slug={first}&slug={second}",
            "praktijkvoorbeeld": f"/praktijkvoorbeelden/{first}/"}


def build(site: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "handreiking.build", "--site-dir", str(site), "--pdf", "nee"],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"Bouwen mislukt:\n{result.stderr[-2000:]}")


def lighthouse(url: str, report: Path) -> dict[str, float]:
    """One Lighthouse run (mobile, performance only): the score (0-100) and the audits in AUDITS."""
    command = [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={report}",
               "--quiet", f"--chrome-flags={CHROME_FLAGS}"]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    data = json.loads(report.read_text(encoding="utf-8"))
    figures = {name: data["audits"][audit]["numericValue"] for name, audit in AUDITS.items()}
    figures["performance"] = round(data["categories"]["performance"]["score"] * 100)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (the median is printed)")
    parser.add_argument("--site", type=Path, help="an existing build instead of a fresh one")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse ontbreekt: voer 'make bench-lighthouse' uit (installeert het in bench/lighthouse/).")
    from handreiking.content.loader import load_content

    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Lighthouse {version}, {chromium}, {platform.machine()}, {os.cpu_count()} cores; mediaan van "
          f"{args.runs} run(s), mobiel, gzip")
    with tempfile.TemporaryDirectory(prefix="handreiking-lighthouse-") as folder:
        site = args.site or Path(folder) / "site"
        if not args.site:
            build(site)
        print("| pagina | prestaties | CLS | LCP ms | TBT ms | FCP ms | KB over het net | doelen gehaald |")
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        with serve(site, GzipHandler) as base:
            for name, path in pages(load_content(ROOT)).items():
                runs = [lighthouse(base + path, Path(folder) / f"{name}-{run}.json") for run in range(args.runs)]
                median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                met = median["performance"] >= GOALS["performance"] and median["cls"] < GOALS["cls"]
                print(f"| {name} | {median['performance']:.0f} | {median['cls']:.3f} | {median['lcp']:.0f} | "
                      f"{median['tbt']:.0f} | {median['fcp']:.0f} | {median['bytes'] / 1024:.0f} | "
                      f"{'ja' if met else 'nee'} |", flush=True)


if __name__ == "__main__":
    main()
