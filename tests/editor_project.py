"""A copy of the project an editor works in: content, site sources, Makefile and the venv.

``make`` runs in the copy with the real ``.venv`` (a symlink). The copied files
the venv is made from (requirements, pyproject.toml) get an old timestamp, so make
never rebuilds that venv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, copy_project

EDITOR_FILES = ("Makefile", "requirements.txt", "requirements-dev.txt", "pyproject.toml", ".pre-commit-config.yaml",
                "package.json", "package-lock.json", "scripts/beheer_pakketten.py")
OLD = 86400  # 2 January 1970: older than any venv


def editor_project(target: Path) -> Path:
    project = copy_project(target)
    for name in EDITOR_FILES:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, project / name)
        os.utime(project / name, (OLD, OLD))
    (project / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    return project


def run_make(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=project, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
