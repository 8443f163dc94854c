"""MkDocs hook used only by ``bench/build.py``: write out the pages as plain Markdown.

A hook runs after every plugin, so it sees every page after the macros ran and
every generated file (our plugin adds them), and writes them to ``$BENCH_CAPTURE_DIR``:

- ``docs/<page>.md``: the final Markdown with its front matter, with the HTML our plugin puts in
  after rendering (macros/later_html.py) in place, as plain MkDocs would get it;
- ``docs/<file>``: generated non-Markdown files (data file, redirect pages);
- ``nav.json``: the nav after our plugin appended the generated pages.

That folder, with the project's static assets, is the baseline project: the very
same pages, built by MkDocs and Material without mkdocs-macros and our plugin.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml

from macros.plugin import later_html_of

OUT = Path(os.environ.get("BENCH_CAPTURE_DIR", "bench-capture"))
_files = []


def on_config(config):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "nav.json").write_text(json.dumps(config.nav, ensure_ascii=False), encoding="utf-8")


def on_files(files, config):
    _files[:] = [file for file in files if file.generated_by and not file.src_uri.endswith(".md")]
    return files


def on_page_markdown(markdown, page, config, files):
    meta = {key: value for key, value in page.meta.items() if key != "render_macros"}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
    target = OUT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(front + later_html_of(config).inline(page.file.src_uri, markdown), encoding="utf-8")
    return markdown


def on_post_build(config):
    for file in _files:
        target = OUT / "docs" / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content_bytes)
