"""What the interventiewijzer and the buurtanalyse share in Chromium: choices kept in the address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlparse


def tool_url(base: str, folder: str, params: list[tuple[str, str]]) -> str:
    """The link to the page in ``folder`` with ``params``; ``base`` is the site root (http://... or file://...)."""
    page = f"{folder}/index.html" if base.startswith("file:") else f"{folder}/"
    return f"{base.rstrip('/')}/{page}" + (f"?{urlencode(params)}" if params else "")


def checked_boxes(page, selector: str) -> dict[str, set[str]]:
    """Name -> values of the checked boxes that ``selector`` finds."""
    pairs = page.eval_on_selector_all(selector, "boxes => boxes.map(b => [b.name, b.value])")
    result: dict[str, set[str]] = {}
    for name, value in pairs:
        result.setdefault(name, set()).add(value)
    return result


def location(page) -> str:
    """The address as the page sees it (Playwright's page.url follows pushState only later)."""
    return page.evaluate("location.href")


def url_state(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(location(page)).query)
