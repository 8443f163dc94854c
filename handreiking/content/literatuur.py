"""The publications on the literature page, and the check that content cites only those.

The page is hand-written (``docs/literatuur.md``); each publication is a paragraph with an
anchor, ``{: #snel-boonstra-2005 }``. An oplossingsrichting names the publications it cites
under ``literatuur:`` by that anchor, and the site links them there.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem, field_name
from .schemas import suggest
from .yamlsource import YamlDocument

LITERATUUR = "literatuur.md"  # the hand-written page with the publications, under docs/
PAGE = f"docs/{LITERATUUR}"
_ANCHOR = re.compile(r"^\{: #([a-z0-9-]+) \}$", re.MULTILINE)


def anchors(root: Path) -> list[str] | None:
    """The anchors of the publications on the page; None where the project has no such page."""
    page = root / PAGE
    return _ANCHOR.findall(page.read_text(encoding="utf-8")) if page.is_file() else None


def check_citations(root: Path, oplossingsrichtingen: dict[str, YamlDocument]) -> list[Problem]:
    """Every ``literatuur[].anker`` names a publication on the literature page."""
    known = anchors(root)
    if known is None:
        return []  # a content-only copy (as in the invalid-input fixtures): nothing to check against
    problems = []
    for doc in oplossingsrichtingen.values():
        for index, item in enumerate(doc.data.get("literatuur", [])):
            if item["anker"] not in known:
                path = ("literatuur", index, "anker")
                problems.append(Problem(doc.path, doc.line_of(path), field_name(path),
                                        f"publicatie '{item['anker']}' staat niet op de pagina Literatuur"
                                        f"{suggest(item['anker'], known)}; gebruik een anker uit {PAGE} "
                                        "(de regel '{: #anker }' onder de publicatie)"))
    return problems
