"""The content as one data file for the page scripts: ``assets/data/handreiking.js``.

Made by :mod:`handreiking.tools.export`. Generated, so it is part of every build,
``make serve`` and any bundle made from the built site.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handreiking.site.site import Site
from handreiking.tools.export import export, to_javascript
from handreiking.tools.wijzer import DATA_FILE
from macros.generated_files import add_generated
from macros.site_urls import url_for


def add_data_file(files: Files, config: MkDocsConfig, site: Site) -> None:
    text = site.generated("gegevensbestand", lambda: to_javascript(export(site.content, url_for(config), site.each)))
    add_generated(files, config, DATA_FILE, content=text)
