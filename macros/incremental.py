"""``make serve``: a rebuild after a save writes only the pages the save changed.

MkDocs' own ``--dirty`` writes a page again when its source file is newer than its output; here
most pages are made from ``content/``, so that rule would miss nearly every change. :class:`Incremental`
decides per page from what the page is made of, and tells MkDocs through each file's ``is_modified``,
which MkDocs asks in a dirty build before reading a page (Markdown to HTML) and before writing it:

- a generated page (praktijkvoorbeeld, index, checklist) is read and written when its Markdown
  differs from the last build's (and it is rendered only when its inputs changed: see
  handreiking.site.pages);
- a hand-written page in ``docs/`` is read up to its macros (they may show any content) and then
  converted and written only when its Markdown, the HTML put in after rendering
  (:mod:`macros.later_html`) or the set of pages it may link to changed; otherwise it gets the
  title and anchors it had, for the navigation and the link checks of the pages that are written;
- every page, as in a clean build, on the first build and when the navigation, ``mkdocs.yml``, the
  theme overrides or the literature's addresses changed: every page shows the navigation, and any
  page may mention a publication (macros.literature_links). A title in the navigation that only
  reading tells (a hand-written page's heading) is compared after reading; when one changed,
  :attr:`Incremental.needs_full_build` asks for one more build, in full.

Pages not written keep their file from an earlier build. What MkDocs writes from all pages on every
build (sitemap, 404 page) is written as usual; the search index gets the entries of the pages not
written from the last build that wrote them, in page order: the same file as a clean build's. Files
that no page or asset of this build writes any more (a removed praktijkvoorbeeld) are removed.
tests/test_serve.py builds both ways and compares every file. One thing only a full build notices:
a page that is not read again does not check its links to anchors in other pages again.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from handreiking.content.cache import digest, folder_digest

log = logging.getLogger("mkdocs.plugins.handreiking")
SEARCH_INDEX = Path("search", "search_index.json")  # written by Material's search plugin, before our post_build
IN_SERVE = InclusionLevel.is_in_serve  # the pages `mkdocs serve` builds


@dataclass(frozen=True)
class _Written:
    """What a page was written from, and what other pages need of it when it is not read again."""

    fingerprint: str
    title: str | None = None
    anchors: frozenset[str] | None = None


class Incremental:
    """What the last build of this ``make serve`` wrote, to write only what changes (see the module docstring)."""

    def __init__(self) -> None:
        self._outline: str | None = None  # what every page shows: navigation, mkdocs.yml, overrides
        self._titles: str | None = None  # the navigation with the titles known after reading
        self._written: dict[str, _Written] = {}  # page source -> what the last build wrote it from
        self._search: dict[str, list] = {}  # page url -> its entries in the search index
        self.needs_full_build = False
        self._reset_build()

    def _reset_build(self) -> None:
        self.everything = True  # until check_outline finds the outline unchanged
        self._decision: dict[str, bool] = {}  # page source -> read and write it (hand-written: decided when read)
        self._fingerprints: dict[str, str] = {}  # page source -> what it is made of in this build
        self._built: set[str] = set()  # urls of the pages written in this build
        self._before: dict[str, int] = {}  # every file in site_dir before this build -> its mtime
        self._files: Files | None = None
        self._nav: Navigation | None = None
        self._links = ""  # the pages a page may link to
        self._writing = False

    def forget(self) -> None:
        """After a build that failed while writing: nothing of it can be trusted, the next one is full."""
        self.__init__()

    # --- the events of one build, in order ---------------------------------------------------

    def start(self, config: MkDocsConfig) -> None:
        """Before anything is written: note what the site folder holds now."""
        self._reset_build()
        self.needs_full_build = False
        self._before = {path: os.stat(path).st_mtime_ns for path in _files_in(Path(config.site_dir))}

    def mark_files(self, files: Files, generated: dict[str, str]) -> None:
        """Let MkDocs ask us whether to read and write each page; ``generated``: page source -> its Markdown."""
        self._files = files
        pages = files.documentation_pages(inclusion=IN_SERVE)
        self._links = digest("\0".join(sorted(file.src_uri for file in pages)).encode("utf-8"))
        for file in pages:
            markdown = generated.get(file.src_uri)
            if markdown is not None:
                self._fingerprints[file.src_uri] = digest(markdown.encode("utf-8"))
                self._decision[file.src_uri] = self._changed(file)
            # MkDocs asks the file (File.is_modified); the answer depends on this build, so it asks us.
            file.is_modified = lambda src_uri=file.src_uri: self.everything or self._decision.get(src_uri, True)

    def check_outline(self, nav: Navigation, config: MkDocsConfig, shared: object = None) -> None:
        """Write every page when what every page shows has changed.

        ``shared``: what else any page's HTML may be made of besides its Markdown (JSON data: the
        literature's addresses, linked in every page after conversion).
        """
        self._nav = nav
        overrides = folder_digest(Path(config.theme.custom_dir), "*") if config.theme.custom_dir else ""
        settings = Path(config.config_file_path).read_text(encoding="utf-8")
        outline = digest(json.dumps([_outline(nav.items), settings, overrides, shared]).encode("utf-8"))
        self.everything = outline != self._outline
        self._outline = outline

    def read_markdown(self, page: Page, markdown: str, added: str) -> str:
        """A hand-written page after its macros: the Markdown to convert, empty when nothing changed.

        ``added``: what goes into the page after rendering (see macros.later_html).
        """
        src_uri = page.file.src_uri
        if src_uri in self._decision:  # a generated page, decided before reading
            return markdown
        self._fingerprints[src_uri] = digest(json.dumps([markdown, page.meta, added, self._links],
                                                        default=str).encode("utf-8"))
        changed = self.everything or self._changed(page.file)
        self._decision[src_uri] = changed
        if changed:
            return markdown
        page.title = self._written[src_uri].title  # for the navigation: as when it was written
        return ""  # not written: converting it would be wasted

    def read_content(self, page: Page) -> None:
        """A page converted from Markdown; one that was not gets back the anchors other pages may link to."""
        written = self._written.get(page.file.src_uri)
        if not (self.everything or self._decision.get(page.file.src_uri, True)) and written is not None:
            page.present_anchor_ids = set(written.anchors) if written.anchors is not None else None

    def after_reading(self) -> None:
        """Every page is read: when a title in the navigation changed, the pages not written are out of date."""
        assert self._nav is not None, "check_outline comes first"
        titles = digest(json.dumps(_outline(self._nav.items)).encode("utf-8"))
        self.needs_full_build = not self.everything and titles != self._titles
        self._titles = titles
        self._writing = True

    def page_written(self, page: Page) -> None:
        self._built.add(page.url)

    def complete_search_index(self, config: MkDocsConfig) -> None:
        """After the build, before what is made from Material's search index: the whole index."""
        self._complete_search_index(Path(config.site_dir) / SEARCH_INDEX, [page.url for page in self._pages()])

    def finish(self, config: MkDocsConfig) -> None:
        """After the build and all it writes: no file of removed pages, and what to compare next time."""
        files = self._files
        assert files is not None, "mark_files comes first"
        pages = self._pages()
        self._remove_stale(files, Path(config.site_dir))
        written = sorted(self._built)
        log.info(f"{len(written)} van de {len(pages)} pagina's geschreven"
                 + ("" if self.everything or not written else f": {', '.join(written[:6])}"
                    + (" ..." if len(written) > 6 else "")))
        self._written = {page.file.src_uri: self._kept(page) for page in pages
                         if page.file.src_uri in self._fingerprints}
        self._writing = False

    def _pages(self) -> list[Page]:
        assert self._files is not None, "mark_files comes first"
        return [file.page for file in self._files.documentation_pages(inclusion=IN_SERVE) if file.page is not None]

    def _kept(self, page: Page) -> _Written:
        src_uri = page.file.src_uri
        if self.everything or self._decision.get(src_uri, True) or src_uri not in self._written:
            anchors = None if page.present_anchor_ids is None else frozenset(page.present_anchor_ids)
            return _Written(self._fingerprints[src_uri], page.title, anchors)
        return self._written[src_uri]

    @property
    def writing(self) -> bool:
        """Whether the build got as far as writing pages (a failure from there on leaves a mixed site)."""
        return self._writing

    # --- helpers ---------------------------------------------------------------------------------

    def _changed(self, file: File) -> bool:
        written = self._written.get(file.src_uri)
        return written is None or written.fingerprint != self._fingerprints[file.src_uri] \
            or not os.path.exists(file.abs_dest_path)

    def _complete_search_index(self, path: Path, urls: list[str]) -> None:
        if not path.exists():
            return
        text = path.read_text(encoding="utf-8")
        index = json.loads(text)
        fresh: dict[str, list] = {url: [] for url in self._built}
        for entry in index["docs"]:
            fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
        self._search = {url: fresh[url] if url in fresh else self._search.get(url, []) for url in urls}
        complete = {**index, "docs": [entry for url in urls for entry in self._search[url]]}
        # As Material writes it (material/plugins/search/plugin.py), so a full build gives the same bytes.
        merged = json.dumps(complete, separators=(",", ":"), default=str)
        if merged != text:
            path.write_text(merged, encoding="utf-8")

    def _remove_stale(self, files: Files, site_dir: Path) -> None:
        """Remove what an earlier build wrote and this one neither wrote nor has as a file."""
        current = {os.path.normpath(file.abs_dest_path) for file in files if IN_SERVE(file.inclusion)}
        for path, mtime in self._before.items():
            if path not in current and os.path.exists(path) and os.stat(path).st_mtime_ns == mtime:
                os.remove(path)
                _remove_empty_folders(Path(path).parent, site_dir)


def _files_in(folder: Path) -> Iterable[str]:
    for directory, _, names in os.walk(folder):
        for name in names:
            yield os.path.normpath(os.path.join(directory, name))


def _remove_empty_folders(folder: Path, site_dir: Path) -> None:
    """``folder`` and its parents inside ``site_dir`` while they are empty."""
    while folder != site_dir and site_dir in folder.parents and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _outline(items) -> list:
    """The navigation as data: every title and address in it.

    Before reading, a page's title is known only where mkdocs.yml (or our plugin) gives it; after
    reading, every page has one.
    """
    outline = []
    for item in items:
        if isinstance(item, Section):
            outline.append([item.title, _outline(item.children)])
        elif isinstance(item, Link):
            outline.append([item.title, item.url])
        else:
            outline.append([item.title, item.file.src_uri])
    return outline
