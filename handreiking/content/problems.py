"""Problems found in content files, reported to editors in Dutch.

Every problem names the file, the line and the field, so an editor can find it
without reading Python:

    content/interventies/x.yml:12: doelgroepen[1]: onbekende doelgroep 'jongern'; bedoelde u 'jongeren'?
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):  # noqa: UP042 - StrEnum would change how a problem prints
    ERROR = "fout"
    WARNING = "waarschuwing"


FILE_LEVEL = "(bestand)"  # shown for a problem with the whole file, whose field is ""


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR
    # Warnings that many files share (every item not checked since 2019) say so in one line
    # unless asked for each file; this is that line's text, after the count.
    summary: str = field(default="", compare=False)

    def __str__(self) -> str:
        prefix = "waarschuwing: " if self.severity is Severity.WARNING else ""
        return f"{self.path}:{self.line}: {self.field or FILE_LEVEL}: {prefix}{self.message}"


class ContentError(Exception):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        noun = "fout" if count == 1 else "fouten"
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"De inhoud bevat {count} {noun}:\n{lines}")


def field_name(path: tuple) -> str:
    """Render a JSON path like ('secties', 0, 'items', 2) as 'secties[0].items[2]'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
