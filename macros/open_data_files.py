"""The open data files at /data/ (see :mod:`handreiking.tools.open_data`).

Generated, so they are part of every build and of the offline bundle.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handreiking.site.site import Site
from handreiking.tools.open_data import open_data_files
from macros.generated_files import add_generated
from macros.site_urls import url_for


def add_open_data(files: Files, config: MkDocsConfig, site: Site) -> None:
    def make() -> dict[str, str]:
        return open_data_files(site.content, site.content.praktijkvoorbeeld_schema, site.history, url_for(config),
                               site.each)

    for path, text in site.generated("open data", make).items():
        add_generated(files, config, path, content=text)
