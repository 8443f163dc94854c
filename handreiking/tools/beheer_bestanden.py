"""The third-party files of the editor at ``/beheer/``: Sveltia CMS and what it loads, from the site alone.

    editor_files(root)   # [EditorFile("sveltia-cms.js", content=...), EditorFile("lettertypen/...", source=...), ...]

Sveltia CMS's browser bundle fetches its fonts from cdn.jsdelivr.net, its Dutch texts and its
latest version number from unpkg.com and GitHub's status from githubstatus.com. The site makes no
request to a third party (README), so :func:`local_bundle` points those addresses at files beside
the bundle: the fonts from the npm packages of the versions the bundle names (package.json pins
them), the Dutch texts from the CMS's own package, its version from its package.json, and a
status file that says "unknown" (the editor simply shows no status banner). It also lets the
page be zoomed (the bundle's viewport forbids it). A bundle that no
longer names what is replaced here stops the build with a message for the maintainer, so an
update of the CMS cannot quietly bring the requests back; tests/test_beheer.py also records
every request the page makes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CMS_PACKAGE = "node_modules/@sveltia/cms"
CMS_SCRIPT = "sveltia-cms.js"
YAML_SCRIPT = "node_modules/js-yaml/dist/browser/js-yaml.umd.min.js"
FONT_FOLDER = "lettertypen"
STATUS_FILE = "github-status.json"
VERSION_FOLDER = "cms"  # where the bundle looks for its package.json and, with "@<version>", its texts

# https://cdn.jsdelivr.net/fontsource/fonts/<font>[:vf]@<version>/latin-<axis>-normal.woff2
_FONT_URL = re.compile(r"https://cdn\.jsdelivr\.net/fontsource/fonts/(?P<font>[a-z0-9-]+)(?P<variable>:vf)?"
                       r"@(?P<version>[0-9.]+)/latin-(?P<axis>[a-z0-9]+)-normal\.woff2")
_CMS_BASE = "`https://unpkg.com/@sveltia/cms`"
_STATUS_URL = "`https://www.githubstatus.com/api/v2/status.json`"
# The CMS's viewport forbids zooming (WCAG 1.4.4 asks that it works): that one word goes.
_NO_ZOOM = "`maximum-scale=1`,"
# A status the CMS does not know: it shows no banner (see its check: 'none', 'minor', 'major' or unknown).
_NO_STATUS = {"status": {"indicator": "niet-opgevraagd"}}


class EditorFilesError(Exception):
    """A Dutch message for the maintainer: the npm packages are missing or do not fit this code."""


@dataclass(frozen=True)
class EditorFile:
    name: str                             # the path under beheer/
    source: Path | None = None            # copied as it is
    content: str | None = None            # or written


def editor_files(root: Path) -> list[EditorFile]:
    """Every third-party file /beheer/ needs, the bundle rewritten to load from the site."""
    package = root / CMS_PACKAGE
    script = package / "dist" / CMS_SCRIPT
    if not script.is_file() or not (root / YAML_SCRIPT).is_file():
        raise EditorFilesError("De bestanden van de webinterface ontbreken (node_modules/@sveltia/cms, "
                               "node_modules/js-yaml). Voer 'make node_modules/.beheer' uit (of 'npm ci').")
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    bundle, fonts = local_bundle(script.read_text(encoding="utf-8"))
    files = [
        EditorFile(CMS_SCRIPT, content=bundle),
        EditorFile(f"{CMS_SCRIPT}.LICENSE.txt", source=package / "LICENSE.txt"),
        EditorFile(f"{VERSION_FOLDER}/package.json", content=json.dumps({"version": version})),
        EditorFile(f"{VERSION_FOLDER}@{version}/locales/nl.json", source=package / "locales" / "nl.json"),
        EditorFile(STATUS_FILE, content=json.dumps(_NO_STATUS)),
        EditorFile("js-yaml.min.js", source=root / YAML_SCRIPT),
    ]
    for font in fonts:
        files.append(EditorFile(f"{FONT_FOLDER}/{font.name}.woff2", source=root / font.file))
    missing = [file.source for file in files if file.source is not None and not file.source.is_file()]
    if missing:
        raise EditorFilesError(f"De webinterface mist {missing[0].relative_to(root)}: de versie van Sveltia CMS in "
                               "package.json vraagt een lettertype of bestand dat niet is geïnstalleerd; zet het "
                               "pakket in package.json (dependencies) en voer 'npm install' uit.")
    return files


@dataclass(frozen=True)
class Font:
    name: str
    file: str  # under the project root


@lru_cache(maxsize=1)  # the same 3 MB for every rebuild of `make serve`
def local_bundle(bundle: str) -> tuple[str, tuple[Font, ...]]:
    """The bundle with every third-party address it loads at start pointed at the site; and its fonts."""
    fonts: dict[str, Font] = {}

    def local_font(match: re.Match) -> str:
        font, axis = match["font"], match["axis"]
        scope = "@fontsource-variable" if match["variable"] else "@fontsource"
        fonts[font] = Font(font, f"node_modules/{scope}/{font}/files/{font}-latin-{axis}-normal.woff2")
        return f"{FONT_FOLDER}/{font}.woff2"

    bundle = _FONT_URL.sub(local_font, bundle)
    for address, local in ((_CMS_BASE, f"`{VERSION_FOLDER}`"), (_STATUS_URL, f"`{STATUS_FILE}`")):
        if address not in bundle:
            raise EditorFilesError(f"{CMS_SCRIPT} bevat {address} niet meer: pas handreiking/tools/beheer_bestanden.py "
                                   "aan de nieuwe versie van Sveltia CMS aan")
        bundle = bundle.replace(address, local)
    bundle = bundle.replace(_NO_ZOOM, "")
    if not fonts or "cdn.jsdelivr.net/fontsource" in bundle:
        raise EditorFilesError(f"{CMS_SCRIPT} laadt zijn lettertypen anders dan verwacht: pas "
                               "handreiking/tools/beheer_bestanden.py aan de nieuwe versie van Sveltia CMS aan")
    return bundle, tuple(sorted(fonts.values(), key=lambda font: font.name))
