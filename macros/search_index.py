"""The site search's own index (handreiking/tools/zoekindex.py), written after every build.

Material's search plugin writes ``search/search_index.json`` (the sections of the built pages); this step
turns it into ``search/zoekindex.js``, which the page script ``zoeken.js`` loads once a visitor starts to
search: a page view without a search loads no search data. Material's own search runtime never runs: the
search partial (``overrides/partials/search.html``) has none of the names its script looks for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handreiking.site.site import Site
from handreiking.site.urls import BUURTANALYSE, VERGELIJK, WIJZER
from handreiking.tools.export import write_javascript
from handreiking.tools.zoekindex import GLOBAL_NAME, pagina_gewichten, zoekindex
from macros.site_urls import url_for

MATERIAL_INDEX = Path("search", "search_index.json")
OUR_INDEX = Path("search", "zoekindex.js")


def write_search_index(config: MkDocsConfig, site: Site) -> None:
    source = Path(config.site_dir) / MATERIAL_INDEX
    if not source.exists():  # Material moved it: the site would have no search at all
        raise PluginError(f"{MATERIAL_INDEX} ontbreekt in de gebouwde site; pas macros/search_index.py aan")
    urls = url_for(config)
    data = zoekindex(_sections(source), site.content.synoniemen, pagina_gewichten(site.content, urls),
                     [urls(page) for page in (BUURTANALYSE, WIJZER, VERGELIJK)])
    write_javascript(Path(config.site_dir) / OUR_INDEX, data, GLOBAL_NAME)


def _sections(source: Path) -> Iterator[dict]:
    """The sections in Material's index, each let go of once the index has it (tens of MB at 5,000
    praktijkvoorbeelden, next to the index that is made of them)."""
    sections = json.loads(source.read_text(encoding="utf-8"))["docs"]
    sections.reverse()
    while sections:
        yield sections.pop()
