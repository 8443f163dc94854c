"""The form-based editor at ``/beheer/`` (Decap CMS): its configuration, generated from the schemas.

    cms_config(schemas, content.taxonomieen, templates, Backend(repo="owner/name"))   # dict
    to_yaml(config)                                                                    # /beheer/config.yml

Every field of a schema becomes a form field: required fields are required, the
schema's ``description`` is the hint, ``x-taxonomie`` fields are selects that
show the term labels and store the ids, ``x-verwijzing`` fields pick an
existing item. A change to a schema or a vocabulary changes the form at the
next build; the one field named here is ``titel``, which every collection has: it
gives the file name (its slug) and the entry's name in lists.

Not in the editor, on purpose: the vocabularies in ``content/taxonomie/`` (the
CMS rewrites a whole file and would drop their explanatory comments; their ids
are web addresses that need a redirect when changed) and the history files
``gepubliceerd.yml`` and ``doorverwijzingen.yml`` (see DESIGN-beheer.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from collections.abc import Mapping

import yaml

from ..content.model import FOLDERS, Taxonomie
from ..content.placeholders import PLACEHOLDER
from ..content.schemas import resolve_ref

FOLDER = "beheer"  # the site folder of the editor, also its web address
BRANCH = "main"  # the branch pull requests go to; the workflow publishes from it

# Decap CMS files copied from node_modules/decap-cms/dist/ into the site (see macros/editor.py).
CMS_PACKAGE = "node_modules/decap-cms/dist"
CMS_SCRIPT = "decap-cms.js"
CMS_FILE_PATTERNS = (CMS_SCRIPT, f"*.{CMS_SCRIPT}", "*.wasm", f"{CMS_SCRIPT}.LICENSE.txt")

# Markdown fields allow paragraphs, lists, bold, italic and links; no headings, images or HTML
# (as the schema descriptions say), so the editor offers only these buttons.
MARKDOWN_BUTTONS = ["bold", "italic", "link", "bulleted-list", "numbered-list"]
# A text longer than this gets a multi-line box instead of a one-line field.
MULTILINE_FROM = 200
# Decap's template for today's date, the default of a date field (as `make nieuw` fills it in).
TODAY = "{{now}}"


@dataclass(frozen=True)
class Collection:
    """One kind of content file in the editor."""
    schema: str          # the schema (and kind) name, as in handreiking.content.model.FOLDERS
    name: str            # Decap's collection name, also in its branch names
    label: str
    label_singular: str
    create: bool         # may editors add files (the fixed sets from the handreiking: no)


COLLECTIONS = (
    Collection("praktijkvoorbeeld", "praktijkvoorbeelden", "Praktijkvoorbeelden", "Praktijkvoorbeeld", True),
    Collection("checklist", "checklists", "Checklists", "Checklist", True),
    Collection("oplossingsrichting", "oplossingsrichtingen", "Oplossingsrichtingen", "Oplossingsrichting", False),
    Collection("casus", "casussen", "Casussen", "Casus", False),
)
_COLLECTION_OF = {collection.schema: collection.name for collection in COLLECTIONS}


@dataclass(frozen=True)
class Backend:
    """Where saved changes go: a GitHub repository, or decap-server on this computer."""
    repo: str | None = None           # "owner/name"
    auth_url: str | None = None       # the OAuth proxy that signs editors in to GitHub
    local_url: str | None = None      # decap-server, e.g. http://localhost:8081/api/v1
    site_url: str | None = None


def cms_config(schemas: Mapping[str, dict], taxonomieen: Mapping[str, Taxonomie],
               templates: Mapping[str, dict], backend: Backend) -> dict:
    """The Decap CMS configuration for the project's schemas and vocabularies.

    ``templates`` holds, per schema name, the filled-in fields of its template in
    ``content/sjablonen/`` (``bron: redactie``, ...): they are the defaults of a new file.
    """
    github = {"name": "github", "branch": BRANCH, "squash_merges": True}
    if backend.repo:
        github["repo"] = backend.repo
    if backend.auth_url:
        github["base_url"] = backend.auth_url
    config: dict[str, Any] = {
        "locale": "nl",
        "backend": github,
        # Every save is a branch and a pull request; CI runs `make check` on it before review.
        "publish_mode": "editorial_workflow",
        # Decap requires a media folder; the editor offers no image upload (see MARKDOWN_BUTTONS).
        "media_folder": "docs/assets/afbeeldingen",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
    if backend.local_url:
        config["local_backend"] = {"url": backend.local_url}
    if backend.site_url:
        config["site_url"] = backend.site_url
    config["collections"] = [
        _collection(collection, schemas[collection.schema], taxonomieen, templates.get(collection.schema, {}))
        for collection in COLLECTIONS
    ]
    return config


def template_defaults(template: Any) -> dict:
    """The fields of a template (``content/sjablonen/<schema>.yml``) that need no filling in."""
    if not isinstance(template, dict):
        return {}
    return {name: value for name, value in template.items() if PLACEHOLDER not in str(value)}


def to_yaml(config: dict) -> str:
    header = ("# Gegenereerd bij elke build door handreiking/tools/beheer.py uit content/schemas/ en content/taxonomie/.\n"
              "# Niet met de hand bewerken: wijzig het schema of de vocabulaire.\n")
    return header + yaml.dump(config, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=120)


class _PlainDumper(yaml.SafeDumper):
    """Writes a repeated value (the Markdown buttons) out in full instead of as a YAML alias."""

    def ignore_aliases(self, data):
        return True


def _collection(collection: Collection, schema: dict, taxonomieen: Mapping[str, Taxonomie],
                defaults: dict) -> dict:
    return {
        "name": collection.name,
        "label": collection.label,
        "label_singular": collection.label_singular,
        "description": schema.get("description", ""),
        "folder": f"content/{FOLDERS[collection.schema]}",
        "extension": "yml",
        "format": "yml",
        "create": collection.create,
        # Deleting or renaming a published item needs a redirect in content/doorverwijzingen.yml.
        "delete": False,
        "identifier_field": "titel",
        "slug": "{{slug}}",  # file name = slug of the title, as `make check` requires
        "summary": "{{titel}}",
        "sortable_fields": ["titel"],
        "fields": _fields(schema, schema, taxonomieen, defaults),
    }


def _fields(root: dict, schema: dict, taxonomieen: Mapping[str, Taxonomie], defaults: dict) -> list[dict]:
    required = set(schema.get("required", []))
    return [_field(root, name, prop, name in required, taxonomieen, defaults)
            for name, prop in schema.get("properties", {}).items()]


def _resolved(root: dict, schema: dict) -> dict:
    """The schema behind a ``$ref``, with keywords written beside the ``$ref`` (a description) on top."""
    return {**resolve_ref(root, schema), **{key: value for key, value in schema.items() if key != "$ref"}}


def _field(root: dict, name: str, schema: dict, required: bool, taxonomieen: Mapping[str, Taxonomie],
           defaults: dict) -> dict:
    schema = _resolved(root, schema)
    field: dict[str, Any] = {"name": name, "label": _label(name, schema, taxonomieen), "required": required}
    if "description" in schema:
        field["hint"] = schema["description"]
    field.update(_widget(root, schema, required, taxonomieen))
    if name in defaults:
        field["default"] = defaults[name]
    elif "default" in schema:
        field["default"] = schema["default"]
    elif schema.get("format") == "date":
        field["default"] = TODAY
    return field


def _label(name: str, schema: dict, taxonomieen: Mapping[str, Taxonomie]) -> str:
    vocabulary = taxonomieen.get(_vocabulary_name(schema) or "")
    if vocabulary is not None:
        return vocabulary.meervoud if schema.get("type") == "array" else vocabulary.label
    return name.replace("_", " ").capitalize()


def _vocabulary_name(schema: dict) -> str | None:
    return schema.get("x-taxonomie") or schema.get("items", {}).get("x-taxonomie")


def _widget(root: dict, schema: dict, required: bool, taxonomieen: Mapping[str, Taxonomie]) -> dict:
    kinds = schema.get("type")
    kind = next((k for k in kinds if k != "null"), None) if isinstance(kinds, list) else kinds
    if kind == "array":
        return _list_widget(root, schema, taxonomieen)
    if "x-taxonomie" in schema:
        return {"widget": "select", "options": _options(schema["x-taxonomie"], taxonomieen)}
    if "x-verwijzing" in schema:
        return _relation(schema["x-verwijzing"])
    if kind == "string":
        return _text_widget(schema)
    if kind == "integer":
        return {"widget": "number", "value_type": "int",
                **{key: schema[keyword] for key, keyword in (("min", "minimum"), ("max", "maximum"))
                   if keyword in schema}}
    if kind == "boolean":
        # A required yes/no field starts at "no": an untouched switch has no value at all in Decap.
        return {"widget": "boolean", **({"default": False} if required else {})}
    if kind == "object":
        fields = _fields(root, schema, taxonomieen, {})
        if not required:
            # Decap checks the fields of an optional block even when it is left empty, so it could never
            # be saved without one; `make check` still requires them once the block is filled in.
            fields = [{key: value for key, value in field.items() if key != "default"} | {"required": False}
                      for field in fields]
        return {"widget": "object", "collapsed": False, "fields": fields}
    raise ValueError(f"het schema heeft een veldtype dat de webinterface niet kent: {kinds!r}")


def _list_widget(root: dict, schema: dict, taxonomieen: Mapping[str, Taxonomie]) -> dict:
    items = _resolved(root, schema.get("items", {}))
    bounds = {key: schema[keyword] for key, keyword in (("min", "minItems"), ("max", "maxItems")) if keyword in schema}
    if "x-taxonomie" in items:
        return {"widget": "select", "multiple": True, "options": _options(items["x-taxonomie"], taxonomieen), **bounds}
    if "x-verwijzing" in items:
        return {**_relation(items["x-verwijzing"]), "multiple": True, **bounds}
    widget = {"widget": "list", "collapsed": False, **bounds}
    if items.get("type") == "object":
        widget["fields"] = _fields(root, items, taxonomieen, {})
    else:  # a list of plain values: one form field per value
        widget["field"] = {"name": "waarde", "label": "Waarde", **_widget(root, items, True, taxonomieen)}
    return widget


def _text_widget(schema: dict) -> dict:
    if schema.get("contentMediaType") == "text/markdown":
        widget = {"widget": "markdown", "buttons": MARKDOWN_BUTTONS, "editor_components": []}
    elif schema.get("format") == "date":
        # Stored as JJJJ-MM-DD, as `make check` wants; shown the Dutch way.
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD-MM-YYYY", "time_format": False,
                "picker_utc": True}
    elif schema.get("maxLength", 0) > MULTILINE_FROM:
        widget = {"widget": "text"}
    else:
        widget = {"widget": "string"}
    pattern = _pattern(schema)
    if pattern:
        widget["pattern"] = pattern
    return widget


def _pattern(schema: dict) -> list[str] | None:
    """Decap's [regex, message] for the schema's pattern or length limits, checked before saving."""
    if "pattern" in schema:
        return [schema["pattern"], "heeft niet de juiste vorm; zie de toelichting bij het veld"]
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low is None and high is None:
        return None
    low = low or 0
    limits = f"{low} tot {high} tekens" if high is not None else f"minstens {low} tekens"
    return [f"^[\\s\\S]{{{low},{'' if high is None else high}}}$", f"moet {limits} lang zijn"]


def _options(vocabulary: str, taxonomieen: Mapping[str, Taxonomie]) -> list[dict]:
    if vocabulary in taxonomieen:
        return [{"label": term.label, "value": term.id} for term in taxonomieen[vocabulary].termen]
    if vocabulary == "subcategorie":  # no file of its own: the subcategorieen of the terms that have them
        return [{"label": f"{term.label}: {sub.label}", "value": sub.id}
                for taxonomie in taxonomieen.values() for term in taxonomie.termen for sub in term.subcategorieen]
    raise ValueError(f"een schema noemt de vocabulaire '{vocabulary}', maar content/taxonomie/ heeft die niet")


def _relation(kind: str) -> dict:
    return {"widget": "relation", "collection": _COLLECTION_OF[kind], "value_field": "{{slug}}",
            "search_fields": ["titel"], "display_fields": ["titel"]}
