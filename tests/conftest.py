"""Shared fixtures: the real site built once per session, a local web server and Chromium.

Tests assert on what users get: the HTML MkDocs writes and the pages as
Chromium shows them. Nothing here is mocked.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path
from collections.abc import Callable, Iterator
from urllib.parse import urlencode, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
REPO_URL = "https://github.com/voorbeeld/handreiking"  # a test value: edit links need some repository
# Everything a site build reads, copied for builds of modified fixture projects.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "handreiking", "content")


def mkdocs_build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Build ``project`` with the real MkDocs CLI, strict, into ``site_dir``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDREIKING_REPO_URL": REPO_URL, **(env or {})},
    )


def run_build(*args: str, project: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real build command (`make build`, `make pdf`, `make offline`) in ``project``."""
    return subprocess.run([sys.executable, "-m", "handreiking.build", *args], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "HANDREIKING_REPO_URL": REPO_URL, **(env or {})})


def example_slug(index: int = 0) -> str:
    """The slug of an existing praktijkvoorbeeld, for a test that needs 'an example'.

    Tests take one from here instead of naming one, so that an editor may rename or
    remove any example without turning the suite red.
    """
    return sorted(path.stem for path in (ROOT / "content" / "interventies").glob("*.yml"))[index]


def make_voorbeeld(slug: str, **fields):
    """A praktijkvoorbeeld made in a test, read as the loader reads one: fields left out take their default."""
    from handreiking.content.loader import praktijkvoorbeeld_reader
    from handreiking.content.schemas import project_schemas

    return praktijkvoorbeeld_reader(project_schemas(ROOT).raw["praktijkvoorbeeld"])(slug, f"{slug}.yml", fields)


def edit_yaml(file: Path, change: Callable[[dict], object]) -> None:
    """Change a content file as data (``change`` edits the parsed YAML in place), whatever its layout."""
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    change(data)
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def content_pages(site: Path) -> list[Path]:
    """Every built page except the redirects at old addresses (test_doorverwijzingen.py checks
    those): they send the browser on at once and nothing links to them; and except the editor at
    /beheer/, the CMS and its to-do list (not linked from the site; test_beheer.py checks them)."""
    from handreiking.tools.beheer import FOLDER

    return sorted(path for path in site.rglob("*.html") if path.relative_to(site).parts[0] != FOLDER
                  and '<meta http-equiv="refresh"' not in path.read_text(encoding="utf-8"))


def copy_project(target: Path) -> Path:
    """A full copy of the project, to build with changed content."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    # The build copies the editor at /beheer/ from node_modules: linked, not copied (it is large).
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=True).stdout


def commit_all(project: Path) -> Path:
    """Make ``project`` a repository whose main holds everything in it (build output ignored)."""
    (project / ".gitignore").write_text("node_modules\n.cache\n", encoding="utf-8")
    git(project, "init", "--quiet", "--initial-branch", "main")
    git(project, "config", "user.name", "Redacteur")
    git(project, "config", "user.email", "redacteur@example.org")
    git(project, "add", ".")
    git(project, "commit", "--quiet", "--message", "Inhoud")
    return project


@pytest.fixture(scope="session")
def content():
    from handreiking.content.loader import load_content

    return load_content(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


class _QuietServer(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client that hung up early
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None,
          handler_class: type[_QuietHandler] = _QuietHandler) -> Iterator[str]:
    """Serve ``directory`` over http on 127.0.0.1; yields the base URL."""
    handler = type("Handler", (handler_class,), {"extra_headers": headers or {}})
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site served over http on 127.0.0.1, as `make serve` would."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium niet gevonden op {CHROMIUM}; voer 'sudo make system-deps' uit")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Opens a page in a browser context of its own: ``new_page(viewport=..., java_script_enabled=False)``.

    Every context it opened is closed after the test, also when the test fails.
    """
    contexts = []

    def open_page(**options):
        contexts.append(browser.new_context(**options))
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")


def normalized(text: str) -> str:
    """Whitespace as a browser shows it (U+2028 included), for comparing visible text."""
    return " ".join(text.split())


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page, include: list[str] | None = None, rules: list[str] | None = None) -> list[dict]:
    """axe-core violations (WCAG 2.1 A/AA, or only the named ``rules``) on the page as it is now.

    ``include``: CSS selectors of the parts to check; the whole page when not given.
    """
    page.add_script_tag(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    return page.evaluate(
        """async ([runOnly, include]) => {
            // A button that was just clicked fades to its hover colours (Material: 125 ms); axe measures
            // what a reader sees once that settles, not a colour halfway.
            const settling = document.getAnimations()
                .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
            await Promise.all(settling.map(a => a.finished.catch(() => null)));
            const context = {include: include.length ? include.map(s => [s]) : [document]};
            const result = await axe.run(context, {runOnly});
            return result.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }""",
        [run_only, include or []],
    )


def search_results(page, query: str, every: bool = False) -> list[dict]:
    """Search the site like a visitor: each result's title and the page path it links to, best first.

    Uses the search link (``?q=``) on the current page, so the results are those of exactly this
    query, not of a half-typed one. ``every``: also those behind "Toon alle".
    """
    url = urlsplit(page.url)._replace(query=urlencode({"q": query}), fragment="").geturl()
    page.goto(url)
    # The count line says "... overeenkomend(e) document(en)" once results are in.
    page.locator(".md-search-result__meta", has_text="overeenkom").wait_for()
    more = page.locator(".zoeken-meer button")
    if every and more.count():
        more.click()
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a:first-child')].map(a => ({
        title: a.querySelector('h1, h2').innerText,
        path: new URL(a.href).pathname,
    }))""")


# Fixtures that start Chromium: the browser for pages, pdf_site (test_pdf.py) for printing PDFs.
CHROMIUM_FIXTURES = {"browser", "pdf_site"}


def pytest_collection_modifyitems(items):
    """Every test that needs Chromium carries the 'browser' mark, whatever its file says."""
    for item in items:
        if CHROMIUM_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
