"""A page at every old address in ``content/doorverwijzingen.yml`` that forwards to the new one.

The pages themselves come from :mod:`handreiking.site.redirect_pages`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from handreiking.site.redirect_pages import redirect_pages
from handreiking.site.site import Site


def add_redirect_pages(files: Files, config: MkDocsConfig, site: Site) -> None:
    """Add the redirect pages; an old address must not also be a real page."""
    for page in redirect_pages(site.content, config.site_url, config.use_directory_urls):
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"{page.path} bestaat al; een doorverwijzing kan geen bestaande pagina vervangen")
        files.append(File.generated(config, page.path, content=page.html))
