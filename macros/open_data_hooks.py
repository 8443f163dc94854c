"""MkDocs hook: the open data files at /data/ (see :mod:`handreiking.tools.open_data`).

Registered after ``macros/hooks.py``, which loads the content in ``on_config``.
The files are generated, so they are part of every build and of the offline bundle.
"""

from __future__ import annotations

from handreiking.tools.open_data import open_data_files
from handreiking.content.schemas import project_schemas
from macros import state
from macros.generated_files import add_generated
from macros.site_urls import url_for


def on_files(files, config):
    site = state.site()
    schema = project_schemas(site.root).raw["praktijkvoorbeeld"]
    for path, text in open_data_files(site.content, schema, site.history, url_for(config)).items():
        add_generated(files, config, path, content=text)
    return files
