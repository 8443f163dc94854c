"""The site's one Dutch text analysis: for site search, the interventiewijzer's word search and the words a
professional types in the buurtanalyse. The browser runs the same rules (``docs/assets/javascripts/
handreiking-tekst.js``); ``npm test`` compares both on the real content and on generated words.

- **Words**: lower case, accents dropped (NFKD), split at everything that is not a letter or digit.
- **Stem**: Snowball's Dutch stemmer (the package ``snowballstemmer``), so plurals and diminutives meet:
  "bewoners" and "bewoner", "buurtjes" and "buurt", "scholen" and "school".
- **Compounds**: a word that is two (or more) words of the site's own vocabulary is also read as its
  parts: "bewonersavond" as "bewoners" + "avond", "buurtbemiddeling" as "buurt" + "bemiddeling". The
  longest known first part wins; parts have at least :data:`MIN_PART` letters and are no stop words.
- **Synonyms** from ``content/synoniemen.yml``: the words of a group find each other ("moskee" finds
  "gebedshuis"); a group's ``verwant`` words are found by the group, more weakly, not the other way round.
  An entry may be several words ("sociale media"): it matches a text that has them all.
- **One typo**: a word of :data:`TYPO_MIN` letters or more that starts no word of the vocabulary is read as
  the vocabulary's words one letter away (at most :data:`TYPO_MAX`).

Each way a query word can match a text has a weight (:data:`WEIGHTS`): the word itself (same stem) counts
most, then the start of a longer word, a synonym, a typo fixed, a part of a compound, a related word.

    analysis = Analysis(vocabulary, content.synoniemen)
    query = analysis.query("moskee informatieavond")      # [QueryWord, QueryWord]
    text = analysis.text("Een gebedshuis in de wijk ...")
    analysis.match(query[0], text)                         # Match(soort="synoniem", gewicht=0.8, ...)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Iterable

import snowballstemmer

# Never a query word or a part of a compound: Snowball's Dutch stop words (snowballstem.org, "Dutch stop word
# list"), plus prepositions, adverbs and common verbs that say nothing about a topic ("naast", "speelt").
STOPWORDS = frozenset((
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge "
    "geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar "
    "me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch "
    "toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn "
    "zo zonder zou "
    "naast tussen achter boven beneden sinds tijdens via per rond rondom langs binnen bovendien waar waarom wanneer "
    "welke welk zoals zowel elke elk ieder iedere allemaal beide enkele sommige weinig meest minder erg heel zeer "
    "echt wel nooit vaak soms steeds weer even daarom daarna daarbij daardoor daarmee hierbij hierdoor gaat gaan "
    "ging komt komen kwam moeten willen zullen werden hadden doet deed maakt maken speelt spelen staat staan ligt "
    "liggen zit zitten krijgt krijgen geeft geven laat laten zegt zeggen ziet zien weet weten vindt vinden niemand "
    "erg we wij jullie zijn hun hen onze ons").split())
MIN_PART = 4  # letters in a part of a compound
MIN_PREFIX = 3  # a query word this long also finds longer words that start with it
TYPO_MIN = 6  # letters in a word before a typo is corrected
TYPO_MAX = 5  # corrections at most, the first in alphabetical order
# How much a match counts, per way of matching (the browser reads these from the data).
WEIGHTS = {"woord": 1.0, "begin": 0.8, "synoniem": 0.8, "tikfout": 0.6, "deel": 0.6, "verwant": 0.5}

_WORD = re.compile(r"[^\W_]+")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _without_mark(match: re.Match) -> str:
    return "" if unicodedata.category(match.group()).startswith("M") else match.group()


def normalize(text: str) -> str:
    """Lower case without accents: 'Moskeeën' -> 'moskeeen' (as the browser's normalize)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    # Only a character beyond ASCII can be a mark: the search index normalizes every text of the site.
    return decomposed if decomposed.isascii() else _NON_ASCII.sub(_without_mark, decomposed)


def words(text: str) -> list[str]:
    """The words of ``text``, normalized, in order."""
    return _WORD.findall(normalize(text))


_DUTCH = snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball's Dutch stem of a normalized word; words with characters beyond U+FFFF stay as they are."""
    if any(ord(char) > 0xFFFF for char in word):  # JavaScript counts those as two characters
        return word
    return _DUTCH.stemWord(word)


@dataclass(frozen=True)
class Variant:
    """One way a query word can match: these stems (all of them), how, and what to call it."""

    termen: tuple[str, ...]
    soort: str  # a key of WEIGHTS
    tekst: str  # the words as the vocabulary or the synonyms list write them


@dataclass(frozen=True)
class QueryWord:
    woord: str  # normalized, as typed
    stam: str
    varianten: tuple[Variant, ...]  # besides the word itself (stem, start of a word)


@dataclass(frozen=True)
class Text:
    """A text as the matcher sees it: its words, and the stems of its words and of their parts."""

    woorden: frozenset[str]
    stammen: frozenset[str]  # stems of the words
    delen: frozenset[str]  # stems of the parts of compound words


@dataclass(frozen=True)
class Match:
    soort: str
    gewicht: float
    tekst: str  # what matched: the word of the text, or the synonym


class Analysis:
    """The analysis over one vocabulary (the words of the texts searched) and one synonyms list."""

    def __init__(self, vocabulary: Iterable[str], synoniemen: Iterable[dict] = ()):
        self.vocabulary = frozenset(vocabulary)
        self.sorted = sorted(self.vocabulary)
        self.stems = frozenset(stem(word) for word in self.vocabulary)
        self.groups = [_group(group) for group in synoniemen]
        self._split: dict[str, tuple[str, ...]] = {}

    def known(self, word: str) -> bool:
        return word in self.vocabulary or stem(word) in self.stems

    def split(self, word: str) -> tuple[str, ...]:
        """The parts of a compound of known words, longest first part first; () if it is none."""
        if word not in self._split:
            self._split[word] = self._find_split(word)
        return self._split[word]

    def _find_split(self, word: str) -> tuple[str, ...]:
        for end in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:end], word[end:]
            if not self._part(head):
                head = head[:-1] if head.endswith("s") and self._part(head[:-1]) else ""
            if not head:
                continue
            if self._part(tail):
                return head, tail
            rest = self.split(tail)
            if rest:
                return (head, *rest)
        return ()

    def _part(self, word: str) -> bool:
        return len(word) >= MIN_PART and word not in STOPWORDS and self.known(word)

    def text(self, value: str | Iterable[str]) -> Text:
        """A text (or its words) ready for matching."""
        found = frozenset(words(value) if isinstance(value, str) else value)
        return Text(found, frozenset(stem(word) for word in found),
                    frozenset(stem(part) for word in found for part in self.split(word)))

    def starts_some_word(self, prefix: str) -> bool:
        at = bisect_left(self.sorted, prefix)
        return at < len(self.sorted) and self.sorted[at].startswith(prefix)

    def corrections(self, word: str) -> list[str]:
        """Words of the vocabulary one letter away (changed, added or left out), alphabetical, at most TYPO_MAX."""
        return [other for other in self.sorted if one_edit(word, other)][:TYPO_MAX]

    def query(self, text: str) -> list[QueryWord]:
        """The words of a query (stop words left out, unless there is nothing else) with their variants."""
        typed = words(text)
        kept = [word for word in typed if word not in STOPWORDS] or typed
        result = []
        for index, word in enumerate(kept):
            varianten = []
            parts = self.split(word)
            if parts:
                varianten.append(Variant(tuple(stem(part) for part in parts), "deel", " + ".join(parts)))
            stam = stem(word)
            for group in self.groups:
                varianten += group.expand(word, stam, kept[index + 1] if index + 1 < len(kept) else None)
            if (len(word) >= TYPO_MIN and not varianten and not self.starts_some_word(word)
                    and stam not in self.stems):
                varianten += [Variant((stem(fixed),), "tikfout", fixed) for fixed in self.corrections(word)]
            result.append(QueryWord(word, stam, tuple(_unique(varianten))))
        return result

    def match(self, query: QueryWord, text: Text) -> Match | None:
        """The best way ``query`` matches ``text``, or None."""
        best: Match | None = None

        def offer(soort: str, tekst: str) -> None:
            nonlocal best
            if best is None or WEIGHTS[soort] > best.gewicht:
                best = Match(soort, WEIGHTS[soort], tekst)

        if query.stam in text.stammen:
            offer("woord", next(word for word in sorted(text.woorden) if stem(word) == query.stam))
        elif len(query.woord) >= MIN_PREFIX:
            started = [word for word in sorted(text.woorden) if word.startswith(query.woord)]
            if started:
                offer("begin", started[0])
        if query.stam in text.delen:
            offer("deel", query.woord)
        for variant in query.varianten:
            if all(term in text.stammen or term in text.delen for term in variant.termen):
                offer(variant.soort, variant.tekst)
        return best


