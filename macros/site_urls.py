"""The site's one URL rule (:mod:`handreiking.site.urls`) in the form of this build (web or offline)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from mkdocs.config.defaults import MkDocsConfig

from handreiking.site.urls import html_href, page_url


def url_for(config: MkDocsConfig) -> Callable[[str], str]:
    """Path in the site (page source or asset) -> its URL from the site root."""
    return partial(page_url, directory_urls=config.use_directory_urls)


def link_from(config: MkDocsConfig, page_src: str) -> Callable[[str], str]:
    """Path in the site -> an href from the page whose source is ``page_src``."""
    return partial(html_href, page_src, directory_urls=config.use_directory_urls)
