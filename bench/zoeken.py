"""Benchmark of the site search: what a page view downloads before and after a search (issue 25, issue 22).

    python -m bench.zoeken                  # N = 46 (the real content) and 1,000 (make bench-zoeken)
    python -m bench.zoeken --n 1000

For each N: generate a project (:mod:`bench.synthetic`), build it, serve it on 127.0.0.1 compressed as
GitHub Pages serves it (gzip for text), and open pages in headless Chromium. Per page it reports the bytes
over the wire (compressed) of search data (the index, the text analysis and the search script itself)
for a page view without a search, then for the first search (focus, one word), and the time from typing
the word to the results. Goal: a page view without a search downloads at most 100 KB of search data at
1,000 praktijkvoorbeelden. Record the figures in ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.synthetic import ROOT, generate
from handreiking.content.loader import load_content
from bench.serving import GzipHandler, serve
from bench.wijzer import CHROMIUM, build, machine

PAGES = ("/", "/stap-1/", "/interventiewijzer/", "/buurtanalyse/")
SEARCH_FILES = ("zoekindex", "search_index", "zoeken.js", "handreiking-zoeken", "handreiking-tekst", "dutch-stemmer",
                "lunr", "workers/search")
GOAL_KB = 100


def measure(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    with serve(site, GzipHandler) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        rows = [measure_page(browser, url, path) for path in PAGES]
        browser.close()
    return rows


def measure_page(browser, url: str, path: str) -> dict:
    """Search bytes over the wire before and after the first search on one page, and the time to results."""
    page = browser.new_page()
    client = page.context.new_cdp_session(page)
    client.send("Network.enable")
    sizes: dict[str, int] = {}
    urls: dict[str, str] = {}
    client.on("Network.responseReceived", lambda event: urls.__setitem__(event["requestId"], event["response"]["url"]))
    client.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
    page.goto(url + path)
    page.wait_for_load_state("networkidle")
    before = _search_bytes(urls, sizes)
    page.locator("input.md-search__input").focus()
    page.wait_for_function("() => window.HandreikingZoeken && window.HANDREIKING_ZOEKINDEX")
    took = page.evaluate("""async () => {
        const input = document.querySelector('.md-search__input');
        const start = performance.now();
        input.value = 'buurt';
        input.dispatchEvent(new Event('input'));
        while (!/overeenkom/.test(document.querySelector('.md-search-result__meta').textContent)) {
            await new Promise(resolve => setTimeout(resolve, 5));
        }
        return performance.now() - start;
    }""")
    page.wait_for_load_state("networkidle")
    after = _search_bytes(urls, sizes)
    page.close()
    return {"pagina": path, "voor": before, "na": after, "zoeken_ms": took}


def _search_bytes(urls: dict[str, str], sizes: dict[str, int]) -> int:
    return sum(size for request, size in sizes.items() if any(name in urls.get(request, "") for name in SEARCH_FILES))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, action="append",
                        help="aantal praktijkvoorbeelden (standaard 46 en 1000; minstens het aantal echte)")
    args = parser.parse_args(argv)
    print(f"Machine: {machine()}")
    print("| N | pagina | zoekgegevens zonder zoeken kB | bij de eerste zoekopdracht kB | doel | tot resultaten ms |")
    print("|---:|---|---:|---:|---|---:|")
    for n in args.n or [len(load_content(ROOT).praktijkvoorbeelden), 1000]:
        with tempfile.TemporaryDirectory() as tmp:
            project = generate(n, Path(tmp) / "project", seed=1)
            site = Path(tmp) / "site"
            build(project, site)
            for row in measure(site):
                goal = "gehaald" if row["voor"] <= GOAL_KB * 1024 else "niet gehaald"
                print(f"| {n} | {row['pagina']} | {row['voor'] / 1024:.1f} | {row['na'] / 1024:.1f} | "
                      f"≤ {GOAL_KB} kB: {goal} | {row['zoeken_ms']:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
