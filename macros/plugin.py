"""The MkDocs plugin ``handreiking``: every build event the site needs, in one place and in order.

Registered through the entry point in ``pyproject.toml`` and listed last under ``plugins:`` in
``mkdocs.yml``, so each event runs after Material's and mkdocs-macros'. Each step is a
function in its own module; this class only wires them:

- ``on_config``: load and check all YAML once (invalid content stops the build with every
  problem listed); add generated pages to the nav; no edit links without a repository;
- ``on_files``: add the generated files, in this order: pages, redirect pages, the data file
  for the page scripts, the open data, the editor at /beheer/;
- ``on_page_content``: link every italic mention of a publication to its address, where editors gave one;
- ``on_page_context``: point "Bewerk deze pagina" at the YAML file behind a generated page;
- ``on_post_build``: keep what this build computed for the next one (see
  handreiking.content.cache), then add our code to the search worker.

The loaded site lives on the plugin instance, one per build (``mkdocs serve`` makes a new one
for every rebuild). The macros reach it through :func:`site_of`.
"""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from handreiking.site.site import Site
from macros import edit_links, navigation
from macros.data_file import add_data_file
from macros.editor import add_editor
from macros.generated_pages import add_pages
from macros.literature_links import link_literature
from macros.open_data_files import add_open_data
from macros.redirect_pages import add_redirect_pages
from macros.search_worker import extend_search_worker
from macros.site_loading import load_site

NAME = "handreiking"  # the entry point's name in pyproject.toml, as listed in mkdocs.yml


class HandreikingConfig(Config):
    """No options: everything the plugin needs is in content/ beside mkdocs.yml."""


class HandreikingPlugin(BasePlugin[HandreikingConfig]):
    """Loads the content once per build and adds everything made from it (see the module docstring)."""

    def __init__(self) -> None:
        self._site: Site | None = None

    @property
    def site(self) -> Site:
        if self._site is None:
            raise RuntimeError("de inhoud is nog niet geladen (on_config van de plugin is niet uitgevoerd)")
        return self._site

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._site = load_site(config)
        config.nav = navigation.expand(config.nav, self._site)
        edit_links.drop_without_repository(config)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # This is the order of the files in the build, and so of the search index and the sitemap.
        add_pages(files, config, self.site)
        add_redirect_pages(files, config, self.site)
        add_data_file(files, config, self.site)
        add_open_data(files, config, self.site)
        add_editor(files, config, self.site)
        return files

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return link_literature(html, self.site)

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        edit_links.point_at_yaml(page, config, self.site)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.site.save_cache()
        extend_search_worker(config)


def site_of(config: MkDocsConfig) -> Site:
    """The site this build loaded, for the macros: mkdocs-macros hands them MkDocs' config, not the plugin."""
    plugin = config.plugins.get(NAME)
    if not isinstance(plugin, HandreikingPlugin):
        raise PluginError(f"mkdocs.yml: de plugin '{NAME}' ontbreekt onder plugins:")
    return plugin.site
