"""The fixture of tests/js/csv.test.js and tests/js/migratie.test.js: the real data file and the Python CSV rules.

Prints ``{"data": export(content), "csv": [...]}``: the data the browser gets, and for a few hundred generated rows
of cells the lines :mod:`handreiking.tools.open_data` writes for them, in the standard form and in the spreadsheet
form. The node tests run the browser's modules on the same input and compare. Seeded, so a failure repeats.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from handreiking.content.loader import load_content
from handreiking.tools.export import export
from handreiking.tools.open_data import SPREADSHEET_DELIMITER, csv_line, spreadsheet_cell

ROOT = Path(__file__).resolve().parents[2]
ROWS = 300
SEED = 24
# What makes CSV hard: separators of both forms, quotes, line breaks of every kind, spaces at the ends, a
# formula's first characters, numbers with a sign, and letters outside ASCII.
PIECES = ["a", "Één", " ", ",", ";", '"', "\n", "\r\n", "\r", "\n\n  ", "=", "+", "-", "@", "\t", "12", ",5",
          "%", "=SOM(A1)", "ç", "|", "'"]


def cell(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))


def csv_cases(rng: random.Random) -> list[dict]:
    cases = []
    for _ in range(ROWS):
        cells = [cell(rng) for _ in range(rng.randint(1, 5))]
        cases.append({"cellen": cells, "standaard": csv_line(cells),
                      "spreadsheet": csv_line([spreadsheet_cell(c) for c in cells], SPREADSHEET_DELIMITER)})
    return cases


def main() -> None:
    content = load_content(ROOT)
    json.dump({"data": export(content), "csv": csv_cases(random.Random(SEED))}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
