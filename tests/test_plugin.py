"""Issue 16: the MkDocs glue is one plugin, found through its entry point, whose events run last.

What the plugin adds (pages, redirects, data, open data, /beheer/, edit links, search) is
tested on the built site by the other test files; here only its wiring.
"""

from __future__ import annotations

import os
import re
from importlib.metadata import entry_points

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.exceptions import Abort
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, copy_project, edit_yaml, example_slug
from macros.plugin import NAME, HandreikingPlugin, site_of

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

# The events the plugin handles (startup, serve and shutdown run once per mkdocs command, not per build).
EVENTS = ("config", "pre_build", "files", "nav", "page_markdown", "page_content", "env", "page_context",
          "post_page", "post_build")


def plugin_name(entry: str | dict) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def test_mkdocs_yml_has_no_hooks_and_lists_the_plugin_last():
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config
    assert [plugin_name(entry) for entry in config["plugins"]][-1] == NAME
    macros = next(entry["macros"] for entry in config["plugins"] if plugin_name(entry) == "macros")
    assert macros["modules"] == ["macros"] and "module_name" not in macros  # the installed package, not a path


def test_the_plugin_is_found_through_its_entry_point():
    (entry,) = entry_points(group="mkdocs.plugins", name=NAME)
    assert entry.load() is HandreikingPlugin


def test_every_event_of_the_plugin_runs_after_the_other_plugins():
    """Only a handler that asks to run late does so after ours (Material's offline plugin, on post_build)."""
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    plugin = config.plugins[NAME]
    assert isinstance(plugin, HandreikingPlugin)
    for event in EVENTS:
        handlers = config.plugins.events[event]
        later = handlers[handlers.index(getattr(plugin, f"on_{event}")) + 1:]
        assert all(getattr(handler, "mkdocs_priority", 0) < 0 for handler in later), event


def test_no_module_in_macros_changes_sys_path():
    for module in (ROOT / "macros").glob("*.py"):
        assert "sys.path" not in module.read_text(encoding="utf-8"), module.name


def test_the_plugin_loads_the_project_beside_mkdocs_yml(tmp_path):
    """Not the one its code comes from: tests and benchmarks build copies of the project."""
    project = copy_project(tmp_path / "project")
    file = project / "content" / "interventies" / f"{example_slug()}.yml"
    edit_yaml(file, lambda data: data.update(samenvatting="Alleen in deze kopie."))
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config.plugins.on_config(config)
    site = site_of(config)
    assert site.root == project.resolve()
    assert "Alleen in deze kopie." in {voorbeeld.samenvatting for voorbeeld in site.content.praktijkvoorbeelden}


def test_the_options_are_typed_and_an_environment_variable_overrides_each(monkeypatch):
    for name in ("HANDREIKING_PDF", "HANDREIKING_BEHEER_AUTH", "HANDREIKING_INCREMENTEEL"):
        monkeypatch.delenv(name, raising=False)
    options = load_config(config_file=str(ROOT / "mkdocs.yml")).plugins[NAME].config
    assert (options.pdf_downloads, options.editor_sign_in, options.incremental) == (False, None, True)
    monkeypatch.setenv("HANDREIKING_PDF", "true")
    monkeypatch.setenv("HANDREIKING_BEHEER_AUTH", "https://aanmelden.example.org")
    options = load_config(config_file=str(ROOT / "mkdocs.yml")).plugins[NAME].config
    assert options.pdf_downloads is True and options.editor_sign_in == "https://aanmelden.example.org"
    monkeypatch.setenv("HANDREIKING_PDF", "misschien")
    with pytest.raises(Abort):
        load_config(config_file=str(ROOT / "mkdocs.yml"))


def test_the_build_reads_its_settings_from_mkdocs_yml_only():
    """Environment variables are overrides in mkdocs.yml (!ENV); no module reads one on its own, except
    the build script, which sets them for the MkDocs it runs and asks where Chromium is."""
    allowed = {"handreiking/build.py", "handreiking/site/pdf.py"}
    readers = {path.relative_to(ROOT).as_posix() for folder in ("handreiking", "macros")
               for path in (ROOT / folder).rglob("*.py")
               if re.search(r"\bos\.environ\b|\bgetenv\b|\benviron\[", path.read_text(encoding="utf-8"))}
    assert readers <= allowed


def test_a_single_build_keeps_no_generated_file_in_memory(tmp_path):
    """MkDocs would keep a generated file's text until it copies the static files, after reading every page (tens
    of MB at 5,000 praktijkvoorbeelden): after on_files each is a file (those made from the content in the site
    folder already), so MkDocs has no text to keep."""
    project = copy_project(tmp_path / "project")
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    generated = [file for file in files if file.generated_by == NAME]
    assert any(file.is_documentation_page() for file in generated)
    for file in generated:
        if not file.is_documentation_page():
            assert file.abs_src_path and os.path.isfile(file.abs_src_path), file.src_uri
    assert "pages" not in vars(site_of(config))  # the generated pages' Markdown is with MkDocs only
