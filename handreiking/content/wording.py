"""Check that content is written in our own words: no run of 10 words from the source.

The handreiking's text is not in this repository; a list of fingerprints of
every 10-word run in it is (``tests/fixtures/bron-woordreeksen.txt``), made with

    python -m handreiking.content.wording ../shared/bron/000_b3548c647de8ad3c.txt > tests/fixtures/bron-woordreeksen.txt

Words are compared lowercased and without accents or punctuation.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from pathlib import Path
from collections.abc import Iterator

RUN = 10
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode("ascii")
    return _WORD.findall(ascii_text)


def fingerprint(run: list[str]) -> str:
    return hashlib.blake2b(" ".join(run).encode(), digest_size=5).hexdigest()


def fingerprints(text: str) -> Iterator[tuple[str, str]]:
    """(fingerprint, the words) for every run of RUN words in ``text``."""
    tokens = words(text)
    for start in range(len(tokens) - RUN + 1):
        run = tokens[start:start + RUN]
        yield fingerprint(run), " ".join(run)


def load_fingerprints(path: Path) -> set[str]:
    return set(path.read_text(encoding="ascii").split())


if __name__ == "__main__":
    source = Path(sys.argv[1]).read_text(encoding="utf-8")
    print("\n".join(sorted({digest for digest, _ in fingerprints(source)})))
