"""No page asks anything of another host: a reader's visit is seen by this site's server only.

Built with a repository address (as the published site is), because Material then fetches the repository's
stars and forks from GitHub unless the source partial is overridden.
"""
from urllib.parse import urlparse

import pytest

from conftest import REPO_URL, example_slug


@pytest.mark.parametrize("path", ["", "praktijkvoorbeelden/{slug}/", "buurtanalyse/", "interventiewijzer/",
                                  "vergelijk/", "checklists/"])
def test_a_page_and_its_search_request_nothing_from_another_host(page, site_url, path):
    assert REPO_URL.startswith("https://")  # the build under test shows the repository link
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "/" + path.format(slug=example_slug()))
    assert page.locator(f'a.md-source[href="{REPO_URL}"]').count() >= 1
    page.locator(".md-search__input").click()  # the search index is loaded on first use
    page.locator(".md-search__input").press_sequentially("buurt", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    local = urlparse(site_url).netloc
    elsewhere = sorted({url for url in requested if urlparse(url).scheme not in ("data", "blob")
                        and urlparse(url).netloc != local})
    assert elsewhere == []
