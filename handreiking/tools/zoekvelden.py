"""Which words of the content the interventiewijzer and the buurtanalyse search, field by field.

The browser gets the same fields from the export (``handreiking-filter.js``, ``handreiking-advies.js``):
the short fields as they are, the words of a praktijkvoorbeeld's beschrijving as ``zoekwoorden`` (each word
once, those not already in the short fields) and a checklist's words as its ``zoekwoorden``.

    velden(voorbeeld, content)   # {"titel": [...], "samenvatting": [...], ..., "labels": [...]}
    vocabulary(content)          # every word the analysis may split compounds into, sorted
"""

from __future__ import annotations

from collections.abc import Iterable

from ..content.cache import KeepPerItem, digest, made_once
from ..content.model import FACET_FIELDS, Checklist, Content, Praktijkvoorbeeld
from .tekst import Analysis, words

# The fields of a praktijkvoorbeeld that the word search reads, and how much a match in each counts.
FIELD_WEIGHTS = {"titel": 3.0, "samenvatting": 2.0, "methodieken": 1.5, "gemeente": 1.0, "beschrijving": 1.0,
                 "labels": 0.5}
SHORT_FIELDS = ("titel", "samenvatting", "methodieken", "gemeente")


def _unique(found: Iterable[str], leave_out: Iterable[str] = ()) -> list[str]:
    seen = set(leave_out)
    result = []
    for word in found:
        if word not in seen:
            seen.add(word)
            result.append(word)
    return result


def _short(voorbeeld: Praktijkvoorbeeld, name: str) -> list[str]:
    value = getattr(voorbeeld, name)
    return words(" ".join(value) if isinstance(value, tuple) else value or "")


def zoekwoorden(voorbeeld: Praktijkvoorbeeld) -> list[str]:
    """The words of the beschrijving, each once, leaving out those of the short fields."""
    return _unique(words(voorbeeld.beschrijving), (w for name in SHORT_FIELDS for w in _short(voorbeeld, name)))


def labels(voorbeeld: Praktijkvoorbeeld, content: Content) -> list[str]:
    """The words of the labels of the terms it carries (locatie 'Scholen', problematiek 'Weerstand ...')."""
    found = []
    for vocabulary in FACET_FIELDS:  # the export names them in data.tekst.labels
        taxonomie = content.taxonomieen[vocabulary]
        found += [w for term_id in voorbeeld.values(vocabulary) for w in words(taxonomie.term(term_id).label)]
    return found


def velden(voorbeeld: Praktijkvoorbeeld, content: Content) -> dict[str, list[str]]:
    """Field name (a key of FIELD_WEIGHTS) -> its words."""
    fields = {name: _short(voorbeeld, name) for name in SHORT_FIELDS}
    fields["beschrijving"] = zoekwoorden(voorbeeld)
    fields["labels"] = labels(voorbeeld, content)
    return fields


def checklist_woorden(checklist: Checklist) -> list[str]:
    """Every word of a checklist, each once: title, question, introduction, items and explanation."""
    parts = [checklist.titel, checklist.vraag, checklist.inleiding or "", checklist.toelichting or ""]
    for sectie in checklist.secties:
        parts.append(sectie.titel or "")
        for item in sectie.items:
            parts += [item.tekst, item.toelichting or "", *item.voorbeelden]
    return _unique(w for part in parts for w in words(part))


def vocabulary(content: Content, each: KeepPerItem = made_once) -> list[str]:
    """The site's own words: praktijkvoorbeelden, checklists, oplossingsrichtingen, casussen, the vocabularies'
    terms and the synonyms, sorted. ``each``: see handreiking.content.cache.PerItem."""
    found: set[str] = set()
    texts = [c.tekst for c in content.casussen]
    for richting in content.oplossingsrichtingen:
        texts += [richting.titel, richting.wat_is_het, richting.onderbouwing, richting.wanneer.toelichting,
                  *richting.wanneer.signalen, *richting.typen_interventies]
    for taxonomie in content.taxonomieen.values():
        texts += [text for term in taxonomie.termen for text in (term.label, term.beschrijving)]
    for text in texts:
        found.update(words(text))
    labels = digest(repr([content.taxonomieen[name] for name in FACET_FIELDS]).encode("utf-8"))
    for voorbeeld in content.praktijkvoorbeelden:
        found.update(each("woorden", voorbeeld, labels, lambda v=voorbeeld: frozenset(
            word for field_words in velden(v, content).values() for word in field_words)))
    for checklist in content.checklists:
        found.update(checklist_woorden(checklist))
    for group in content.synoniemen:
        for entry in (*group.woorden, *group.verwant):
            found.update(words(entry))
    return sorted(found)


def analysis(content: Content) -> Analysis:
    """The text analysis over the content's own words and synonyms."""
    return Analysis(vocabulary(content), content.synoniemen)
