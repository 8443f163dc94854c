"""Issue 8 and 25: the build benchmark and the edit loop run (smoke version: the real content, one round).

Not a timed test. N is the number of praktijkvoorbeelden the content has, so an editor who adds or
removes one keeps it green.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud


def test_build_benchmark_smoke_prints_its_tables(tmp_path, content):
    n = len(content.praktijkvoorbeelden)
    result = subprocess.run([sys.executable, "-m", "bench.build", "--smoke", "--work", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    build_rows = [line for line in lines if re.match(rf"\s+{n}\s+0(\s+[\d.]+){{4}}\s+\d+\s+\d+$", line)]
    edit_rows = [line for line in lines if re.match(rf"\s+{n}\s+1(\s+[\d.]+){{6}}$", line)]
    assert len(build_rows) == 1 and len(edit_rows) == 1, lines
    assert re.fullmatch(rf"A/B bij N={n}: \d+\.\d{{3}}", lines[-1])


def test_baseline_is_the_very_same_site(tmp_path, content):
    """B must build the same pages as A, or the ratio means nothing."""
    from bench.build import make_baseline, run_build
    from bench.synthetic import generate

    project = generate(len(content.praktijkvoorbeelden), tmp_path / "a", seed=1)
    baseline = make_baseline(project, tmp_path / "b", tmp_path)
    run_build(project, tmp_path / "site-a")
    run_build(baseline, tmp_path / "site-b")
    pages_a = sorted(p.relative_to(tmp_path / "site-a") for p in (tmp_path / "site-a").rglob("*.html"))
    pages_b = sorted(p.relative_to(tmp_path / "site-b") for p in (tmp_path / "site-b").rglob("*.html"))
    assert pages_a == pages_b
    for page in pages_a:
        assert (tmp_path / "site-a" / page).read_bytes() == (tmp_path / "site-b" / page).read_bytes(), page
