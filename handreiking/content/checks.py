"""Checks that need more than one file: ids, slugs, links and usage.

The schema says what one file must look like; these checks say how files fit
together:

- every vocabulary value exists (with a suggestion for a likely typo);
- a ``subcategorie`` belongs to one of the item's oplossingsrichtingen;
- references (``zie_ook``, ``checklists``) point at existing files;
- links use http, https, mailto or a relative path, also inside Markdown;
- a file name is a valid address (fixed when the file was made), and no two titles collide;
- every vocabulary term is used (or marked ``mag_ongebruikt``), every
  oplossingsrichting has a file and at least one praktijkvoorbeeld;
- a praktijkvoorbeeld not checked by the editors for a long time, or never since the
  handreiking, gives a warning; one the editors added must say when they checked it.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any
from collections.abc import Iterator

from .model import FACET_FIELDS, FOLDERS, HANDREIKING_JAAR, LINK_KEYS
from .problems import Problem, Severity, field_name
from .schemas import SchemaSet, resolve_ref, suggest
from .slugs import slugify
from .yamlsource import YamlDocument

SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
# Inline link targets (one level of brackets, as in 'alert(1)'), autolinks and reference definitions.
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?((?:[^()>\s]|\([^()\s]*\))*)|<([a-z][a-z0-9+.\-]*:[^>\s]*)>|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)",
                            re.IGNORECASE | re.MULTILINE)


@dataclass
class Documents:
    """Schema-valid documents per kind, keyed by file stem."""

    taxonomie: dict[str, YamlDocument]
    praktijkvoorbeeld: dict[str, YamlDocument]
    checklist: dict[str, YamlDocument]
    oplossingsrichting: dict[str, YamlDocument]
    casus: dict[str, YamlDocument]

    def content_kinds(self) -> Iterator[tuple[str, dict[str, YamlDocument]]]:
        yield "praktijkvoorbeeld", self.praktijkvoorbeeld
        yield "checklist", self.checklist
        yield "oplossingsrichting", self.oplossingsrichting
        yield "casus", self.casus


def cross_check(docs: Documents, schemas: SchemaSet, today: date, stale_after_months: int) -> list[Problem]:
    vocabularies = _vocabularies(docs)
    slugs = {"praktijkvoorbeeld": set(docs.praktijkvoorbeeld), "checklist": set(docs.checklist)}
    problems: list[Problem] = []
    problems += _check_taxonomies(docs)
    usage: dict[tuple[str, str], int] = defaultdict(int)
    for kind, documents in docs.content_kinds():
        for doc in documents.values():
            for path, keyword, annotation, value in annotated_values(schemas.raw[kind], doc.data):
                problem = _check_value(doc, path, keyword, annotation, value, vocabularies, slugs)
                if problem:
                    problems.append(problem)
                elif keyword == "x-taxonomie" and (kind == "praktijkvoorbeeld" or annotation not in FACET_FIELDS):
                    usage[annotation, value] += 1
    problems += _check_file_names(docs)
    problems += _check_unique_titles(docs.praktijkvoorbeeld, "praktijkvoorbeeld")
    problems += _check_unique_titles(docs.checklist, "checklist")
    problems += _check_oplossingsrichting_files(docs)
    problems += _check_stelt_voor(docs)
    problems += _check_usage(docs, usage)
    bronnen = {term["id"]: term for doc in docs.taxonomie.values() if doc.data["naam"] == "bron"
               for term in doc.data["termen"]}
    problems += _check_checked(docs.praktijkvoorbeeld, bronnen, today, stale_after_months)
    return problems


def annotated_values(root_schema: dict, instance: Any) -> Iterator[tuple[tuple, str, Any, Any]]:
    """Walk an instance with its schema; yield (path, keyword, annotation, value) for x-* keywords."""
    yield from _walk(root_schema, root_schema, instance, ())


def _walk(root: dict, schema: dict, instance: Any, path: tuple):
    schema = resolve_ref(root, schema)
    if isinstance(instance, str):
        for keyword in ("x-taxonomie", "x-verwijzing", "x-url"):
            if keyword in schema:
                yield path, keyword, schema[keyword], instance
        if schema.get("contentMediaType") == "text/markdown":
            yield path, "markdown", True, instance
    elif isinstance(instance, dict):
        properties = schema.get("properties", {})
        for key, value in instance.items():
            if key in properties:
                yield from _walk(root, properties[key], value, path + (key,))
    elif isinstance(instance, list) and "items" in schema:
        for index, value in enumerate(instance):
            yield from _walk(root, schema["items"], value, path + (index,))


def _vocabularies(docs: Documents) -> dict[str, dict[str, list[str]]]:
    """Vocabulary name -> {'ids': [...], 'sub:<term id>': [subcategory ids]}."""
    result: dict[str, dict[str, list[str]]] = {}
    for doc in docs.taxonomie.values():
        entry = {"ids": [term["id"] for term in doc.data["termen"]]}
        for term in doc.data["termen"]:
            entry[f"sub:{term['id']}"] = [sub["id"] for sub in term.get("subcategorieen", [])]
        result[doc.data["naam"]] = entry
    return result


def _check_value(doc, path, keyword, annotation, value, vocabularies, slugs) -> Problem | None:
    def problem(message: str) -> Problem:
        return Problem(doc.path, doc.line_of(path), field_name(path), message)

    if keyword == "x-taxonomie" and annotation == "subcategorie":
        allowed = [sub for richting in doc.data.get("oplossingsrichtingen", [])
                   for sub in vocabularies.get("oplossingsrichting", {}).get(f"sub:{richting}", [])]
        if value not in allowed:
            hint = f"; kies uit: {', '.join(allowed)}" if allowed else \
                "; de gekozen oplossingsrichtingen hebben geen subcategorieën"
            return problem(f"onbekende subcategorie '{value}'{suggest(value, allowed)}{hint}")
    elif keyword == "x-taxonomie":
        if annotation not in vocabularies:
            return None  # the taxonomy file itself is broken and reported already
        ids = vocabularies[annotation]["ids"]
        if value not in ids:
            return problem(f"onbekende {annotation} '{value}'{suggest(value, ids)}; "
                           f"zie content/taxonomie/{annotation}.yml")
    elif keyword == "x-verwijzing":
        if value not in slugs[annotation]:
            return problem(f"{annotation} '{value}' bestaat niet{suggest(value, slugs[annotation])}; "
                           f"verwacht content/{FOLDERS[annotation]}/{value}.yml")
    elif keyword == "x-url":
        if not is_safe_url(value):
            return problem(f"link '{value}' is niet toegestaan; gebruik https://, http://, mailto: "
                           "of een relatief pad")
    elif keyword == "markdown":
        unsafe = [target for match in _MARKDOWN_LINK.finditer(value)
                  for target in match.groups() if target is not None and not is_safe_url(target)]
        if unsafe:
            listed = ", ".join(f"'{target}'" for target in unsafe)
            noun = "link" if len(unsafe) == 1 else "links"
            verb = "is" if len(unsafe) == 1 else "zijn"
            return problem(f"{noun} {listed} in de tekst {verb} niet toegestaan; gebruik https://, http://, "
                           "mailto: of een relatief pad")
    return None


def is_safe_url(url: str) -> bool:
    """True for http(s), mailto and relative links; browsers ignore control characters in schemes."""
    cleaned = _CONTROL.sub("", url)
    if cleaned.startswith("//"):
        return False  # protocol-relative: another host
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def _check_taxonomies(docs: Documents) -> list[Problem]:
    problems = []
    for stem, doc in docs.taxonomie.items():
        if doc.data["naam"] != stem:
            problems.append(Problem(doc.path, doc.line_of(("naam",)), "naam",
                                    f"naam '{doc.data['naam']}' moet gelijk zijn aan de bestandsnaam '{stem}'"))
        seen: dict[str, int] = {}
        for index, term in enumerate(doc.data["termen"]):
            for sub_index, item in [(None, term)] + list(enumerate(term.get("subcategorieen", []))):
                path = ("termen", index) if sub_index is None else ("termen", index, "subcategorieen", sub_index)
                if item["id"] in seen:
                    problems.append(Problem(doc.path, doc.line_of(path + ("id",)), field_name(path + ("id",)),
                                            f"id '{item['id']}' komt al voor op regel {seen[item['id']]}"))
                seen[item["id"]] = doc.line_of(path + ("id",))
    return problems


# An address: lowercase letters, digits and single hyphens, as the form and `make nieuw` make them.
ADDRESS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _check_file_names(docs: Documents) -> list[Problem]:
    """A file name is the item's address: made from the title once, then fixed (a new title keeps it)."""
    problems = []
    for kind, documents in docs.content_kinds():
        for stem, doc in documents.items():
            if kind == "oplossingsrichting":
                if stem != doc.data["id"]:
                    problems.append(Problem(doc.path, doc.line_of(("id",)), "id",
                                            f"bestand moet {doc.data['id']}.yml heten (het id); hernoem het bestand"))
            elif not ADDRESS.match(stem):
                problems.append(Problem(doc.path, 1, "", f"de bestandsnaam '{stem}' is het webadres en mag alleen "
                                        "kleine letters, cijfers en enkele streepjes bevatten, bijvoorbeeld "
                                        f"'{slugify(stem) or 'buurtvaders'}.yml'"))
    return problems


