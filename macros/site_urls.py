"""Site URLs as MkDocs writes them, handed to ``handreiking/`` (which does not import MkDocs)."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url


def url_for(config) -> Callable[[str], str]:
    """Path in the site (page source or asset) -> its URL from the site root."""
    def url(path: str) -> str:
        return File(path, config.docs_dir, config.site_dir, config.use_directory_urls).url
    return url


def link_from(config, page_url: str) -> Callable[[str], str]:
    """Path in the site -> an href from the page at ``page_url``."""
    url = url_for(config)
    return lambda path: get_relative_url(url(path), page_url)