def one_edit(a: str, b: str) -> bool:
    """Exactly one letter changed, added or left out."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


@dataclass(frozen=True)
class _Group:
    woorden: tuple[tuple[str, ...], ...]  # each entry as its normalized words
    verwant: tuple[tuple[str, ...], ...]

    def expand(self, word: str, stam: str, following: str | None) -> list[Variant]:
        """The other entries (and the related words) when ``word`` (and the word after it) is an entry."""
        own = [entry for entry in self.woorden
               if (len(entry) == 1 and stem(entry[0]) == stam)
               or (len(entry) == 2 and following is not None and entry[0] == word and entry[1] == following)]
        if not own:
            return []
        return ([Variant(tuple(stem(w) for w in entry), "synoniem", " ".join(entry))
                 for entry in self.woorden if entry not in own]
                + [Variant(tuple(stem(w) for w in entry), "verwant", " ".join(entry)) for entry in self.verwant])


def _group(group) -> _Group:
    """A synonym group (content.model.SynoniemGroep) with each entry as its words."""
    return _Group(tuple(tuple(words(entry)) for entry in group.woorden),
                  tuple(tuple(words(entry)) for entry in group.verwant))


def settings(synoniemen) -> dict:
    """The analysis' settings for the browser (data.tekst): stop words, limits, weights and synonyms."""
    return {"stopwoorden": sorted(STOPWORDS), "min_deel": MIN_PART, "min_begin": MIN_PREFIX, "tikfout_min": TYPO_MIN,
            "tikfout_max": TYPO_MAX, "gewichten": dict(WEIGHTS),
            "synoniemen": [{"woorden": list(group.woorden), "verwant": list(group.verwant)} for group in synoniemen]}


def _unique(varianten: list[Variant]) -> list[Variant]:
    seen: set[tuple[str, ...]] = set()
    result = []
    for variant in varianten:
        if variant.termen not in seen:
            seen.add(variant.termen)
            result.append(variant)
    return result