def _check_unique_titles(documents: dict[str, YamlDocument], kind: str) -> list[Problem]:
    """Two items with the same title (ignoring case, accents and punctuation) confuse readers."""
    by_title: dict[str, list[tuple[str, YamlDocument]]] = defaultdict(list)
    for stem, doc in documents.items():
        by_title[slugify(doc.data["titel"])].append((stem, doc))
    problems = []
    every = "elk" if kind == "praktijkvoorbeeld" else "elke"
    for same_title in by_title.values():
        # The oldest address keeps the title: the one made from it, else the shortest (the form adds '-1').
        same_title.sort(key=lambda item: (item[0] != slugify(item[1].data["titel"]), len(item[0]), item[0]))
        first = same_title[0][1]
        for _, doc in same_title[1:]:
            problems.append(Problem(doc.path, doc.line_of(("titel",)), "titel",
                                    f"{first.path} heeft al de titel '{first.data['titel']}'; {every} {kind} heeft "
                                    "een eigen titel nodig: kies een andere titel"))
    return problems


def _check_oplossingsrichting_files(docs: Documents) -> list[Problem]:
    taxonomy = next((doc for doc in docs.taxonomie.values() if doc.data["naam"] == "oplossingsrichting"), None)
    if taxonomy is None:
        return []
    problems = []
    for nummer, term in enumerate(taxonomy.data["termen"], start=1):
        doc = docs.oplossingsrichting.get(term["id"])
        path = ("termen", nummer - 1, "id")
        if doc is None:
            problems.append(Problem(taxonomy.path, taxonomy.line_of(path), field_name(path),
                                    f"oplossingsrichting '{term['id']}' heeft geen bestand "
                                    f"content/oplossingsrichtingen/{term['id']}.yml"))
        elif doc.data["nummer"] != nummer:
            problems.append(Problem(doc.path, doc.line_of(("nummer",)), "nummer",
                                    f"nummer moet {nummer} zijn (de plaats in content/taxonomie/oplossingsrichting.yml)"))
    return problems


