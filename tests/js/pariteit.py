"""The fixture of tests/js/pariteit.test.js: the Python reference on hundreds of generated selections, as JSON.

Prints ``{"data": export(content), "filter": [...], "advies": [...]}`` for the real content: per
selection what :mod:`handreiking.tools.filtering` and :mod:`handreiking.tools.advies` compute. The node test
runs the browser's filter and advice on the same data and selections and compares every result.
Selections are random but seeded, so a failure repeats. Run by the node test with the project's
Python (``HANDREIKING_PYTHON``, default ``.venv/bin/python``) and the repository root on ``PYTHONPATH``.
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata
from pathlib import Path

from handreiking.content.loader import load_content
from handreiking.content.model import Content
from handreiking.tools import advies, filtering
from handreiking.tools.buurtanalyse import answer_vocabularies, stappen
from handreiking.tools.export import export, json_value

ROOT = Path(__file__).resolve().parents[2]
FILTER_SELECTIONS = 300
ADVICE_SELECTIONS = 300
SEED = 16


def sample(rng: random.Random, values, most: int) -> list:
    values = list(values)
    return rng.sample(values, rng.randint(0, min(most, len(values))))


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def query(rng: random.Random, content: Content) -> str:
    """No text, words from a praktijkvoorbeeld (in other case, without accents, cut short) or a word no one uses."""
    kind = rng.random()
    if kind < 0.5:
        return ""
    if kind < 0.6:
        return "zzgeenwoordzz"
    voorbeeld = rng.choice(content.praktijkvoorbeelden)
    words = f"{voorbeeld.titel} {voorbeeld.samenvatting} {voorbeeld.gemeente or ''}".split()
    picked = [rng.choice(words)[: rng.randint(3, 12)] for _ in range(rng.randint(1, 2))]
    text = " ".join(picked)
    return rng.choice([text, text.upper(), strip_accents(text), f"  {text.lower()}  "])


def filter_cases(content: Content, rng: random.Random) -> list[dict]:
    facets = filtering.active_facets(content.praktijkvoorbeelden)
    options = {facet.naam: content.taxonomieen[facet.naam].ids for facet in facets}
    cases = []
    for _ in range(FILTER_SELECTIONS):
        chosen = {facet.naam: sample(rng, options[facet.naam], 3) for facet in facets if rng.random() < 0.3}
        text = query(rng, content)
        cases.append({
            "chosen": chosen, "query": text,
            "slugs": [v.slug for v in filtering.select(content.praktijkvoorbeelden, chosen, text)],
            "counts": filtering.counts(content.praktijkvoorbeelden, options, chosen, text),
        })
    return cases


def advice_cases(content: Content, rng: random.Random) -> list[dict]:
    steps = [stap.nummer for stap in stappen(content)]
    linked = advies.stelt_voor(content.checklists)
    cases = []
    for _ in range(ADVICE_SELECTIONS):
        keuzes = {naam: sample(rng, content.taxonomieen[naam].ids, 3) for naam in answer_vocabularies(content)}
        answers = {"keuzes": keuzes, "onbekend": sample(rng, steps, 2), "punten": sample(rng, sorted(linked), 3),
                   "ookGestopt": rng.random() < 0.3}
        antwoorden = advies.Antwoorden(keuzes, answers["onbekend"], answers["ookGestopt"], answers["punten"])
        richtingen = advies.suggesties(content.oplossingsrichtingen, antwoorden, linked)
        treffers = advies.treffers(content.praktijkvoorbeelden, antwoorden, richtingen)
        cases.append({"answers": answers, "advies": {
            "buitenFocus": advies.buiten_focus(content.taxonomieen["fase"], antwoorden),
            "oplossingsrichtingen": [{**json_value(s), "gericht": s.gericht} for s in richtingen],
            "praktijkvoorbeelden": [{**json_value(t), "score": t.score} for t in treffers],
        }})
    return cases


def main() -> None:
    content = load_content(ROOT)
    rng = random.Random(SEED)
    fixture = {"data": export(content), "filter": filter_cases(content, rng), "advies": advice_cases(content, rng)}
    json.dump(fixture, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
