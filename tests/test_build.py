"""Atomic builds (`make build`): a failed build leaves the previous site/ exactly as it was."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import copy_project, run_build


def _make_build(project: Path) -> subprocess.CompletedProcess:
    """What `make build` runs, in a copy of the project.

    Without Chromium: the PDFs (test_pdf.py) would add some 40 seconds to each good build here,
    and the swap of site/ is the same with or without them.
    """
    return run_build("--site-dir", "site", project=project, env={"CHROMIUM": str(project / "geen-chromium")})


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def _leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.iterdir() if path.name.startswith(("site.", ".site-build-")))


def test_failed_build_keeps_the_previous_site_and_a_good_one_replaces_it(tmp_path):
    project = copy_project(tmp_path / "project")
    voorbeeld = project / "content" / "interventies" / "samen-schoon.yml"
    inleiding = project / "docs" / "inleiding.md"
    original, original_inleiding = voorbeeld.read_text(encoding="utf-8"), inleiding.read_text(encoding="utf-8")

    first = _make_build(project)
    assert first.returncode == 0, first.stderr
    site = project / "site"
    page = site / "praktijkvoorbeelden" / "samen-schoon" / "index.html"
    assert "Samen Schoon" in page.read_text(encoding="utf-8")
    before = _snapshot(site)
    assert len(before) > 100

    # Invalid content stops the build before MkDocs writes anything.
    voorbeeld.write_text(original.replace("doelgroepen: [", "doelgroepen: [jongern, "), encoding="utf-8")
    failed = _make_build(project)
    assert failed.returncode != 0
    assert "content/interventies/samen-schoon.yml:" in failed.stderr and "bedoelde u 'jongeren'?" in failed.stderr
    assert "Bouwen mislukt" in failed.stderr and "Traceback" not in failed.stderr
    assert _snapshot(site) == before
    assert _leftovers(project) == []
    voorbeeld.write_text(original, encoding="utf-8")

    # A broken link in a hand-written page fails only after MkDocs has written every page
    # (plain `mkdocs build --strict` leaves that half-good site behind).
    inleiding.write_text(original_inleiding + "\n[Kapotte link](bestaat-niet.md)\n", encoding="utf-8")
    failed = _make_build(project)
    assert failed.returncode != 0 and "bestaat-niet.md" in failed.stderr
    assert _snapshot(site) == before
    assert _leftovers(project) == []
    inleiding.write_text(original_inleiding, encoding="utf-8")

    (site / "verouderd-bestand.txt").write_text("van een oudere build", encoding="utf-8")
    voorbeeld.write_text(original.replace("titel: Samen Schoon", "titel: Samen schoon"), encoding="utf-8")
    second = _make_build(project)
    assert second.returncode == 0, second.stderr
    assert "Samen schoon" in page.read_text(encoding="utf-8")
    assert not (site / "verouderd-bestand.txt").exists()
    assert _leftovers(project) == []
