"""Bad input from editors: each fixture gives exactly the expected Dutch messages.

A fixture is a folder under tests/fixtures/ongeldig/ with files laid over a copy
of tests/fixtures/basis/content/ (a frozen copy of the content, so that editors'
changes to content/ never change what a fixture reports; the schemas are the live
ones) and ``verwacht.txt``: the exact error lines of
``python -m handreiking check``, one per line. An empty ``verwacht.txt`` marks
input that must be *accepted* (a byte order mark, Windows line endings).

Every fixture writes its own files, so all of them can also be laid over one
copy at once: one run must then report every error of every fixture.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

FIXTURES = ROOT / "tests" / "fixtures" / "ongeldig"
BASE = ROOT / "tests" / "fixtures" / "basis" / "content"
ALL_FIXTURES = sorted(path for path in FIXTURES.iterdir() if path.is_dir())
EXPECTED = "verwacht.txt"


def _fixture_files(fixture: Path) -> list[Path]:
    return [file for file in sorted(fixture.rglob("*")) if file.is_file() and file.name != EXPECTED]


def _expected(fixture: Path) -> list[str]:
    return (fixture / EXPECTED).read_text(encoding="utf-8").splitlines()


def _project_with(fixtures: list[Path], target: Path) -> Path:
    """A copy of the base content with the files of ``fixtures`` laid over it, byte for byte (no git: the
    addresses published before are not known, so a new file needs nothing else, as in a real project)."""
    shutil.copytree(BASE, target / "content")
    shutil.copytree(ROOT / "content" / "schemas", target / "content" / "schemas")
    written: dict[Path, str] = {}
    for fixture in fixtures:
        for file in _fixture_files(fixture):
            relative = file.relative_to(fixture)
            assert relative not in written, f"{fixture.name} en {written[relative]} schrijven allebei {relative}"
            written[relative] = fixture.name
            destination = target / "content" / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, destination)
    return target


def _check(project: Path) -> subprocess.CompletedProcess:
    """``python -m handreiking check`` as an editor runs it."""
    return subprocess.run([sys.executable, "-m", "handreiking", "check", "--root", str(project)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8")


def _error_lines(stderr: str) -> list[str]:
    """The problem lines: everything before the blank line and the summary."""
    return stderr.split("\n\n")[0].splitlines()


@pytest.mark.parametrize("fixture", ALL_FIXTURES, ids=lambda path: path.name)
def test_fixture_gives_exactly_the_expected_messages(fixture, tmp_path):
    result = _check(_project_with([fixture], tmp_path))
    expected = _expected(fixture)
    assert "Traceback" not in result.stderr
    if not expected:  # input that must be accepted
        assert (result.returncode, result.stderr) == (0, ""), result.stderr
        return
    assert result.returncode == 1
    assert _error_lines(result.stderr) == expected
    assert f"\n\n{len(expected)} fout(en)" in result.stderr


def test_every_fixture_names_file_line_and_field():
    for fixture in ALL_FIXTURES:
        for line in _expected(fixture):
            path, number, field, message = line.split(":", 3)
            assert path.startswith("content/") and path.endswith((".yml", ".yaml")), line
            assert int(number) >= 1 and field.strip() and message.strip(), line


def test_one_run_reports_every_error_of_every_fixture(tmp_path):
    result = _check(_project_with(ALL_FIXTURES, tmp_path))
    expected = [line for fixture in ALL_FIXTURES for line in _expected(fixture)]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert Counter(_error_lines(result.stderr)) == Counter(expected)


def test_byte_order_mark_and_windows_line_endings_are_read_as_plain_text(tmp_path):
    from handreiking.content.loader import load_content

    fixture = FIXTURES / "geldig-bom-en-crlf"
    content = load_content(_project_with([fixture], tmp_path))
    slugs = {file.stem for file in _fixture_files(fixture)}
    voorbeelden = [v for v in content.praktijkvoorbeelden if v.slug in slugs]
    assert len(voorbeelden) == len(slugs)
    for voorbeeld in voorbeelden:
        assert voorbeeld.titel.startswith("Met ")
        for text in (voorbeeld.titel, voorbeeld.samenvatting, voorbeeld.beschrijving, *voorbeeld.methodieken):
            assert "\r" not in text and "\ufeff" not in text


def test_fixtures_are_stored_byte_for_byte():
    """Git must not touch line endings or encodings in fixtures (.gitattributes: -text)."""
    assert (FIXTURES / "geldig-bom-en-crlf" / "interventies" / "met-bom-en-crlf.yml").read_bytes() \
        .startswith(b"\xef\xbb\xbftitel: Met BOM en CRLF\r\n")
    assert b"caf\xe9" in (FIXTURES / "ongeldige-utf8" / "interventies" / "ongeldige-utf8.yml").read_bytes()
