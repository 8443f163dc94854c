"""The change history of the content files, read from git once per build.

    history = read_history(Path("."))
    history.of("content/interventies/boost.yml")   # (Change(datum, bericht, commit), ...) newest first
    history.status                                  # "volledig", "ondiep" or "geen-git"

One ``git log`` call lists every commit that touched ``content/interventies/``
with the files it changed. Renames inside that folder are followed like
``git log --follow`` does for one file: older commits of the old name count for
the new name. A file moved in from elsewhere starts its history at the move.

A shallow clone lacks the older commits, and its oldest commit looks as if it
added every file: those boundary commits are left out and the status says
"ondiep", so no page shows a date git does not really know. Without git, or
outside a repository, the status is "geen-git" and there are no changes.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

FOLDER = "content/interventies"
COMPLETE, SHALLOW, NO_GIT = "volledig", "ondiep", "geen-git"
# Fields of one commit, after a NUL that starts each commit in the output.
_FORMAT = "%x00%H%x1f%as%x1f%s"
# Settings a user's git configuration could change and this parser depends on.
_GIT = ("git", "-c", "core.quotepath=off", "-c", "log.showSignature=false")


@dataclass(frozen=True)
class Change:
    datum: date  # author date of the commit
    bericht: str  # first line of the commit message
    commit: str


@dataclass(frozen=True)
class ChangeHistory:
    status: str
    changes: dict[str, tuple[Change, ...]] = field(default_factory=dict)  # file -> changes, newest first

    def of(self, file: str) -> tuple[Change, ...]:
        return self.changes.get(file, ())


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
    return ChangeHistory(SHALLOW if boundary else COMPLETE, parse_log(log, boundary))


def _git(root: Path, *args: str) -> str:
    return subprocess.run([*_GIT, *args], cwd=root, capture_output=True, text=True, encoding="utf-8",
                          check=True).stdout


def parse_log(log: str, boundary: frozenset[str] = frozenset()) -> dict[str, tuple[Change, ...]]:
    """Changes per current file name from ``git log --name-status`` output, newest commit first."""
    changes: dict[str, list[Change]] = {}
    later_name: dict[str, str] = {}  # a name in older commits -> the name the file has now
    for record in log.split("\0")[1:]:
        header, _, files = record.partition("\n")
        commit, day, subject = header.split("\x1f", 2)
        if commit in boundary:
            continue
        change = Change(date.fromisoformat(day), subject, commit)
        for line in files.splitlines():
            status, *paths = line.split("\t")
            if not paths:
                continue
            current = later_name.get(paths[-1], paths[-1])
            changes.setdefault(current, []).append(change)
            if status.startswith("R"):
                later_name[paths[0]] = current
    return {file: tuple(items) for file, items in changes.items()}
