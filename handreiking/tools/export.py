"""The content as plain data for the browser: one generated JavaScript file.

:func:`export` turns the validated model into a dict of lists, strings and
numbers; :func:`to_javascript` writes it as a classic script that sets one
global, so pages read it without ``fetch`` (which fails from ``file://``)::

    data = export(content, url_for)         # url_for("praktijkvoorbeelden/x.md") -> "praktijkvoorbeelden/x/"
    to_javascript(data)                     # 'window.HANDREIKING = {...};\\n'

Top-level keys of the data:

- ``versie``: the shape of this data (raise it on an incompatible change);
- ``vocabulaires``: every vocabulary by name, each with its ``termen`` in site
  order (``id``, ``label``, ``beschrijving``, ``order``, ``code``,
  ``buiten_focus``, ``url``, ``subcategorieen``);
- ``praktijkvoorbeelden``: in site order (by oplossingsrichting, then title), each with its ``slug``,
  ``url``, ``erkenningsniveau`` and every field of its schema (:func:`data_file_fields`; an absent
  optional field is ``null`` or ``[]``) except long Markdown text, which only its own page shows;
- ``velden``: vocabulary name -> the praktijkvoorbeeld field (in this data) that holds its ids,
  for every vocabulary a praktijkvoorbeeld carries (the advice reads its fields here, not from the wijzer);
- ``oplossingsrichtingen``: the step 3 pages with their ``wanneer`` rules;
- ``checklists``: sections and items with their ``koppeling`` to a vocabulary;
- ``casussen``: the four example neighbourhoods, text as sanitized HTML;
- ``interventiewijzer``: the facets and the text-search fields of the filter
  page (see :mod:`handreiking.tools.filtering`);
- ``doorverwijzingen``: ``praktijkvoorbeelden``, old slug -> new slug, so old links keep working
  in the browser too (the comparison page reads slugs from its address);
- ``buurtanalyse``: the steps of the buurtanalyse form, the vocabularies it answers,
  the ranking vocabularies of its advice, its address parameters, the fields of the
  beleidsdiagnose and of the figures, and what its form offers (``formulier``), against which
  saved analyses are cleaned (see :mod:`handreiking.tools.buurtanalyse` and :mod:`handreiking.tools.advies`);
- ``tekst``: the settings of the Dutch text analysis (:func:`handreiking.tools.tekst.settings`: stop words,
  weights, synonyms), the site's own ``woorden`` it splits compounds into, and the ``velden`` of a
  praktijkvoorbeeld it searches with their weights (:mod:`handreiking.tools.zoekvelden`).

A praktijkvoorbeeld carries its words beyond the short fields as ``zoekwoorden`` (the words of its
beschrijving, each once), a checklist all of its words; both are what the word search reads.

Every ``url`` is relative to the site root, as the site writes it. The open data at
/data/ (:mod:`handreiking.tools.open_data`) reuses :func:`vocabularies_data`,
:func:`checklists_data` and :func:`json_value`, so both say the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from ..content.cache import KeepPerItem, made_once
from ..content.fields import Record
from ..content.model import (FACET_FIELDS, Checklist, ChecklistItem, Content, Oplossingsrichting, Praktijkvoorbeeld,
                             Taxonomie, Term)
from ..content.schemas import resolve_ref
from ..site.text import rich_text
from ..site.urls import checklist_path, page_url, term_path, voorbeeld_path
from . import buurtanalyse, tekst, zoekvelden
from .filtering import FACETS, OPTIONAL_FACET, TEXT_PARAMETER, active_facets

VERSION = 1
GLOBAL_NAME = "HANDREIKING"

UrlFor = Callable[[str], str]


def export(content: Content, url_for: UrlFor = page_url, each: KeepPerItem = made_once) -> dict:
    """Everything a page script needs, as JSON-ready data. ``each``: see handreiking.content.cache.PerItem."""
    velden = data_file_fields(content.praktijkvoorbeeld_schema)
    return {
        "versie": VERSION,
        "vocabulaires": vocabularies_data(content, url_for),
        "praktijkvoorbeelden": [each("gegevensbestand", v, (tuple(velden), url_for(voorbeeld_path(v.slug))),
                                     lambda v=v: _praktijkvoorbeeld(v, velden, url_for))
                                for v in content.praktijkvoorbeelden],
        "velden": {**{facet.naam: facet.veld for facet in (*FACETS, OPTIONAL_FACET)}, "aanpak": "aanpak"},
        "oplossingsrichtingen": [_oplossingsrichting(content, r, url_for) for r in content.oplossingsrichtingen],
        "checklists": [{**data, "zoekwoorden": " ".join(zoekvelden.checklist_woorden(checklist))}
                       for checklist, data in zip(content.checklists, checklists_data(content, url_for))],
        "casussen": [{"slug": c.slug, "nummer": c.nummer, "titel": c.titel, "tekst_html": str(rich_text(c.tekst))}
                     for c in content.casussen],
        "interventiewijzer": {
            "facetten": [{"naam": f.naam, "veld": f.veld, "verborgen": list(f.verborgen)}
                         for f in active_facets(content.praktijkvoorbeelden)],
            "zoekparameter": TEXT_PARAMETER,
        },
        "tekst": {**tekst.settings(content.synoniemen), "woorden": zoekvelden.vocabulary(content, each),
                  "velden": dict(zoekvelden.FIELD_WEIGHTS), "korte_velden": list(zoekvelden.SHORT_FIELDS),
                  "labels": list(FACET_FIELDS)},
        "buurtanalyse": buurtanalyse.export_data(content),
        "doorverwijzingen": {"praktijkvoorbeelden": dict(content.doorverwijzingen.get("praktijkvoorbeelden", {}))},
    }


# In JSON these characters can only occur inside strings, where the escape means
# the same character: the text can then never close a <script> element, open an
# HTML comment or end a line in an older JavaScript engine. Replaced one by one: str.translate with a
# mapping looks up every character in Python (half a second for the search index at 1,000).
_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def vocabularies_data(content: Content, url_for: UrlFor = page_url) -> dict:
    """Every vocabulary by name, its terms in site order."""
    return {naam: _vocabulaire(content, taxonomie, url_for) for naam, taxonomie in content.taxonomieen.items()}


def checklists_data(content: Content, url_for: UrlFor = page_url) -> list[dict]:
    """Every checklist in the order of the method, with sections and items."""
    return [_checklist(c, url_for) for c in content.checklists]


def json_value(value):
    """A model value as JSON data: dates as JJJJ-MM-DD, tuples as lists, records as objects."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [json_value(item) for item in value]
    if isinstance(value, Record):
        return {name: json_value(item) for name, item in value.as_dict().items() if item is not None}
    if is_dataclass(value):
        return {item.name: json_value(getattr(value, item.name)) for item in fields(value)
                if getattr(value, item.name) is not None}
    return value


