"""Results kept between builds, so a rebuild only redoes what changed.

A :class:`BuildCache` maps the hash of an input (a file's bytes, a text) to a
JSON value computed from it. It carries a version made from the source code of
the module that fills it and the versions of the libraries it uses: change the
code and the kept values are thrown away, no version number to bump. Whoever
fills a cache makes it and says its version; whoever builds owns it (the MkDocs
plugin keeps its caches in memory for a whole ``make serve``) and keeps it on disk
under ``.cache/handreiking/`` (never committed) between processes:

    texts = BuildCache("rich-text", code_version(__file__, markdown.__version__))
    texts.load(folder)                    # values of an earlier process, if its version is the same
    html = texts.get(key)                 # None when not kept
    if html is None:
        html = texts.put(key, render(text))
    texts.forget_unused()                 # after each build: keep only what this build used
    texts.save(folder)

A cache file is never trusted more than editor input: each cache can clean or
check its values as they are loaded (``on_load``).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from collections.abc import Callable, Hashable


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def code_version(module_file: str, *extra: str) -> str:
    """A version that changes whenever the module's source or one of ``extra`` changes."""
    return digest(Path(module_file).read_bytes() + repr(extra).encode())


def folder_digest(folder: Path, *patterns: str) -> str:
    """One hash of the names and bytes of every file in ``folder`` matching ``patterns``."""
    hasher = hashlib.blake2b(digest_size=16)
    for file in sorted({file for pattern in patterns for file in folder.rglob(pattern) if file.is_file()}):
        data = file.read_bytes()
        hasher.update(f"{file.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
        hasher.update(data)
    return hasher.hexdigest()


class BuildCache:
    def __init__(self, name: str, version: str, on_load: Callable[[Any], Any | None] = lambda value: value):
        self.name = name
        self.version = version
        self.on_load = on_load  # returns the value to keep, or None to drop it
        self._values: dict[str, Any] = {}
        self._used: set[str] = set()
        self._new = False

    def get(self, key: str) -> Any | None:
        value = self._values.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def put(self, key: str, value: Any) -> Any:
        self._values[key] = value
        self._used.add(key)
        self._new = True
        return value

    def file(self, folder: Path) -> Path:
        return folder / f"{self.name}.json"

    def load(self, folder: Path) -> None:
        try:
            stored = json.loads(self.file(folder).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(stored, dict) or stored.get("versie") != self.version:
            return
        for key, value in stored.get("waarden", {}).items():
            kept = self.on_load(value)
            if isinstance(key, str) and kept is not None:
                self._values[key] = kept

    def forget_unused(self) -> None:
        """Keep only what was used since the last call (after each build: a long ``make serve`` does not
        pile up old pages)."""
        self._values = {key: self._values[key] for key in self._used}
        self._used.clear()

    def release(self, folder: Path) -> None:
        """Keep what was used on disk, and nothing in memory: a build that is done with this cache gives its
        memory back (at 5,000 praktijkvoorbeelden tens of MB). A later ``put`` starts an empty cache."""
        self.forget_unused()
        self.save(folder)
        self._values = {}

    def save(self, folder: Path) -> None:
        """Write the values kept, if any is new since the last save; written atomically."""
        if not self._new:
            return
        folder.mkdir(parents=True, exist_ok=True)
        target = self.file(folder)
        temporary = target.with_name(f"{target.name}.{os.getpid()}")
        with temporary.open("w", encoding="utf-8") as file:  # in pieces: no second copy of it all in memory
            json.dump({"versie": self.version, "waarden": self._values}, file)
        temporary.replace(target)
        self._new = False


class PerItem:
    """What a build makes of each praktijkvoorbeeld for one of its lists, kept for the next build.

    A save in ``make serve`` changes one praktijkvoorbeeld, while the data file (with its word list), the open
    data and the wijzer's cards each list all of them. Each asks, per item, for what it made of an equal item
    (every field the same) with the same other inputs (``depends``, hashable) in its last build; only a
    changed item is made again. In memory only (the MkDocs plugin keeps it for a whole ``make serve``):

        entry = kept("gegevensbestand", voorbeeld, (url,), lambda: make(voorbeeld))
        kept.finish_build()  # keep what this build used, per list
    """

    def __init__(self) -> None:
        self._last: dict[str, dict] = {}  # list name -> (item, depends) -> value, from the last build that made it
        self._now: dict[str, dict] = {}

    def __call__(self, name: str, item: Hashable, depends: Hashable, make: Callable[[], Any]) -> Any:
        now = self._now.setdefault(name, {})
        key = (item, depends)
        value = now.get(key)
        if value is None:
            value = self._last.get(name, {}).get(key)
            now[key] = value = make() if value is None else value
        return value

    def finish_build(self) -> None:
        """A list this build made replaces its last one; one it did not make (unchanged content) stays."""
        self._last.update(self._now)
        self._now = {}


# Either a PerItem or made_once, for the code that makes a list of every praktijkvoorbeeld.
KeepPerItem = Callable[[str, Hashable, Hashable, Callable[[], Any]], Any]


def made_once(name: str, item: Hashable, depends: Hashable, make: Callable[[], Any]) -> Any:
    """As :class:`PerItem`, for a build that makes each list once and keeps nothing."""
    return make()
