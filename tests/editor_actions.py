"""The ordinary changes an editor makes, done the way CONTRIBUTING.md describes them.

Used by tests/test_editor_loop.py on a copy of the project: after these changes
``make check`` and a build must pass, and so must every other test (that file runs the tests
content can break, and the benchmark's smoke run, on the changed copy). Run by hand on a clone to try
the whole suite after an editor's pull request:

    .venv/bin/python tests/editor_actions.py /path/to/clone [rename remove merge-into stop]
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

from handreiking.content.slugs import slugify

NEW_TITLE = "Buurtvaders"
SECOND_TITLE = "Buurtmoeders"
NEW_TERM = {"id": "sportverenigingen", "label": "Sportverenigingen",
            "beschrijving": "Sportclubs en hun kantines als plek waar buurtbewoners elkaar treffen."}


def _slugs(project: Path) -> list[str]:
    return sorted(file.stem for file in (project / "content" / "interventies").glob("*.yml"))


def _read(file: Path) -> dict:
    return yaml.safe_load(file.read_text(encoding="utf-8"))


def _write(file: Path, data: dict) -> None:
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def _append_lines(file: Path, key: str, lines: list[str]) -> None:
    """Add lines right under ``key:`` in a hand-written YAML file, as an editor would type them."""
    text = re.sub(rf"^{key}: {{}}$", f"{key}:", file.read_text(encoding="utf-8"), flags=re.MULTILINE)
    text, count = re.subn(rf"^{key}:\n", lambda match: match.group(0) + "".join(f"{line}\n" for line in lines),
                          text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{file}: geen regel '{key}:'"
    file.write_text(text, encoding="utf-8")


def _unused(name: str, taken) -> str:
    """``name``, or ``name 2``, ``name 3``...: the first that ``taken`` says is free (an earlier editor
    may have added 'Buurtvaders' already)."""
    return next(candidate for candidate in (name, *(f"{name} {n}" for n in range(2, 100))) if not taken(candidate))


def add_locatie_term(project: Path) -> str:
    """'Een term aan een vocabulaire toevoegen': a new locatie at the end of the list."""
    file = project / "content" / "taxonomie" / "locatie.yml"
    ids = {term["id"] for term in _read(file)["termen"]}
    term = {**NEW_TERM, "id": slugify(_unused(NEW_TERM["id"], lambda name: slugify(name) in ids))}
    text = file.read_text(encoding="utf-8").rstrip("\n")
    text += "".join(f"\n  {'- ' if i == 0 else '  '}{key}: {value}" for i, (key, value) in enumerate(term.items()))
    file.write_text(text + "\n", encoding="utf-8")
    return term["id"]


def add_example(project: Path, locatie: str, title: str = NEW_TITLE) -> str:
    """'Werken op uw eigen computer': make nieuw, then every VUL IN replaced."""
    folder = project / "content" / "interventies"
    title = _unused(title, lambda name: (folder / f"{slugify(name)}.yml").exists())
    subprocess.run(["make", "--no-print-directory", "nieuw", f"TITEL={title}"], cwd=project, check=True,
                   capture_output=True, text=True)
    file = folder / f"{slugify(title)}.yml"
    checked = _read(file)["gecontroleerd_op"]
    _write(file, {
        "titel": title,
        "samenvatting": "Ouders uit de buurt lopen 's avonds rondes en spreken jongeren en hun ouders aan.",
        "beschrijving": "Een groep ouders loopt op vaste avonden door de buurt.\n\nZe kennen de jongeren en "
                        "hun ouders, en spreken hen aan op overlast, ook op het sportveld.",
        "oplossingsrichtingen": ["kinderen-jongeren"],
        "locaties": list(dict.fromkeys(["publieke-ruimte", locatie])),
        "doelgroepen": ["jongeren", "ouders"],
        "problematiek": ["overlast-jeugd"],
        "methodieken": ["avondrondes door vaders uit de buurt", "gesprekken met jongeren en hun ouders"],
        "gemeente": "Utrecht",
        "status": "actief",
        "bron": "redactie",
        "gecontroleerd_op": checked if isinstance(checked, date) else date.today(),
    })
    return file.stem


def rename_example(project: Path, slug: str, new_title: str) -> str:
    """'Een ander webadres': new title, renamed file and a redirect (no list of published addresses to keep)."""
    folder = project / "content" / "interventies"
    data = _read(folder / f"{slug}.yml")
    data["titel"] = new_title
    new = slugify(new_title)
    (folder / f"{slug}.yml").unlink()
    _write(folder / f"{new}.yml", data)
    _append_lines(project / "content" / "doorverwijzingen.yml", "praktijkvoorbeelden", [f"  {slug}: {new}"])
    return new


def remove_example(project: Path, slug: str, merged_into: str) -> None:
    """'Verwijderen': delete the file, redirect to the closest example, drop it from zie_ook."""
    folder = project / "content" / "interventies"
    (folder / f"{slug}.yml").unlink()
    _append_lines(project / "content" / "doorverwijzingen.yml", "praktijkvoorbeelden", [f"  {slug}: {merged_into}"])
    for file in folder.glob("*.yml"):
        data = _read(file)
        if slug in data.get("zie_ook", []):
            data["zie_ook"] = [other for other in data["zie_ook"] if other != slug]
            if not data["zie_ook"]:
                del data["zie_ook"]
            _write(file, data)


def stop_example(project: Path, slug: str) -> None:
    """'Gestopt of doorontwikkeld': status gestopt, checked today."""
    file = project / "content" / "interventies" / f"{slug}.yml"
    data = _read(file)
    data["status"] = "gestopt"
    data["gecontroleerd_op"] = date.today()
    _write(file, data)


def perform_editor_actions(project: Path, *chosen: str) -> dict[str, str]:
    """All of the above on ``project``; returns what changed, by name.

    ``chosen``: the examples to rename, remove, merge into and stop (default: the first four).
    """
    slugs = list(chosen) + [slug for slug in _slugs(project) if slug not in chosen]
    renamed, removed, merged_into, stopped = slugs[:4]
    term = add_locatie_term(project)
    new = add_example(project, term)
    folder = project / "content" / "interventies"
    new_title = _unused(f"{_read(folder / f'{renamed}.yml')['titel']} vernieuwd",
                        lambda name: (folder / f"{slugify(name)}.yml").exists())
    renamed_to = rename_example(project, renamed, new_title)
    remove_example(project, removed, merged_into)
    stop_example(project, stopped)
    second = add_example(project, "publieke-ruimte", SECOND_TITLE)
    return {"term": term, "nieuw": new, "hernoemd": renamed, "hernoemd_naar": renamed_to,
            "verwijderd": removed, "samengevoegd_met": merged_into, "gestopt": stopped, "tweede": second}


if __name__ == "__main__":
    print(perform_editor_actions(Path(sys.argv[1]), *sys.argv[2:]))
