"""The public change history of the praktijkvoorbeelden: the notes editors write for readers, dated by git.

    history = read_history(Path("."))
    history.of("content/interventies/boost.yml")   # (Change(datum, bericht, commit), ...) newest first
    history.status                                  # "volledig", "ondiep" or "geen-git"

Readers see what changed in the content, in Dutch, never a developer's commit message. The note is
the field ``wijziging`` of the YAML file (:data:`NOTE_FIELD`), one sentence the editor writes in the
form at /beheer/ or in the file: each commit that gives the field a new text is a change, dated by
that commit. A commit that leaves the note as it was (a typo, a reformatted file, a refactoring)
is no change for readers and does not appear. CONTRIBUTING.md ("Wijzigingen op de pagina") tells
editors so.

One ``git log`` call lists every commit that touched ``content/interventies/`` with the files it
changed; one ``git cat-file --batch`` reads the notes of those file versions. Renames inside that
folder are followed like ``git log --follow`` does for one file: older commits of the old name
count for the new name. A file moved in from elsewhere starts its history at the move.

A shallow clone lacks the older commits, and its oldest commit looks as if it added every file:
the note there is taken as already known (not listed) and the status says "ondiep", so no page
shows a date git does not really know. Without git, or outside a repository, the status is
"geen-git" and there are no changes.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

FOLDER = "content/interventies"
NOTE_FIELD = "wijziging"
COMPLETE, SHALLOW, NO_GIT = "volledig", "ondiep", "geen-git"
# Fields of one commit, after a NUL that starts each commit in the output.
_FORMAT = "%x00%H%x1f%as"
# Settings a user's git configuration could change and this parser depends on.
_GIT = ("git", "-c", "core.quotepath=off", "-c", "log.showSignature=false")
# The note's key at the top level of a YAML file, with the indented lines that continue its value.
_NOTE = re.compile(rf"^{NOTE_FIELD}:.*(?:\n(?:[ \t].*|[ \t]*$))*", re.MULTILINE)


@dataclass(frozen=True)
class Change:
    datum: date  # author date of the commit that wrote the note
    bericht: str  # the editor's note for readers (the field wijziging)
    commit: str


@dataclass(frozen=True)
class ChangeHistory:
    status: str
    changes: dict[str, tuple[Change, ...]] = field(default_factory=dict)  # file -> changes, newest first

    def of(self, file: str) -> tuple[Change, ...]:
        return self.changes.get(file, ())


@dataclass(frozen=True)
class Version:
    """One commit's version of a file: where it was then, or None where the commit deleted it."""
    commit: str
    datum: date
    path: str | None


def read_history(root: Path) -> ChangeHistory:
    """The history of the files in :data:`FOLDER` of the repository ``root`` is in."""
    try:
        info = _git(root, "rev-parse", "--is-shallow-repository", "--git-path", "shallow", "HEAD")
    except (OSError, subprocess.CalledProcessError):  # no git, not a repository, or no commit yet
        return ChangeHistory(NO_GIT)
    shallow, shallow_file, head = info.splitlines()
    boundary = frozenset()
    if shallow == "true":
        boundary = frozenset((root / shallow_file).read_text(encoding="ascii").split())
    return _history(root.resolve(), head, boundary)


@lru_cache(maxsize=4)  # `make serve` rebuilds often; the log only changes with a new HEAD
def _history(root: Path, head: str, boundary: frozenset[str]) -> ChangeHistory:
    log = _git(root, "log", "--no-merges", "--name-status", "-M", "--relative", f"--format={_FORMAT}",
               head, "--", FOLDER)
    versions = parse_log(log)
    wanted = sorted({(v.commit, v.path) for history in versions.values() for v in history if v.path})
    texts = _read_blobs(root, wanted)
    notes = {key: note_of(text) for key, text in texts.items()}
    return ChangeHistory(SHALLOW if boundary else COMPLETE,
                         {file: changes for file, history in versions.items()
                          if (changes := noted_changes(history, notes, boundary))})


def _git(root: Path, *args: str) -> str:
    return subprocess.run([*_GIT, *args], cwd=root, capture_output=True, text=True, encoding="utf-8",
                          check=True).stdout


def parse_log(log: str) -> dict[str, tuple[Version, ...]]:
    """The versions of each file (by its current name) in ``git log --name-status`` output, newest first."""
    versions: dict[str, list[Version]] = {}
    later_name: dict[str, str] = {}  # a name in older commits -> the name the file has now
    for record in log.split("\0")[1:]:
        header, _, files = record.partition("\n")
        commit, day = header.split("\x1f")
        for line in files.splitlines():
            status, *paths = line.split("\t")
            if not paths:
                continue
            current = later_name.get(paths[-1], paths[-1])
            version = Version(commit, date.fromisoformat(day), None if status.startswith("D") else paths[-1])
            versions.setdefault(current, []).append(version)
            if status.startswith("R"):
                later_name[paths[0]] = current
    return {file: tuple(items) for file, items in versions.items()}


def _read_blobs(root: Path, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The text of each (commit, path), read by one ``git cat-file --batch``."""
    if not wanted:
        return {}
    request = "".join(f"{commit}:{path}\n" for commit, path in wanted).encode("utf-8")
    output = subprocess.run([*_GIT, "cat-file", "--batch"], cwd=root, input=request, capture_output=True,
                            check=True).stdout
    texts, position = {}, 0
    for key in wanted:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) != 3:  # "<name> missing"
            continue
        size = int(header[2])
        texts[key] = output[position:position + size].decode("utf-8", errors="replace")
        position += size + 1  # the content ends with a newline of its own
    return texts


def note_of(text: str) -> str | None:
    """The note (:data:`NOTE_FIELD`) of a YAML file's text, whitespace tidied; None where there is none."""
    match = _NOTE.search(text.lstrip("\ufeff").replace("\r\n", "\n"))
    if not match:
        return None
    try:
        value = yaml.safe_load(match.group(0))
    except yaml.YAMLError:  # a broken version of the file: it never reached the site
        return None
    note = value.get(NOTE_FIELD) if isinstance(value, dict) else None
    if not isinstance(note, str):
        return None
    return " ".join(note.split()) or None


def noted_changes(history: tuple[Version, ...], notes: dict[tuple[str, str], str | None],
                  boundary: frozenset[str] = frozenset()) -> tuple[Change, ...]:
    """The changes readers see: each version whose note differs from the version before, newest first."""
    changes, previous = [], None
    for version in reversed(history):  # oldest first
        note = notes.get((version.commit, version.path)) if version.path else None
        if note and note != previous and version.commit not in boundary:
            changes.append(Change(version.datum, note, version.commit))
        previous = note
    return tuple(reversed(changes))
