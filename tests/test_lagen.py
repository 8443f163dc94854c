"""Issue 16: the layers of the code. ``make check`` reads and checks the content without loading any
rendering library; the import contracts in pyproject.toml (``lint-imports``) say the same for the whole graph."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

RENDERING = {"jinja2", "markupsafe", "markdown", "nh3", "numpy", "mkdocs"}


def imported_modules(importtime: str) -> set[str]:
    """The modules named in ``python -X importtime`` output ('import time: self | cumulative | name')."""
    names = set()
    for line in importtime.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":  # the header line
                names.add(name)
    return names


def test_importtime_lines_are_read():
    output = ("import time: self [us] | cumulative | imported package\n"
              "import time:       120 |        120 |   jinja2._identifier\n"
              "import time:       300 |        900 | jinja2\n")
    assert imported_modules(output) == {"jinja2._identifier", "jinja2"}


def test_make_check_imports_no_rendering_library():
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "handreiking", "check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    modules = imported_modules(result.stderr)
    assert "handreiking.content.loader" in modules  # the output was read: the check itself shows up
    assert sorted(m for m in modules if m.split(".")[0] in RENDERING) == []


def test_import_contracts_hold():
    result = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
