"""Atomic site build: ``python -m handreiking.build --site-dir site``.

MkDocs empties its output folder before writing, so a failed build would leave
a half-written site. Here MkDocs builds into a fresh folder beside the target;
only when the build and every after-build step succeed does that folder
replace ``site/``. On failure the previous ``site/`` stays exactly as it was.

This module and ``macros/`` are the only places that know about MkDocs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent

# Steps that run on the freshly built folder before it is published, in order.
# Each takes the folder and returns nothing; raising stops the build.
AFTER_BUILD: list[Callable[[Path], None]] = []


class BuildFailed(Exception):
    pass


def build(site_dir: Path, root: Path = ROOT) -> None:
    site_dir = site_dir.resolve()
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        _mkdocs_build(staging, root)
        for step in AFTER_BUILD:
            step(staging)
        _replace(site_dir, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _mkdocs_build(target: Path, root: Path) -> None:
    # No --quiet: it hides warnings from MkDocs' strict-mode counter, so a broken link would publish.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if subprocess.run(command, cwd=root, env=env).returncode != 0:
        raise BuildFailed("mkdocs build is mislukt; de vorige site is niet aangeraakt")


def _replace(site_dir: Path, staging: Path) -> None:
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handreiking.build", description="Bouw de site atomisch.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    try:
        build(args.site_dir)
    except BuildFailed as error:
        print(f"Bouwen mislukt: {error}", file=sys.stderr)
        return 1
    print(f"Site gebouwd in {args.site_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
