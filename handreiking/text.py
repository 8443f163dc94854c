"""Turn editor text into safe output: escaped plain text or sanitized HTML.

Text from YAML is never template source and never raw HTML. Two ways in:

- :func:`escape_markdown` for plain fields (titel, samenvatting, labels) that
  end up inside generated Markdown: every character Markdown or HTML could act
  on becomes an HTML entity, so ``{{ 7*7 }}`` or ``<script>`` show literally.
- :func:`rich_text` for Markdown fields (beschrijving, toelichting, ...):
  rendered with a small Markdown dialect (no raw HTML, no attribute lists) and
  then cleaned by nh3 with a short allowlist of tags and link schemes.

Rendered Markdown is cached by the hash of its source, in memory (so ``make
serve`` renders a text once) and between builds in a file
(:func:`load_rich_text_cache` / :func:`save_rich_text_cache`). The file is
thrown away when the renderer or its allowlists change.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

import markdown
import nh3
from markupsafe import Markup

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
LINK_SCHEMES = {"http", "https", "mailto"}
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


# Bump when the rendering below changes in a way the settings do not show.
_RENDERING = "1"
_CACHE_VERSION = hashlib.blake2b(repr((
    _RENDERING, markdown.__version__, sorted(ALLOWED_TAGS), sorted((tag, sorted(attributes)) for tag, attributes
                                                                   in ALLOWED_ATTRIBUTES.items()),
    sorted(LINK_SCHEMES))).encode(), digest_size=8).hexdigest()
_cache: dict[str, str] = {}
_used: set[str] = set()
_new = False


def rich_text(source: str) -> Markup:
    """Markdown from an editor as sanitized HTML."""
    global _new
    key = hashlib.blake2b(source.encode("utf-8"), digest_size=16).hexdigest()
    _used.add(key)
    html = _cache.get(key)
    if html is None:
        html = _cache[key] = _render(source)
        _new = True
    return Markup(html)


def load_rich_text_cache(path: Path) -> None:
    """Fill the cache from ``path`` when it was written by this renderer."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(stored, dict) and stored.get("versie") == _CACHE_VERSION:
        # Cleaned again on the way in: a cache file is never trusted more than editor input.
        _cache.update({key: _clean(html) for key, html in stored.get("fragmenten", {}).items()
                       if isinstance(key, str) and isinstance(html, str)})


def save_rich_text_cache(path: Path) -> None:
    """Write the texts used since the last save, if any was new (atomically)."""
    global _new
    if _new:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}")
        fragments = {key: _cache[key] for key in _used if key in _cache}
        temporary.write_text(json.dumps({"versie": _CACHE_VERSION, "fragmenten": fragments}), encoding="utf-8")
        temporary.replace(path)
    _new = False
    _used.clear()


def _render(source: str) -> str:
    renderer = _renderer()
    renderer.reset()
    # Escaping '<' and '&' first turns any raw HTML into visible text.
    prepared = _SEPARATORS.sub(" ", source).replace("&", "&amp;").replace("<", "&lt;")
    return _clean(renderer.convert(prepared))


def _clean(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES,
                     link_rel="noopener")

