"""The MkDocs plugin ``handreiking``: every build event the site needs, in one place and in order.

Registered through the entry point in ``pyproject.toml`` and listed last under ``plugins:`` in
``mkdocs.yml``, so each event runs after Material's and mkdocs-macros'. Each step is a
function in its own module; this class only wires them:

- ``on_startup``: under ``mkdocs serve``, rebuilds will write only what a save changed
  (:mod:`macros.incremental`);
- ``on_config``: load and check all YAML once (invalid content stops the build with every
  problem listed); add generated pages to the nav; no edit links without a repository;
- ``on_pre_build``: (serve) note what the site folder holds;
- ``on_files``: add the generated files, in this order: pages, redirect pages, the data file
  for the page scripts, the open data, the editor at /beheer/; (serve) say which pages to write;
  (a single build) write the files that are not pages at once and let go of what was generated, so
  nothing generated is in memory twice while MkDocs reads the pages;
- ``on_nav``: (serve) every page when the navigation (or the literature's addresses) changed;
- ``on_page_markdown``: (serve) convert and write a hand-written page only when its Markdown changed;
- ``on_page_content``: link every italic mention of a publication to its address, where editors gave one;
- ``on_env``: (serve) all pages are read: a build in full when a title in the navigation changed;
- ``on_page_context``: point "Bewerk deze pagina" at the YAML file behind a generated page;
- ``on_post_build``: keep what this build computed for the next one (see
  handreiking.content.cache); (serve) complete Material's search index, remove files of removed pages;
  then write the site search's index from Material's;
- ``on_serve``: take over MkDocs' rebuilds, so a failed one keeps the last site with its error
  on every page (:mod:`macros.edit_loop`);
- ``on_shutdown``: keep the caches on disk.

Because it has ``on_startup``, MkDocs keeps one plugin for a whole ``mkdocs serve``: it owns the
caches (:class:`~handreiking.site.site.SiteCaches`) and what the last build wrote. The loaded site
is that of the current build; the macros reach it through :func:`site_of`.

The options (:class:`HandreikingConfig`) are set in ``mkdocs.yml``, where ``!ENV`` lets an
environment variable override each for one build: the one place the build reads its environment.
"""

from __future__ import annotations

from typing import Literal

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from handreiking.site.site import CACHE_DIR, Site, SiteCaches
from macros import edit_links, navigation
from macros.compiled_templates import CompiledTemplates
from macros.data_file import add_data_file
from macros.edit_loop import EditLoop
from macros.editor import add_editor
from macros.generated_files import write_generated_now
from macros.generated_pages import add_pages
from macros.incremental import Incremental
from macros.later_html import LaterHtml
from macros.literature_links import link_literature, literature_addresses
from macros.open_data_files import add_open_data
from macros.redirect_pages import add_redirect_pages
from macros.search_index import SearchIndex
from macros.site_loading import load_site, project_root

NAME = "handreiking"  # the entry point's name in pyproject.toml, as listed in mkdocs.yml
OFFLINE_PLUGIN = "material/offline"  # the offline bundle (make offline) is Material's offline plugin, switched on


class HandreikingConfig(Config):
    """The plugin's options in mkdocs.yml (there with the environment variable that overrides each)."""

    # Pages link to the PDFs of the checklists: only a build that also prints them (handreiking.build) sets it.
    pdf_downloads = c.Type(bool, default=False)
    # The OAuth proxy that signs editors in to GitHub at /beheer/ (CONTRIBUTING.md, DESIGN-beheer.md).
    editor_sign_in = c.Optional(c.URL())
    # `mkdocs serve` writes only what a save changed (macros/incremental.py); false: every page, as MkDocs does.
    incremental = c.Type(bool, default=True)


