"""Loading the content once per build, for the project whose ``mkdocs.yml`` MkDocs read."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handreiking.content.problems import ContentError
from handreiking.site.pages import Output
from handreiking.site.site import Site, SiteCaches, build_site


def project_root(config: MkDocsConfig) -> Path:
    """The folder of ``mkdocs.yml``: content/ and docs/ are there, also in a copy of the project (tests, bench)."""
    return Path(config.config_file_path).resolve().parent


def load_site(config: MkDocsConfig, caches: SiteCaches, pdf_downloads: bool) -> Site:
    """Load and check all YAML; invalid content stops the build with every problem listed.

    ``pdf_downloads``: pages link to the PDFs (only a build that also prints them says so).
    """
    output = Output(directory_urls=config.use_directory_urls, pdf_downloads=pdf_downloads)
    try:
        return build_site(project_root(config), output=output, caches=caches)
    except ContentError as error:
        raise PluginError(f"{error}\n\nDe site is niet gebouwd. Voer 'make check' uit voor dezelfde lijst.") from None
