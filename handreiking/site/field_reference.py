"""The field reference for editors, generated from ``content/schemas/``.

    field_reference(content, project_schemas(root).raw)   # Markdown for the page "Voor redacteuren"

One section per schema: its title and description, then one table row per
field (nested fields as ``links[].titel``) saying whether it is verplicht or
optioneel, what it means (the schema's ``description``) and what values it
takes, in words. Fields that hold vocabulary ids link to the list of those ids
at the end, read from ``content/taxonomie/``. The checker validates against the
very same schemas, so the page cannot say something else than ``make check``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from collections.abc import Iterator

from markupsafe import Markup

from ..content.model import FOLDERS, Content
from ..content.schemas import ref_target
from .templating import markdown_templates
from .text import escape_markdown

# The order editors need them in; schemas not named here follow alphabetically.
SCHEMA_ORDER = ("praktijkvoorbeeld", "checklist", "oplossingsrichting", "casus", "taxonomie", "instellingen",
                "synoniemen", "doorverwijzingen")
REFERENCES = {"praktijkvoorbeeld": "een bestaand praktijkvoorbeeld", "checklist": "een bestaande checklist"}


@dataclass(frozen=True)
class FieldRow:
    naam: str
    verplicht: bool
    beschrijving: str
    waarde: Markup  # safe Markdown


@dataclass(frozen=True)
class SchemaSection:
    naam: str
    titel: str
    beschrijving: str
    rijen: tuple[FieldRow, ...]


def field_reference(content: Content, schemas: dict[str, dict]) -> str:
    names = [name for name in SCHEMA_ORDER if name in schemas]
    names += sorted(set(schemas) - set(names))
    return markdown_templates().get_template("veldenoverzicht.md.j2").render(
        secties=[_section(name, schemas[name], content) for name in names],
        vocabulaires=list(content.taxonomieen.values()), code=code, anker=_anchor)


def _section(name: str, schema: dict, content: Content) -> SchemaSection:
    return SchemaSection(name, schema.get("title", name), schema.get("description", ""), field_rows(schema, content))


def field_rows(schema: dict, content: Content, vocabulary_page: str = "") -> tuple[FieldRow, ...]:
    """One row per field of ``schema``; vocabulary ids link to their list on ``vocabulary_page`` (this page: '')."""
    return tuple(_fields(_Walk(schema, content, vocabulary_page), schema, "", {}))


@dataclass(frozen=True)
class _Walk:
    root: dict
    content: Content
    vocabulary_page: str = ""

    def resolve(self, schema: dict) -> tuple[dict, str | None]:
        """The schema a ``$ref`` points at (with the referring description kept), and the ref."""
        ref = schema.get("$ref")
        if ref is None:
            return schema, None
        target, _ = self.resolve(ref_target(self.root, ref))
        return {**target, **{key: value for key, value in schema.items() if key != "$ref"}}, ref


def _fields(walk: _Walk, schema: dict, prefix: str, expanded: dict[str, str]) -> Iterator[FieldRow]:
    """Rows for the properties of ``schema``; ``expanded`` maps refs being expanded to their field name."""
    required = set(schema.get("required", ()))
    for name, raw in schema.get("properties", {}).items():
        field, ref = walk.resolve(raw)
        full = prefix + name
        items, item_ref = walk.resolve(field.get("items", {}))
        repeated = expanded.get(item_ref) if item_ref else None
        yield FieldRow(full, name in required, field.get("description", ""), _value(walk, field, items, repeated))
        inner = {**expanded, **({ref: full} if ref else {})}
        if field.get("properties"):
            yield from _fields(walk, field, f"{full}.", inner)
        if items.get("properties") and repeated is None:
            yield from _fields(walk, items, f"{full}[].", {**inner, **({item_ref: f"{full}[]"} if item_ref else {})})


def _anchor(name: str) -> Markup:
    """An attribute list giving a heading a fixed id (names here are ids, never editor text)."""
    return Markup("{#") + escape_markdown(name) + Markup("}")


def code(text: object) -> Markup:
    """Text as inline code, safe in Markdown."""
    return Markup("<code>") + escape_markdown(text) + Markup("</code>")


def _value(walk: _Walk, field: dict, items: dict, repeated: str | None) -> Markup:
    """What a field takes, in words (Markdown)."""
    kind = field.get("type")
    if isinstance(kind, list) and "null" in kind and len(kind) == 2 and "properties" in field:
        # A block that may be empty (null): described as the block, with the null noted.
        return _value(walk, {**field, "type": "object"}, items, repeated) + Markup(" of ") + code("null")
    if kind == "array":
        parts = [Markup("lijst") + _count(field)]
        if field.get("uniqueItems"):
            parts.append(escape_markdown("elke waarde één keer"))
        if repeated:
            parts.append(Markup("elk met dezelfde velden als ") + code(repeated))
        elif items.get("properties"):
            parts.append(escape_markdown("elk een blok met de velden hieronder"))
        elif items:
            parts.append(Markup("elke waarde: ") + _scalar(walk, items))
    elif kind == "object" and "properties" in field:
        parts = [escape_markdown("blok met de velden hieronder")]
    elif kind == "object":
        values, _ = walk.resolve(field.get("additionalProperties", {}))
        parts = [Markup("per regel ") + code("oude-slug: nieuwe-slug"), Markup("nieuwe-slug: ") + _scalar(walk, values)]
    else:
        parts = [_scalar(walk, field)]
    if "default" in field:
        parts.append(Markup("standaard ") + code(json.dumps(field["default"], ensure_ascii=False)))
    return Markup("; ").join(parts)


def _scalar(walk: _Walk, field: dict) -> Markup:
    vocabulary = field.get("x-taxonomie")
    if vocabulary == "subcategorie":
        return Markup("id van een subcategorie van een gekozen oplossingsrichting (zie ") + \
            _vocabulary_link(walk, "oplossingsrichting") + Markup(")")
    if vocabulary:
        return Markup("id uit ") + _vocabulary_link(walk, vocabulary)
    if field.get("x-verwijzing"):
        kind = field["x-verwijzing"]
        return escape_markdown(f"slug van {REFERENCES[kind]} (bestandsnaam in content/{FOLDERS[kind]}/ zonder .yml)")
    if field.get("x-url"):
        return escape_markdown("link: https://, http://, mailto: of een relatief pad") + _length(field)
    kinds = field.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    words = []
    for kind in kinds:
        if kind == "string" and field.get("format") == "date":
            words.append(escape_markdown("datum als JJJJ-MM-DD"))
        elif kind == "string":
            markdown = field.get("contentMediaType") == "text/markdown"
            words.append(escape_markdown("Markdown-tekst" if markdown else "tekst") + _length(field))
        elif kind == "integer":
            words.append(escape_markdown("geheel getal" + _range(field)))
        elif kind == "boolean":
            words.append(code("true") + Markup(" of ") + code("false"))
        elif kind == "null":
            words.append(code("null") + escape_markdown(" (leeg)"))
    text = Markup(" of ").join(words)
    if "pattern" in field:
        text += Markup(", in de vorm ") + code(field["pattern"])
    if "enum" in field:
        text += Markup(", één van: ") + Markup(", ").join(code(option) for option in field["enum"])
    return text


def _vocabulary_link(walk: _Walk, vocabulary: str) -> Markup:
    taxonomieen = walk.content.taxonomieen
    label = taxonomieen[vocabulary].label if vocabulary in taxonomieen else vocabulary
    return Markup("[") + escape_markdown(label) + Markup(f"]({walk.vocabulary_page}#waarden-{vocabulary})")


def _length(field: dict) -> Markup:
    return escape_markdown(_bounds(field.get("minLength") or None, field.get("maxLength"),
                                   " ({low} tot {high} tekens)", " (hooguit {high} tekens)", " (minstens {low} tekens)"))


def _count(field: dict) -> Markup:
    low = field.get("minItems") or None
    return escape_markdown(_bounds(low, field.get("maxItems"), " van {low} tot {high} waarden",
                                   " van hooguit {high} waarden",
                                   " van minstens 1 waarde" if low == 1 else " van minstens {low} waarden"))


def _range(field: dict) -> str:
    return _bounds(field.get("minimum"), field.get("maximum"), " van {low} tot en met {high}",
                   " tot en met {high}", " vanaf {low}")


def _bounds(low, high, both: str, at_most: str, at_least: str) -> str:
    """Words for a lower and/or an upper bound (None: no bound)."""
    if low is not None and high is not None:
        return both.format(low=low, high=high)
    if high is not None:
        return at_most.format(high=high)
    return at_least.format(low=low) if low is not None else ""
