"""The two Jinja environments of the site, over the templates in ``handreiking/site/templates/``.

Markdown templates escape every ``{{ value }}`` for Markdown unless it is already
:class:`~markupsafe.Markup` (see :mod:`handreiking.site.text`); HTML and SVG templates autoescape.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..content.cache import folder_digest
from .text import escape_markdown

TEMPLATES = Path(__file__).with_name("templates")


def templates_version() -> str:
    """A digest of the templates as they are now: Jinja reads a changed one again, also during ``make serve``."""
    return folder_digest(TEMPLATES, "*.j2")


def _finalize(value: object) -> object:
    return value if isinstance(value, Markup) else escape_markdown(value)


@lru_cache(maxsize=1)
def markdown_templates() -> Environment:
    env = Environment(loader=PackageLoader("handreiking.site", "templates"), finalize=_finalize,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["html_link"] = _html_link
    return env


@lru_cache(maxsize=1)
def html_templates() -> Environment:
    return Environment(loader=PackageLoader("handreiking.site", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _html_link(link) -> Markup:
    return Markup('<a href="{}">{}</a>').format(link.url, link.titel)
