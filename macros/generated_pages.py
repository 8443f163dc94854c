"""The generated pages (praktijkvoorbeelden, indexes, checklists) as files of the MkDocs build."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel

from handreiking.site.site import Site
from macros.generated_files import add_generated


def add_pages(files: Files, config: MkDocsConfig, site: Site) -> None:
    """Add every generated page, outside the nav (navigation.expand adds the ones that belong there)."""
    for page in site.pages:
        add_generated(files, config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
