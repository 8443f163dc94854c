"""The fixture of tests/js/pariteit.test.js: the Python reference on hundreds of generated selections, as JSON.

Prints ``{"data": export(content), "filter": [...], "advies": [...], "tekst": {...}}`` for the real content:
per selection what :mod:`handreiking.tools.filtering` and :mod:`handreiking.tools.advies` compute (the advice, and
a choice of praktijkvoorbeelden held against the vuistregels), and for
every word of the site (and generated ones) what :mod:`handreiking.tools.tekst` makes of it. The node test
runs the browser's filter, advice and text analysis on the same data and compares every result.
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
from handreiking.tools import advies, filtering, tekst, zoekvelden
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


# Words a professional types: compounds, synonyms, plurals and diminutives, a typo.
EVERYDAY = ("informatieavond", "moskee", "petitie", "bewonersavond", "whatsapp", "school", "scholen", "buurtjes",
            "polarizatie", "gebedshuizen", "statushouders", "sociale media", "wijkagent", "de", "Moskeeën")


def query(rng: random.Random, content: Content) -> str:
    """No text, words from a praktijkvoorbeeld (in other case, without accents, cut short), everyday words,
    or a word no one uses."""
    kind = rng.random()
    if kind < 0.4:
        return ""
    if kind < 0.5:
        return "zzgeenwoordzz"
    if kind < 0.6:
        return " ".join(rng.sample(EVERYDAY, rng.randint(1, 2)))
    voorbeeld = rng.choice(content.praktijkvoorbeelden)
    words = f"{voorbeeld.titel} {voorbeeld.samenvatting} {voorbeeld.gemeente or ''}".split()
    picked = [rng.choice(words)[: rng.randint(3, 12)] for _ in range(rng.randint(1, 2))]
    text = " ".join(picked)
    return rng.choice([text, text.upper(), strip_accents(text), f"  {text.lower()}  "])


def filter_cases(content: Content, rng: random.Random) -> list[dict]:
    zoeker = filtering.Zoeker(content)
    facets = filtering.active_facets(content.praktijkvoorbeelden)
    options = {facet.naam: content.taxonomieen[facet.naam].ids for facet in facets}
    cases = []
    for _ in range(FILTER_SELECTIONS):
        chosen = {facet.naam: sample(rng, options[facet.naam], 3) for facet in facets if rng.random() < 0.3}
        text = query(rng, content)
        cases.append({
            "chosen": chosen, "query": text,
            "slugs": [v.slug for v in filtering.select(content.praktijkvoorbeelden, chosen, text, zoeker=zoeker)],
            "counts": filtering.counts(content.praktijkvoorbeelden, options, chosen, text, zoeker),
        })
    return cases


def advice_cases(content: Content, rng: random.Random) -> list[dict]:
    steps = [stap.nummer for stap in stappen(content)]
    adviseur = advies.Adviseur(content)
    linked = adviseur.voorstellen
    cases = []
    for _ in range(ADVICE_SELECTIONS):
        keuzes = {naam: sample(rng, content.taxonomieen[naam].ids, 3) for naam in answer_vocabularies(content)}
        situatie = query(rng, content) if rng.random() < 0.7 else ""
        answers = {"keuzes": keuzes, "onbekend": sample(rng, steps, 2), "punten": sample(rng, sorted(linked), 3),
                   "ookGestopt": rng.random() < 0.3, "situatie": situatie}
        antwoorden = advies.Antwoorden(keuzes, answers["onbekend"], answers["ookGestopt"], answers["punten"], situatie)
        found = adviseur.advise(antwoorden)
        # A proposal's choice: a few from the advice and one from anywhere, held against the vuistregels.
        shown = [t.slug for t in found.praktijkvoorbeelden]
        slugs = sample(rng, shown, 2) + sample(rng, [v.slug for v in content.praktijkvoorbeelden], 1)
        chosen = [content.voorbeeld(slug) for slug in dict.fromkeys(slugs)]
        cases.append({"answers": answers, "gekozen": [v.slug for v in chosen],
                      "toets": [json_value(t) for t in advies.toets(adviseur.regels, chosen, antwoorden)],
                      "advies": {
            "buitenFocus": found.buiten_focus,
            "oplossingsrichtingen": [{**json_value(s), "gericht": s.gericht} for s in found.oplossingsrichtingen],
            "praktijkvoorbeelden": [json_value(t) for t in found.praktijkvoorbeelden],
            "checklists": [json_value(c) for c in found.checklists],
        }})
    return cases


def mangled(rng: random.Random, word: str) -> str:
    """A word with one letter changed, added or left out, or with a diminutive or plural ending."""
    at = rng.randrange(len(word) + 1)
    kind = rng.randrange(5)
    if kind == 0:
        return word[:at] + rng.choice("aeiouns") + word[at:]
    if kind == 1 and len(word) > 1:
        return word[:at] + word[at + 1:]
    if kind == 2:
        return word + rng.choice(("je", "tje", "jes", "tjes", "en", "s", "'s", "ën"))
    if kind == 3:
        return word.upper()
    return word[:at] + rng.choice("ëéèïöü") + word[at:]


def text_cases(content: Content, rng: random.Random) -> dict:
    """Per word: its words, stem and parts; per query: its words and variants; and matches against texts."""
    analysis = zoekvelden.analysis(content)
    vocabulary = sorted(analysis.vocabulary)
    generated = [mangled(rng, rng.choice(vocabulary)) for _ in range(400)]
    pairs = [rng.choice(vocabulary) + rng.choice(vocabulary) for _ in range(200)]  # made-up compounds
    words = sorted(set(vocabulary) | set(generated) | set(pairs))
    queries = [*EVERYDAY, *generated[:100], *pairs[:50],
               *(" ".join(rng.sample(vocabulary, 3)) for _ in range(50))]
    texts = [" ".join(zoekvelden.velden(v, content)["beschrijving"]) for v in content.praktijkvoorbeelden[:10]]
    def json_query(query):
        return [{"woord": w.woord, "stam": w.stam,
                 "varianten": [{"termen": list(v.termen), "soort": v.soort, "tekst": v.tekst} for v in w.varianten]}
                for w in query]
    def json_match(found):
        return None if found is None else {"soort": found.soort, "gewicht": found.gewicht, "tekst": found.tekst}
    return {
        "woorden": {word: {"woorden": tekst.words(word), "stam": tekst.stem(tekst.normalize(word)),
                           "delen": list(analysis.split(tekst.normalize(word)))} for word in words},
        "vragen": {q: json_query(analysis.query(q)) for q in queries},
        "treffers": [{"vraag": q, "tekst": t, "treffers": [json_match(analysis.match(w, analysis.text(t)))
                                                          for w in analysis.query(q)]}
                     for q in queries[:80] for t in texts[:3]],
    }


def main() -> None:
    content = load_content(ROOT)
    rng = random.Random(SEED)
    fixture = {"data": export(content), "filter": filter_cases(content, rng), "advies": advice_cases(content, rng),
               "tekst": text_cases(content, rng)}
    json.dump(fixture, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
