"""Check one YAML document against its JSON Schema and explain problems in Dutch.

The schemas in ``content/schemas/`` are the contract for editors; the field
reference on the site is generated from them. Three project-specific keywords
are annotations only, read by :mod:`handreiking.content.checks`:

- ``x-taxonomie``: the value must be an id of that vocabulary;
- ``x-verwijzing``: the value must be the slug of an existing item;
- ``x-url``: the value must be a safe link (http, https, mailto or relative).
"""

from __future__ import annotations

import copy
import difflib
import json
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Iterator

import fastjsonschema

if TYPE_CHECKING:  # jsonschema is imported only when a file is invalid (it takes ~70 ms)
    from jsonschema import ValidationError

from .cache import folder_digest
from .problems import Problem, field_name
from .yamlsource import BareDate, YamlDocument, value_at

_TYPE_NAMES = {
    "string": "tekst",
    "array": "lijst",
    "object": "blok met velden",
    "integer": "geheel getal",
    "number": "getal",
    "boolean": "true of false",
    "null": "leeg",
}


def _python_type_name(value: Any) -> str:
    if isinstance(value, BareDate):
        return "datum"
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, (int, float)):
        return "getal"
    if value is None:
        return "leeg"
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, dict):
        return "blok met velden"
    return "tekst"


