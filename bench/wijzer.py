"""Benchmark of the interventiewijzer: time from a facet change to the updated result list.

    python -m bench.wijzer                      # N = 1,000 and 5,000 (make bench-wijzer)
    python -m bench.wijzer --n 46 --rounds 5    # quick check on the real content

For each N: generate a project with N praktijkvoorbeelden (:mod:`bench.synthetic`),
build it with MkDocs (the real build, strict), serve it on 127.0.0.1 and open
``/interventiewijzer/`` in headless Chromium. Then, in the page, click facet
checkboxes in a fixed pseudo-random order (toggling on and off, across all
facets) and measure each change with ``performance.now()``:

- *bijwerken*: from just before the click until the change handler has run and
  the browser has computed style and layout of the result list (it is forced by
  reading ``offsetHeight``): the time the page is busy before it can paint;
- *tot beeld*: from just before the click until the next animation frame has
  run, which also waits for the frame clock (up to ~16 ms at 60 Hz);
- *tekst*: the same as *bijwerken* for one character typed in the text box.

Prints one table; the goal is on the *bijwerken* median: <= 16 ms at 1,000 and
<= 50 ms at 5,000. Record the figures in ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.serving import serve
from bench.synthetic import generate

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
GOALS_MS = {1000: 16.0, 5000: 50.0}

# Runs in the page: click each selector in turn and time it (see the module docstring).
_MEASURE = """async (selectors) => {
    const list = document.getElementById('resultaten');
    const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
    const update = [], paint = [], text = [];
    for (const selector of selectors) {
        const box = document.querySelector(selector);
        await frame();
        let start = performance.now();
        box.click();
        void list.offsetHeight;
        update.push(performance.now() - start);
        await frame();
        paint.push(performance.now() - start);
    }
    const input = document.getElementById('wijzer-q');
    for (const letter of 'buurtaanpak') {
        await frame();
        const start = performance.now();
        input.value += letter;
        input.dispatchEvent(new Event('input', {bubbles: true}));
        void list.offsetHeight;
        text.push(performance.now() - start);
    }
    return {update, paint, text};
}"""


def build(project: Path, site: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"Bouwen mislukt voor {project}:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def click_order(page, rounds: int, seed: int) -> list[str]:
    """Checkbox selectors to click: toggles across all facets, never more than three on at once."""
    ids = page.eval_on_selector_all("#wijzer-filters input[type=checkbox]", "boxes => boxes.map(b => b.id)")
    rng = random.Random(seed)
    on: list[str] = []
    order = []
    for _ in range(rounds):
        if len(on) >= 3 or (on and rng.random() < 0.4):
            choice = on.pop(rng.randrange(len(on)))
        else:
            choice = rng.choice([i for i in ids if i not in on])
            on.append(choice)
        order.append(f"#{choice}")
    return order


def measure(site: Path, rounds: int, seed: int) -> dict:
    """Serve ``site``, start Chromium and time ``rounds`` facet changes (see :func:`measure_page`)."""
    from playwright.sync_api import sync_playwright

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        try:
            return measure_page(browser, url, rounds, seed)
        finally:
            browser.close()


def measure_page(browser, url: str, rounds: int, seed: int) -> dict:
    """Times in ms: 'update', 'paint' per facet change, 'text' per letter, 'load' (DOMContentLoaded)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{url}/interventiewijzer/", timeout=120_000)
        page.wait_for_selector("#wijzer-filters")
        loaded = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
        result = page.evaluate(_MEASURE, click_order(page, rounds, seed))
    finally:
        page.close()
    return {**result, "load": loaded}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                    if line.startswith("model name")), cpu)
    return f"{platform.node()}, {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.wijzer", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 5000], help="aantallen praktijkvoorbeelden")
    parser.add_argument("--rounds", type=int, default=60, help="facetwijzigingen per N")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work-dir", type=Path, help="map voor projecten en sites (standaard tijdelijk)")
    args = parser.parse_args(argv)

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-wijzer-") as temporary:
        work = args.work_dir or Path(temporary)
        for n in args.n:
            print(f"N={n}: inhoud maken ...", file=sys.stderr, flush=True)
            project = generate(n, work / f"project-{n}", args.seed)
            print(f"N={n}: bouwen ...", file=sys.stderr, flush=True)
            seconds = build(project, work / f"site-{n}")
            print(f"N={n}: meten in Chromium ...", file=sys.stderr, flush=True)
            result = measure(work / f"site-{n}", args.rounds, args.seed)
            rows.append((n, seconds, result))

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"Interventiewijzer, {time.strftime('%Y-%m-%d')}, {machine()}, headless Chromium; "
          f"load average na afloop {load}")
    header = ("N", "bouwen s", "DOMContentLoaded ms", "bijwerken mediaan ms", "p90 ms", "tot beeld mediaan ms",
              "tekst mediaan ms", "doel ms", "gehaald")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---:" for _ in header) + "|")
    for n, seconds, result in rows:
        median = statistics.median(result["update"])
        goal = GOALS_MS.get(n)
        print(f"| {n:,} | {seconds:.1f} | {result['load']:.0f} | {median:.1f} | {percentile(result['update'], 0.9):.1f} "
              f"| {statistics.median(result['paint']):.1f} | {statistics.median(result['text']):.1f} "
              f"| {goal if goal else '-'} | {('ja' if median <= goal else 'NEE') if goal else '-'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
