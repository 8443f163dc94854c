"""One build of the site: the content, its cross-links and the renderers.

    site = build_site(Path("."))
    site.pages                      # generated pages (praktijkvoorbeelden, indexes, checklists)
    Fragments(site).checklist(...)  # pieces for hand-written pages, used by the macros

Everything is computed once per build; the MkDocs plugin and the macros only look it up.
What the build generates from the content is also kept (:class:`SiteCaches`, in ``.cache/``
between processes) and reused: each generated page while what it shows is the same
(:meth:`PageRenderer.plans`), the data files while content, code, date, output form and git
history are the same. A rebuild after editing a hand-written page redoes none of it; after
editing one praktijkvoorbeeld, only the pages that show it.
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

from ..content.cache import BuildCache, KeepPerItem, PerItem, digest, folder_digest, made_once
from ..content.history import ChangeHistory, read_history
from ..content.loader import load_content
from ..content.model import Content
from ..content.yamlsource import parsed_cache
from .crosslinks import CrossLinks, build_crosslinks
from .pages import GeneratedPage, Output, PageRenderer
from .templating import templates_version
from .text import KeptRichText, rendered_cache

CACHE_DIR = Path(".cache") / "handreiking"  # results kept between builds (see handreiking.content.cache)
GENERATED = "gegenereerd"
GENERATED_CACHE = CACHE_DIR / f"{GENERATED}.json"
FRAGMENTS = "fragmenten"


class SiteCaches:
    """What one project keeps between builds: parsed YAML, rendered text, generated files and fragments.

    Owned by whoever builds: :func:`build_site` makes one for a single build, the MkDocs plugin keeps
    one in memory for a whole ``make serve``. ``folder`` keeps them between processes. A single build
    gives each back once it is done with it (:meth:`Site.release_generated`).
    """

    def __init__(self, folder: Path, remember_items: bool = False):
        """``remember_items``: keep what each list made of each praktijkvoorbeeld (``make serve``; see PerItem)."""
        self.folder = folder
        self.per_item: PerItem | None = PerItem() if remember_items else None
        self.parsed = parsed_cache()
        self.rendered = rendered_cache()
        code = _code_version()
        self.generated = BuildCache(GENERATED, code)  # the generated pages and files
        self.fragments = BuildCache(FRAGMENTS, code)  # what macros make for hand-written pages
        self.load()

    def _all(self) -> tuple[BuildCache, ...]:
        return self.parsed, self.rendered, self.generated, self.fragments

    def load(self) -> None:
        for cache in self._all():
            cache.load(self.folder)

    def finish_build(self) -> None:
        """After each build: keep only what it used."""
        for cache in self._all():
            cache.forget_unused()
        if self.per_item:
            self.per_item.finish_build()

    def save(self) -> None:
        for cache in self._all():
            cache.save(self.folder)


def _code_version() -> str:
    """Generated output depends on all the code and templates: every layer of handreiking/ and the MkDocs glue
    in macros/, which hands in the URL functions. Hashed when the caches are made: the code that runs."""
    code = "".join(folder_digest(Path(__file__).resolve().parents[2] / package, "*.py", "*.j2")
                   for package in ("handreiking", "macros"))
    return code + repr((jinja2.__version__, markdown.__version__, nh3.__version__, yaml.__version__))


@dataclass
class Site:
    content: Content
    links: CrossLinks
    today: date
    root: Path = field(default=Path("."))
    output: Output = field(default_factory=Output)
    caches: SiteCaches | None = None
    # The files in content/ as loaded; None when one changed while loading (nothing is kept under it then).
    content_digest: str | None = None

    @cached_property
    def renderer(self) -> PageRenderer:
        rich_text = KeptRichText(self.caches.rendered if self.caches else None)
        return PageRenderer(self.content, self.links, self.today, self.output, self.history, rich_text)

    @property
    def each(self) -> KeepPerItem:
        """How a list of every praktijkvoorbeeld gets its entries: kept between builds under ``make serve``."""
        return self.caches.per_item if self.caches and self.caches.per_item else made_once

    @cached_property
    def history(self) -> ChangeHistory:
        """The git history of the content files: one ``git log`` per build (see handreiking.content.history)."""
        return read_history(self.root)

    @cached_property
    def pages(self) -> list[GeneratedPage]:
        """The generated pages (praktijkvoorbeelden, indexes, checklists).

        Each page is kept by its inputs (see :meth:`PageRenderer.plans`): after a change to one item,
        only the pages that show something of it are rendered again.
        """
        if self.caches is None:
            return self.renderer.all()
        kept = self.caches.generated
        listing = self.generated("pagina's", self._page_keys)  # unchanged content: not even the plans
        pages = [(src_uri, kept.get(key)) for src_uri, key in listing]
        if any(page is None for _, page in pages):  # a cache file cut short: render what is missing
            pages = [(src_uri, kept.get(key)) for src_uri, key in self._page_keys()]
        return [GeneratedPage(src_uri, *page) for src_uri, page in pages]

    def _page_keys(self) -> list[list[str]]:
        kept = self.caches.generated
        shared = self.renderer.shared_inputs()
        listing = []
        for plan in self.renderer.plans():
            key = f"pagina:{plan.src_uri}:{shared}:{plan.inputs}"
            if kept.get(key) is None:
                page = plan.render()
                kept.put(key, [page.markdown, page.source_file])
            listing.append([plan.src_uri, key])
        return listing

    @cached_property
    def inputs(self) -> str:
        """A hash of everything generated output depends on besides the code."""
        return digest(json.dumps([self.content_digest, self.today.isoformat(), repr(self.output),
                                  repr(self.history), templates_version()]).encode())

    def generated(self, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` (JSON data: a generated file), or its result kept from a build with the same inputs and code."""
        return self._kept(self.caches.generated if self.caches else None, name, compute)

    def fragment(self, name: str, compute: Callable[[], Any]) -> Any:
        """As :meth:`generated`, for what a macro makes while MkDocs reads the hand-written pages."""
        return self._kept(self.caches.fragments if self.caches else None, name, compute)

    def _kept(self, kept: BuildCache | None, name: str, compute: Callable[[], Any]) -> Any:
        if kept is None or self.content_digest is None:
            return compute()
        key = f"{name}:{self.inputs}"
        value = kept.get(key)
        return value if value is not None else kept.put(key, compute())

    def release_generated(self) -> None:
        """The generated pages and files are with MkDocs: keep them on disk for the next build, not twice in
        memory for this one (a single build; ``make serve`` keeps them)."""
        assert self.source_files is not None  # still needed for the edit links, without the pages
        self.__dict__.pop("pages", None)
        if self.caches:
            self.caches.rendered.release(self.caches.folder)
            self.caches.generated.release(self.caches.folder)

    @cached_property
    def source_files(self) -> dict[str, str]:
        """Generated page -> the YAML file an editor changes to change that page."""
        return {page.src_uri: page.source_file for page in self.pages if page.source_file}

    def save_cache(self) -> None:
        """Keep what this build computed for the next one, on disk (see handreiking.content.cache)."""
        if self.caches:
            self.caches.finish_build()
            self.caches.save()


def build_site(root: Path, today: date | None = None, output: Output | None = None,
               caches: SiteCaches | None = None) -> Site:
    """Load and check all content (raises ContentError), then compute cross-links.

    ``caches``: results of earlier builds, kept by the caller; by default those in ``.cache/`` of ``root``.
    """
    today = today or date.today()
    caches = caches or SiteCaches(root / CACHE_DIR)
    files = _content_files(root)
    before = _content_digest(root)
    content = load_content(root, today, caches.parsed)
    # A save while loading (`make serve`): this build's output must not be kept under either version. A save
    # changes a file's time or size, so comparing those is enough, without reading every file again.
    stable = before if _content_files(root) == files else None
    return Site(content, build_crosslinks(content), today, root, output or Output(), caches, stable)


def _content_digest(root: Path) -> str:
    return folder_digest(root / "content", "*")


def _content_files(root: Path) -> set[tuple[str, int, int]]:
    """Each file in content/ with its modification time and size."""
    found = set()
    for path in (root / "content").rglob("*"):
        status = path.stat()
        found.add((str(path), status.st_mtime_ns, status.st_size))
    return found
