"""The open data at /data/: the praktijkvoorbeelden as JSON and CSV, their schema, vocabularies and checklists.

    files = open_data_files(content, content_schema, history, url_for)   # {"data/...": text}

- ``praktijkvoorbeelden.json``: one record per praktijkvoorbeeld with every field
  of ``content/schemas/praktijkvoorbeeld.schema.json`` (an
  absent optional field is ``null`` or ``[]``), plus ``slug``, ``url``, ``laatst_gewijzigd`` and the
  change history ``wijzigingen`` (see :mod:`handreiking.content.history`);
- ``praktijkvoorbeelden.schema.json``: generated from the content schema by
  :func:`published_schema`, so it cannot drift from what ``make check`` accepts;
- ``praktijkvoorbeelden.csv``: the same records, one row each, columns from the
  schema (:func:`csv_columns`): a list is one cell with its values joined by
  :data:`LIST_SEPARATOR`, a block (``erkenning``) or a list of blocks (``links``)
  gets a column per field (``links.titel``, ``links.url``); no change history;
- ``praktijkvoorbeelden-spreadsheet.csv``: the same rows for a spreadsheet opened by double-click in Dutch
  settings (:func:`spreadsheet_lines`): semicolons, a byte order mark, headings and values as readers see them
  (labels instead of vocabulary ids, titles instead of slugs in ``zie_ook``), no line break inside a cell, and a
  cell a spreadsheet would run as a formula starts with an apostrophe (:func:`spreadsheet_cell`; the browser
  writes CSV with the same rules, handreiking-csv.js);
- ``vocabulaires.json`` and ``checklists.json``: as in the site's data file (:mod:`handreiking.tools.export`).

The records come from the model through :func:`handreiking.export.json_value`, the
one conversion the site's data file uses too.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from typing import Any
from collections.abc import Iterator


from ..content.cache import KeepPerItem, digest, made_once
from ..content.history import COMPLETE, NO_GIT, SHALLOW, ChangeHistory
from ..content.model import BRON, Content, Praktijkvoorbeeld
from ..site.field_reference import code, field_rows
from ..site.templating import markdown_templates
from ..site.urls import relative, voorbeeld_path
from .export import UrlFor, checklists_data, json_value, to_json, vocabularies_data

FOLDER = "data"
JSON_FILE = f"{FOLDER}/praktijkvoorbeelden.json"
CSV_FILE = f"{FOLDER}/praktijkvoorbeelden.csv"
SPREADSHEET_FILE = f"{FOLDER}/praktijkvoorbeelden-spreadsheet.csv"
SCHEMA_FILE = f"{FOLDER}/praktijkvoorbeelden.schema.json"
VOCABULARIES_FILE = f"{FOLDER}/vocabulaires.json"
CHECKLISTS_FILE = f"{FOLDER}/checklists.json"
# The rows of both CSV files again, as a script for the interventiewijzer's "download deze selectie als CSV"
# (a page opened from file:// cannot fetch the CSV file); wijzer-csv.js loads it on the first click.
CSV_SCRIPT = "assets/data/praktijkvoorbeelden-csv.js"
CSV_GLOBAL = "HANDREIKING_CSV"
LIST_SEPARATOR = " | "
# The spreadsheet form (Excel in Dutch settings reads a semicolon, and UTF-8 only after a byte order mark).
SPREADSHEET_DELIMITER = ";"
BOM = "\ufeff"
# A cell starting with one of these is a formula to a spreadsheet, unless it is just a number ("-5", "+3,5%").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?%?$")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
VERSION = 1
# What each file in /data/ holds, in the order the pages /data/ and Open data list them.
DESCRIPTIONS = {
    JSON_FILE: "Alle praktijkvoorbeelden met alle velden en hun wijzigingen (JSON).",
    CSV_FILE: "Dezelfde praktijkvoorbeelden als tabel: één regel per praktijkvoorbeeld (CSV volgens de standaard, "
              "met ids). Voor wie de gegevens verder verwerkt.",
    SPREADSHEET_FILE: "Dezelfde tabel om te openen in een spreadsheet zoals Excel: met een dubbelklik, met namen in "
                      "plaats van ids. Voor wie de gegevens wil lezen, filteren en sorteren.",
    SCHEMA_FILE: "De beschrijving van het JSON-bestand als JSON Schema (versie 2020-12), om het te controleren.",
    VOCABULARIES_FILE: "De vaste lijsten van waarden (oplossingsrichtingen, locaties, doelgroepen, problematiek, "
                       "status, ...) met hun namen en uitleg.",
    CHECKLISTS_FILE: "Alle checklists van het stappenplan met hun secties en punten.",
}

# Fields the open data adds to those of the content schema.
_ADDED_BEFORE = {
    "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
             "description": "Vaste sleutel van het praktijkvoorbeeld: de bestandsnaam zonder .yml."},
    "url": {"type": "string", "description": "Webadres van de pagina, ten opzichte van het adres van de site."},
}
_ADDED_AFTER = {
    "laatst_gewijzigd": {
        "type": ["string", "null"], "format": "date",
        "description": "Datum van de nieuwste inhoudelijke wijziging (zie wijzigingen); null als er geen is of "
                       "die bij het bouwen niet bekend was. Niet te verwarren met de datum van een controle.",
    },
    "wijzigingen": {
        "type": "array",
        "description": "Elke inhoudelijke wijziging met de toelichting die de redactie voor lezers schreef "
                       "(het veld wijziging), gedateerd uit de versiegeschiedenis (git), de nieuwste eerst.",
        "items": {
            "type": "object", "additionalProperties": False, "required": ["datum", "bericht", "commit"],
            "properties": {
                "datum": {"type": "string", "format": "date", "description": "Datum van de wijziging."},
                "bericht": {"type": "string", "description": "Wat er veranderde, zoals de redactie het voor lezers "
                                                             "schreef."},
                "commit": {"type": "string", "pattern": "^[0-9a-f]{40}$",
                           "description": "Id van de wijziging (git-commit)."},
            },
        },
    },
}


def published_schema(content_schema: dict, content: Content) -> dict:
    """The JSON Schema of praktijkvoorbeelden.json, made from the schema editors write against.

    Every field is always present: an optional one may be null (or an empty list). Vocabulary
    fields list their allowed ids (``enum``), read from content/taxonomie/.
    """
    record = copy.deepcopy(content_schema)
    properties = {name: _published_field(record["properties"][name], name in record.get("required", ()), content)
                  for name in published_fields(content_schema)}
    properties = {**_ADDED_BEFORE, **properties, **_ADDED_AFTER}
    item = {key: value for key, value in record.items() if key not in ("$schema", "$id", "$defs", "title")}
    item.update(title="Praktijkvoorbeeld", properties=properties, required=list(properties))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "praktijkvoorbeelden.schema.json",
        "title": "Praktijkvoorbeelden (open data)",
        "description": f"De praktijkvoorbeelden van de site, naar {BRON}. Gemaakt uit "
                       "content/schemas/praktijkvoorbeeld.schema.json.",
        "type": "object",
        "additionalProperties": False,
        "required": ["versie", "bron", "wijzigingsgeschiedenis", "praktijkvoorbeelden"],
        "properties": {
            "versie": {"const": VERSION, "description": "Versie van de vorm van dit bestand."},
            "bron": {"type": "string", "description": "Waar de inhoud vandaan komt."},
            "wijzigingsgeschiedenis": {
                "enum": [COMPLETE, SHALLOW, NO_GIT],
                "description": "Of de wijzigingen compleet zijn: volledig, ondiep (oudere ontbreken) of "
                               "geen-git (niet beschikbaar bij het bouwen).",
            },
            "praktijkvoorbeelden": {"type": "array", "items": {"$ref": "#/$defs/praktijkvoorbeeld"}},
        },
        "$defs": {**record.get("$defs", {}), "praktijkvoorbeeld": item},
    }


def published_fields(content_schema: dict) -> list[str]:
    """The content fields in the open data: every field of the schema (the model holds each), in schema order."""
    return list(content_schema["properties"])


def _published_field(field: dict, required: bool, content: Content) -> dict:
    field = _with_enums(field, content)
    has_default = field.pop("default", None) is not None  # the model fills it in: never null
    if required or has_default:
        return field
    if field.get("type") == "array":
        field.pop("minItems", None)  # absent: an empty list
    else:
        field["type"] = [field["type"], "null"]
        if "enum" in field:
            field["enum"].append(None)
    return field


def _with_enums(schema: Any, content: Content) -> Any:
    """A copy of ``schema`` where each vocabulary field also lists its allowed ids."""
    if isinstance(schema, list):
        return [_with_enums(item, content) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: _with_enums(value, content) for key, value in schema.items()}
    vocabulary = schema.get("x-taxonomie")
    if vocabulary == "subcategorie":
        result["enum"] = [sub.id for term in content.taxonomieen["oplossingsrichting"].termen
                          for sub in term.subcategorieen]
    elif vocabulary in content.taxonomieen:
        result["enum"] = list(content.taxonomieen[vocabulary].ids)
    return result


def record(v: Praktijkvoorbeeld, history: ChangeHistory, fields: list[str], url_for: UrlFor) -> dict:
    """One praktijkvoorbeeld as open data: the content fields in schema order, then its history."""
    changes = history.of(v.bestand)
    data = {"slug": v.slug, "url": url_for(voorbeeld_path(v.slug))}
    data.update({name: json_value(getattr(v, name)) for name in fields})
    data["laatst_gewijzigd"] = changes[0].datum.isoformat() if changes else None
    data["wijzigingen"] = [json_value(change) for change in changes]
    return data


def praktijkvoorbeelden_data(content: Content, content_schema: dict, history: ChangeHistory,
                             url_for: UrlFor, each: KeepPerItem = made_once) -> dict:
    """The content of praktijkvoorbeelden.json. ``each``: see handreiking.content.cache.PerItem."""
    fields = published_fields(content_schema)
    records = [each("open data", v, _record_inputs(v, fields, history, url_for),
                    lambda v=v: record(v, history, fields, url_for))
               for v in content.praktijkvoorbeelden]
    return {"versie": VERSION, "bron": BRON, "wijzigingsgeschiedenis": history.status, "praktijkvoorbeelden": records}


def csv_columns(schema: dict) -> list[tuple[str, ...]]:
    """The CSV columns of a record schema, as paths: ('titel',), ('erkenning', 'databank'), ('links', 'url')."""
    item = schema["$defs"]["praktijkvoorbeeld"]
    columns = []
    for name, field in item["properties"].items():
        inner = field.get("items", field)
        if name == "wijzigingen":
            continue  # only in the JSON; the CSV has laatst_gewijzigd
        if "properties" in inner:
            columns += [(name, sub) for sub in inner["properties"]]
        else:
            columns.append((name,))
    return columns


def _cell(data: dict, path: tuple[str, ...]) -> str:
    value = data.get(path[0])
    if len(path) == 2:  # a field of a block, or of each block in a list
        value = [block.get(path[1]) for block in value] if isinstance(value, list) else (value or {}).get(path[1])
    if isinstance(value, list):
        return LIST_SEPARATOR.join("" if item is None else str(item) for item in value)
    return "" if value is None else str(value)


def _record_inputs(v: Praktijkvoorbeeld, fields: list[str], history: ChangeHistory, url_for: UrlFor) -> tuple:
    """What a record is made of besides the praktijkvoorbeeld itself (for PerItem)."""
    return tuple(fields), url_for(voorbeeld_path(v.slug)), history.of(v.bestand)


def csv_lines(data: dict, schema: dict) -> Iterator[str]:
    """The header and one line per praktijkvoorbeeld, each ending in CRLF (RFC 4180)."""
    columns = csv_columns(schema)
    yield _csv_header(columns)
    for item in data["praktijkvoorbeelden"]:
        yield _csv_row(item, columns)


def _csv_header(columns: list[tuple[str, ...]]) -> str:
    return csv_line([".".join(path) for path in columns])


def _csv_row(item: dict, columns: list[tuple[str, ...]]) -> str:
    return csv_line([_cell(item, path) for path in columns])


def csv_line(cells: list[str], delimiter: str = ",") -> str:
    """One CSV line ending in CRLF, quoted where needed (the rule handreiking-csv.js follows too)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


