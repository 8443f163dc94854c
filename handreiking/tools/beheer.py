"""The form-based editor at ``/beheer/`` (Sveltia CMS): its configuration, generated from the schemas.

    cms_config(schemas, content.taxonomieen, templates, Backend(repo="owner/name"))   # dict
    to_yaml(config)                                                                    # /beheer/config.yml

Every field of a schema becomes a form field: required fields are required, the
schema's ``description`` is the hint, ``x-taxonomie`` fields are selects that
show the term labels and store the ids, ``x-verwijzing`` fields pick an
existing item, ``x-url`` fields are one-line address fields, length limits are
the CMS's own (it counts the characters as the editor types). A change to a
schema or a vocabulary changes the form at the next build; the one field named
here is ``titel``, which every collection has: it names the entry in lists, and
a new file is named after it once (the address; a later title change keeps it).

Files are written by ``macros/beheer_yaml.js`` (the format :data:`FILE_FORMAT`):
a save rewrites only the fields that changed, in the layout of the hand-written files.

Not in the editor, on purpose: the vocabularies in ``content/taxonomie/`` (their ids
are web addresses, and their files carry explanations in comments) and the
redirects in ``doorverwijzingen.yml`` (see DESIGN-beheer.md).
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
FILE_FORMAT = "handreiking-yaml"  # registered by macros/beheer.js with the functions of beheer_yaml.js

# Markdown fields allow paragraphs, lists, bold, italic and links; no headings, images or HTML
# (as the schema descriptions say), so the editor offers only these buttons.
MARKDOWN_BUTTONS = ["bold", "italic", "link", "bulleted-list", "numbered-list"]
# A text longer than this gets a multi-line box instead of a one-line field.
MULTILINE_FROM = 200


@dataclass(frozen=True)
class Collection:
    """One kind of content file in the editor."""
    schema: str          # the schema (and kind) name, as in handreiking.content.model.FOLDERS
    name: str            # the CMS's collection name, also in its addresses and branch names
    label: str
    label_singular: str
    create: bool         # may editors add files (the fixed sets from the handreiking: no)
    description: str     # above the list, for editors


COLLECTIONS = (
    Collection("praktijkvoorbeeld", "praktijkvoorbeelden", "Praktijkvoorbeelden", "Praktijkvoorbeeld", True,
               "Eén praktijkvoorbeeld per item. Het webadres komt bij het aanmaken uit de titel en blijft daarna "
               "hetzelfde."),
    Collection("checklist", "checklists", "Checklists", "Checklist", True,
               "De checklists en vragenlijsten uit de handreiking. Het webadres komt bij het aanmaken uit de titel "
               "en blijft daarna hetzelfde."),
    Collection("oplossingsrichting", "oplossingsrichtingen", "Oplossingsrichtingen", "Oplossingsrichting", False,
               "De zeven oplossingsrichtingen van stap 3: alleen bewerken."),
    Collection("casus", "casussen", "Casussen", "Casus", False,
               "De vier voorbeeldbuurten uit 'Aan de slag': alleen bewerken."),
)
_COLLECTION_OF = {collection.schema: collection.name for collection in COLLECTIONS}


@dataclass(frozen=True)
class Backend:
    """Where saved changes go: a GitHub repository (or, on this computer, the folder the editor picks)."""
    repo: str | None = None           # "owner/name"; without it /beheer/ says in Dutch what does work
    auth_url: str | None = None       # an OAuth service for "Inloggen met GitHub"; without it: a personal token
    site_url: str | None = None


def cms_config(schemas: Mapping[str, dict], taxonomieen: Mapping[str, Taxonomie],
               templates: Mapping[str, dict], backend: Backend) -> dict:
    """The Sveltia CMS configuration for the project's schemas and vocabularies.

    ``templates`` holds, per schema name, the filled-in fields of its template in
    ``content/sjablonen/`` (``bron: redactie``, ...): they are the defaults of a new file.
    """
    github: dict[str, Any] = {"name": "github", "branch": BRANCH, "squash_merges": True,
                              # Signing in with a personal token needs no server; OAuth needs one (CONTRIBUTING).
                              "auth_methods": ["oauth", "token"] if backend.auth_url else ["token"]}
    if backend.repo:
        github["repo"] = backend.repo
    if backend.auth_url:
        github["base_url"] = backend.auth_url
    config: dict[str, Any] = {
        "app_title": "Beheer: praktijkvoorbeelden en checklists",
        "backend": github,
        # Every save is a branch and a pull request; CI runs `make check` on it before review.
        "publish_mode": "editorial_workflow",
        # The CMS requires a media folder; the editor offers no image upload (see MARKDOWN_BUTTONS).
        "media_folder": "docs/assets/afbeeldingen",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
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


# libyaml's emitter when PyYAML has it: the same text, several times faster (every build writes this file).
class _PlainDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes a repeated value (the Markdown buttons) out in full instead of as a YAML alias."""

    def ignore_aliases(self, data):
        return True


def _collection(collection: Collection, schema: dict, taxonomieen: Mapping[str, Taxonomie],
                defaults: dict) -> dict:
    return {
        "name": collection.name,
        "label": collection.label,
        "label_singular": collection.label_singular,
        "description": collection.description,
        "folder": f"content/{FOLDERS[collection.schema]}",
        "extension": "yml",
        "format": FILE_FORMAT,
        "create": collection.create,
        # Deleting or renaming a published item needs a redirect in content/doorverwijzingen.yml.
        "delete": False,
        "identifier_field": "titel",
        "slug": "{{slug}}",  # the address: made from the title once, when the file is created
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
    # No default date: the form would put it into every file it saves that lacks one, claiming a check
    # nobody made. The editor fills in the date of a check herself.
    if name in defaults:
        field["default"] = defaults[name]
    elif "default" in schema:
        field["default"] = schema["default"]
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
        # A required yes/no field starts at "no": an untouched switch has no value at all in the CMS.
        return {"widget": "boolean", **({"default": False} if required else {})}
    if kind == "object":
        fields = _fields(root, schema, taxonomieen, {})
        if not required:
            # The CMS checks the fields of an optional block even when it is left empty, so it could never
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
    if schema.get("format") == "date":
        # Stored as JJJJ-MM-DD, as `make check` wants.
        return {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False, "picker_utc": True}
    if schema.get("contentMediaType") == "text/markdown":
        widget: dict[str, Any] = {"widget": "markdown", "buttons": MARKDOWN_BUTTONS, "editor_components": [],
                                  "modes": ["rich_text", "raw"]}
    elif schema.get("x-url"):
        widget = {"widget": "string", "type": "url"}  # an address is one line, however long it may be
    elif schema.get("maxLength", 0) > MULTILINE_FROM:
        widget = {"widget": "text"}
    else:
        widget = {"widget": "string"}
    # The CMS counts the characters as the editor types and names both numbers when a text is too long or short.
    if widget["widget"] != "markdown":
        widget.update({key: schema[keyword] for key, keyword in (("minlength", "minLength"), ("maxlength", "maxLength"))
                       if keyword in schema})
    if "pattern" in schema:
        widget["pattern"] = [schema["pattern"], "heeft niet de juiste vorm; zie de toelichting bij het veld"]
    return widget


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
