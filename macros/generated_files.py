"""Adding generated files to a MkDocs build: one rule for every hook that generates them."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files


def add_generated(files: Files, config, path: str, **source) -> None:
    """Add the generated file ``path`` (``content=`` or ``abs_src_path=``, as File.generated takes).

    A hand-written file at the same path under docs/ would silently lose to it: that is a mistake.
    """
    if files.get_file_from_path(path) is not None:
        raise PluginError(f"docs/{path} bestaat al, maar wordt gegenereerd; verwijder het bestand")
    files.append(File.generated(config, path, **source))