@cache
def _explaining_validator():
    """jsonschema's Draft 2020-12 validator, where a bare date is a string only in date fields."""
    from jsonschema import Draft202012Validator, ValidationError, validators

    def type_keyword(validator, types, instance, schema):
        if isinstance(instance, BareDate) and schema.get("format") != "date":
            yield ValidationError("bare date", validator="type", validator_value=types)
            return
        yield from Draft202012Validator.VALIDATORS["type"](validator, types, instance, schema)

    extended = validators.extend(Draft202012Validator, {"type": type_keyword})
    return lambda schema: extended(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _is_iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


class SchemaSet:
    """The schemas of ``content/schemas``, by name (``praktijkvoorbeeld``, ``checklist``, ...).

    A valid file is confirmed by a compiled validator (fastjsonschema, ~100 times
    faster); only a file with problems goes through jsonschema, which lists every
    problem with its path for the Dutch messages.
    """

    def __init__(self, schema_dir: Path):
        self.raw: dict[str, dict] = {
            file.name.removesuffix(".schema.json"): json.loads(file.read_text(encoding="utf-8"))
            for file in sorted(schema_dir.glob("*.schema.json"))
        }
        # The keywords we use mean the same in draft 7, which fastjsonschema compiles.
        # It rewrites $ref in place, hence the deep copy.
        self._compiled = {
            name: fastjsonschema.compile({**copy.deepcopy(schema), "$schema": "http://json-schema.org/draft-07/schema#"},
                                         formats={"date": _is_iso_date})
            for name, schema in self.raw.items()
        }

    def validate(self, doc: YamlDocument, schema_name: str) -> list[Problem]:
        if self._quick_valid(doc, schema_name):
            return []
        validator = _explaining_validator()(self.raw[schema_name])
        return [problem for error in _leaf_errors(validator.iter_errors(doc.data))
                for problem in _problems(error, doc)]

    def _quick_valid(self, doc: YamlDocument, schema_name: str) -> bool:
        try:
            self._compiled[schema_name](doc.data)
        except fastjsonschema.JsonSchemaException:
            return False
        # The compiled validator takes a bare date for any string; only date fields may hold one.
        return all(self._is_date_field(schema_name, _shape(path)) for path in doc.typed_text
                   if isinstance(value_at(doc.data, path), BareDate))

    @cache  # noqa: B019 - one SchemaSet per build or check; the cache lives exactly as long
    def _is_date_field(self, schema_name: str, shape: tuple) -> bool:
        root = self.raw[schema_name]
        schema = root
        for key in shape:
            schema = resolve_ref(root, schema)
            schema = schema.get("items", {}) if key is None else schema.get("properties", {}).get(key, {})
        return resolve_ref(root, schema).get("format") == "date"


def _shape(path: tuple) -> tuple:
    """The path with list positions left out: where in the schema the value lives."""
    return tuple(None if isinstance(part, int) else part for part in path)


def resolve_ref(root: dict, schema: dict) -> dict:
    """Follow local ``$ref`` pointers (``#/$defs/...``) to the schema they name."""
    while "$ref" in schema:
        schema = ref_target(root, schema["$ref"])
    return schema


def ref_target(root: dict, ref: str) -> dict:
    """The schema one local pointer such as ``#/$defs/term`` names (itself possibly a ``$ref``)."""
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def project_schemas(root: Path) -> SchemaSet:
    """The schemas in ``content/schemas/`` of the project at ``root``, compiled again only when they changed
    (``make serve`` runs for hours; compiling all of them takes a tenth of a second)."""
    schema_dir = (root / "content" / "schemas").resolve()
    return _schema_set(schema_dir, folder_digest(schema_dir, "*.schema.json"))


@lru_cache(maxsize=4)
def _schema_set(schema_dir: Path, version: str) -> SchemaSet:
    return SchemaSet(schema_dir)


def _leaf_errors(errors) -> Iterator[ValidationError]:
    for error in errors:
        if error.context:  # anyOf/oneOf: report the most specific causes
            yield from _leaf_errors(error.context)
        else:
            yield error


def _problems(error: ValidationError, doc: YamlDocument) -> list[Problem]:
    """Problems for one schema error, named by the field (a missing field by its own name)."""
    path = tuple(error.absolute_path)
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        allowed = sorted(error.schema.get("properties", {}))
        return [Problem(doc.path, doc.line_of(path + (name,)), field_name(path + (name,)),
                        f"onbekend veld '{name}'{suggest(name, allowed)}; toegestane velden: {', '.join(allowed)}")
                for name in sorted(set(error.instance) - set(allowed))]
    if error.validator == "required":
        # jsonschema gives one error per missing field, named first in its message.
        missing = next((name for name in error.validator_value
                        if name not in error.instance and error.message.startswith(repr(name))), "?")
        # line_of finds no line for the missing field and gives that of the block it belongs in.
        return [Problem(doc.path, doc.line_of(path), field_name(path + (missing,)),
                        f"verplicht veld '{missing}' ontbreekt")]
    message = _dutch_message(error, doc, path)
    return [Problem(doc.path, doc.line_of(path), field_name(path), message)]


def _dutch_message(error: ValidationError, doc: YamlDocument, path: tuple) -> str:
    keyword, expected, value = error.validator, error.validator_value, error.instance
    if keyword == "type":
        return _type_message(expected, value, doc.typed_text.get(path))
    if keyword == "minLength":
        return f"tekst is te kort (minstens {expected} tekens)"
    if keyword == "maxLength":
        return f"tekst is te lang ({len(value)} tekens; hooguit {expected})"
    if keyword == "minItems":
        return f"lijst heeft minstens {expected} waarde(n) nodig"
    if keyword == "maxItems":
        return f"lijst heeft te veel waarden (hooguit {expected})"
    if keyword == "uniqueItems":
        return "lijst bevat een waarde twee keer"
    if keyword == "pattern":
        return f"waarde '{value}' heeft niet de juiste vorm"
    if keyword == "format" and expected == "date":
        return f"'{value}' is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2024-05-01"
    if keyword in ("minimum", "maximum"):
        return f"getal {value} ligt buiten het toegestane bereik"
    if keyword == "enum":
        options = ", ".join(str(option) for option in expected)
        return f"waarde '{value}' is niet toegestaan; kies uit: {options}"
    return f"ongeldige waarde ({error.message})"


def _type_message(expected, value: Any, typed_text: str | None) -> str:
    wanted = expected if isinstance(expected, list) else [expected]
    wanted_text = " of ".join(_TYPE_NAMES.get(kind, kind) for kind in wanted)
    if typed_text is not None and "string" in wanted:
        kind = _python_type_name(value)
        return (f"'{typed_text}' wordt in YAML gelezen als {kind}, niet als tekst; "
                f"zet de waarde tussen aanhalingstekens: \"{typed_text}\"")
    return f"moet {wanted_text} zijn, maar is {_python_type_name(value)}"


def suggest(word: str, options) -> str:
    """' (bedoelde u ...?)' with the closest of ``options``, for a likely typo; else ''."""
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (bedoelde u '{match[0]}'?)" if match else ""
