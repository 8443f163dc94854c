"""Link integrity of the built HTML: no broken internal link or anchor.

MkDocs validates links written in Markdown, but not links in raw HTML from
macros and templates (checklist forms, overrides). LinkChecker follows every
link of the served site. Anchors are checked here, from the files: LinkChecker's
AnchorCheck checks the anchors of a page only on the first link to it that one of
its threads happens to follow, so a broken anchor was reported on one machine and
not on another. External links are not checked: the test needs no network.
"""

from __future__ import annotations

import csv
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urlsplit

from conftest import ROOT, content_pages, serve

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


class _Page(HTMLParser):
    """The ids of one page and the targets of its links."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])


def broken_anchors(site: Path) -> list[str]:
    """'<page> -> <href>' for every internal link whose #anchor is not on the page it points at."""
    pages = {}
    for path in site.rglob("*.html"):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    broken = []
    for source, parser in sorted(pages.items()):
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.fragment or parts.fragment.startswith("/"):
                continue  # '#/collections/...' is a route of the editor's script, not an anchor
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(parts.path))) \
                if parts.path else source
            target = target.removeprefix("./")
            if parts.path.endswith("/") or target == ".":
                target = posixpath.join("" if target == "." else target, "index.html")
            page = pages.get(target)
            if page is not None and unquote(parts.fragment) not in page.ids:
                broken.append(f"{source} -> {href}")
    return broken


def test_no_broken_internal_links(built_site, tmp_path):
    # One run on a copy of the site with one planted broken link: it proves the check works;
    # nothing else may be reported.
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    planted = site / "inleiding" / "index.html"
    planted.write_text(planted.read_text(encoding="utf-8").replace(
        "</article>", '<a href="../bestaat-niet/">x</a></article>'), encoding="utf-8")
    problems, checked = linkcheck(site)
    reported = [f"{row['parentname']} -> {row['urlname']}: {row['result']} {row['warningstring']}"
                for row in problems]
    assert sorted(row["urlname"] for row in problems) == ["../bestaat-niet/"], reported
    # Every page was reached by following links, so every page was checked. (The editor at /beheer/
    # is not linked from the site, and not among content_pages: editors go to its address.)
    pages = {"/" + path.relative_to(site).as_posix().removesuffix("index.html") for path in content_pages(site)}
    assert pages - checked == set()


def test_no_broken_anchors(built_site, tmp_path):
    assert broken_anchors(built_site) == []
    # Planted: a broken anchor on another page, one on the same page, and a good one.
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    planted = site / "inleiding" / "index.html"
    planted.write_text(planted.read_text(encoding="utf-8").replace(
        "</article>", '<a href="../stap-1/#geen-anker">y</a> <a href="#ook-geen">z</a> '
                      '<a href="../stap-1/#__drawer">ok</a></article>'), encoding="utf-8")
    assert sorted(broken_anchors(site)) == ["inleiding/index.html -> #ook-geen",
                                            "inleiding/index.html -> ../stap-1/#geen-anker"]
