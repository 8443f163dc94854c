"""Read one YAML file safely, remembering the line of every value.

PyYAML alone is too forgiving for content written by many hands: it keeps the
last of two duplicate keys, turns ``no`` into ``False`` without a word, expands
alias bombs and happily constructs ``!!python/object`` tags with the unsafe
loader. This module composes the node tree with libyaml (the C loader) and
builds plain Python values itself, so that it can:

- reject duplicate keys, anchors/aliases (so an alias bomb is never expanded),
  unknown tags such as ``!!python/object`` and several documents;
- accept a UTF-8 byte order mark and Windows line endings;
- record the line of every value (for error messages) and the original text of
  every unquoted scalar that YAML typed as a boolean, number, date or null (so
  the schema check can explain the trap instead of saying "expected string").

A file that reads without problems is kept, by the hash of its bytes, for the
next build (:mod:`handreiking.content.cache`): an unchanged file is not parsed again.

Example::

    doc, problems = read_yaml(Path("content/interventies/x.yml"), "content/interventies/x.yml")
    doc.data["titel"], doc.line_of(("titel",))
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .cache import BuildCache, code_version, digest
from .problems import Problem, field_name

try:  # libyaml is much faster; the pure-Python loader gives the same results.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12

_STR = "tag:yaml.org,2002:str"
_TYPED_SCALARS = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_ALLOWED_TAGS = _TYPED_SCALARS | {
    _STR,
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_LEADING_TAB = re.compile(r"^ *\t")


class BareDate(str):
    """An unquoted date such as ``2024-05-01``: a string that remembers YAML saw a date."""


@dataclass
class YamlDocument:
    path: str
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    typed_text: dict[tuple, str] = field(default_factory=dict)

    def line_of(self, path: tuple) -> int:
        """Line of the value at ``path``, or of its nearest ancestor."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(file: Path, display_path: str, kept: BuildCache | None = None) -> tuple[YamlDocument | None, list[Problem]]:
    """Read ``file``: the document (None when it cannot be used) and its problems.

    A duplicate key does not stop reading: the document comes with that problem (the first value counts).
    ``kept``: documents parsed before, by the hash of their bytes (see :func:`parsed_cache`).
    """
    raw = file.read_bytes()
    if kept is None:
        return _parse(raw, display_path)
    key = digest(raw)
    cached = kept.get(key)
    if cached is not None:
        return _from_cache(cached, display_path), []
    doc, problems = _parse(raw, display_path)
    if doc is not None and not problems:
        kept.put(key, _to_cache(doc))
    return doc, problems


def parsed_cache() -> BuildCache:
    """A cache of parsed documents for :func:`read_yaml`, kept as JSON text: every build gets fresh objects
    it may change freely."""
    return BuildCache("yaml", code_version(__file__, yaml.__version__),
                      on_load=lambda text: text if isinstance(text, str) else None)


