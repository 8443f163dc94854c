"""Build benchmark: our YAML + macros build against plain MkDocs on the very same pages, and the edit loop.

    python -m bench.build                  # N = the real content (46 today), 1,000 and 5,000 (make bench)
    python -m bench.build --smoke          # N = the real content, one round: keeps this code from rotting (CI)
    python -m bench.build --n 1000 --rounds 5

For each N, :mod:`bench.synthetic` writes a project with N praktijkvoorbeelden.
One untimed build with :mod:`bench.capture` writes every page as it reaches
MkDocs' Markdown stage (after our macros), plus the generated files, into a
second project: the baseline, configured like ours minus mkdocs-macros and our
plugin. Then, interleaved (A B A B ...), each build runs in a fresh Python
process that reports its wall time and peak memory (ru_maxrss):

- A: our real build (``mkdocs build --strict``) of the project;
- B: MkDocs + Material on the baseline project.

Our build keeps parsed YAML and rendered Markdown in ``.cache/`` between builds
(see :mod:`handreiking.content.cache`). The first A build of each N starts without that cache
and is reported on its own ("A koud"); the medians are over the rounds after it,
as an editor's ``make serve`` or a second CI build sees them.

Prints one table with medians, A/B per N, peak memory and the growth factor
time(5,000) / time(1,000). Then, for each N up to 1,000, the edit loop
(:mod:`bench.edit_loop`) on the same project: ``make serve``, a saved change to
one praktijkvoorbeeld until its page shows it, against A's median full build
(the ratio; the goal is at most 0.20). The last line is the A/B ratio at
N = 1,000 (or at the largest N measured).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bench.edit_loop import edit_rounds
from bench.synthetic import generate
from handreiking.content.loader import load_content
from handreiking.site.site import GENERATED_CACHE

ROOT = Path(__file__).resolve().parent.parent
OUR_PLUGINS = {"macros", "handreiking"}  # left out of the baseline: they make the pages it gets ready-made
LARGE = (1000, 5000)  # besides the real content
ROUNDS = {1000: 7, 5000: 3}  # the real content: 5
EDIT_LOOP_UP_TO = 1000  # the edit loop is measured up to this N
EDIT_ROUNDS = 7

# Runs in the child process: one build, then its wall time and peak memory as JSON.
_CHILD = """
import json, resource, sys, time, logging
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.disable(logging.WARNING)
start = time.perf_counter()
config = load_config(config_file="mkdocs.yml", site_dir=sys.argv[1], strict=True, **json.loads(sys.argv[2]))
build(config)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@dataclass
class Runs:
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        # With more than one round the first (cold) build is left out: see "A koud".
        return statistics.median(self.seconds[1:] if len(self.seconds) > 1 else self.seconds)


