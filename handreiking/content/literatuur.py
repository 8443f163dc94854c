"""The publications the handreiking cites (``content/literatuur.yml``), and the checks on them.

    doc, problems = read_literature(root, schemas)                       # the file, checked against its schema
    problems += check_literature(root, doc, pages, oplossingsrichtingen)  # anchors, pages, citations
    groepen = literature(doc)                                             # (LiteratuurGroep, ...) for the model

The page Literatuur (``docs/literatuur.md``) is made from this file. Each publication has an
``anker``, the anchor of its entry on that page; an oplossingsrichting cites it under
``literatuur:`` by that anchor. A publication may carry an ``adres`` that editors fill in (the
handreiking gives none): every italic mention of its ``titel`` on the site then links there
(:mod:`handreiking.site.literature_links`).
"""

from __future__ import annotations

from pathlib import Path

from .model import Aanhaling, LiteratuurGroep, Publicatie
from .problems import Problem, field_name
from .schemas import SchemaSet, suggest
from .yamlsource import YamlDocument, read_yaml

LITERATUUR = "literatuur.md"  # the page with the publications, under docs/
FILE = "content/literatuur.yml"
SCHEMA = "literatuur"
# Pages made from content/: their folder in the site -> the kind of content file they come from.
_GENERATED = {"praktijkvoorbeelden": "praktijkvoorbeeld", "checklists": "checklist",
              "oplossingsrichtingen": "oplossingsrichting"}


def read_literature(root: Path, schemas: SchemaSet) -> tuple[YamlDocument | None, list[Problem]]:
    """The literature file checked against its schema; None where it is missing or broken.

    A project without the file (a content-only copy, as in the invalid-input fixtures) has no
    literature and nothing to check against.
    """
    file = root / FILE
    if not file.is_file() or SCHEMA not in schemas.raw:
        return None, []
    doc, problems = read_yaml(file, FILE)
    if doc is None:
        return None, problems
    schema_problems = schemas.validate(doc, SCHEMA)
    return (None if schema_problems else doc), problems + schema_problems


def _publications(doc: YamlDocument):
    """(path, publication data) of every publication, in page order."""
    for group_index, group in enumerate(doc.data["groepen"]):
        for index, publication in enumerate(group["publicaties"]):
            yield ("groepen", group_index, "publicaties", index), publication


def check_literature(root: Path, doc: YamlDocument | None, pages: dict[str, set[str]],
                     oplossingsrichtingen: dict[str, YamlDocument]) -> list[Problem]:
    """Anchors are unique, every ``aangehaald_bij`` page exists, every citation names a publication.

    ``pages`` holds, per kind of content (``praktijkvoorbeeld``, ...), the names of its files: the
    pages the site makes from them.
    """
    if doc is None:
        return []
    problems, seen = [], set()
    for path, publication in _publications(doc):
        if publication["anker"] in seen:
            problems.append(Problem(doc.path, doc.line_of(path + ("anker",)), field_name(path + ("anker",)),
                                    f"anker '{publication['anker']}' staat al bij een andere publicatie; "
                                    "kies een eigen anker"))
        seen.add(publication["anker"])
        for index, citation in enumerate(publication["aangehaald_bij"]):
            page = citation["pagina"].partition("#")[0]
            if not _page_exists(root, page, pages):
                where = path + ("aangehaald_bij", index, "pagina")
                known = _known_pages(root, pages)
                problems.append(Problem(doc.path, doc.line_of(where), field_name(where),
                                        f"pagina '{page}' bestaat niet{suggest(page, known)}; noem een bestand "
                                        "onder docs/ of een pagina uit content/, zoals 'praktijkvoorbeelden/<naam>.md'"))
    return problems + _check_citations(seen, oplossingsrichtingen)


def _page_exists(root: Path, page: str, pages: dict[str, set[str]]) -> bool:
    folder, _, name = page.rpartition("/")
    if folder in _GENERATED:
        return name.removesuffix(".md") in pages.get(_GENERATED[folder], ())
    docs = root / "docs"
    return (docs / page).is_file() or not docs.is_dir()  # a content-only copy has no pages to check against


def _known_pages(root: Path, pages: dict[str, set[str]]) -> list[str]:
    docs = root / "docs"
    known = [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")]
    return known + [f"{folder}/{name}.md" for folder, kind in _GENERATED.items() for name in pages.get(kind, ())]


def _check_citations(known: set[str], oplossingsrichtingen: dict[str, YamlDocument]) -> list[Problem]:
    """Every ``literatuur[].anker`` of an oplossingsrichting names a publication."""
    problems = []
    for doc in oplossingsrichtingen.values():
        for index, item in enumerate(doc.data.get("literatuur", [])):
            if item["anker"] not in known:
                path = ("literatuur", index, "anker")
                problems.append(Problem(doc.path, doc.line_of(path), field_name(path),
                                        f"publicatie '{item['anker']}' staat niet op de pagina Literatuur"
                                        f"{suggest(item['anker'], sorted(known))}; gebruik een anker uit {FILE}"))
    return problems


def literature(doc: YamlDocument | None) -> tuple[LiteratuurGroep, ...]:
    """The groups of publications as the model holds them (empty without the file)."""
    if doc is None:
        return ()
    return tuple(
        LiteratuurGroep(titel=group["titel"], publicaties=tuple(
            Publicatie(**{**publication, "aangehaald_bij": tuple(Aanhaling(**item)
                                                                  for item in publication["aangehaald_bij"])})
            for publication in group["publicaties"]))
        for group in doc.data["groepen"])
