"""Every italic mention of a publication's title links to its address, once editors have filled one in.

    link_mentions(html, {"Omgaan met maatschappelijke spanningen": "https://..."})

The handreiking names publications in italics (``*Omgaan met maatschappelijke spanningen*``), in
hand-written pages, in the YAML texts and in the tools' templates. Rather than asking every author to
link every mention, the built HTML of each page gets the links: an ``<em>`` whose whole text is a
title (any letter case, any spacing) becomes a link to the address of that publication
(``adres`` in ``content/literatuur.yml``). A mention inside a link keeps its link (it leads to the
publication's entry on the page Literatuur, which links on); text inside scripts and SVG drawings is
left alone.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# The parts of a page where no link may be added: existing links, scripts, styles and SVG drawings.
_SKIP = re.compile(r"<(a|script|style|svg|textarea)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _title_pattern(titles: list[str]) -> re.Pattern:
    """``<em>`` around exactly one of ``titles``, as HTML text (escaped), whitespace and case free."""
    alternatives = ["\\s+".join(re.escape(html.escape(word, quote=False)) for word in title.split())
                    for title in sorted(titles, key=len, reverse=True)]
    return re.compile(r"<em>\s*(%s)\s*</em>" % "|".join(alternatives), re.IGNORECASE)


def link_mentions(page_html: str, addresses: dict[str, str]) -> str:
    """``page_html`` with each italic mention of a title in ``addresses`` (title -> address) linked."""
    if not addresses:
        return page_html
    by_title = {" ".join(title.split()).casefold(): address for title, address in addresses.items()}
    pattern = _title_pattern(list(addresses))

    def link(match: re.Match) -> str:
        title = " ".join(html.unescape(match.group(1)).split()).casefold()
        return str(Markup('<a href="{}">{}</a>').format(by_title[title], Markup(match.group(0))))

    parts, position = [], 0
    for skipped in _SKIP.finditer(page_html):
        parts.append(pattern.sub(link, page_html[position:skipped.start()]))
        parts.append(skipped.group(0))
        position = skipped.end()
    parts.append(pattern.sub(link, page_html[position:]))
    return "".join(parts)
