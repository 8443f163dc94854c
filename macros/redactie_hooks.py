"""MkDocs hooks for the editors' workflow (registered after ``hooks.py``, which loads the content).

- ``on_files``: a page at every old address in ``content/doorverwijzingen.yml``
  that forwards to the new one (see :mod:`handreiking.content.redirects`).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from handreiking.site.redirect_pages import redirect_pages
from macros import state


def on_files(files, config):
    """Add the redirect pages; an old address must not also be a real page."""
    for page in redirect_pages(state.site().content, config.site_url, config.use_directory_urls):
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"{page.path} bestaat al; een doorverwijzing kan geen bestaande pagina vervangen")
        files.append(File.generated(config, page.path, content=page.html))
    return files
