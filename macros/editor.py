"""The form-based editor at ``/beheer/`` (Sveltia CMS, see :mod:`handreiking.tools.beheer`).

``beheer/index.html``, ``beheer/config.yml`` (generated from the schemas and
vocabularies of this build), the CMS and what it loads (fonts, Dutch texts, copied
from the project's ``node_modules`` so the page loads nothing from elsewhere, see
:mod:`handreiking.tools.beheer_bestanden`), our two scripts (``beheer.js``: Dutch and
the file format; ``beheer_yaml.js``: the format itself) and the editors' to-do list
``beheer/aanvullen/``. They are plain files, not pages: no menu entry, no search entry,
no sitemap entry. The offline bundle leaves the editor out: it cannot save anything there.

The editor needs no server of ours: on this computer it edits the folder the editor picks
(Chrome or Edge), online it talks to GitHub with the editor's own sign-in. So a build that
fails leaves /beheer/ as it was, and `make serve` needs nothing besides the site.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from handreiking.content.schemas import project_schemas
from handreiking.site.site import Site
from handreiking.site.templating import html_templates
from handreiking.tools import beheer, beheer_bestanden, aanvullen
from macros.generated_files import add_generated

if TYPE_CHECKING:  # the plugin imports this module
    from macros.plugin import HandreikingConfig

OUR_SCRIPTS = [Path(__file__).with_name(name) for name in ("beheer_yaml.js", "beheer.js")]


def add_editor(files: Files, config: MkDocsConfig, site: Site, options: HandreikingConfig) -> None:
    """``options``: the plugin's, with the editor's sign-in service."""
    try:
        third_party = beheer_bestanden.editor_files(site.root)
    except beheer_bestanden.EditorFilesError as error:
        raise PluginError(str(error)) from None
    for file in third_party:
        source = {"abs_src_path": str(file.source)} if file.source else {"content": file.content}
        add_generated(files, config, f"{beheer.FOLDER}/{file.name}", **source)
    for script in OUR_SCRIPTS:
        add_generated(files, config, f"{beheer.FOLDER}/{script.name}", abs_src_path=str(script))
    backend = editor_settings(config, options)
    cms_config = _config(site, backend)
    add_generated(files, config, f"{beheer.FOLDER}/config.yml", content=beheer.to_yaml(cms_config))
    add_generated(files, config, f"{beheer.FOLDER}/index.html", content=_page(config, backend))
    add_generated(files, config, f"{beheer.FOLDER}/{aanvullen.FOLDER}/index.html",
                  content=aanvullen.render(site.content, config.site_name, _stylesheets(files, config, depth=2),
                                            f"../../{config.theme['favicon']}"))


def editor_settings(config: MkDocsConfig, options: HandreikingConfig) -> beheer.Backend:
    """Every setting of the editor: the repository (MkDocs' repo_url) and the sign-in service (the plugin's option)."""
    return beheer.Backend(repo=_repository(config.repo_url), auth_url=options.editor_sign_in,
                          site_url=config.site_url)


def _config(site: Site, backend: beheer.Backend) -> dict:
    templates = {}
    for file in (site.root / "content" / "sjablonen").glob("*.yml"):
        templates[file.stem] = beheer.template_defaults(yaml.safe_load(file.read_text(encoding="utf-8")))
    return beheer.cms_config(project_schemas(site.root).raw, site.content.taxonomieen, templates, backend)


def _repository(repo_url: str | None) -> str | None:
    """'https://github.com/owner/name' -> 'owner/name'."""
    if not repo_url:
        return None
    return "/".join(repo_url.rstrip("/").removesuffix(".git").split("/")[-2:])


def _stylesheets(files: Files, config: MkDocsConfig, depth: int) -> list[str]:
    """Material's stylesheets and ours, relative to a file ``depth`` folders deep."""
    material = sorted(file.src_uri for file in files
                      if file.src_uri.startswith("assets/stylesheets/") and file.src_uri.endswith(".min.css"))
    return ["../" * depth + path for path in material + list(config.extra_css)]


def _page(config: MkDocsConfig, backend: beheer.Backend) -> str:
    return html_templates().get_template("beheer.html.j2").render(
        site_name=config.site_name, repository=backend.repo, favicon=f"../{config.theme['favicon']}",
        settings={"formaat": beheer.FILE_FORMAT}, repo_url=config.repo_url)