def _parse(raw: bytes, display_path: str) -> tuple[YamlDocument | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [_file_problem(display_path, 1, f"bestand is te groot ({len(raw) // 1024} kB, "
                                    f"hooguit {MAX_BYTES // 1024} kB); het wordt niet gelezen. Houd teksten "
                                    "kort en zet één item per bestand")]
    text, problem = _decode(raw, display_path)
    if problem:
        return None, [problem]
    tab_problems = [
        _file_problem(display_path, number, "tab gebruikt om in te springen; gebruik spaties")
        for number, line in enumerate(text.split("\n"), start=1)
        if _LEADING_TAB.match(line)
    ]
    if tab_problems:
        return None, tab_problems
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [_file_problem(display_path, line, _explain_syntax_error(error))]
    except yaml.reader.ReaderError as error:
        # libyaml reports a byte offset into the UTF-8 text.
        line = text.encode("utf-8")[: error.position].count(b"\n") + 1
        return None, [_file_problem(display_path, line, f"bestand bevat een teken dat YAML niet toestaat "
                                    f"(U+{error.character:04X}, een stuurteken); verwijder het")]
    except yaml.YAMLError as error:
        return None, [_file_problem(display_path, 1, f"YAML kan niet gelezen worden ({error})")]
    if len(nodes) > 1:
        second = nodes[1].start_mark.line + 1 if nodes[1] is not None else 1
        return None, [_file_problem(display_path, second, "bestand bevat meer dan één YAML-document "
                                    "(een regel met ---); zet elk item in een eigen bestand")]
    if not nodes or nodes[0] is None:
        return None, [_file_problem(display_path, 1, "bestand bevat geen gegevens (leeg of alleen commentaar)")]
    builder = _Builder(display_path)
    data = builder.build(nodes[0], (), 0)
    if builder.alias_paths:
        builder.problems += _alias_problems(text, display_path, builder.alias_paths)
    if not builder.usable:
        return None, sorted(builder.problems)
    # Only recoverable problems (a duplicate key: the first value counts): check the rest too.
    return YamlDocument(display_path, data, builder.lines, builder.typed_text), builder.problems


def _to_cache(doc: YamlDocument) -> str:
    dates = [list(path) for path in doc.typed_text if isinstance(value_at(doc.data, path), BareDate)]
    return json.dumps({"data": doc.data, "lines": [[list(path), line] for path, line in doc.lines.items()],
                       "typed": [[list(path), text] for path, text in doc.typed_text.items()], "dates": dates})


def _from_cache(text: str, display_path: str) -> YamlDocument:
    stored = json.loads(text)
    data = stored["data"]
    for path in stored["dates"]:
        parent = value_at(data, path[:-1])
        parent[path[-1]] = BareDate(parent[path[-1]])
    return YamlDocument(display_path, data, {tuple(path): line for path, line in stored["lines"]},
                        {tuple(path): text for path, text in stored["typed"]})


def value_at(data: Any, path) -> Any:
    """The value at a JSON path such as ('secties', 0, 'items')."""
    for part in path:
        data = data[part]
    return data


def _decode(raw: bytes, display_path: str) -> tuple[str, Problem | None]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        return "", _file_problem(display_path, line, f"bestand is geen geldige UTF-8 (byte 0x{byte:02x}); "
                                 "sla het bestand op als UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


class _Builder:
    """Turns composed YAML nodes into dicts, lists and scalars, collecting problems."""

    def __init__(self, display_path: str):
        self.display_path = display_path
        self.problems: list[Problem] = []
        self.usable = True  # False once a value could not be built
        self.alias_paths: list[tuple] = []
        self.lines: dict[tuple, int] = {}
        self.typed_text: dict[tuple, str] = {}
        self._seen: set[int] = set()
        self._scalars = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: tuple, depth: int) -> Any:
        if id(node) in self._seen:
            # libyaml returns the very same node object for an alias; never expand it
            # (that is what makes an alias bomb). The lines are reported from the events.
            self.alias_paths.append(path)
            self.usable = False
            return None
        self._seen.add(id(node))
        self.lines[path] = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            self._fail(node, path, "te diep genest")
            return None
        if node.tag not in _ALLOWED_TAGS:
            self._fail(node, path, f"YAML-tag '{_short_tag(node.tag)}' is niet toegestaan; laat de tag weg")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,), depth + 1) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: tuple, depth: int) -> dict:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self._fail(key_node, path, "ongeldige veldnaam; gebruik 'naam: waarde'")
                continue
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.problems.append(Problem(self.display_path, line, field_name(path + (key,)),
                                             f"veld '{key}' staat twee keer in dit blok (eerst op regel "
                                             f"{first_line[key]}); verwijder een van beide"))
                continue
            first_line[key] = line
            result[key] = self.build(value_node, path + (key,), depth + 1)
            # Point at the key, which is where an editor looks for the field.
            self.lines[path + (key,)] = line
        return result

    def _scalar(self, node: yaml.ScalarNode, path: tuple) -> Any:
        if node.tag == _STR:
            return node.value
        if node.tag == "tag:yaml.org,2002:timestamp":
            value: Any = BareDate(node.value)
        else:
            value = self._scalars.construct_object(node, deep=True)
        if not node.style:  # plain, unquoted: YAML chose the type ('' from libyaml, None in Python)
            self.typed_text[path] = node.value
        return value

    def _fail(self, node: yaml.Node, path: tuple, message: str) -> None:
        self.usable = False
        self.problems.append(Problem(self.display_path, node.start_mark.line + 1, field_name(path), message))


