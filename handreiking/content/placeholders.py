"""Fields an editor has not filled in yet: the 'VUL IN' of the template.

The template ``content/sjablonen/praktijkvoorbeeld.yml`` (and every file
``make nieuw`` creates from it) holds ``VUL IN`` where the editor must write
something. Such a field gets one clear message instead of the schema's
complaint about its form, and the file is not used until every field is filled:

    content/interventies/buurtvaders.yml:21: locaties[0]: nog invullen: vervang 'VUL IN' ...
"""

from __future__ import annotations

from typing import Any
from collections.abc import Iterator

from .problems import Problem, field_name
from .yamlsource import YamlDocument

PLACEHOLDER = "VUL IN"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip().startswith(PLACEHOLDER)


def check_placeholders(doc: YamlDocument, schema_problems: list[Problem]) -> list[Problem]:
    """One problem per unfilled field, plus the schema problems about the other fields."""
    unfilled = [Problem(doc.path, doc.line_of(path), field_name(path),
                        f"nog invullen: vervang '{PLACEHOLDER}' (zie de uitleg boven het veld en de pagina "
                        "'Voor redacteuren')")
                for path in _placeholder_paths(doc.data, ())]
    fields = {problem.field for problem in unfilled}
    return unfilled + [problem for problem in schema_problems if problem.field not in fields]


def _placeholder_paths(value: Any, path: tuple) -> Iterator[tuple]:
    if is_placeholder(value):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholder_paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholder_paths(item, path + (index,))
