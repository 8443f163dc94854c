"""The form-based editor at ``/beheer/`` (Decap CMS, see :mod:`handreiking.tools.beheer`).

``beheer/index.html``, ``beheer/config.yml`` (generated from the schemas and
vocabularies of this build) and the Decap CMS files, copied from the project's
``node_modules`` so the page loads nothing from elsewhere. They are plain files,
not pages: no menu entry, no search entry, no sitemap entry. The offline bundle
leaves the editor out: it cannot save anything without a server.
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
from handreiking.tools import beheer
from macros.generated_files import add_generated

if TYPE_CHECKING:  # the plugin imports this module
    from macros.plugin import HandreikingConfig

PREVIEW_SCRIPT = Path(__file__).with_name("beheer_preview.js")
MISSING = ("De bestanden van Decap CMS ontbreken ({path}). Voer 'make node_modules/.installed' uit "
           "(of 'npm ci'); zonder die bestanden zou de site zonder /beheer/ verschijnen.")


def add_editor(files: Files, config: MkDocsConfig, site: Site, options: HandreikingConfig) -> None:
    """``options``: the plugin's, with the editor's sign-in and local backend."""
    for source in [*_cms_files(site.root), PREVIEW_SCRIPT]:
        add_generated(files, config, f"{beheer.FOLDER}/{source.name}", abs_src_path=str(source))
    cms_config = _config(config, site, options)
    add_generated(files, config, f"{beheer.FOLDER}/config.yml", content=beheer.to_yaml(cms_config))
    collections = [collection["name"] for collection in cms_config["collections"]]
    add_generated(files, config, f"{beheer.FOLDER}/index.html", content=_page(files, config, collections))


def _cms_files(root: Path) -> list[Path]:
    folder = root / beheer.CMS_PACKAGE
    found = sorted({file for pattern in beheer.CMS_FILE_PATTERNS for file in folder.glob(pattern)})
    if not (folder / beheer.CMS_SCRIPT).is_file():
        raise PluginError(MISSING.format(path=f"{beheer.CMS_PACKAGE}/{beheer.CMS_SCRIPT}"))
    return found


def _config(config: MkDocsConfig, site: Site, options: HandreikingConfig) -> dict:
    templates = {}
    for file in (site.root / "content" / "sjablonen").glob("*.yml"):
        templates[file.stem] = beheer.template_defaults(yaml.safe_load(file.read_text(encoding="utf-8")))
    backend = beheer.Backend(repo=_repository(config.repo_url), auth_url=options.editor_sign_in,
                             local_url=options.local_backend, site_url=config.site_url)
    return beheer.cms_config(project_schemas(site.root).raw, site.content.taxonomieen, templates, backend)


def _repository(repo_url: str | None) -> str | None:
    """'https://github.com/owner/name' -> 'owner/name'."""
    if not repo_url:
        return None
    return "/".join(repo_url.rstrip("/").removesuffix(".git").split("/")[-2:])


def _page(files: Files, config: MkDocsConfig, collections: list[str]) -> str:
    # The preview shows the entry with the site's own stylesheets: Material's and ours.
    material = sorted(file.src_uri for file in files
                      if file.src_uri.startswith("assets/stylesheets/") and file.src_uri.endswith(".min.css"))
    styles = [f"../{path}" for path in material + list(config.extra_css)]
    return html_templates().get_template("beheer.html.j2").render(
        site_name=config.site_name, script=beheer.CMS_SCRIPT, preview_script=PREVIEW_SCRIPT.name,
        collections=collections, preview_styles=styles,
        favicon=f"../{config.theme['favicon']}")
