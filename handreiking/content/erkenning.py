"""When a recognition (the optional ``erkenning`` of a praktijkvoorbeeld) counts as expired.

A recognition is dated by its assessment; after ``erkenning_verloopt_na_maanden``
(content/instellingen.yml) it may no longer hold. That is a warning in
``make check`` and a note on the page, as for a praktijkvoorbeeld not checked
for a long time; a date in the future is an error.
"""

from __future__ import annotations

from datetime import date

from .checks import is_stale
from .fields import Record
from .problems import Problem, Severity, field_name
from .yamlsource import YamlDocument

FIELD = ("erkenning", "datum")


def is_expired(erkenning: Record, today: date, months: int) -> bool:
    """``erkenning``: the block of a praktijkvoorbeeld (databank, niveau, datum, link)."""
    return is_stale(erkenning.datum, today, months)


def check_erkenningen(documents: dict[str, YamlDocument], today: date, months: int) -> list[Problem]:
    problems = []
    for doc in documents.values():
        if "erkenning" not in doc.data:
            continue
        assessed = date.fromisoformat(doc.data["erkenning"]["datum"])
        line = doc.line_of(FIELD)
        if assessed > today:
            problems.append(Problem(doc.path, line, field_name(FIELD),
                                    f"datum {assessed.isoformat()} ligt in de toekomst"))
        elif is_stale(assessed, today, months):
            problems.append(Problem(doc.path, line, field_name(FIELD),
                                    f"erkenning beoordeeld op {assessed.isoformat()} (meer dan {months} maanden "
                                    "geleden); controleer bij de databank of de erkenning nog geldt",
                                    Severity.WARNING))
    return problems
