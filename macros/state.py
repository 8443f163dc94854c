"""The site of the build in progress, shared by the MkDocs hooks and the macros.

``hooks.on_config`` sets it once per build (also on every ``mkdocs serve``
rebuild); macros read it when a page is rendered, which is always later.
"""

from __future__ import annotations

from handreiking.site.site import Site

current: Site | None = None


def site() -> Site:
    if current is None:
        raise RuntimeError("de inhoud is nog niet geladen (hooks.on_config is niet uitgevoerd)")
    return current
