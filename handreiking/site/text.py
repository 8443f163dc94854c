"""Turn editor text into safe output: escaped plain text or sanitized HTML.

Text from YAML is never template source and never raw HTML. Two ways in:

- :func:`escape_markdown` for plain fields (titel, samenvatting, labels) that
  end up inside generated Markdown: every character Markdown or HTML could act
  on becomes an HTML entity, so ``{{ 7*7 }}`` or ``<script>`` show literally.
- :func:`rich_text` for Markdown fields (beschrijving, toelichting, ...):
  rendered with a small Markdown dialect (no raw HTML, no attribute lists) and
  then cleaned by nh3 with a short allowlist of tags and link schemes.

:class:`KeptRichText` renders like :func:`rich_text` and keeps the HTML by the
hash of its source (:mod:`handreiking.content.cache`): the pages of a build use
it, so ``make serve`` renders a text once and a second build not at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

from ..content.cache import BuildCache, code_version, digest
from ..content.checks import SAFE_SCHEMES

# Characters that start Markdown or HTML syntax anywhere in a line.
_INLINE_ACTIVE = "\\`*_{}[]<>#|~^=&!$"
_ENTITIES = {ord(char): f"&#{ord(char)};" for char in _INLINE_ACTIVE}
# Line and paragraph separators would end a Markdown line or a JS string early.
_ENTITIES.update({0x2028: "&#8232;", 0x2029: "&#8233;", ord("\n"): " ", ord("\r"): " ",
                  ord("\t"): " ", 0x0B: " ", 0x0C: " ", 0x85: " "})
# At the start of a line these make lists, quotes or definitions.
_LINE_START = re.compile(r"^(\s*)([-+:>]|\d+[.)])")
# Most values (labels, titles) contain none of the above: skip the work for them.
_NEEDS_ESCAPING = re.compile("[" + re.escape("".join(chr(code) for code in _ENTITIES)) + "]|" + _LINE_START.pattern)

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_SEPARATORS = re.compile("[\u2028\u2029\u0085]")


def escape_markdown(value: object) -> Markup:
    """Plain text, safe to place anywhere in Markdown (headings, links, tables)."""
    text = str(value)
    if not _NEEDS_ESCAPING.search(text):
        return Markup(text)
    escaped = text.translate(_ENTITIES)
    return Markup(_LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), escaped))


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    # Reused: building a Markdown instance costs more than converting a text.
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


def _clean(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=set(SAFE_SCHEMES),
                     link_rel="noopener")


def rich_text(source: str) -> Markup:
    """Markdown from an editor as sanitized HTML."""
    return Markup(_render(source))


def rendered_cache() -> BuildCache:
    """A cache of rendered texts for :class:`KeptRichText`, cleaned again when loaded: a cache file is never
    trusted more than editor input."""
    return BuildCache("rich-text", code_version(__file__, markdown.__version__, nh3.__version__),
                      on_load=lambda html: _clean(html) if isinstance(html, str) else None)


class KeptRichText:
    """:func:`rich_text`, keeping each result in ``kept`` by the hash of its source."""

    def __init__(self, kept: BuildCache | None = None):
        self.kept = kept

    def __call__(self, source: str) -> Markup:
        if self.kept is None:
            return rich_text(source)
        key = digest(source.encode("utf-8"))
        html = self.kept.get(key)
        if html is None:
            html = self.kept.put(key, _render(source))
        return Markup(html)


def _render(source: str) -> str:
    renderer = _renderer()
    renderer.reset()
    # Escaping '<' and '&' first turns any raw HTML into visible text.
    prepared = _SEPARATORS.sub(" ", source).replace("&", "&amp;").replace("<", "&lt;")
    return _clean(renderer.convert(prepared))
