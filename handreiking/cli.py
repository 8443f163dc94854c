"""Command line for editors and CI.

``python -m handreiking check``: exit status 0 when the content is valid
(warnings allowed), 1 when there are errors. Every problem is printed as
``<file>:<line>: <field>: <message>``, errors first. Warnings that many files share (a
``summary``, such as every item not checked since the handreiking) are one line each, so an
editor's own problems stay in view; ``--alle`` (``make check ALLES=ja``) lists them per file.

``python -m handreiking nieuw "Titel"``: a new praktijkvoorbeeld from the
template (see :mod:`handreiking.content.new_item`); exit status 1 when it refuses.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from .content.loader import check_content
from .content.new_item import NewItemError, create
from .content.problems import Problem

LIST_ALL = "make check ALLES=ja"  # how an editor lists the summarised warnings (Makefile: ALLES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handreiking", description="Controleer de inhoud van de handreiking.")
    project = argparse.ArgumentParser(add_help=False)
    project.add_argument("--root", type=Path, default=Path("."), help="projectmap (standaard: huidige map)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", parents=[project], help="controleer alle YAML-bestanden in content/")
    check.add_argument("--alle", action="store_true",
                       help="elke waarschuwing per bestand, ook die welke veel bestanden delen")
    nieuw = commands.add_parser("nieuw", parents=[project], help="maak een nieuw praktijkvoorbeeld uit het sjabloon")
    nieuw.add_argument("titel", nargs="?", default="", help="titel van het praktijkvoorbeeld")
    args = parser.parse_args(argv)
    if args.command == "nieuw":
        return _new(args.root, args.titel)
    return _check(args.root, args.alle)


def _check(root: Path, every_warning: bool = False) -> int:
    result = check_content(root)
    for problem in result.errors:
        print(problem, file=sys.stderr)
    for line in warning_lines(result.warnings, every_warning):
        print(line)
    if result.errors:
        print(f"\n{len(result.errors)} fout(en), {len(result.warnings)} waarschuwing(en) in {result.files} "
              "bestanden. Los de fouten op; zie CONTRIBUTING.md.", file=sys.stderr)
        return 1
    print(f"Inhoud in orde: {result.files} bestanden gecontroleerd, {len(result.warnings)} waarschuwing(en).")
    return 0


def _new(root: Path, titel: str) -> int:
    try:
        path = create(root, titel, date.today())
    except NewItemError as error:
        print(f"Niet aangemaakt: {error}", file=sys.stderr)
        return 1
    print(f"Aangemaakt: {path.as_posix()} (webadres /praktijkvoorbeelden/{path.stem}/).\n"
          "Vervang nu elke 'VUL IN' in dat bestand en controleer met: make check")
    return 0


def warning_lines(warnings: list[Problem], every_warning: bool) -> list[str]:
    """One line per warning, except that warnings sharing a summary become one line, at the end."""
    if every_warning:
        return [str(problem) for problem in warnings]
    shared = Counter(problem.summary for problem in warnings if problem.summary)
    lines = [str(problem) for problem in warnings if not problem.summary]
    return lines + [f"waarschuwing: {count} {summary}. Per bestand: {LIST_ALL}" for summary, count in shared.items()]
