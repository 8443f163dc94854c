"""The index of the site search: every section of every page, with the words on it, as one classic script.

Material's search plugin writes the sections of the built pages (``search/search_index.json``: location,
title, text as HTML). From them :func:`zoekindex` makes what the browser's search needs
(``docs/assets/javascripts/handreiking-zoeken.js``): per document its location, title and plain text, and per
word (:func:`handreiking.tools.tekst.words`) the documents it is on, with how often. Stems, compound parts,
synonyms and typos the browser derives from these words with the same text analysis as the interventiewijzer
and the buurtanalyse. The page loads this file only once a visitor starts to search.

    data = zoekindex(docs, content.synoniemen, pagina_gewichten(content, url_for), tool_pages)
    to_javascript(data, "HANDREIKING_ZOEKINDEX")  # the file search/zoekindex.js

Some pages count more or less (:func:`pagina_gewichten`): a praktijkvoorbeeld or checklist is what a visitor
looks for; an overview of a term or of all praktijkvoorbeelden repeats their summaries and counts less. The
sections of the tool pages (the forms of the buurtanalyse, the cards of the wijzer) are left out: they are
marked ``data-search-exclude``, which Material's parser does not honour for headings inside them.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from ..content.model import Content
from ..site.urls import ALL_VOORBEELDEN, checklist_path, overview_path, term_path, voorbeeld_path
from . import tekst

VERSION = 1
GLOBAL_NAME = "HANDREIKING_ZOEKINDEX"
IN_TITLE = 1000  # a posting's count: how often the word is in the text, plus this once when it is in the title
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain(markup: str) -> str:
    """The text of a section without tags, entities resolved, spaces collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


CONTENT_PAGE = 1.5  # a praktijkvoorbeeld or a checklist
OVERVIEW_PAGE = 0.5  # a term's page or an overview that lists praktijkvoorbeelden


def pagina_gewichten(content: Content, url_for) -> dict[str, float]:
    """Page URL (from the site root, as the index writes it) -> how much a match on it counts (default 1)."""
    weights = {url_for(voorbeeld_path(v.slug)): CONTENT_PAGE for v in content.praktijkvoorbeelden}
    weights.update({url_for(checklist_path(c.slug)): CONTENT_PAGE for c in content.checklists})
    weights[url_for(ALL_VOORBEELDEN)] = OVERVIEW_PAGE
    for naam, taxonomie in content.taxonomieen.items():
        if taxonomie.pad:
            weights[url_for(overview_path(content, naam))] = OVERVIEW_PAGE
            weights.update({url_for(term_path(content, naam, term.id)): OVERVIEW_PAGE for term in taxonomie.termen})
    return weights


Section = tuple[str, str, Counter]  # a section's title and text as plain text, and its words with their counts


def section(title_html: str, text_html: str) -> Section:
    """What the index takes from one section of Material's index."""
    title, text = plain(title_html), plain(text_html)
    counts = Counter(tekst.words(text))
    for word in set(tekst.words(title)):
        counts[word] += IN_TITLE
    return title, text, counts


def zoekindex(docs: Iterable[Mapping[str, str]], synoniemen=(), gewichten: Mapping[str, float] | None = None,
              tool_pages: Iterable[str] = (), analyse: Callable[[str, str], Section] = section) -> dict:
    """The index: ``gewichten`` per page URL (see pagina_gewichten), the sections of ``tool_pages`` left out.

    ``analyse``: :func:`section`, or one that remembers its results between builds.
    """
    gewichten = gewichten or {}
    tools = set(tool_pages)
    documents = []
    postings: dict[str, list[int]] = {}
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if anchor and page in tools:
            continue
        number = len(documents)
        title, text, counts = analyse(doc.get("title", ""), doc.get("text", ""))
        documents.append([doc["location"], title, text, gewichten.get(page, 1)])
        for word, count in counts.items():
            postings.setdefault(word, []).extend((number, count))
    return {"versie": VERSION, "documenten": documents, "woorden": dict(sorted(postings.items())),
            "tekst": tekst.settings(synoniemen), "in_titel": IN_TITLE}
