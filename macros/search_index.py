"""The site search's own index (handreiking/tools/zoekindex.py), written after every build.

Material's search plugin writes ``search/search_index.json`` (the sections of the built pages); this step
turns it into ``search/zoekindex.js``, which the page script ``zoeken.js`` loads once a visitor starts to
search: a page view without a search loads no search data. Material's own search runtime never runs: the
search partial (``overrides/partials/search.html``) has none of the names its script looks for.

Making it takes about half a second at 1,000 praktijkvoorbeelden, so :class:`SearchIndex` redoes only what
changed: a build from the same sections, synonyms, page weights and code as the last one takes the file
kept in ``.cache/`` (a second ``make build``, every build of ``make serve`` after a change that no page's
text shows); under ``make serve`` each section is analysed once, so a save re-analyses only the sections
it changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handreiking.site.site import Site
from handreiking.site.urls import BUURTANALYSE, VERGELIJK, WIJZER
from handreiking.tools import tekst
from handreiking.tools.export import write_javascript
from handreiking.tools.zoekindex import GLOBAL_NAME, Section, pagina_gewichten, section, zoekindex
from macros.site_urls import url_for

MATERIAL_INDEX = Path("search", "search_index.json")
OUR_INDEX = Path("search", "zoekindex.js")
KEPT = "zoekindex.js"  # in the cache folder, with its key in KEPT_KEY
KEPT_KEY = "zoekindex.sleutel"


class SearchIndex:
    """Writes ``search/zoekindex.js`` after each build (see the module docstring).

    ``remember``: keep each section's analysis for the next build (``make serve``); a single build
    analyses each section once and has no use for it.
    """

    def __init__(self, remember: bool) -> None:
        self._remember = remember
        self._sections: dict[tuple[str, str], Section] = {}

    def write(self, config: MkDocsConfig, site: Site) -> None:
        source = Path(config.site_dir) / MATERIAL_INDEX
        if not source.exists():  # Material moved it: the site would have no search at all
            raise PluginError(f"{MATERIAL_INDEX} ontbreekt in de gebouwde site; pas macros/search_index.py aan")
        urls = url_for(config)
        weights = pagina_gewichten(site.content, urls)
        tool_pages = [urls(page) for page in (BUURTANALYSE, WIJZER, VERGELIJK)]
        target = Path(config.site_dir) / OUR_INDEX
        kept = _Kept(site, source, [tekst.settings(site.content.synoniemen), weights, tool_pages])
        if kept.copy_to(target):
            return
        data = zoekindex(_sections(source), site.content.synoniemen, weights, tool_pages, self._analysis())
        write_javascript(target, data, GLOBAL_NAME)
        kept.keep(target)

    def _analysis(self) -> Callable[[str, str], Section]:
        """How this build analyses a section: under ``make serve`` from the last build's analyses, keeping
        only this build's (a long session does not pile up old ones)."""
        if not self._remember:
            return section
        earlier, self._sections = self._sections, {}

        def analyse(title_html: str, text_html: str) -> Section:
            key = (title_html, text_html)
            analysis = earlier.get(key) or section(title_html, text_html)
            self._sections[key] = analysis
            return analysis

        return analyse


def _sections(source: Path) -> Iterator[dict]:
    """The sections in Material's index, each let go of once the index has it (tens of MB at 5,000
    praktijkvoorbeelden, next to the index that is made of them)."""
    sections = json.loads(source.read_text(encoding="utf-8"))["docs"]
    sections.reverse()
    while sections:
        yield sections.pop()


class _Kept:
    """The index file of an earlier build in the cache folder, under a key from all it is made of."""

    def __init__(self, site: Site, material: Path, settings: list) -> None:
        caches = site.caches
        self._folder = caches.folder if caches and site.content_digest else None
        self._key = ""
        if self._folder is None:  # nothing to compare with or keep: no need to read the index for a key
            return
        with material.open("rb") as file:  # in pieces: never the whole index in memory for its key
            hasher = hashlib.file_digest(file, lambda: hashlib.blake2b(digest_size=16))
        hasher.update(json.dumps([settings, caches.generated.version], sort_keys=True).encode("utf-8"))
        self._key = hasher.hexdigest()

    def copy_to(self, target: Path) -> bool:
        """Write the kept file to ``target`` when it was made from the same input; whether it was."""
        if self._folder is None:
            return False
        try:
            if (self._folder / KEPT_KEY).read_text(encoding="utf-8") != self._key:
                return False
            shutil.copyfile(self._folder / KEPT, target)
        except OSError:
            return False
        return True

    def keep(self, written: Path) -> None:
        """Keep a copy of the file this build ``written``."""
        if self._folder is None:
            return
        self._folder.mkdir(parents=True, exist_ok=True)
        temporary = self._folder / f"{KEPT}.{os.getpid()}"
        shutil.copyfile(written, temporary)
        (self._folder / KEPT_KEY).unlink(missing_ok=True)  # never a key next to another build's file
        temporary.replace(self._folder / KEPT)
        (self._folder / KEPT_KEY).write_text(self._key, encoding="utf-8")