def spreadsheet_cell(value: str) -> str:
    """A cell for a spreadsheet: line breaks become one space (none at the ends), and a formula is written as text."""
    value = _LINE_BREAKS.sub(" ", value).strip()
    if value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def _heading(path: tuple[str, ...]) -> str:
    """'gecontroleerd_op' -> 'Gecontroleerd op', ('links', 'url') -> 'Links: url'."""
    text = ": ".join(part.replace("_", " ") for part in path)
    return text[0].upper() + text[1:]


def _readable(schema: dict, content: Content) -> dict[tuple[str, ...], dict[str, str]]:
    """Per column path whose values are ids: id -> what a reader sees (a label, or a praktijkvoorbeeld's title)."""
    item = schema["$defs"]["praktijkvoorbeeld"]
    names: dict[tuple[str, ...], dict[str, str]] = {}
    for path in csv_columns(schema):
        field = item["properties"][path[0]]
        inner = field.get("items", field)
        if len(path) == 2:
            inner = inner["properties"][path[1]]
        vocabulary, reference = inner.get("x-taxonomie"), inner.get("x-verwijzing")
        if vocabulary == "subcategorie":
            names[path] = {sub.id: sub.label for term in content.taxonomieen["oplossingsrichting"].termen
                           for sub in term.subcategorieen}
        elif vocabulary:
            names[path] = {term.id: term.label for term in content.taxonomieen[vocabulary].termen}
        elif reference == "praktijkvoorbeeld":
            names[path] = {v.slug: v.titel for v in content.praktijkvoorbeelden}
    return names


