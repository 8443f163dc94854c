"""Issue 25 (and 21): ``make serve`` writes only what a save changed, and a broken save takes nothing down.

Runs the real ``make serve`` (``mkdocs serve`` with our plugin) on a copy of the project, on a free port,
and changes files as an editor does. After each change the served site must be, file for file, what a
full build of the same project gives (its search index and literature links too); after a save that breaks
the build, every page still answers, with the Dutch error (file, line, field) on top, and /beheer/ still
loads in the browser; fixing it brings the page back.
"""

from __future__ import annotations

import re
import shutil
import time
from html import unescape
from pathlib import Path

import pytest
import yaml

from bench.edit_loop import Serving
from conftest import REPO_URL, edit_yaml, example_slug, mkdocs_build
from editor_actions import perform_editor_actions
from editor_project import editor_project

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

BANNER = 'id="handreiking-bouwfout"'


class Server(Serving):
    """``make serve`` in a copy of the project (bench/edit_loop.py); ``folder`` is the site it serves."""

    def __init__(self, project: Path, tmp: Path):
        # MkDocs serves from a new folder in TMPDIR: here, to compare it with a full build.
        super().__init__(project, {"HANDREIKING_REPO_URL": REPO_URL, "TMPDIR": str(tmp)}, tmp / "serve.log")
        self.folder = next(tmp.glob("mkdocs_*"))

    def wait_for(self, condition, what: str = "de wijziging") -> None:
        try:
            self.wait_until(lambda _: condition(), "", what)
        except RuntimeError as error:
            pytest.fail(str(error))

    def settle(self) -> None:
        """Wait until no rebuild is pending: a request waits for a running one, and the watcher looks twice a second."""
        time.sleep(2)
        self.get("")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    (root / "tmp").mkdir()
    server = Server(editor_project(root / "project"), root / "tmp")
    yield server
    server.stop()


def assert_same_as_a_full_build(server: Server, tmp: Path) -> None:
    """The served folder holds exactly the files of a clean build of the same project (at the same address)."""
    server.settle()
    project = tmp / "kopie"
    shutil.copytree(server.project, project, symlinks=True, ignore=shutil.ignore_patterns(".cache", "__pycache__"))
    full = tmp / "volledig"
    result = mkdocs_build(project, full, env={"HANDREIKING_SITE_URL": server.url})
    assert result.returncode == 0, result.stderr
    served = {path.relative_to(server.folder): path for path in server.folder.rglob("*") if path.is_file()}
    built = {path.relative_to(full): path for path in full.rglob("*") if path.is_file()}
    assert sorted(map(str, served.keys() - built.keys())) == [] and sorted(map(str, built.keys() - served.keys())) == []
    differ = sorted(str(name) for name in served if served[name].read_bytes() != built[name].read_bytes())
    assert differ == [], "\n".join([*differ, *_first_difference(served[Path(differ[0])], built[Path(differ[0])])])


def _first_difference(served: Path, built: Path) -> list[str]:
    import difflib

    lines = difflib.unified_diff(built.read_text(errors="replace").replace(">", ">\n").splitlines(),
                                 served.read_text(errors="replace").replace(">", ">\n").splitlines(),
                                 "volledig", "serve", n=1, lineterm="")
    return list(lines)[:40]


def written(server: Server) -> list[tuple[int, int]]:
    """(pages written, pages) of every build so far, from the server's log."""
    return [(int(a), int(b)) for a, b in re.findall(r"(\d+) van de (\d+) pagina's geschreven", server.log.read_text())]


def test_a_save_shows_on_its_page_and_writes_only_what_shows_it(server, tmp_path):
    slug = example_slug(3)
    builds = len(written(server))
    edit_yaml(server.project / "content" / "interventies" / f"{slug}.yml",
              lambda data: data.update(samenvatting=data["samenvatting"] + " Nieuw woord: zeldzaamheid."))
    server.wait_for(lambda: "zeldzaamheid" in server.get(f"praktijkvoorbeelden/{slug}/")[1])
    assert "zeldzaamheid" in server.get("interventiewijzer/")[1]  # its card
    pages, total = written(server)[builds]
    assert 1 < pages < total / 4, written(server)
    assert_same_as_a_full_build(server, tmp_path)


def test_an_editors_round_keeps_the_served_site_equal_to_a_full_build(server, tmp_path):
    """New item and term, a rename and a removal with redirects, an item gestopt (tests/editor_actions.py)."""
    changes = perform_editor_actions(server.project)
    server.wait_for(lambda: server.get(f"praktijkvoorbeelden/{changes['nieuw']}/")[0] == 200, "het nieuwe voorbeeld")
    server.wait_for(lambda: "Gestopt" in server.get(f"praktijkvoorbeelden/{changes['gestopt']}/")[1], "gestopt")
    server.wait_for(lambda: 'http-equiv="refresh"' in server.get(f"praktijkvoorbeelden/{changes['hernoemd']}/")[1],
                    "de doorverwijzing")
    assert_same_as_a_full_build(server, tmp_path)


