"""A local web server for the benchmarks that open the built site in Chromium."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class GzipHandler(QuietHandler):
    """Static files; text files gzip-compressed when the browser accepts it (as GitHub Pages does)."""

    compressed = {".html", ".js", ".css", ".json", ".svg", ".csv", ".txt", ".xml", ".yml"}
    cache: dict[Path, bytes] = {}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (path.suffix not in self.compressed or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) with ``handler``; yields the base URL."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
