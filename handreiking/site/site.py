"""One build of the site: the content, its cross-links and the renderers.

    site = build_site(Path("."))
    site.pages                      # generated pages (praktijkvoorbeelden, indexes, checklists)
    Fragments(site).checklist(...)  # pieces for hand-written pages, used by the macros

Everything is computed once per build; the MkDocs plugin and the macros only look it up.
What the build generates from the content (pages, data files) is also kept in
``.cache/`` and reused while content, code, date, output form and git history are
the same: a rebuild after editing a hand-written page redoes none of it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
import markdown
import nh3
import yaml

from ..content.cache import BuildCache, digest, folder_digest, load_caches, save_caches
from ..content.history import ChangeHistory, read_history
from ..content.loader import load_content
from ..content.model import Content
from .crosslinks import CrossLinks, build_crosslinks
from .pages import GeneratedPage, Output, PageRenderer

CACHE_DIR = Path(".cache") / "handreiking"  # results kept between builds (see handreiking.content.cache)
# Generated output depends on all the code and templates: every layer of handreiking/ and the MkDocs glue in
# macros/, which hands in the URL functions. Not on one module.
_CODE = "".join(folder_digest(Path(__file__).resolve().parents[2] / package, "*.py", "*.j2")
                for package in ("handreiking", "macros"))
_generated = BuildCache("gegenereerd", _CODE + repr(
    (jinja2.__version__, markdown.__version__, nh3.__version__, yaml.__version__)))
GENERATED_CACHE = _generated.file(CACHE_DIR)


@dataclass
class Site:
    content: Content
    links: CrossLinks
    today: date
    root: Path = field(default=Path("."))
    output: Output = field(default_factory=Output)

    @cached_property
    def renderer(self) -> PageRenderer:
        return PageRenderer(self.content, self.links, self.today, self.output, self.history)

    @cached_property
    def history(self) -> ChangeHistory:
        """The git history of the content files: one ``git log`` per build (see handreiking.content.history)."""
        return read_history(self.root)

    @cached_property
    def pages(self) -> list[GeneratedPage]:
        """The generated pages (praktijkvoorbeelden, indexes, checklists)."""
        pages = self.generated("pagina's", lambda: [[page.src_uri, page.markdown, page.source_file]
                                                    for page in self.renderer.all()])
        return [GeneratedPage(src_uri, markdown, source_file) for src_uri, markdown, source_file in pages]

    @cached_property
    def inputs(self) -> str:
        """A hash of everything generated output depends on besides the code."""
        return digest(json.dumps([folder_digest(self.root / "content", "*"), self.today.isoformat(),
                                  repr(self.output), repr(self.history)]).encode())

    def generated(self, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` (JSON data), or its result kept from a build with the same inputs and code."""
        key = f"{name}:{self.inputs}"
        kept = _generated.get(key)
        return kept if kept is not None else _generated.put(key, compute())

    @cached_property
    def source_files(self) -> dict[str, str]:
        """Generated page -> the YAML file an editor changes to change that page."""
        return {page.src_uri: page.source_file for page in self.pages if page.source_file}

    def save_cache(self) -> None:
        """Keep what this build computed for the next one (see handreiking.content.cache)."""
        save_caches(self.root / CACHE_DIR)


def build_site(root: Path, today: date | None = None, output: Output | None = None) -> Site:
    """Load and check all content (raises ContentError), then compute cross-links."""
    today = today or date.today()
    load_caches(root / CACHE_DIR)
    content = load_content(root, today)
    return Site(content, build_crosslinks(content), today, root, output or Output())
