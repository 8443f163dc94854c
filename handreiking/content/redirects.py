"""Old web addresses keep working: the redirects, and the addresses ever published, from git.

    content/doorverwijzingen.yml   per kind, 'oude-adres: nieuw-adres' (checked against content/schemas/)

An address is published once its file has been on ``main`` (the site is built from it): every
file name that git's history of ``main`` ever added under ``content/interventies/`` or
``content/checklists/`` (:func:`published_addresses`). Nobody keeps a list by hand, so a new
praktijkvoorbeeld needs no second file. :func:`check_history` makes sure every published address
still resolves: its file exists, or a redirect points straight at an existing item (no chains,
no loops); :mod:`handreiking.site.redirect_pages` renders a page at each old address.

Which history counts: that of the commit where this branch left ``main`` (``origin/main`` or
``main``, whichever exists; on ``main`` itself, HEAD), so a name that only lived in an unmerged
branch was never published. Without git (a copied folder) nothing is known and nothing is
required. A shallow clone only knows the files of its oldest commit onward: the check says so in
a warning, and CI fetches the whole history (``fetch-depth: 0`` in .github/workflows/site.yml).

Example: after renaming ``buurtvaders.yml`` to ``vaders-in-de-wijk.yml`` an editor writes::

    praktijkvoorbeelden:
      buurtvaders: vaders-in-de-wijk

and ``/praktijkvoorbeelden/buurtvaders/`` forwards to ``/praktijkvoorbeelden/vaders-in-de-wijk/``.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .model import FOLDERS
from .problems import Problem, Severity, field_name
from .schemas import SchemaSet, suggest
from .yamlsource import YamlDocument, read_yaml

REDIRECTS_FILE = "content/doorverwijzingen.yml"
PUBLISHED_BRANCHES = ("origin/main", "main")  # the site is published from main (handreiking.tools.beheer.BRANCH)
_GIT = ("git", "-c", "core.quotepath=off")


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


@dataclass(frozen=True)
class Published:
    """The addresses ever published, per key of :data:`KINDS`, as far as git knows them."""
    addresses: dict[str, frozenset[str]] = field(default_factory=dict)
    known: bool = True       # False without git: nothing can be required
    shallow: bool = False    # a shallow clone: older addresses are missing


def check_history(root: Path, schemas: SchemaSet) -> tuple[History, list[Problem]]:
    """Read the redirects and check that every published address still resolves."""
    redirects_doc, problems = _read(root, REDIRECTS_FILE, "doorverwijzingen", schemas)
    existing = {key: {file.stem for file in (root / "content" / kind.folder).glob("*.yml")}
                for key, kind in KINDS.items()}
    redirects = {key: dict(redirects_doc.data.get(key, {}) if redirects_doc else {}) for key in KINDS}
    if redirects_doc is not None:
        problems += _check_redirects(redirects_doc, redirects, existing)
    if not problems:
        problems += _check_published(redirects_doc, published_addresses(root), redirects, existing)
    return History(redirects), problems


def published_addresses(root: Path) -> Published:
    """Every file name git's history of main ever added to the folders of :data:`KINDS` (see the module doc)."""
    try:
        shallow = _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
        base = _published_base(root)
        log = _git(root, "log", "--format=", "--name-only", "--diff-filter=A", "--no-renames", base, "--",
                   *(f"content/{kind.folder}" for kind in KINDS.values()))
    except (OSError, subprocess.CalledProcessError):  # no git, not a repository, or no commit yet
        return Published(known=False)
    prefix = _git(root, "rev-parse", "--show-prefix").strip()  # the project may sit in a subfolder
    folders = {f"{prefix}content/{kind.folder}": key for key, kind in KINDS.items()}
    addresses: dict[str, set[str]] = {key: set() for key in KINDS}
    for line in log.splitlines():
        path = PurePosixPath(line)
        if path.suffix == ".yml" and str(path.parent) in folders:
            addresses[folders[str(path.parent)]].add(path.stem)
    return Published({key: frozenset(names) for key, names in addresses.items()}, shallow=shallow)


def _published_base(root: Path) -> str:
    """The commit whose history counts as published: where HEAD left main, or HEAD itself."""
    for branch in PUBLISHED_BRANCHES:
        try:
            return _git(root, "merge-base", "HEAD", branch).strip()
        except subprocess.CalledProcessError:
            continue
    return _git(root, "rev-parse", "HEAD").strip()


def _git(root: Path, *args: str) -> str:
    return subprocess.run([*_GIT, *args], cwd=root, capture_output=True, text=True, encoding="utf-8",
                          check=True).stdout


def _read(root: Path, display: str, schema_name: str, schemas: SchemaSet) -> tuple[YamlDocument | None, list[Problem]]:
    file = root / display
    if not file.exists():
        return None, []
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


def _check_published(doc: YamlDocument | None, published: Published, redirects: dict[str, dict[str, str]],
                     existing: dict[str, set[str]]) -> list[Problem]:
    problems = []
    line = 1
    for key, kind in KINDS.items():
        if doc is not None:
            line = doc.line_of((key,)) if key in doc.data else 1
        for address in sorted(published.addresses.get(key, frozenset()) - existing[key] - set(redirects[key])):
            problems.append(Problem(
                REDIRECTS_FILE, line, key,
                f"{kind.noun} '{address}' stond op de site (/{key}/{address}/), maar content/{kind.folder}/"
                f"{address}.yml bestaat niet meer; een oud adres moet blijven werken: zet hier onder '{key}:' de "
                f"regel '{address}: <adres van het {kind.noun} dat het vervangt>'"))
    if published.shallow:
        problems.append(Problem(REDIRECTS_FILE, 1, "", "deze kopie van de repository heeft niet de "
                                "hele geschiedenis (een ondiepe kloon), dus oude adressen zijn niet allemaal "
                                "gecontroleerd; haal de geschiedenis op met 'git fetch --unshallow'",
                                Severity.WARNING))
    return problems
