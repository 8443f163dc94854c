"""Link integrity of the built HTML with LinkChecker: no broken internal link or anchor.

MkDocs validates links written in Markdown, but not links in raw HTML from
macros and templates (checklist forms, overrides). LinkChecker follows every
link of the served site, including anchors (its AnchorCheck plugin, enabled in
tests/linkcheckerrc). External links are not checked: the test needs no network.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag

from conftest import ROOT, serve, theme_pages

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
# LinkChecker waits 0.1-0.6 s between requests to a host unless the server sends this header.
UNTHROTTLED = {"LinkChecker": "lokale test"}


def linkcheck(site: Path) -> tuple[list[dict], set[str]]:
    """(problems, every URL checked) for the site served from ``site``."""
    with serve(site, UNTHROTTLED) as url:
        result = subprocess.run(
            [str(LINKCHECKER), "--config", str(ROOT / "tests" / "linkcheckerrc"), "--no-status", "--verbose",
             "--output", "csv", f"{url}/", f"{url}/404.html"],
            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode in (0, 1), result.stderr
    rows = list(csv.DictReader((line for line in result.stdout.splitlines() if not line.startswith("#")),
                               delimiter=";"))
    problems = [row for row in rows if row["valid"] != "True" or row["warningstring"]]
    checked = {urldefrag(row["url"]).url.removeprefix(url) for row in rows}
    return problems, checked


def test_no_broken_internal_links_or_anchors(built_site, tmp_path):
    # One run on a copy of the site with one planted broken link and one planted broken
    # anchor: they prove the check works; nothing else may be reported.
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    planted = site / "inleiding" / "index.html"
    planted.write_text(planted.read_text(encoding="utf-8").replace(
        "</article>", '<a href="../bestaat-niet/">x</a> <a href="../stap-1/#geen-anker">y</a></article>'),
        encoding="utf-8")
    problems, checked = linkcheck(site)
    reported = [f"{row['parentname']} -> {row['urlname']}: {row['result']} {row['warningstring']}"
                for row in problems]
    assert sorted(row["urlname"] for row in problems) == ["../bestaat-niet/", "../stap-1/#geen-anker"], reported
    # Every page was reached by following links, so every page was checked. The editor at /beheer/
    # is not linked from the site (the offline bundle has none): editors go to its address.
    pages = {"/" + path.relative_to(site).as_posix().removesuffix("index.html") for path in theme_pages(site)}
    assert pages - checked == set()
