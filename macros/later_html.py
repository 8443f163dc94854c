"""HTML made from the content that skips Markdown and search: put into the page after it is rendered.

The interventiewijzer shows every praktijkvoorbeeld as a card: a thousand cards are a large block
of finished HTML that Python-Markdown would only copy (about 0.6 s at 1,000 praktijkvoorbeelden)
and the search index leaves out. The macro puts a marker in the page (:meth:`LaterHtml.defer`);
after MkDocs rendered the page, :meth:`LaterHtml.insert` replaces the marker with the block.
"""

from __future__ import annotations

from handreiking.content.cache import digest


class LaterHtml:
    """The blocks of one build, by page."""

    def __init__(self) -> None:
        self._blocks: dict[str, dict[str, str]] = {}  # page source -> marker -> HTML

    def defer(self, page: str, name: str, html: str) -> str:
        """A marker for ``html`` on ``page``, to put where the block belongs (inside an HTML block)."""
        marker = f"<!-- handreiking: {name} -->"
        self._blocks.setdefault(page, {})[marker] = html
        return marker

    def insert(self, page: str, output: str) -> str:
        """The rendered page with its blocks in place of their markers."""
        for marker, html in self._blocks.get(page, {}).items():
            output = output.replace(marker, html, 1)
        return output

    def inline(self, page: str, markdown: str) -> str:
        """The page's Markdown with its blocks in place (for the benchmark's plain-MkDocs copy of the site)."""
        return self.insert(page, markdown)

    def fingerprint(self, page: str) -> str:
        """What the blocks of ``page`` add to it, for deciding whether to write it again."""
        return digest("".join(self._blocks.get(page, {}).values()).encode("utf-8"))