def spreadsheet_lines(data: dict, schema: dict, content: Content) -> Iterator[str]:
    """The lines of the spreadsheet form (see the module's docstring), without the byte order mark."""
    columns = csv_columns(schema)
    names = _readable(schema, content)
    yield _spreadsheet_header(columns)
    for item in data["praktijkvoorbeelden"]:
        yield _spreadsheet_row(item, columns, names)


def _spreadsheet_header(columns: list[tuple[str, ...]]) -> str:
    return csv_line([_heading(path) for path in columns], SPREADSHEET_DELIMITER)


def _spreadsheet_row(item: dict, columns: list[tuple[str, ...]], names: dict[tuple[str, ...], dict[str, str]]) -> str:
    def cell(path: tuple[str, ...]) -> str:
        text = _cell(item, path)
        if path in names and text:
            text = LIST_SEPARATOR.join(names[path].get(value, value) for value in text.split(LIST_SEPARATOR))
        return spreadsheet_cell(text)

    return csv_line([cell(path) for path in columns], SPREADSHEET_DELIMITER)


def open_data_files(content: Content, content_schema: dict, history: ChangeHistory, url_for: UrlFor,
                    each: KeepPerItem = made_once) -> dict[str, str]:
    """Every generated file of the open data, by its path in the site."""
    schema = published_schema(content_schema, content)
    data = praktijkvoorbeelden_data(content, content_schema, history, url_for, each)
    fields, columns, names = published_fields(content_schema), csv_columns(schema), _readable(schema, content)
    header, sheet_header = _csv_header(columns), _spreadsheet_header(columns)
    # An item's two lines: from its record, with the labels and titles its ids stand for.
    inputs = (tuple(columns), digest(repr(names).encode("utf-8")))
    rows_per_item = [each("open data: regels", v, (_record_inputs(v, fields, history, url_for), inputs),
                          lambda item=item: (_csv_row(item, columns), _spreadsheet_row(item, columns, names)))
                     for v, item in zip(content.praktijkvoorbeelden, data["praktijkvoorbeelden"])]
    lines, sheet_lines = [row[0] for row in rows_per_item], [row[1] for row in rows_per_item]
    slugs = [item["slug"] for item in data["praktijkvoorbeelden"]]
    rows = {"kop": header, "rijen": dict(zip(slugs, lines)),
            "spreadsheet": {"bom": BOM, "kop": sheet_header, "rijen": dict(zip(slugs, sheet_lines))}}
    return {
        JSON_FILE: _pretty(data),
        SCHEMA_FILE: _pretty(schema),
        CSV_FILE: header + "".join(lines),
        SPREADSHEET_FILE: BOM + sheet_header + "".join(sheet_lines),
        VOCABULARIES_FILE: _pretty(vocabularies_data(content, url_for)),
        CHECKLISTS_FILE: _pretty(checklists_data(content, url_for)),
        CSV_SCRIPT: f"window.{CSV_GLOBAL} = {to_json(rows)};\n",
    }


def _pretty(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def file_table(page: str) -> str:
    """Markdown: a row per file in /data/ with its link from ``page`` (a source path) and what it holds."""
    files = [{"naam": path.rpartition("/")[2], "url": relative(page, path), "beschrijving": text}
             for path, text in DESCRIPTIONS.items()]
    return markdown_templates().get_template("open_data_bestanden.md.j2").render(bestanden=files)


def reuse_text(page: str) -> str:
    """Markdown: the rights as the colophon states them and how to cite the data, for ``page``."""
    return markdown_templates().get_template("open_data_hergebruik.md.j2").render(
        bronvermelding_url=relative(page, "bronvermelding.md"))


def field_table(content: Content, content_schema: dict, vocabulary_page: str) -> str:
    """Markdown: a row per field of the published record schema, then the CSV columns (for the page Open data)."""
    schema = published_schema(content_schema, content)
    return markdown_templates().get_template("open_data_velden.md.j2").render(
        rijen=field_rows(schema["$defs"]["praktijkvoorbeeld"], content, vocabulary_page),
        kolommen=[".".join(path) for path in csv_columns(schema)], code=code)
