"""``make nieuw TITEL="..."``: a new praktijkvoorbeeld from the template.

Creates ``content/interventies/<slug>.yml`` from
``content/sjablonen/praktijkvoorbeeld.yml`` with the title and today's date
filled in. The file name (the address) is made from the title once; no other file needs
a change. It never overwrites a file and refuses a title whose address is taken or is an
old address that redirects elsewhere.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from .model import FOLDERS
from .redirects import REDIRECTS_FILE
from .slugs import slugify
from .yamlsource import read_yaml

TEMPLATE = "content/sjablonen/praktijkvoorbeeld.yml"
FOLDER = f"content/{FOLDERS['praktijkvoorbeeld']}"


class NewItemError(Exception):
    """A Dutch message for the editor: why no file was created."""


def create(root: Path, titel: str, today: date) -> Path:
    """Write the new file and return its path relative to ``root``."""
    titel = titel.strip()
    if not titel:
        raise NewItemError('geef een titel, bijvoorbeeld: make nieuw TITEL="Buurtvaders"')
    slug = slugify(titel)
    if not slug:
        raise NewItemError(f"de titel '{titel}' geeft geen bruikbare bestandsnaam; gebruik letters of cijfers")
    target = Path(FOLDER) / f"{slug}.yml"
    if (root / target).exists():
        raise NewItemError(f"{target.as_posix()} bestaat al en wordt niet overschreven; kies een andere titel "
                           "of bewerk dat bestand")
    redirected_to = _redirects(root).get(slug)
    if redirected_to:
        raise NewItemError(f"'{slug}' is een oud adres dat doorverwijst naar '{redirected_to}' ({REDIRECTS_FILE}); "
                           "kies een andere titel")
    text = _fill(_without_header((root / TEMPLATE).read_text(encoding="utf-8")), titel, today)
    (root / target).write_text(text, encoding="utf-8")
    return target


def _without_header(template: str) -> str:
    """Drop the first comment block: it explains how to use the template, not the file."""
    return template.split("\n\n", 1)[1]


def _fill(text: str, titel: str, today: date) -> str:
    # A JSON string is a valid double-quoted YAML string: quotes, colons and accents stay safe.
    for field, value in (("titel", json.dumps(titel, ensure_ascii=False)), ("gecontroleerd_op", today.isoformat())):
        # A function as replacement: the value is written as it is, backslashes included.
        text, count = re.subn(rf"^{field}: .*$", lambda _, line=f"{field}: {value}": line, text, flags=re.MULTILINE)
        if count != 1:
            raise RuntimeError(f"{TEMPLATE} moet precies één regel '{field}: ...' hebben")
    return text


def _redirects(root: Path) -> dict[str, str]:
    file = root / REDIRECTS_FILE
    doc = read_yaml(file, REDIRECTS_FILE)[0] if file.exists() else None
    # A broken file is reported by 'make check'; it does not block a new file.
    redirects = doc.data.get("praktijkvoorbeelden") if doc and isinstance(doc.data, dict) else None
    return redirects if isinstance(redirects, dict) else {}
