"""The "Bewerk deze pagina" links: only with a known repository, and to the YAML behind a generated page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handreiking.site.site import Site


def drop_without_repository(config: MkDocsConfig) -> None:
    """No repository known: no edit links at all, rather than broken ones."""
    if not config.repo_url:
        config.edit_uri = None


def point_at_yaml(page: Page, config: MkDocsConfig, site: Site) -> None:
    """Generated pages are edited in their YAML file, not in a Markdown file."""
    source = site.source_files.get(page.file.src_uri)
    if source is not None:
        page.edit_url = _edit_url(config, source) if config.repo_url else None


def _edit_url(config: MkDocsConfig, repo_path: str) -> str:
    # edit_uri points into docs/ ("edit/main/docs/"); YAML lives beside docs/.
    base = config.edit_uri.strip("/").removesuffix(Path(config.docs_dir).name).strip("/")
    return f"{config.repo_url.rstrip('/')}/{base}/{repo_path}"
