"""MkDocs hook: the content as one generated data file for the page scripts.

``on_files`` adds ``assets/data/handreiking.js`` (see :mod:`handreiking.tools.export`)
as a generated file, so it is part of every build, ``make serve`` and any
bundle made from the built site. Registered after ``macros/hooks.py``, which
loads the content in ``on_config`` and makes ``handreiking`` importable.
"""

from __future__ import annotations

from handreiking.tools.export import export, to_javascript
from handreiking.tools.wijzer import DATA_FILE
from macros import state
from macros.generated_files import add_generated
from macros.site_urls import url_for


def on_files(files, config):
    """Add the data file, generated from the content loaded for this build."""
    data = export(state.site().content, url_for(config))
    add_generated(files, config, DATA_FILE, content=to_javascript(data))
    return files
