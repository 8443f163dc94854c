"""Issue 8: the build benchmark runs (smoke version: N=46, one round). Not a timed test."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud


def test_build_benchmark_smoke_prints_its_table(tmp_path):
    result = subprocess.run([sys.executable, "-m", "bench.build", "--smoke", "--work", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert re.match(r"\s+46\s+0(\s+[\d.]+){4}\s+\d+\s+\d+$", lines[-2]), lines
    assert re.fullmatch(r"A/B bij N=46: \d+\.\d{3}", lines[-1])


def test_baseline_is_the_very_same_site(tmp_path):
    """B must build the same pages as A, or the ratio means nothing."""
    from bench.build import make_baseline, run_build
    from bench.synthetic import generate

    project = generate(46, tmp_path / "a", seed=1)
    baseline = make_baseline(project, tmp_path / "b", tmp_path)
    run_build(project, tmp_path / "site-a")
    run_build(baseline, tmp_path / "site-b")
    pages_a = sorted(p.relative_to(tmp_path / "site-a") for p in (tmp_path / "site-a").rglob("*.html"))
    pages_b = sorted(p.relative_to(tmp_path / "site-b") for p in (tmp_path / "site-b").rglob("*.html"))
    assert pages_a == pages_b
    for page in pages_a:
        assert (tmp_path / "site-a" / page).read_bytes() == (tmp_path / "site-b" / page).read_bytes(), page
