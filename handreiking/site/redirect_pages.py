"""The redirect pages: for every redirect in ``content/doorverwijzingen.yml`` (see
:mod:`handreiking.content.redirects`), a small HTML page at the old address that sends readers
and search engines on (meta refresh, a link and ``rel=canonical``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Content
from .templating import html_templates
from .urls import built_file, checklist_path, html_href, page_url, voorbeeld_path

# Key in content/doorverwijzingen.yml -> the page of a slug of that kind.
PATHS = {"praktijkvoorbeelden": voorbeeld_path, "checklists": checklist_path}


@dataclass(frozen=True)
class RedirectPage:
    path: str  # output file under site/, e.g. 'praktijkvoorbeelden/buurtvaders/index.html'
    html: str


def redirect_pages(content: Content, site_url: str | None, directory_urls: bool = True) -> list[RedirectPage]:
    """One page per redirect, at the old address (``old/index.html``, or ``old.html`` offline)."""
    pages = []
    for key, mapping in content.doorverwijzingen.items():
        for old, new in sorted(mapping.items()):
            target = content.voorbeeld(new) if key == "praktijkvoorbeelden" else content.checklist(new)
            old_page, new_page = PATHS[key](old), PATHS[key](new)
            url = html_href(old_page, new_page, directory_urls)
            # The canonical address is the one on the web site, also from the offline bundle.
            canonical = f"{site_url.rstrip('/')}/{page_url(new_page)}" if site_url else url
            html = html_templates().get_template("doorverwijzing.html.j2").render(
                titel=target.titel, url=url, canonical=canonical)
            pages.append(RedirectPage(built_file(old_page, directory_urls), html))
    return pages