def run_build(project: Path, site_dir: Path, overrides: dict | None = None, env: dict | None = None) -> dict:
    """One build of ``project`` in a fresh interpreter; returns {'seconds', 'peak_mb'}."""
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(site_dir), json.dumps(overrides or {})],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    if result.returncode != 0:
        raise RuntimeError(f"build van {project} mislukt:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def make_baseline(project: Path, baseline: Path, work: Path) -> Path:
    """The same pages as static Markdown, configured like ``project`` without mkdocs-macros and our plugin."""
    from mkdocs.utils.yaml import yaml_load

    capture = work / "capture"
    shutil.rmtree(capture, ignore_errors=True)
    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    run_build(project, work / "capture-site",
              overrides={"hooks": [str(ROOT / "bench" / "capture.py")]},
              env={"BENCH_CAPTURE_DIR": str(capture)})

    shutil.rmtree(baseline, ignore_errors=True)
    # Static assets first (CSS, JS, vendored files), then the captured pages over them.
    shutil.copytree(project / "docs", baseline / "docs", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(capture / "docs", baseline / "docs", dirs_exist_ok=True)
    shutil.copytree(project / "overrides", baseline / "overrides")
    config["plugins"] = [plugin for plugin in config["plugins"] if _plugin_name(plugin) not in OUR_PLUGINS]
    config.pop("watch", None)
    if not config.get("repo_url"):
        config.pop("edit_uri", None)  # as macros/edit_links.py does: no repository, no edit links
    config["nav"] = json.loads((capture / "nav.json").read_text(encoding="utf-8"))
    import yaml

    (baseline / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                         encoding="utf-8")
    return baseline


def _plugin_name(entry: str | dict) -> str:
    # mkdocs.yml lists a plugin as its name, or as {name: options}.
    return entry if isinstance(entry, str) else next(iter(entry))


def real_size() -> int:
    """How many praktijkvoorbeelden the real content has: the smallest N, whatever editors added or removed."""
    return len(load_content(ROOT).praktijkvoorbeelden)


def measure(n: int, rounds: int, work: Path, regenerate: bool = False) -> tuple[Runs, Runs]:
    project = generate(n, work / f"a-{n}", seed=1)
    baseline = make_baseline(project, work / f"b-{n}", work)
    shutil.rmtree(project / ".cache", ignore_errors=True)  # the first timed build starts cold
    ours, plain = Runs(), Runs()
    for _ in range(rounds + 1):  # interleaved, so drift in machine load hits both alike
        for runs, folder in ((ours, project), (plain, baseline)):
            if regenerate:  # as after an edit to one YAML file: the pages and data files are made again
                (folder / GENERATED_CACHE).unlink(missing_ok=True)
            result = run_build(folder, work / "site")
            runs.seconds.append(result["seconds"])
            runs.peak_mb.append(result["peak_mb"])
    return ours, plain


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.node()}: {os.cpu_count()} CPU's, {platform.machine()}, Python {platform.python_version()}, "
            f"load average {load:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.build", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="aantal praktijkvoorbeelden (herhaalbaar)")
    parser.add_argument("--rounds", type=int, help="rondes per N (standaard 5 bij de echte inhoud, 7 bij 1.000, anders 3)")
    parser.add_argument("--smoke", action="store_true", help="alleen de echte inhoud, één ronde (koud) en één bewerking")
    parser.add_argument("--work", type=Path, help="werkmap (standaard een tijdelijke map)")
    parser.add_argument("--opnieuw-genereren", action="store_true",
                        help="gegenereerde pagina's en databestanden niet hergebruiken (zoals na een YAML-wijziging)")
    parser.add_argument("--zonder-bewerkingslus", action="store_true", help="de bewerkingslus (make serve) niet meten")
    args = parser.parse_args(argv)
    real = real_size()
    sizes = [real] if args.smoke else (args.n or [real, *LARGE])
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-build-"))
    print(f"Bouwbenchmark, {machine()}")
    print(f"{'N':>6} {'rondes':>6} {'A koud s':>9} {'A mediaan s':>12} {'B mediaan s':>12} {'A/B':>6} "
          f"{'A piek MB':>10} {'B piek MB':>10}")
    medians = {}
    for n in sizes:
        default_rounds = 5 if n == real else ROUNDS.get(n, 3)
        rounds = 0 if args.smoke else (args.rounds or default_rounds)  # warm rounds after the cold one
        ours, plain = measure(n, rounds, work, regenerate=args.opnieuw_genereren)
        medians[n] = (ours.median, plain.median)
        print(f"{n:>6} {rounds:>6} {ours.seconds[0]:>9.2f} {ours.median:>12.2f} {plain.median:>12.2f} "
              f"{ours.median / plain.median:>6.3f} {max(ours.peak_mb):>10.0f} {max(plain.peak_mb):>10.0f}", flush=True)
    if 1000 in medians and 5000 in medians:
        print(f"Groeifactor A: tijd(5.000) / tijd(1.000) = {medians[5000][0] / medians[1000][0]:.2f} "
              f"(B: {medians[5000][1] / medians[1000][1]:.2f})")
    if not args.zonder_bewerkingslus:
        print_edit_loop([n for n in sizes if n <= EDIT_LOOP_UP_TO], medians, work, 1 if args.smoke else EDIT_ROUNDS)
    key = 1000 if 1000 in medians else max(medians)
    print(f"A/B bij N={key}: {medians[key][0] / medians[key][1]:.3f}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def print_edit_loop(sizes: list[int], medians: dict, work: Path, rounds: int) -> None:
    """make serve on each measured project: a save until its page shows it, against A's full build."""
    print(f"Bewerkingslus (make serve), {machine()}")
    print(f"{'N':>6} {'rondes':>6} {'1e build s':>11} {'bewerking s':>12} {'min s':>6} {'max s':>6} "
          f"{'A mediaan s':>12} {'verhouding':>11}")
    for n in sizes:
        first, seconds = edit_rounds(work / f"a-{n}", rounds)
        edit = statistics.median(seconds)
        print(f"{n:>6} {rounds:>6} {first:>11.2f} {edit:>12.2f} {min(seconds):>6.2f} {max(seconds):>6.2f} "
              f"{medians[n][0]:>12.2f} {edit / medians[n][0]:>11.3f}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