def to_json(data: dict) -> str:
    """Compact JSON that is safe inside an HTML <script> element and a JavaScript file."""
    return _escaped(_dumps(data))


def _escaped(text: str) -> str:
    for character, escaped in _UNSAFE:
        text = text.replace(character, escaped)
    return text


_HEADER = "/* Gegenereerd uit content/ bij het bouwen van de site; niet met de hand wijzigen. */\n"
_PIECE = 100  # items of a large list or object per piece of :func:`write_javascript`: flat in memory, still fast


def to_javascript(data: dict, name: str = GLOBAL_NAME) -> str:
    return f"{_HEADER}window.{name} = {to_json(data)};\n"


def write_javascript(path: Path, data: dict, name: str = GLOBAL_NAME) -> None:
    """:func:`to_javascript` into ``path``, piece by piece: a large file (the search index: tens of MB at 5,000
    praktijkvoorbeelden) is never whole in memory, once as text and once more as its UTF-8 bytes."""
    with path.open("w", encoding="utf-8") as file:
        file.write(f"{_HEADER}window.{name} = ")
        for piece in _json_pieces(data):
            file.write(_escaped(piece))
        file.write(";\n")


def _json_pieces(data: dict) -> Iterator[str]:
    """The JSON of :func:`to_json` (before its escapes) in pieces: each list or object in ``data`` per _PIECE items."""
    yield "{"
    for number, (key, value) in enumerate(data.items()):
        yield ("," if number else "") + _dumps(key) + ":"
        if isinstance(value, list):
            yield "["
            for start in range(0, len(value), _PIECE):
                yield ("," if start else "") + _dumps(value[start:start + _PIECE])[1:-1]
            yield "]"
        elif isinstance(value, dict):
            yield "{"
            items = iter(value.items())
            for start in range(0, len(value), _PIECE):
                yield ("," if start else "") + _dumps(dict(islice(items, _PIECE)))[1:-1]
            yield "}"
        else:
            yield _dumps(value)
    yield "}"


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _term(term: Term, order: int, url: str | None) -> dict:
    return {
        "id": term.id, "label": term.label, "beschrijving": term.beschrijving, "order": order,
        "code": term.code, "buiten_focus": term.buiten_focus, "url": url,
        "subcategorieen": [_term(sub, index, None) for index, sub in enumerate(term.subcategorieen)],
    }


