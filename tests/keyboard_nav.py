"""Moving through a page with the Tab key, as keyboard users do."""

from __future__ import annotations

import pytest

FOCUS = """() => { const e = document.activeElement; const s = getComputedStyle(e);
    return {id: e.id || e.textContent.trim().slice(0, 30),
            outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1}; }"""


def tab_to(page, selector: str, limit: int = 400, within: str | None = None) -> list[str]:
    """Press Tab until ``selector`` has the focus; returns the stops inside ``within`` without a focus outline."""
    unmarked = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if within and page.evaluate("(w) => !!document.activeElement.closest(w)", within):
            focused = page.evaluate(FOCUS)
            if not focused["outline"]:
                unmarked.append(focused["id"])
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return unmarked
    pytest.fail(f"{selector} is niet met Tab te bereiken")
