"""The interventiewijzer page as the server renders it: every praktijkvoorbeeld as a card.

This is the page without JavaScript: all cards, in site order (oplossingsrichting,
then title), each a link to its page. The scripts listed in :data:`SCRIPTS`
add the filters to the same cards (see ``DESIGN-interventiewijzer.md``).

    wijzer_html(content, link)   # link("praktijkvoorbeelden/x.md") -> "../praktijkvoorbeelden/x/"
    wijzer_cards(content, link)  # only the cards, the list's items

``link`` turns a path in the site (a page source or an asset) into an href
from the page that shows the wijzer; the MkDocs glue supplies it.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..content.cache import KeepPerItem, digest, made_once
from ..content.model import Content, Praktijkvoorbeeld
from ..site.templating import html_templates
from ..site.urls import VERGELIJK, voorbeeld_path

DATA_FILE = "assets/data/handreiking.js"
# Classic scripts, not ES modules (modules do not load from file://), included after the cards and
# without 'defer': they must run before Material's bundle (see interventiewijzer.js on ?q=).
TEXT_SCRIPTS = ("assets/javascripts/vendor/snowball/dutch-stemmer.js", "assets/javascripts/handreiking-tekst.js")
SCRIPTS = (DATA_FILE, "assets/javascripts/handreiking-keuzes.js", "assets/javascripts/handreiking-pagina.js",
           *TEXT_SCRIPTS, "assets/javascripts/handreiking-filter.js", "assets/javascripts/interventiewijzer-adres.js",
           "assets/javascripts/interventiewijzer.js", "assets/javascripts/wijzer-csv.js")
# The card shows these vocabularies, in this order.
CARD_VOCABULARIES = ("oplossingsrichting", "locatie", "doelgroep")


def _kenmerken(content: Content, v: Praktijkvoorbeeld) -> list[dict]:
    rows = []
    for vocabulary in CARD_VOCABULARIES:
        taxonomie = content.taxonomieen[vocabulary]
        rows.append({"naam": taxonomie.label, "waarden": [taxonomie.term(i).label for i in v.values(vocabulary)],
                     "status": None})
    if v.gemeente:
        rows.append({"naam": "Gemeente", "waarden": [v.gemeente], "status": None})
    status = content.taxonomieen["status"]
    rows.append({"naam": status.label, "waarden": [status.term(v.status).label], "status": v.status})
    return rows


def wijzer_html(content: Content, link: Callable[[str], str], cards: str | None = None) -> Markup:
    """The result line, the list of cards and the scripts, as one HTML block.

    ``cards``: what goes in the list, by default :func:`wijzer_cards`; the MkDocs glue puts a marker there
    and the cards in after Markdown (see macros/later_html.py).
    """
    return Markup(html_templates().get_template("wijzer.html.j2").render(
        aantal=len(content.praktijkvoorbeelden), kaarten_html=Markup(wijzer_cards(content, link) if cards is None
                                                                     else cards),
        vergelijk_url=link(VERGELIJK), scripts=[link(script) for script in SCRIPTS]))


def wijzer_cards(content: Content, link: Callable[[str], str], each: KeepPerItem = made_once) -> Markup:
    """Every praktijkvoorbeeld as a card (a list item), in site order. ``each``: see handreiking.content.cache.PerItem."""
    labels = digest(repr([content.taxonomieen[name] for name in (*CARD_VOCABULARIES, "status")]).encode("utf-8"))

    template = html_templates().get_template("wijzer_kaart.html.j2")

    def card(v: Praktijkvoorbeeld, url: str) -> str:
        return template.render(kaart={"slug": v.slug, "titel": v.titel, "samenvatting": v.samenvatting, "url": url,
                                      "kenmerken": _kenmerken(content, v)}) + "\n"

    cards = []
    for v in content.praktijkvoorbeelden:
        url = link(voorbeeld_path(v.slug))
        cards.append(each("kaarten", v, (url, labels), lambda v=v, url=url: card(v, url)))
    return Markup("".join(cards))
