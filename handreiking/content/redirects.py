"""Old web addresses keep working: the slug history.

Two files keep the history; both are checked against ``content/schemas/``:

    content/gepubliceerd.yml       every slug ever published, per kind (the list only grows)
    content/doorverwijzingen.yml   per kind, 'oude-slug: nieuwe-slug'

:func:`check_history` makes sure every published slug still resolves: its file
exists, or a redirect points straight at an existing item (no chains, no
loops); :mod:`handreiking.site.redirect_pages` renders a page at each old address.
Example: after renaming ``buurtvaders.yml`` to ``vaders-in-de-wijk.yml`` an editor writes::

    praktijkvoorbeelden:
      buurtvaders: vaders-in-de-wijk

and ``/praktijkvoorbeelden/buurtvaders/`` forwards to ``/praktijkvoorbeelden/vaders-in-de-wijk/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import FOLDERS
from .problems import Problem, field_name
from .schemas import SchemaSet, suggest
from .yamlsource import YamlDocument, read_yaml

REDIRECTS_FILE = "content/doorverwijzingen.yml"
PUBLISHED_FILE = "content/gepubliceerd.yml"


@dataclass(frozen=True)
class Kind:
    noun: str    # 'praktijkvoorbeeld', as in messages
    folder: str  # under content/


# Key in both files (and first part of the web address) -> what it holds.
KINDS = {key: Kind(noun, FOLDERS[noun]) for key, noun in
         (("praktijkvoorbeelden", "praktijkvoorbeeld"), ("checklists", "checklist"))}


@dataclass(frozen=True)
class History:
    doorverwijzingen: dict[str, dict[str, str]] = field(default_factory=dict)
    gepubliceerd: dict[str, tuple[str, ...]] = field(default_factory=dict)


def check_history(root: Path, schemas: SchemaSet, valid: dict[str, set[str]]) -> tuple[History, list[Problem]]:
    """Read both files and check that every published slug still resolves.

    ``valid`` holds, per key of :data:`KINDS`, the slugs of the files that passed their schema: only
    those must be in the published list (a broken file has its own messages first).
    """
    redirects_doc, problems = _read(root, REDIRECTS_FILE, "doorverwijzingen", schemas, required=False)
    published_doc, published_problems = _read(root, PUBLISHED_FILE, "gepubliceerd", schemas, required=True)
    problems += published_problems
    existing = {key: {file.stem for file in (root / "content" / kind.folder).glob("*.yml")}
                for key, kind in KINDS.items()}
    redirects = {key: dict(redirects_doc.data.get(key, {}) if redirects_doc else {}) for key in KINDS}
    if redirects_doc is not None:
        problems += _check_redirects(redirects_doc, redirects, existing)
    if published_doc is not None and not problems:
        problems += _check_published(published_doc, redirects, existing, valid)
    published = {key: tuple(published_doc.data[key]) if published_doc else () for key in KINDS}
    return History(redirects, published), problems


def _read(root: Path, display: str, schema_name: str, schemas: SchemaSet,
          required: bool) -> tuple[YamlDocument | None, list[Problem]]:
    file = root / display
    if not file.exists():
        missing = Problem(display, 1, "", "bestand ontbreekt; zet het terug (zie CONTRIBUTING.md)")
        return None, [missing] if required else []
    doc, problems = read_yaml(file, display)
    if doc is None:
        return None, problems
    problems = schemas.validate(doc, schema_name)
    return (None if problems else doc), problems


def _check_redirects(doc: YamlDocument, redirects: dict[str, dict[str, str]],
                     existing: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for key, mapping in redirects.items():
        kind = KINDS[key]
        for old, new in mapping.items():
            path = (key, old)

            def problem(message: str, path: tuple = path) -> None:
                problems.append(Problem(doc.path, doc.line_of(path), field_name(path), message))

            if old in existing[key]:
                problem(f"{kind.noun} '{old}' bestaat nog (content/{kind.folder}/{old}.yml); een doorverwijzing "
                        "is alleen voor een adres dat niet meer bestaat")
            elif new in mapping:
                chain, loops = _follow(mapping, old)
                if loops:
                    problem(f"doorverwijzingen vormen een kring ({' → '.join(chain)}); laat elke oude slug "
                            f"naar een bestaand {kind.noun} wijzen")
                else:
                    problem(f"'{new}' verwijst zelf door naar '{chain[-1]}'; verwijs direct: '{old}: {chain[-1]}'")
            elif new not in existing[key]:
                problem(f"{kind.noun} '{new}' bestaat niet{suggest(new, existing[key])}; "
                        f"verwacht content/{kind.folder}/{new}.yml")
    return problems


def _follow(mapping: dict[str, str], start: str) -> tuple[list[str], bool]:
    """The chain of redirects from ``start``, and whether it comes back on itself."""
    chain = [start]
    current = mapping[start]
    while current in mapping:
        if current in chain:
            return chain + [current], True
        chain.append(current)
        current = mapping[current]
    return chain + [current], False


def _check_published(doc: YamlDocument, redirects: dict[str, dict[str, str]],
                     existing: dict[str, set[str]], valid: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for key, kind in KINDS.items():
        slugs = doc.data[key]
        for index, slug in enumerate(slugs):
            if slug not in existing[key] and slug not in redirects[key]:
                problems.append(Problem(doc.path, doc.line_of((key, index)), field_name((key, index)),
                                        f"{kind.noun} '{slug}' stond op de site, maar content/{kind.folder}/"
                                        f"{slug}.yml bestaat niet meer; zet in {REDIRECTS_FILE} onder "
                                        f"'{key}:' de regel '{slug}: <nieuwe-slug>'"))
        for slug in sorted(valid[key] - set(slugs)):
            problems.append(Problem(doc.path, doc.line_of((key,)), key,
                                    f"{kind.noun} '{slug}' (content/{kind.folder}/{slug}.yml) ontbreekt in deze "
                                    f"lijst; voeg de regel '  - {slug}' toe onder '{key}:'"))
    return problems


def add_published(root: Path, key: str, *slugs: str) -> None:
    """Add ``slugs`` to the list ``key`` of content/gepubliceerd.yml, keeping the list sorted."""
    file = root / PUBLISHED_FILE
    lines = file.read_text(encoding="utf-8").splitlines()
    if f"{key}:" not in lines:
        raise ValueError(f"{PUBLISHED_FILE} heeft geen regel '{key}:' met daaronder de lijst ('  - slug')")
    start = lines.index(f"{key}:") + 1
    end = start
    while end < len(lines) and lines[end].startswith("  - "):
        end += 1
    items = sorted(set(line.removeprefix("  - ") for line in lines[start:end]) | set(slugs))
    lines[start:end] = [f"  - {item}" for item in items]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