class HandreikingPlugin(BasePlugin[HandreikingConfig]):
    """Loads the content once per build and adds everything made from it (see the module docstring)."""

    def __init__(self) -> None:
        self._site: Site | None = None
        self._caches: SiteCaches | None = None
        self._incremental: Incremental | None = None  # only under `mkdocs serve`
        self._serving = False
        self._later = LaterHtml()
        self._templates = CompiledTemplates()  # only under `mkdocs serve`
        self._search_index = SearchIndex(remember=False)

    @property
    def site(self) -> Site:
        if self._site is None:
            raise RuntimeError("de inhoud is nog niet geladen (on_config van de plugin is niet uitgevoerd)")
        return self._site

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self._serving = command == "serve"
        self._search_index = SearchIndex(remember=self._serving)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._later = LaterHtml()
        root = project_root(config)
        if self._caches is None or self._caches.folder != root / CACHE_DIR:
            self._caches = SiteCaches(root / CACHE_DIR, remember_items=self._serving)
        if self._serving and self.config.incremental and self._incremental is None:
            self._incremental = Incremental()
        self._site = load_site(config, self._caches, pdf_downloads=self.config.pdf_downloads)
        if not self._serving:  # one build: the parsed YAML is in the model now
            self._caches.parsed.release(self._caches.folder)
        config.nav = navigation.expand(config.nav, self._site)
        edit_links.drop_without_repository(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._incremental:
            self._incremental.start(config)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # This is the order of the files in the build, and so of the search index and the sitemap.
        add_pages(files, config, self.site)
        add_redirect_pages(files, config, self.site)
        add_data_file(files, config, self.site)
        add_open_data(files, config, self.site)
        if not is_offline(config):  # the bundle cannot save anything without a server
            add_editor(files, config, self.site, self.config)
        if self._incremental:
            self._incremental.mark_files(files, {page.src_uri: page.markdown for page in self.site.pages})
        if not self._serving:  # one build: nothing generated twice in memory (MkDocs has the pages now)
            write_generated_now(files, config)
            self.site.release_generated()
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self._incremental:
            self._incremental.check_outline(nav, config, literature_addresses(self.site))
        return nav

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if self._serving:
            env.bytecode_cache = self._templates
        if self._incremental:
            self._incremental.after_reading()
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._incremental:
            return self._incremental.read_markdown(page, markdown, self._later.fingerprint(page.file.src_uri))
        if page.file.generated_by and not self._serving:
            # The page has its Markdown now (page.markdown); a single build needs no second copy in the file.
            page.file.content_string = ""
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._incremental:
            self._incremental.read_content(page)
        return link_literature(html, self.site)

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        edit_links.point_at_yaml(page, config, self.site)
        if self._incremental:
            self._incremental.page_written(page)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self._later.insert(page.file.src_uri, output)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._incremental:
            self._incremental.complete_search_index(config)
        self._search_index.write(config, self.site)  # made from Material's index, so after it is complete
        if self._incremental:
            self._incremental.finish(config)  # last: it removes what this build did not write
            self.site.caches.finish_build()  # kept in memory for the next rebuild; on disk at the end
        else:
            self.site.save_cache()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        if self._caches:
            self._caches.save()  # after the first build, in case the server is stopped hard
        EditLoop(server, config, self._incremental)
        return server

    def on_shutdown(self) -> None:
        if self._serving and self._caches:
            self._caches.save()


def is_offline(config: MkDocsConfig) -> bool:
    """Whether this build is the offline bundle (Material's offline plugin, switched on in mkdocs.yml)."""
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    return bool(plugin and plugin.config.enabled)


def later_html_of(config: MkDocsConfig) -> LaterHtml:
    """Where a macro puts HTML that skips Markdown and search (see macros.later_html)."""
    return _plugin(config)._later


def site_of(config: MkDocsConfig) -> Site:
    """The site this build loaded, for the macros: mkdocs-macros hands them MkDocs' config, not the plugin."""
    return _plugin(config).site


def _plugin(config: MkDocsConfig) -> HandreikingPlugin:
    plugin = config.plugins.get(NAME)
    if not isinstance(plugin, HandreikingPlugin):
        raise PluginError(f"mkdocs.yml: de plugin '{NAME}' ontbreekt onder plugins:")
    return plugin
