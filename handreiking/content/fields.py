"""A content item's fields as its JSON Schema declares them: the one list of a praktijkvoorbeeld's fields.

``content/schemas/praktijkvoorbeeld.schema.json`` says which fields a praktijkvoorbeeld has, which
are lists, dates or blocks, and their defaults. :func:`record_reader` turns that schema into a
function that reads a checked YAML document into a :class:`Record` holding every property of the
schema. The model, the data file of the page scripts and the open data read the fields from there,
so none of them keeps a list of its own: a new optional field in the schema is at once in all three
(and in the form at /beheer/ and on the page Voor redacteuren, made from the same schema).

    read = record_reader(schema)
    fields = read(doc.data)      # fields.doelgroepen == ("jongeren",); fields.gemeente is None when absent

Per property of the schema:

- absent: its ``default`` when the schema gives one, else ``()`` for a list and ``None`` otherwise;
- a list: a tuple of its items, each read by the rules of ``items``;
- text with ``"format": "date"``: a :class:`datetime.date`;
- a block (an object with ``properties``): a Record of its own properties, by the same rules;
- anything else as YAML gives it (text, numbers, true/false).

:func:`field_name_problems` lists what a record cannot hold, in Dutch with the schema file, line and
field: a field name that is no plain name (``contra-indicaties``) or that the model already uses
itself (``slug``, ``bestand``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from .problems import Problem
from .schemas import resolve_ref

Reader = Callable[[Any], Any]

# Field names a template and Python read as attributes: lower case, digits and underscores.
_NAME = re.compile(r"[a-z][a-z0-9_]*")


class Record:
    """Named fields, read-only and hashable: ``erkenning.datum``, also in templates."""

    __slots__ = ("_values",)
    RESERVED = frozenset({"as_dict"})  # names of the record itself, not free for a field

    def __init__(self, values: dict[str, Any]):
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    def __repr__(self) -> str:
        return f"Record({self._values!r})"

    def as_dict(self) -> dict[str, Any]:
        """The fields in schema order."""
        return dict(self._values)


def record_reader(schema: dict) -> Callable[[dict], Record]:
    """The reader of documents valid under ``schema`` (an object schema): data -> Record of every property."""
    return _block_reader(schema, schema)


def _block_reader(root: dict, schema: dict) -> Callable[[dict], Record]:
    fields = [(name, _reader(root, prop), _absent(root, prop)) for name, prop in _properties(root, schema)]

    def read(data: dict) -> Record:
        return Record({name: read_value(data[name]) if name in data else absent
                       for name, read_value, absent in fields})
    return read


def _properties(root: dict, schema: dict) -> Iterator[tuple[str, dict]]:
    for name, prop in resolve_ref(root, schema).get("properties", {}).items():
        yield name, resolve_ref(root, prop)


def _reader(root: dict, schema: dict) -> Reader:
    if "items" in schema:
        item = _reader(root, resolve_ref(root, schema["items"]))
        return lambda values: tuple(item(value) for value in values)
    if "properties" in schema:
        return _block_reader(root, schema)
    if schema.get("format") == "date":
        return lambda text: date.fromisoformat(text) if isinstance(text, str) else text
    return lambda value: value


def _absent(root: dict, schema: dict) -> Any:
    if "default" in schema:
        return schema["default"]
    return () if "items" in schema or schema.get("type") == "array" else None


def field_name_problems(schema: dict, display_path: str, schema_text: str, reserved: frozenset[str]) -> list[Problem]:
    """Field names a record cannot hold: no plain name, or one of ``reserved`` (the model's own names)."""
    problems = []
    for path, name in _field_names(schema, schema, ()):
        taken = reserved if not path else Record.RESERVED
        if _NAME.fullmatch(name) and name not in taken:
            continue
        field = ".".join((*path, name))
        if _NAME.fullmatch(name):
            message = (f"de naam '{name}' gebruikt het model zelf ({', '.join(sorted(taken))}); "
                       "kies een andere naam voor dit veld")
        else:
            message = "een veldnaam bestaat uit kleine letters, cijfers en '_' en begint met een letter"
        problems.append(Problem(display_path, _line_of(schema_text, name), field, message))
    return problems


def _field_names(root: dict, schema: dict, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    for name, prop in _properties(root, schema):
        yield path, name
        inner = resolve_ref(root, prop.get("items", prop))
        if "properties" in inner:
            yield from _field_names(root, inner, (*path, name))


def _line_of(text: str, name: str) -> int:
    """The line where the schema file names the field (the first ``"name":``), or 1."""
    match = re.search(rf'"{re.escape(name)}"\s*:', text)
    return text.count("\n", 0, match.start()) + 1 if match else 1
