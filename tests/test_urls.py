"""Issue 16: handreiking.site.urls is the one rule for built files and links, and it agrees with MkDocs.

Every producer of a link uses ``urls`` (the MkDocs glue through macros/site_urls.py), so it must give
MkDocs' own answer for every file of a build, in both forms of the site.
"""

from __future__ import annotations

import posixpath

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from conftest import ROOT
from handreiking.site.pdf import downloads
from handreiking.site.redirect_pages import PATHS
from handreiking.site.site import build_site
from handreiking.site.urls import built_file, html_href, page_url, relative

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud


@pytest.fixture(scope="module")
def site_paths() -> list[str]:
    """Every path of a build under docs/: hand-written, generated pages, redirects and PDFs."""
    site = build_site(ROOT)
    docs = ROOT / "docs"
    paths = {file.relative_to(docs).as_posix() for file in docs.rglob("*") if file.is_file()}
    paths |= {page.src_uri for page in site.pages}
    paths |= {PATHS[key](old) for key, mapping in site.content.doorverwijzingen.items() for old in mapping}
    paths |= {pdf for _, pdf in downloads(site.content)}
    paths |= {"README.md", "a/README.md", "a/index.md"}  # forms the project has not used yet
    return sorted(paths)


def mkdocs_file(path: str, directory_urls: bool) -> File:
    return File(path, src_dir=None, dest_dir="", use_directory_urls=directory_urls)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_built_file_and_url_agree_with_mkdocs(site_paths, directory_urls):
    assert any(path.endswith(".md") for path in site_paths) and any(path.endswith(".pdf") for path in site_paths)
    for path in site_paths:
        file = mkdocs_file(path, directory_urls)
        assert (built_file(path, directory_urls), page_url(path, directory_urls)) == (file.dest_uri, file.url), path


@pytest.mark.parametrize("directory_urls", [True, False])
def test_html_links_agree_with_mkdocs(site_paths, directory_urls):
    pages = [path for path in site_paths if path.endswith(".md")]
    targets = [path for path in site_paths if path.endswith((".md", ".pdf"))][::7] + ["index.md"]
    for page in pages:
        for target in targets:
            expected = get_relative_url(mkdocs_file(target, directory_urls).url,
                                        mkdocs_file(page, directory_urls).url)
            assert html_href(page, target, directory_urls) == expected, (page, target)


def test_markdown_links_resolve_to_their_source(site_paths):
    """MkDocs resolves a Markdown link against the folder of the page's source."""
    pages = [path for path in site_paths if path.endswith(".md")]
    for page in pages:
        for target in pages[::5]:
            link = relative(page, f"{target}#anker")
            assert link.endswith("#anker")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), link.removesuffix("#anker")))
            assert resolved == target, (page, target, link)
