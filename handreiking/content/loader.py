"""Load all content once: read, validate, cross-check, then build the model.

    result = check_content(Path("."))      # problems and warnings, never raises
    content = load_content(Path("."))      # the model, or ContentError with every problem

Layout under the project root::

    content/taxonomie/<naam>.yml            vocabularies
    content/interventies/<slug>.yml         praktijkvoorbeelden
    content/checklists/<slug>.yml           checklists
    content/oplossingsrichtingen/<id>.yml   oplossingsrichtingen (step 3)
    content/casussen/<slug>.yml             the four example neighbourhoods
    content/instellingen.yml                editorial settings
    content/synoniemen.yml                  words that find each other in every search
    content/doorverwijzingen.yml            old slug -> new slug
    content/literatuur.yml                  the publications the handreiking cites (see literatuur.py)
    content/schemas/<type>.schema.json      the rules for each of them
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .cache import BuildCache
from .checks import Documents, cross_check
from .erkenning import check_erkenningen
from .fields import field_name_problems, record_reader
from .literatuur import check_literature, literature, read_literature
from .model import (Casus, Checklist, ChecklistItem, ChecklistSectie, Content, FOLDERS, LINK_KEYS, Oplossingsrichting,
                    Praktijkvoorbeeld, SynoniemGroep, Taxonomie, Term, Verwijzing, Vuistregel, Wanneer)
from .placeholders import check_placeholders
from .problems import ContentError, Problem, Severity, field_name
from .redirects import History, check_history
from .schemas import project_schemas
from .yamlsource import read_yaml

SETTINGS_FILE = "content/instellingen.yml"
PRAKTIJKVOORBEELD_SCHEMA = "praktijkvoorbeeld.schema.json"
SYNONYMS_FILE = "content/synoniemen.yml"


@dataclass
class CheckResult:
    errors: list[Problem]
    warnings: list[Problem]
    content: Content | None
    files: int


def check_content(root: Path, today: date | None = None, kept: BuildCache | None = None) -> CheckResult:
    """Read and check every content file under ``root``; collect all problems.

    ``kept``: parsed YAML from earlier builds (:func:`handreiking.content.yamlsource.parsed_cache`).
    """
    today = today or date.today()
    schemas = project_schemas(root)
    problems: list[Problem] = _model_problems(root, schemas)
    settings = _read_settings(root, schemas, problems)
    synoniemen = _read_synonyms(root, schemas, problems)
    documents: dict[str, dict] = {}
    files = 0
    for kind, folder in FOLDERS.items():
        documents[kind] = {}
        for file in sorted((root / "content" / folder).glob("*.y*ml")):
            files += 1
            display = file.relative_to(root).as_posix()
            if file.suffix != ".yml":
                problems.append(Problem(display, 1, "", "gebruik de extensie .yml"))
                continue
            doc, read_problems = read_yaml(file, display, kept)
            problems += read_problems
            if doc is None:
                continue
            if not isinstance(doc.data, dict):
                problems.append(Problem(display, 1, "", "bestand moet velden bevatten ('naam: waarde'), "
                                        "geen losse tekst of lijst"))
                continue
            schema_problems = check_placeholders(doc, schemas.validate(doc, kind))
            problems += schema_problems
            if not schema_problems:
                documents[kind][file.stem] = doc
    docs = Documents(**documents)
    problems += cross_check(docs, schemas, today, settings["verouderd_na_maanden"])
    problems += check_erkenningen(docs.praktijkvoorbeeld, today, settings["erkenning_verloopt_na_maanden"])
    literature_doc, literature_problems = read_literature(root, schemas)
    problems += literature_problems
    problems += check_literature(root, literature_doc, {kind: set(files) for kind, files in docs.content_kinds()},
                                 docs.oplossingsrichting)
    history, history_problems = check_history(root, schemas)
    problems += history_problems
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    warnings = [problem for problem in problems if problem.severity is Severity.WARNING]
    content = None if errors else _build(docs, schemas, settings, tuple(sorted(warnings)), history, synoniemen,
                                          literature(literature_doc))
    return CheckResult(sorted(errors), sorted(warnings), content, files)


def load_content(root: Path, today: date | None = None, kept: BuildCache | None = None) -> Content:
    """The validated content, or :class:`ContentError` listing every problem."""
    result = check_content(root, today, kept)
    if result.errors:
        raise ContentError(result.errors)
    return result.content


def _read_settings(root: Path, schemas, problems: list[Problem]) -> dict[str, Any]:
    """The settings; a field left out (or a missing or broken file) takes the default in its schema."""
    properties = schemas.raw["instellingen"]["properties"]
    defaults = {name: field["default"] for name, field in properties.items() if "default" in field}
    file = root / SETTINGS_FILE
    if not file.exists():
        return defaults
    doc, read_problems = read_yaml(file, SETTINGS_FILE)
    problems += read_problems
    if doc is None:
        return defaults
    schema_problems = schemas.validate(doc, "instellingen")
    problems += schema_problems
    return defaults if schema_problems else {**defaults, **doc.data}


def _model_problems(root: Path, schemas) -> list[Problem]:
    """Fields of the praktijkvoorbeeld schema the model cannot hold (see handreiking.content.fields)."""
    display = f"content/schemas/{PRAKTIJKVOORBEELD_SCHEMA}"
    text = (root / display).read_text(encoding="utf-8")
    return field_name_problems(schemas.raw["praktijkvoorbeeld"], display, text, Praktijkvoorbeeld.RESERVED)


def _read_synonyms(root: Path, schemas, problems: list[Problem]) -> tuple[SynoniemGroep, ...]:
    """The synonym groups; a word may stand in one group only (else a search would not know which)."""
    file = root / SYNONYMS_FILE
    if not file.exists():
        return ()
    doc, read_problems = read_yaml(file, SYNONYMS_FILE)
    problems += read_problems
    if doc is None:
        return ()
    schema_problems = schemas.validate(doc, "synoniemen")
    problems += schema_problems
    if schema_problems:
        return ()
    groups = tuple(SynoniemGroep(tuple(group["woorden"]), tuple(group.get("verwant", ())))
                   for group in doc.data["groepen"])
    first: dict[str, int] = {}  # word -> the group it stands in first
    for g, group in enumerate(groups):
        for i, woord in enumerate(group.woorden):
            if woord in first:
                path = ("groepen", g, "woorden", i)
                problems.append(Problem(SYNONYMS_FILE, doc.line_of(path), field_name(path),
                                        f"'{woord}' staat al in groepen[{first[woord]}]; een woord hoort in één groep"))
            first.setdefault(woord, g)
        for i, woord in enumerate(group.verwant):
            if woord in group.woorden:
                path = ("groepen", g, "verwant", i)
                problems.append(Problem(SYNONYMS_FILE, doc.line_of(path), field_name(path),
                                        f"'{woord}' staat al bij de woorden van deze groep"))
    return groups


def _build(docs: Documents, schemas, settings: dict, warnings: tuple, history: History,
           synoniemen: tuple[SynoniemGroep, ...], literatuur: tuple) -> Content:
    taxonomieen = {doc.data["naam"]: _taxonomie(doc.data) for doc in docs.taxonomie.values()}
    order = {term_id: index for index, term_id in enumerate(taxonomieen["oplossingsrichting"].ids)}
    read = praktijkvoorbeeld_reader(schemas.raw["praktijkvoorbeeld"])
    voorbeelden = sorted((read(stem, doc.path, doc.data) for stem, doc in docs.praktijkvoorbeeld.items()),
                         key=lambda v: (order[v.oplossingsrichtingen[0]], v.titel.casefold()))
    richting_nummer = {doc.data["id"]: doc.data["nummer"] for doc in docs.oplossingsrichting.values()}
    checklists = sorted((_checklist(stem, doc, taxonomieen) for stem, doc in docs.checklist.items()),
                        key=lambda c: _method_order(c, richting_nummer))
    richtingen = sorted((_oplossingsrichting(doc) for doc in docs.oplossingsrichting.values()),
                        key=lambda r: r.nummer)
    casussen = sorted((Casus(slug=stem, bestand=doc.path, **doc.data) for stem, doc in docs.casus.items()),
                      key=lambda c: c.nummer)
    return Content(taxonomieen, tuple(voorbeelden), tuple(checklists), tuple(richtingen), tuple(casussen),
                   settings["verouderd_na_maanden"], warnings, history.doorverwijzingen,
                   erkenning_verloopt_na_maanden=settings["erkenning_verloopt_na_maanden"], literatuur=literatuur,
                   synoniemen=synoniemen, praktijkvoorbeeld_schema=schemas.raw["praktijkvoorbeeld"])


def _method_order(checklist: Checklist, richting_nummer: dict[str, int]) -> tuple:
    """Order of the method: 2.1 ... 2.7, 3.1, the checklists of oplossingsrichting 1-7, 3.2, 4.1."""
    major, _, minor = checklist.stap.partition(".")
    nummer = richting_nummer.get(checklist.oplossingsrichting, 0)
    return int(major), int(minor) if minor else (1 if nummer else 0), nummer, checklist.volgorde, checklist.titel


def _term(data: dict) -> Term:
    subs = tuple(_term(sub) for sub in data.get("subcategorieen", []))
    return Term(**{**data, "subcategorieen": subs})


def _taxonomie(data: dict) -> Taxonomie:
    return Taxonomie(**{**data, "termen": tuple(_term(term) for term in data["termen"])})


def praktijkvoorbeeld_reader(schema: dict):
    """(slug, file, checked YAML data) -> Praktijkvoorbeeld, every field as ``schema`` declares it."""
    read = record_reader(schema)
    return lambda slug, bestand, data: Praktijkvoorbeeld(slug, bestand, read(data))


def _tuples(data: dict) -> dict[str, tuple]:
    return {key: tuple(value) for key, value in data.items()}


def _vuistregel(data: dict | None) -> Vuistregel | None:
    if data is None:
        return None
    return Vuistregel(id=data["id"], kort=data["kort"], voldoet=_tuples(data["voldoet"]),
                      voldoet_niet=_tuples(data.get("voldoet_niet", {})), geldt_bij=_tuples(data.get("geldt_bij", {})))


def _koppeling(data: dict) -> tuple[str, str] | None:
    return next(((key, data[key]) for key in LINK_KEYS if key in data), None)


def _checklist(stem: str, doc, taxonomieen: dict[str, Taxonomie]) -> Checklist:
    data = dict(doc.data)
    data["secties"] = tuple(
        ChecklistSectie(
            titel=sectie.get("titel"),
            koppeling=_koppeling(sectie),
            items=tuple(_checklist_item(item, taxonomieen) for item in sectie["items"]),
        )
        for sectie in data["secties"]
    )
    data["bij_problematiek"] = tuple(data.get("bij_problematiek", ()))
    return Checklist(slug=stem, bestand=doc.path, **data)


def _checklist_item(item: dict, taxonomieen: dict[str, Taxonomie]) -> ChecklistItem:
    # The policy areas an item names are shown as its first voorbeelden: their labels live once, in the vocabulary.
    terreinen = tuple(item.get("beleidsterreinen", ()))
    labels = tuple(taxonomieen["beleidsterrein"].term(term_id).label for term_id in terreinen)
    return ChecklistItem(tekst=item["tekst"], code=item.get("code"),
                         voorbeelden=labels + tuple(item.get("voorbeelden", ())),
                         toelichting=item.get("toelichting"), koppeling=_koppeling(item),
                         stelt_voor=tuple(item.get("stelt_voor", ())), beleidsterreinen=terreinen,
                         vuistregel=_vuistregel(item.get("vuistregel")))


def _oplossingsrichting(doc) -> Oplossingsrichting:
    data = dict(doc.data)
    wanneer = {key: tuple(value) if isinstance(value, list) else value for key, value in data["wanneer"].items()}
    data["wanneer"] = Wanneer(**wanneer)
    data["typen_interventies"] = tuple(data["typen_interventies"])
    data["checklists"] = tuple(data.get("checklists", ()))
    data["literatuur"] = tuple(Verwijzing(**item) for item in data.get("literatuur", ()))
    return Oplossingsrichting(bestand=doc.path, **data)
