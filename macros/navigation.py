"""Fill nav sections whose pages come from the content.

In ``mkdocs.yml`` a section that starts with one of the index pages below gets
one entry per item appended, in content order, so adding a checklist or an
oplossingsrichting needs no edit of ``mkdocs.yml``. Praktijkvoorbeelden stay
out of the nav on purpose: Material renders the whole nav on every page.

Labels are HTML-escaped here: Material prints nav titles without escaping, and
they come from YAML (like page titles, see ``handreiking.site.pages.front_matter``).
"""

from __future__ import annotations

from html import escape

from handreiking.site.urls import checklist_path, term_path
from handreiking.site.site import Site


def _children(site: Site) -> dict[str, list[dict]]:
    content = site.content
    labels = content.taxonomieen["oplossingsrichting"]
    return {
        "oplossingsrichtingen/index.md": [
            {escape(f"{richting.nummer}. {labels.term(richting.id).label}"):
             term_path(content, "oplossingsrichting", richting.id)}
            for richting in content.oplossingsrichtingen
        ],
        "checklists/index.md": [
            {escape(_checklist_label(checklist)): checklist_path(checklist.slug)} for checklist in content.checklists
        ],
    }


def _checklist_label(checklist) -> str:
    # "3" alone (a checklist within an oplossingsrichting) says little in a menu.
    return f"{checklist.stap} {checklist.titel}" if "." in checklist.stap else checklist.titel


def expand(nav, site: Site):
    children = _children(site)

    def walk(items):
        for item in items or []:
            if isinstance(item, dict):
                for value in item.values():
                    if isinstance(value, list):
                        if value and isinstance(value[0], str) and value[0] in children:
                            value[1:1] = children[value[0]]  # right after the index page
                        walk(value)
        return items

    return walk(nav)
