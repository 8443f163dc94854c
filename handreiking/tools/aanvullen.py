"""The editors' to-do list at ``/beheer/aanvullen/``: per praktijkvoorbeeld what is missing or stale.

    todo(content, today)                       # [Todo(voorbeeld, ("Status onbekend ...", ...)), ...]
    render(content, site_name, stylesheets, favicon)   # the page, linked to each item's form in /beheer/

Not a page of the site: a plain file beside the editor, so it is in no menu, search index or
sitemap. What counts as missing: status 'onbekend', no web address (``links``), no gemeente,
and never checked by the editors or not for ``verouderd_na_maanden`` (content/instellingen.yml).
Items with the most gaps come first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..content.checks import is_stale
from ..content.model import Content, Praktijkvoorbeeld
from ..site import urls
from ..site.templating import html_templates
from .beheer import COLLECTIONS, FOLDER as EDITOR_FOLDER

FOLDER = "aanvullen"  # under /beheer/
_COLLECTION = next(collection.name for collection in COLLECTIONS if collection.schema == "praktijkvoorbeeld")


@dataclass(frozen=True)
class Todo:
    voorbeeld: Praktijkvoorbeeld
    gaps: tuple[str, ...]


def gaps(voorbeeld: Praktijkvoorbeeld, today: date, months: int) -> tuple[str, ...]:
    found = []
    if voorbeeld.status == "onbekend":
        found.append("status onbekend: niet nagegaan of het nog loopt")
    if not voorbeeld.links:
        found.append("geen webadres")
    if not voorbeeld.gemeente:
        found.append("geen gemeente")
    if voorbeeld.gecontroleerd_op is None:
        found.append("nooit gecontroleerd")
    elif is_stale(voorbeeld.gecontroleerd_op, today, months):
        found.append(f"niet gecontroleerd sinds {voorbeeld.gecontroleerd_op.strftime('%d-%m-%Y')}")
    return tuple(found)


def todo(content: Content, today: date) -> list[Todo]:
    items = [Todo(voorbeeld, gaps(voorbeeld, today, content.verouderd_na_maanden))
             for voorbeeld in content.praktijkvoorbeelden]
    return sorted((item for item in items if item.gaps), key=lambda item: (-len(item.gaps), item.voorbeeld.titel))


def render(content: Content, site_name: str, stylesheets: list[str], favicon: str, today: date | None = None) -> str:
    here = f"{EDITOR_FOLDER}/{FOLDER}.md"  # built as beheer/aanvullen/index.html, like a page would be
    items = [{"titel": item.voorbeeld.titel, "gaps": item.gaps,
              "formulier": f"../#/collections/{_COLLECTION}/entries/{item.voorbeeld.slug}",
              "pagina": urls.html_href(here, urls.voorbeeld_path(item.voorbeeld.slug), True)}
             for item in todo(content, today or date.today())]
    return html_templates().get_template("aanvullen.html.j2").render(
        site_name=site_name, items=items, total=len(content.praktijkvoorbeelden), stylesheets=stylesheets, favicon=favicon,
        months=content.verouderd_na_maanden)
