"""Cross-links computed once per build, for every page at once.

- ``by_term``: which praktijkvoorbeelden carry a term of a facet vocabulary (index pages, counts);
- ``by_bron``: the praktijkvoorbeelden per section of the handreiking (step 4);
- ``referenced_by``: per praktijkvoorbeeld, those whose ``zie_ook`` names it (so "Zie ook" links both ways);
- ``similar``: for each praktijkvoorbeeld, those sharing the most vocabulary
  values. All pairs are scored in one matrix product, in row blocks so memory
  stays flat: no page scans all items on its own. Only the praktijkvoorbeeld
  pages need it, so it is computed on first use: a rebuild that reuses the
  generated pages (see :mod:`handreiking.site.site`) neither computes it nor imports numpy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from ..content.model import FACET_FIELDS, Content, Praktijkvoorbeeld

SIMILAR_COUNT = 5
_BLOCK_ROWS = 512


@dataclass(frozen=True)
class Similar:
    voorbeeld: Praktijkvoorbeeld
    shared: int


@dataclass(frozen=True)
class CrossLinks:
    by_term: dict[tuple[str, str], tuple[Praktijkvoorbeeld, ...]]
    by_bron: dict[str, tuple[Praktijkvoorbeeld, ...]]
    referenced_by: dict[str, tuple[Praktijkvoorbeeld, ...]]
    voorbeelden: tuple[Praktijkvoorbeeld, ...]
    similar_count: int = SIMILAR_COUNT

    @cached_property
    def similar(self) -> dict[str, tuple[Similar, ...]]:
        return _similar(self.voorbeelden, self.similar_count)


def build_crosslinks(content: Content, similar_count: int = SIMILAR_COUNT) -> CrossLinks:
    voorbeelden = content.praktijkvoorbeelden  # already in site order
    by_term: dict[tuple[str, str], list[Praktijkvoorbeeld]] = defaultdict(list)
    by_bron: dict[str, list[Praktijkvoorbeeld]] = defaultdict(list)
    referenced_by: dict[str, list[Praktijkvoorbeeld]] = defaultdict(list)
    for voorbeeld in voorbeelden:
        for vocabulary in FACET_FIELDS:
            for term_id in voorbeeld.values(vocabulary):
                by_term[vocabulary, term_id].append(voorbeeld)
        by_bron[voorbeeld.bron].append(voorbeeld)
        for slug in voorbeeld.zie_ook:
            referenced_by[slug].append(voorbeeld)
    return CrossLinks(
        by_term={key: tuple(value) for key, value in by_term.items()},
        by_bron={key: tuple(value) for key, value in by_bron.items()},
        referenced_by={key: tuple(value) for key, value in referenced_by.items()},
        voorbeelden=voorbeelden,
        similar_count=similar_count,
    )


def _similar(voorbeelden: tuple[Praktijkvoorbeeld, ...], count: int) -> dict[str, tuple[Similar, ...]]:
    import numpy as np  # here, not at the top: importing numpy costs more than a warm rebuild's pages

    columns: dict[tuple[str, str], int] = {}
    rows, cols = [], []
    for row, voorbeeld in enumerate(voorbeelden):
        for vocabulary in FACET_FIELDS:
            for term_id in voorbeeld.values(vocabulary):
                rows.append(row)
                cols.append(columns.setdefault((vocabulary, term_id), len(columns)))
    size = len(voorbeelden)
    matrix = np.zeros((size, max(len(columns), 1)), dtype=np.float32)
    matrix[rows, cols] = 1.0
    # Among equal scores, prefer the earlier example in site order (stable output).
    tie_break = np.arange(size, dtype=np.float64) * 1e-7
    result: dict[str, tuple[Similar, ...]] = {}
    keep = min(count, size - 1)
    for start in range(0, size, _BLOCK_ROWS):
        block = matrix[start:start + _BLOCK_ROWS]
        scores = (block @ matrix.T).astype(np.float64) - tie_break
        scores[np.arange(len(block)), np.arange(start, start + len(block))] = -np.inf
        if keep <= 0:
            top = np.empty((len(block), 0), dtype=int)
        else:
            top = np.argpartition(-scores, keep - 1, axis=1)[:, :keep]
        for offset, candidates in enumerate(top):
            ordered = sorted(candidates, key=lambda column: -scores[offset, column])
            result[voorbeelden[start + offset].slug] = tuple(
                Similar(voorbeelden[column], int(round(scores[offset, column])))
                for column in ordered if scores[offset, column] >= 0.5
            )
    return result