def _vocabulaire(content: Content, taxonomie: Taxonomie, url_for: UrlFor) -> dict:
    def url(term_id: str) -> str | None:
        path = term_path(content, taxonomie.naam, term_id)
        return url_for(path) if path else None

    return {
        "naam": taxonomie.naam, "label": taxonomie.label, "meervoud": taxonomie.meervoud,
        "beschrijving": taxonomie.beschrijving,
        "termen": [_term(term, index, url(term.id)) for index, term in enumerate(taxonomie.termen)],
    }


def data_file_fields(schema: dict) -> list[str]:
    """The praktijkvoorbeeld fields in the data file: those of ``schema``, except Markdown text (long, and only
    shown on the item's own page; the open data has it)."""
    return [name for name, field in schema.get("properties", {}).items()
            if resolve_ref(schema, field).get("contentMediaType") != "text/markdown"]


def _praktijkvoorbeeld(v: Praktijkvoorbeeld, velden: list[str], url_for: UrlFor) -> dict:
    return {
        "slug": v.slug, "url": url_for(voorbeeld_path(v.slug)),
        **{name: json_value(getattr(v, name)) for name in velden},
        OPTIONAL_FACET.veld: list(v.values(OPTIONAL_FACET.naam)),
        "zoekwoorden": " ".join(zoekvelden.zoekwoorden(v)),
    }


def _oplossingsrichting(content: Content, richting: Oplossingsrichting, url_for: UrlFor) -> dict:
    wanneer = richting.wanneer
    return {
        "id": richting.id, "nummer": richting.nummer, "titel": richting.titel,
        "label": content.taxonomieen["oplossingsrichting"].term(richting.id).label,
        "url": url_for(term_path(content, "oplossingsrichting", richting.id)),
        "wanneer": {
            "toelichting": wanneer.toelichting, "signalen": list(wanneer.signalen),
            "problematiek": list(wanneer.problematiek), "locaties": list(wanneer.locaties),
            "altijd": wanneer.altijd, "bij_ontbrekende_informatie": wanneer.bij_ontbrekende_informatie,
        },
        "checklists": list(richting.checklists),
    }


def _koppeling(koppeling: tuple[str, str] | None) -> dict | None:
    return {"vocabulaire": koppeling[0], "id": koppeling[1]} if koppeling else None


def _item(item: ChecklistItem) -> dict:
    return {"tekst": item.tekst, "code": item.code, "voorbeelden": list(item.voorbeelden),
            "koppeling": _koppeling(item.koppeling),
            "vuistregel": json_value(item.vuistregel) if item.vuistregel else None}


def _checklist(checklist: Checklist, url_for: UrlFor) -> dict:
    return {
        "slug": checklist.slug, "titel": checklist.titel, "stap": checklist.stap, "vraag": checklist.vraag,
        "url": url_for(checklist_path(checklist.slug)), "oplossingsrichting": checklist.oplossingsrichting,
        "anders_namelijk": checklist.anders_namelijk, "bij_problematiek": list(checklist.bij_problematiek),
        "secties": [{"titel": sectie.titel, "koppeling": _koppeling(sectie.koppeling),
                     "items": [_item(item) for item in sectie.items]}
                    for sectie in checklist.secties],
    }
