"""Atomic builds (`make build`): a failed build leaves the previous site/ exactly as it was."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import copy_project, edit_yaml, example_slug, run_build

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud


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
    slug = example_slug()
    voorbeeld = project / "content" / "interventies" / f"{slug}.yml"
    inleiding = project / "docs" / "inleiding.md"
    original, original_inleiding = voorbeeld.read_text(encoding="utf-8"), inleiding.read_text(encoding="utf-8")

    first = _make_build(project)
    assert first.returncode == 0, first.stderr
    site = project / "site"
    page = site / "praktijkvoorbeelden" / slug / "index.html"
    assert yaml.safe_load(original)["titel"] in page.read_text(encoding="utf-8")
    before = _snapshot(site)
    assert len(before) > 100

    # Invalid content stops the build before MkDocs writes anything.
    edit_yaml(voorbeeld, lambda data: data["doelgroepen"].insert(0, "jongern"))
    failed = _make_build(project)
    assert failed.returncode != 0
    assert f"content/interventies/{slug}.yml:" in failed.stderr and "bedoelde u 'jongeren'?" in failed.stderr
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
    edit_yaml(voorbeeld, lambda data: data.update(samenvatting="Bijgewerkt: " + data["samenvatting"]))
    second = _make_build(project)
    assert second.returncode == 0, second.stderr
    assert "Bijgewerkt: " in page.read_text(encoding="utf-8")
    assert not (site / "verouderd-bestand.txt").exists()
    assert _leftovers(project) == []
