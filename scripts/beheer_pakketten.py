"""The npm packages of the editor at /beheer/, without what only bundlers need (``make serve``, ``make build``).

    python3 scripts/beheer_pakketten.py

The site copies browser files from the packages under ``dependencies`` in package.json (Sveltia CMS,
its fonts, js-yaml). Installed with ``npm ci`` they bring their own dependencies along, which only a
bundler reads (Sveltia's alone are 36 MB). This script asks npm for each package itself (``npm pack``),
at the version and with the integrity that package-lock.json pins, and unpacks it into
``node_modules/<name>/`` without its source maps. A package already there at that version (after
``npm ci`` for ``make test``) is left alone. Standard library only: it runs before the virtualenv exists.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = ROOT / "node_modules"


def locked(name: str) -> tuple[str, str]:
    """(version, integrity) of ``name`` in package-lock.json."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"][f"node_modules/{name}"]
    return entry["version"], entry["integrity"]


def installed_version(name: str) -> str | None:
    manifest = MODULES / name / "package.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")


def integrity_of(tarball: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode("ascii")


def unpack(tarball: Path, target: Path) -> None:
    """The package's files without source maps, into ``target`` (npm puts them under ``package/``)."""
    with tarfile.open(tarball) as archive:
        for member in archive.getmembers():
            name = member.name.split("/", 1)[1] if "/" in member.name else ""
            if not member.isfile() or not name or name.endswith(".map"):
                continue
            destination = (target / name).resolve()
            if target.resolve() not in destination.parents:
                raise SystemExit(f"{tarball.name}: onverwacht pad in het pakket: {member.name}")
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(archive.extractfile(member).read())


def main() -> int:
    names = sorted(json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"])
    wanted = {name: locked(name) for name in names}
    missing = {name: pin for name, pin in wanted.items() if installed_version(name) != pin[0]}
    if not missing:
        return 0
    with tempfile.TemporaryDirectory() as folder:
        specs = [f"{name}@{version}" for name, (version, _) in missing.items()]
        packed = subprocess.run(["npm", "pack", "--json", "--loglevel=error", "--pack-destination", folder, *specs],
                                capture_output=True, text=True, cwd=folder)
        if packed.returncode != 0:
            print(f"npm pack {' '.join(specs)} mislukte:\n{packed.stderr}", file=sys.stderr)
            return 1
        for result in json.loads(packed.stdout):
            name, (version, integrity) = result["name"], missing[result["name"]]
            tarball = Path(folder) / result["filename"]
            if integrity_of(tarball) != integrity:
                print(f"{name}@{version}: het pakket klopt niet met package-lock.json (integrity); niet geïnstalleerd",
                      file=sys.stderr)
                return 1
            unpack(tarball, MODULES / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
