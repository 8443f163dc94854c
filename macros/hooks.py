"""MkDocs hooks: one function per build event, each with one job.

- ``on_config``: load and check all YAML once; stop the build with every
  problem listed when the content is invalid; add generated pages to the nav;
- ``on_files``: add the generated pages (praktijkvoorbeelden, indexes, ...);
- ``on_page_context``: point "Bewerk deze pagina" at the YAML file behind a page;
- ``on_post_build``: keep parsed YAML and rendered text for the next build (see handreiking.content.cache).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs imports hooks by file path; make our packages importable
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import InclusionLevel  # noqa: E402

from handreiking.site.pages import Output  # noqa: E402
from handreiking.site.pdf import PDF_ENV  # noqa: E402
from handreiking.content.problems import ContentError  # noqa: E402
from handreiking.site.site import build_site  # noqa: E402
from macros import navigation, state  # noqa: E402
from macros.generated_files import add_generated  # noqa: E402


def on_config(config):
    """Load the content once per build."""
    # The build driver (handreiking.build) says whether it writes the PDFs; only then pages link to them.
    output = Output(directory_urls=config.use_directory_urls, pdf_downloads=os.environ.get(PDF_ENV) == "1")
    try:
        state.current = build_site(ROOT, output=output)
    except ContentError as error:
        raise PluginError(f"{error}\n\nDe site is niet gebouwd. Voer 'make check' uit voor dezelfde lijst.") from None
    config.nav = navigation.expand(config.nav, state.current)
    if not config.repo_url:  # no repository known: no edit links at all, rather than broken ones
        config.edit_uri = None
    return config


def on_files(files, config):
    """Add every generated page; a hand-written page with the same path is a mistake."""
    for page in state.site().pages:
        add_generated(files, config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
    return files


def on_page_context(context, page, config, nav):
    """Generated pages are edited in their YAML file, not in a Markdown file."""
    source = state.site().source_files.get(page.file.src_uri)
    if source is not None:
        page.edit_url = _edit_url(config, source) if config.repo_url else None
    return context


def _edit_url(config, repo_path: str) -> str:
    # edit_uri points into docs/ ("edit/main/docs/"); YAML lives beside docs/.
    base = config.edit_uri.strip("/").removesuffix(Path(config.docs_dir).name).strip("/")
    return f"{config.repo_url.rstrip('/')}/{base}/{repo_path}"


def on_post_build(config):
    """Save the build caches once the build is done."""
    state.site().save_cache()
