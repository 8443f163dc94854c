"""Bad input from editors: each fixture gives exactly the expected Dutch messages.

A fixture is a folder under tests/fixtures/ongeldig/ with files laid over a copy
of content/ and ``verwacht.txt``: the exact error lines, one per line.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from handreiking.loader import check_content

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ongeldig"
TODAY = date(2026, 11, 27)


def _project_with(fixture: Path, target: Path) -> Path:
    shutil.copytree(ROOT / "content", target / "content")
    for file in fixture.rglob("*"):
        if file.is_file() and file.name != "verwacht.txt":
            destination = target / "content" / file.relative_to(fixture)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, destination)
    return target


@pytest.mark.parametrize("fixture", sorted(p for p in FIXTURES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_invalid_fixture_gives_expected_messages(fixture, tmp_path):
    project = _project_with(fixture, tmp_path)
    result = check_content(project, TODAY)
    expected = (fixture / "verwacht.txt").read_text(encoding="utf-8").splitlines()
    assert [str(problem) for problem in result.errors] == expected


def test_cli_exits_non_zero_with_all_errors_and_no_traceback(tmp_path):
    project = _project_with(FIXTURES / "ja-nee-valkuil-en-ontbrekend-veld", tmp_path)
    result = subprocess.run([sys.executable, "-m", "handreiking", "check", "--root", str(project)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("content/interventies/buurtbemiddeling.yml:") == 5
