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


def write_generated_now(files: Files, config) -> None:
    """Write every generated file that is not a page into the site now, and keep none of their text.

    MkDocs keeps a generated file's text until it copies the static files, after it has read every page: the
    data file and the open data are tens of MB at 5,000 praktijkvoorbeelden. Written now, each is a file MkDocs
    finds already in place (it lets plugins write into the site folder). For a single build: ``make serve`` keeps
    the last site as it is until a rebuild has read all its pages (macros/edit_loop.py).
    """
    for file in [file for file in files if file.generated_by and not file.is_documentation_page()]:
        if file.abs_src_path is None:  # its text is in memory
            file.copy_file()
            files.remove(file)
            files.append(File.generated(config, file.src_uri, abs_src_path=file.abs_dest_path,
                                        inclusion=file.inclusion))
