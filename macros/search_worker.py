"""Dutch search behaviour (accents and plurals) without Lunr's stemmer.

Material builds the search index in the browser, in a web worker that loads
``assets/javascripts/lunr/min/lunr.nl.min.js``. After every build
``zoeken_worker.js`` is appended to that file: the one way to run code in the worker
without copying Material's scripts. What the code does and why is described in
``docs/toegankelijkheid.md`` ("Zoeken") and tested in ``tests/test_zoeken.py``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

WORKER_SCRIPT = Path(__file__).with_name("zoeken_worker.js")
LUNR_DUTCH = Path("assets", "javascripts", "lunr", "min", "lunr.nl.min.js")
MARKER = "/* handreiking: macros/zoeken_worker.js */"


def extend_search_worker(config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / LUNR_DUTCH
    if not target.exists():  # Material moved it: search would quietly lose accents and plurals
        raise PluginError(f"{LUNR_DUTCH} ontbreekt in de gebouwde site; pas macros/search_worker.py aan")
    text = target.read_text(encoding="utf-8")
    if MARKER not in text:  # 'mkdocs serve' may keep the already extended file
        target.write_text(f"{text}\n{MARKER}\n{WORKER_SCRIPT.read_text(encoding='utf-8')}", encoding="utf-8")
