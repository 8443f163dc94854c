"""Writes docs/assets/javascripts/vendor/snowball/dutch-stemmer.js from the installed snowballstemmer.

The site stems Dutch words with Snowball's Dutch algorithm, in Python with the package ``snowballstemmer``
(pinned in requirements.in) and in the browser with this script's output: a line-by-line translation of the
package's generated ``dutch_stemmer.py`` (itself generated from Snowball's ``dutch.sbl``) into a classic
script. Snowball generates Python and JavaScript from the same source with the same structure, so the
translation is mechanical: ``try``/``raise labN``/``except labN`` become a labelled block with
``break labN``. tests/js/pariteit.test.js compares both on every word of the site.

    .venv/bin/python scripts/snowball_js.py      # after raising the pinned snowballstemmer
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

import snowballstemmer

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "assets" / "javascripts" / "vendor" / "snowball" / "dutch-stemmer.js"
BASE = Path(__file__).with_name("snowball_base.js.tmpl")

# The stemmer's module constants (indented 4 in the Python class) and their JavaScript form.
_CONSTANTS = ((re.compile(r"^g_\w+ = \{"), "const {name} = new Set([{values}]);"),
              (re.compile(r"^as_\d+ = \(.*\)$"), "const {name} = [{values}];"))
_HEADER = re.compile(r"^(while True|try|if .*|elif .*|else|def .*):$")


def expression(text: str) -> str:
    """A Python expression of the generated code as JavaScript."""
    text = re.sub(r"self\.__r_", "this.r_", text)
    text = text.replace("self.", "this.").replace("DutchStemmer.", "")
    text = re.sub(r"\bnot ", "!", text)
    text = re.sub(r"\band\b", "&&", text)
    text = re.sub(r"\bor\b", "||", text)
    text = re.sub(r"\bTrue\b", "true", text)
    text = re.sub(r"\bFalse\b", "false", text)
    text = text.replace("!=", "!==").replace("==", "===").replace("!===", "!==")
    return text


def translate(source: str) -> str:
    lines = source.splitlines()
    out: list[str] = []
    blocks: list[tuple[int, str]] = []  # (indent of the header, kind)
    constants: list[str] = []
    fields: list[str] = []
    in_among = False

    def close_to(indent: int) -> None:
        while blocks and blocks[-1][0] >= indent:
            blocks.pop()
            out.append(" " * (len(blocks) * 2 + 2) + "}")

    index = 0
    while index < len(lines):
        raw = lines[index]
        index += 1
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        if not stripped or stripped.startswith(("#", "from ", "import ", "class ")):
            continue
        if stripped.startswith("'''"):
            while not lines[index].strip().endswith("'''"):
                index += 1
            index += 1
            continue
        constant = next((form for pattern, form in _CONSTANTS if indent == 4 and pattern.match(stripped)), None)
        if constant:
            name, values = stripped.split(" = ", 1)
            constants.append(constant.format(name=name, values=values[1:-1]))
            continue
        if indent == 4 and re.match(r"^[BI]_\w+ = ", stripped):
            name, value = stripped.split(" = ", 1)
            fields.append(f"this.{name} = {expression(value)};")
            continue
        if indent == 4 and re.match(r"^a_\d+ = \[$", stripped):
            close_to(indent)
            constants.append(f"const {stripped.split(' = ')[0]} = [")
            in_among = True
            continue
        if in_among:
            if stripped == "]":
                constants.append("];")
                in_among = False
            else:
                constants.append("  new " + stripped)
            continue
        if indent == 0:  # the label classes at the end
            continue
        if stripped.startswith(("elif ", "else:")):
            close_to(indent + 1)
            blocks.pop()
            depth = " " * (len(blocks) * 2 + 2)
            head = "} else {" if stripped == "else:" else f"}} else if ({expression(stripped[5:-1])}) {{"
            out.append(depth + head)
            blocks.append((indent, "if"))
            continue
        if stripped.startswith("except lab"):
            close_to(indent + 1)
            blocks.pop()
            out.append(" " * (len(blocks) * 2 + 2) + "}")
            continue
        close_to(indent)
        depth = " " * (len(blocks) * 2 + 2)
        if stripped.startswith("def "):
            name = re.match(r"def (?:__)?(\w+)\(self\):", stripped).group(1)
            body = []
            for later in lines[index:]:
                if later.strip() and len(later) - len(later.lstrip()) <= indent:
                    break
                body.append(later)
            names = sorted(set(re.findall(r"^\s*(v_\d+|among_var|c|S_ch|B_stemmed) = ", "\n".join(body), re.M)))
            out.append(f"{depth}{name}() {{")
            blocks.append((indent, "def"))
            if names:
                out.append(" " * (len(blocks) * 2 + 2) + f"let {', '.join(names)};")
            continue
        if stripped == "while True:":
            out.append(depth + "while (true) {")
            blocks.append((indent, "while"))
            continue
        if stripped == "try:":
            label = next(re.match(r"except (lab\d+)", later.strip()).group(1) for later in lines[index:]
                         if later.strip().startswith("except lab") and len(later) - len(later.lstrip()) == indent)
            out.append(f"{depth}{label}: {{")
            blocks.append((indent, "try"))
            continue
        if stripped.startswith("if ") and stripped.endswith(":"):
            out.append(f"{depth}if ({expression(stripped[3:-1])}) {{")
            blocks.append((indent, "if"))
            continue
        if _HEADER.match(stripped):
            raise ValueError(f"onbekende regel: {stripped}")
        statement = re.sub(r"^raise (lab\d+)\(\)$", r"break \1", stripped)
        out.append(f"{depth}{expression(statement)};")
    close_to(0)
    return "\n".join(constants) + "\n\n" + "\n".join(fields) + "\n\n" + "\n".join(out)


def main() -> None:
    module = Path(snowballstemmer.__file__).with_name("dutch_stemmer.py")
    version = metadata.version("snowballstemmer")
    body = translate(module.read_text(encoding="utf-8"))
    constants, fields, methods = body.split("\n\n", 2)
    text = BASE.read_text(encoding="utf-8").replace("/*VERSION*/", version)
    text = text.replace("/*CONSTANTS*/", constants).replace("/*FIELDS*/", fields).replace("/*METHODS*/", methods)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: Snowball Dutch uit snowballstemmer {version}", file=sys.stderr)


if __name__ == "__main__":
    main()