def _alias_problems(text: str, display_path: str, alias_paths: list[tuple]) -> list[Problem]:
    """One problem per line that uses an alias.

    The builder meets aliases in document order, as the parser emits them, so
    the n-th alias event belongs to the n-th path the builder recorded (unless
    the builder skipped a broken part: then the field is left out).
    """
    events = [event for event in yaml.parse(text, Loader=_Loader) if isinstance(event, yaml.AliasEvent)]
    paths = alias_paths if len(alias_paths) == len(events) else [()] * len(events)
    problems: dict[int, Problem] = {}
    for event, path in zip(events, paths):
        line = event.start_mark.line + 1
        problems.setdefault(line, Problem(
            display_path, line, field_name(path),
            f"verwijzing '*{event.anchor}' gebruikt; ankers en verwijzingen (& en *) zijn niet toegestaan, "
            "schrijf de waarde uit"))
    return list(problems.values())


def _short_tag(tag: str) -> str:
    """'tag:yaml.org,2002:python/object' as the editor wrote it: '!!python/object'."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


_SYNTAX_HINTS = [
    ("mapping values are not allowed", "onverwachte dubbele punt; zet tekst met ': ' tussen aanhalingstekens"),
    ("could not find expected ':'", "regel is geen 'veld: waarde'; controleer dubbele punt en inspringing"),
    ("did not find expected key", "inspringing klopt niet; lijn velden op dezelfde hoogte uit"),
    ("expected <block end>", "inspringing klopt niet; lijn velden op dezelfde hoogte uit"),
    ("did not find expected '-' indicator", "inspringing van de lijst klopt niet"),
    ("found unexpected end of stream", "tekst tussen aanhalingstekens wordt niet afgesloten"),
    ("while scanning a quoted scalar", "tekst tussen aanhalingstekens wordt niet afgesloten"),
    ("found character '\\t'", "tab gebruikt; gebruik spaties"),
    ("found undefined alias", "ankers en verwijzingen (& en *) zijn niet toegestaan"),
    ("did not find expected ',' or ']'", "lijst tussen [ en ] mist een komma of de afsluitende ]"),
    ("did not find expected ',' or '}'", "blok tussen { en } mist een komma of de afsluitende }"),
    ("exceeded maximum nesting depth", "te diep genest"),
    ("found unknown escape character", "onbekende \\-code in tekst tussen dubbele aanhalingstekens; "
     "gebruik enkele aanhalingstekens"),
    ("invalid Unicode character escape code", "ongeldige \\u-code in tekst tussen dubbele aanhalingstekens; "
     "gebruik enkele aanhalingstekens"),
    ("found undefined tag handle", "onbekende YAML-tag (!); laat de tag weg"),
    ("cannot start any token", "teken kan een waarde niet beginnen; zet de tekst tussen aanhalingstekens"),
]


def _explain_syntax_error(error: yaml.MarkedYAMLError) -> str:
    original = " ".join(filter(None, [error.context, error.problem]))
    for needle, hint in _SYNTAX_HINTS:
        if needle in original:
            return f"YAML-fout: {hint}"
    return f"YAML-fout: het bestand is geen geldige YAML (YAML meldt: {original})"


def _file_problem(display_path: str, line: int, message: str) -> Problem:
    return Problem(display_path, line, "", message)