def _check_stelt_voor(docs: Documents) -> list[Problem]:
    """'stelt_voor' only on an item without a koppeling: the buurtanalyse reads it from the ticked punt."""
    problems = []
    for doc in docs.checklist.values():
        for s, sectie in enumerate(doc.data["secties"]):
            for i, item in enumerate(sectie["items"]):
                linked = next((key for key in LINK_KEYS if key in item), None)
                if "stelt_voor" in item and linked:
                    path = ("secties", s, "items", i, "stelt_voor")
                    problems.append(Problem(doc.path, doc.line_of(path), field_name(path),
                                            f"'stelt_voor' kan alleen bij een punt zonder koppeling; dit punt "
                                            f"heeft '{linked}'. Zet 'stelt_voor' bij een ander punt of haal het weg"))
    return problems


def _check_usage(docs: Documents, usage: dict[tuple[str, str], int]) -> list[Problem]:
    problems = []
    for doc in docs.taxonomie.values():
        name = doc.data["naam"]
        for index, term in enumerate(doc.data["termen"]):
            if usage[name, term["id"]] or term.get("mag_ongebruikt"):
                continue
            path = ("termen", index, "id")
            where = "geen enkel praktijkvoorbeeld" if name in FACET_FIELDS else "geen enkel bestand"
            problems.append(Problem(doc.path, doc.line_of(path), field_name(path),
                                    f"{name} '{term['id']}' wordt door {where} gebruikt; gebruik de term "
                                    "of zet 'mag_ongebruikt: true' bij de term"))
    return problems


def _check_checked(documents: dict[str, YamlDocument], bronnen: dict[str, dict], today: date,
                   months: int) -> list[Problem]:
    """When the editors last checked each praktijkvoorbeeld (``gecontroleerd_op``)."""
    field = "gecontroleerd_op"
    problems = []
    for doc in documents.values():
        if field not in doc.data:
            # Without the field an item shows the handreiking's account; the editors' own items have none.
            if not _from_handreiking(bronnen.get(doc.data["bron"])):
                problems.append(Problem(doc.path, doc.line_of(("bron",)), field,
                                        f"ontbreekt; vul de datum in waarop u de gegevens hebt nagegaan, "
                                        f"bijvoorbeeld '{field}: {today.isoformat()}'"))
            else:
                problems.append(Problem(doc.path, doc.line_of(("bron",)), field,
                                        f"nooit gecontroleerd sinds de handreiking ({HANDREIKING_JAAR}); ga na of het "
                                        f"praktijkvoorbeeld nog klopt en vul '{field}' in", Severity.WARNING,
                                        summary=f"praktijkvoorbeeld(en) nooit gecontroleerd sinds de handreiking "
                                                f"({HANDREIKING_JAAR}); ga na of ze nog kloppen en vul '{field}' in"))
            continue
        checked = date.fromisoformat(doc.data[field])
        if checked > today:
            problems.append(Problem(doc.path, doc.line_of((field,)), field,
                                    f"datum {checked.isoformat()} ligt in de toekomst"))
        elif is_stale(checked, today, months):
            problems.append(Problem(doc.path, doc.line_of((field,)), field,
                                    f"niet gecontroleerd sinds {checked.isoformat()} (meer dan {months} maanden); "
                                    "ga na of het praktijkvoorbeeld nog klopt", Severity.WARNING))
    return problems


def _from_handreiking(bron: dict | None) -> bool:
    # A bron with a place in the handreiking ('pagina') marks an example taken from it.
    return bool(bron and bron.get("pagina"))


def is_stale(checked: date, today: date, months: int) -> bool:
    """True when ``checked`` lies more than ``months`` calendar months before ``today``."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    cutoff = date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))
    return checked < cutoff


def needs_check(checked: date | None, today: date, months: int) -> bool:
    """True for an example never checked by the editors, or not for ``months`` months."""
    return checked is None or is_stale(checked, today, months)