def test_a_title_the_menu_shows_rewrites_the_pages_that_show_it(server, tmp_path):
    """A hand-written page's heading is its title in the menu and in the next/previous links of other pages."""
    page = server.project / "docs" / "stap-2" / "index.md"
    text = page.read_text(encoding="utf-8")
    heading = text.splitlines()[0]
    # The page before it in the menu, whichever that is now: its "Volgende" link carries the heading.
    before = next(path.parent.relative_to(server.folder).as_posix() for path in sorted(server.folder.rglob("index.html"))
                  if f'aria-label="Volgende: {heading[2:]}"' in path.read_text(encoding="utf-8"))
    page.write_text(text.replace(heading, f"{heading} in de buurt", 1), encoding="utf-8")
    server.wait_for(lambda: f"{heading[2:]} in de buurt" in server.get(f"{before}/")[1], f"de nieuwe titel op {before}")
    assert_same_as_a_full_build(server, tmp_path)


def test_an_address_for_a_publication_links_its_mentions_on_pages_whose_markdown_did_not_change(server, tmp_path):
    """The links go in after Markdown (macros/literature_links.py), so a new address rewrites the pages."""
    literature = server.project / "content" / "literatuur.yml"
    publication = yaml.safe_load(literature.read_text(encoding="utf-8"))["groepen"][0]["publicaties"][0]
    title = publication.get("titel") or "Een titel voor de proef"
    if "titel" not in publication:
        edit_yaml(literature, lambda data: data["groepen"][0]["publicaties"][0].update(titel=title))
    page = server.project / "docs" / "inleiding.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nZie ook *{title}*.\n", encoding="utf-8")
    server.wait_for(lambda: "Zie ook <em>" in server.get("inleiding/")[1], "de vermelding")

    address = "https://literatuur.example/proef"
    edit_yaml(literature, lambda data: data["groepen"][0]["publicaties"][0].update(adres=address))
    server.wait_for(lambda: f'href="{address}"' in server.get("inleiding/")[1], "de link")
    assert_same_as_a_full_build(server, tmp_path)


@pytest.mark.parametrize("break_it, field", [
    (lambda text: text.replace("\ndoelgroepen:", "\ndoelgroepen:\n  - geen-bestaande-doelgroep", 1), "doelgroepen[0]"),
    (lambda text: text + "titel: 'niet afgesloten\n", "(bestand)"),  # a hand edit that is no YAML
])
def test_a_broken_save_keeps_the_site_and_shows_the_error_until_it_is_fixed(server, break_it, field, new_page):
    slug = example_slug(5)
    file = server.project / "content" / "interventies" / f"{slug}.yml"
    good = file.read_text(encoding="utf-8")
    title = yaml.safe_load(good)["titel"]
    file.write_text(break_it(good), encoding="utf-8")
    page = f"praktijkvoorbeelden/{slug}/"
    server.wait_for(lambda: BANNER in server.get(page)[1], "de foutmelding")

    status, html = server.get(page)
    assert status == 200 and "<h1" in html  # the last good page, under the message
    message = re.search(r"<pre[^>]*>(.*?)</pre>", html[html.index(BANNER):], re.S).group(1)
    assert re.search(rf"content/interventies/{slug}\.yml:\d+: {re.escape(field)}: ", message), message
    for other in ("", "interventiewijzer/", "beheer/"):  # every page, also the form to fix it in
        status, html = server.get(other)
        assert status == 200 and BANNER in html, other
    status, config = server.get("beheer/config.yml")
    assert status == 200 and BANNER not in config and "collections:" in config
    # The form to fix it in loads in the browser, under the same message.
    form = new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    form.set_default_timeout(30_000)
    form.goto(f"{server.url}beheer/")
    form.get_by_role("button", name="Werken met een lokale repository").wait_for()
    assert re.search(rf"{slug}\.yml:\d+: {re.escape(field)}: ", form.get_by_role("alert").first.inner_text())
    form.context.close()  # before the fix: its rebuild reloads every open page

    file.write_text(good, encoding="utf-8")
    server.wait_for(lambda: BANNER not in server.get(page)[1], "de herstelde pagina")
    status, html = server.get(page)
    assert status == 200 and title in unescape(html)  # the page of the fixed file, without the message
    status, html = server.get("beheer/")
    assert status == 200 and BANNER not in html
