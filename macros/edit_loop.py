"""``make serve``: every save rebuilds what it changed, and a save that breaks the build takes nothing down.

MkDocs' own server builds into the folder it serves and, after a failed build, answers no request
at all ("The server will appear stuck until build errors are resolved"). :class:`EditLoop` takes over
its rebuilds (the plugin's ``on_serve``): each is a dirty build that writes only what the save
changed (:mod:`macros.incremental`; with the option ``incremental: false`` a clean one, as MkDocs
does). When one fails, the server keeps serving the last good site and every HTML page it serves,
/beheer/ included (so the editor can fix it in the form), shows the Dutch error on top: file, line
and field. The next build that works takes the message away; the open pages reload by themselves,
as after any rebuild.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from markupsafe import Markup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from handreiking.site.templating import html_templates
from macros.incremental import Incremental

log = logging.getLogger("mkdocs.plugins.handreiking")
# MkDocs warns about every dirty build that its navigation and links may be off; ours decides per page what
# to write (macros/incremental.py), so the warning (which strict mode would count as an error) does not apply.
DIRTY_WARNING = "A 'dirty' build is being performed"
FAILED = ("De site is niet bijgewerkt: de laatste wijziging geeft een fout (zie hierboven). De server toont de "
          "vorige versie met deze melding bovenaan elke pagina, tot de fout is hersteld.")


class EditLoop:
    """Rebuilds for ``server`` (made for ``config``, the first build's) and shows a failed rebuild's error."""

    def __init__(self, server: LiveReloadServer, config: MkDocsConfig, incremental: Incremental | None):
        self.incremental = incremental
        self.problem: str | None = None  # the last rebuild's error, while it lasts
        self._config_file = config.config_file_path
        # What `mkdocs serve` gave the first build besides mkdocs.yml (its options and the folder it serves).
        host, port = config.dev_addr
        self._options = {"site_dir": config.site_dir, "dev_addr": f"{host}:{port}", "strict": config.strict,
                         "use_directory_urls": config.use_directory_urls}
        self._serve_url = config.site_url  # `mkdocs serve` set it to its own address
        self._serve = server.get_app()
        server.builder = self.rebuild
        server.set_app(self.app)

    def rebuild(self) -> None:
        """One rebuild after a save (MkDocs' serve loop calls it); never raises, so the server goes on."""
        log.info("Building documentation...")
        problem = self._build()
        if problem is None and self.incremental and self.incremental.needs_full_build:
            self.incremental.forget()
            problem = self._build()
        self.problem = problem
        if problem is not None:
            log.error(FAILED)

    def _build(self) -> str | None:
        """A dirty build; its error messages, or None when it worked."""
        with _kept_messages() as messages:
            try:
                config = load_config(config_file=self._config_file, **self._options)
                config.site_url = self._serve_url
                build(config, serve_url=self._serve_url, dirty=self.incremental is not None)
            except Exception as error:  # any failure: keep the last site and show why
                if self.incremental and self.incremental.writing:  # some pages are new, some old: start afresh next time
                    self.incremental.forget()
                return "\n".join(messages) or f"{type(error).__name__}: {error}"
        return None

    def app(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """MkDocs' server, with the error on top of each HTML page while a rebuild has failed."""
        problem = self.problem
        if problem is None:
            return self._serve(environ, start_response)
        answered: list = []
        body = self._serve(environ, lambda status, headers, exc_info=None: answered.extend((status, headers)))
        status, headers = answered
        if not any(name.lower() == "content-type" and value.startswith("text/html") for name, value in headers):
            start_response(status, headers)
            return body
        page = b"".join(body)
        getattr(body, "close", lambda: None)()
        page = with_banner(page, problem)
        headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
        start_response(status, [*headers, ("Content-Length", str(len(page)))])
        return [page]


def with_banner(page: bytes, problem: str) -> bytes:
    """``page`` with the error message right after its ``<body>`` tag (or first, without one)."""
    banner = html_templates().get_template("bouwfout.html.j2").render(melding=problem)
    start = page.find(b"<body")
    end = page.find(b">", start) + 1 if start >= 0 else 0
    return page[:end] + str(Markup(banner)).encode("utf-8") + page[end:]


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _no_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)


@contextmanager
def _kept_messages() -> Iterator[list[str]]:
    """The warnings and errors MkDocs and the plugins log meanwhile (without the dirty-build warning)."""
    handler = _Messages()
    mkdocs_log, build_log = logging.getLogger("mkdocs"), logging.getLogger("mkdocs.commands.build")
    mkdocs_log.addHandler(handler)
    build_log.addFilter(_no_dirty_warning)
    try:
        yield handler.messages
    finally:
        build_log.removeFilter(_no_dirty_warning)
        mkdocs_log.removeHandler(handler)
