"""Compare two builds of the site: every file the same, except the generator meta tag of the pages.

    python ci-checks/compare_sites.py SITE_A SITE_B

Used by ``make properdocs``: ProperDocs (the maintained fork of MkDocs 1.x) must build exactly
the site MkDocs builds. Exits non-zero and lists the files that differ.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes())
            for path in sorted(site.rglob("*")) if path.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    left, right = files(a), files(b)
    return sorted(name for name in left.keys() | right.keys() if left.get(name) != right.get(name))


def main(argv: list[str]) -> int:
    a, b = (Path(arg) for arg in argv)
    different = differences(a, b)
    for name in different:
        print(f"verschilt: {name}", file=sys.stderr)
    print(f"{len(files(a))} bestanden vergeleken, {len(different)} verschil(len) buiten de generator-tag")
    return 1 if different else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
