"""Results kept between builds, so a rebuild only redoes what changed.

A :class:`BuildCache` maps the hash of an input (a file's bytes, a text) to a
JSON value computed from it. Each cache lives in one file under
``.cache/handreiking/`` (never committed) and carries a version made from the
source code of the module that fills it and the versions of the libraries it
uses: change the code and the cache is thrown away, no version number to bump.

    texts = BuildCache("rich-text", code_version(__file__, markdown.__version__))
    html = texts.get(key)                 # None when not kept
    if html is None:
        html = texts.put(key, render(text))
    load_caches(folder); ...; save_caches(folder)   # once per build (handreiking.site.site)

A cache file is never trusted more than editor input: each cache can clean or
check its values as they are loaded (``on_load``).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from collections.abc import Callable

_ALL: list[BuildCache] = []


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
        _ALL.append(self)

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

    def save(self, folder: Path) -> None:
        """Write the values used since the last save, if any was new; written atomically. Forget the rest."""
        if self._new:
            folder.mkdir(parents=True, exist_ok=True)
            target = self.file(folder)
            temporary = target.with_name(f"{target.name}.{os.getpid()}")
            values = {key: self._values[key] for key in self._used}
            temporary.write_text(json.dumps({"versie": self.version, "waarden": values}), encoding="utf-8")
            temporary.replace(target)
        # Only what this build used stays in memory: a long `make serve` does not pile up old pages.
        self._values = {key: self._values[key] for key in self._used}
        self._new = False
        self._used.clear()


def load_caches(folder: Path) -> None:
    for cache in _ALL:
        cache.load(folder)


def save_caches(folder: Path) -> None:
    for cache in _ALL:
        cache.save(folder)
