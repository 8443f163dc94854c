"""The buurten overview (/buurten/): every buurtanalyse kept in this browser, a row per buurt.

The server renders the frame: the filters (their choices from the vocabularies), the buttons, the table's
headings with their sort buttons (:data:`TABEL_KOLOMMEN`) and the columns of the CSV file (:func:`csv_kolommen`,
handed to the script as JSON). ``buurten.js`` fills the rows from the browser's storage, with the logic in the
DOM-free ``buurten-overzicht.js``; nothing is sent anywhere::

    buurten_html(content, link)   # link("buurtanalyse.md") -> "../buurtanalyse/"
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..content.model import Content
from ..site.templating import html_templates
from ..site.urls import BUURTANALYSE, RISICOFACTOREN
from .buurtanalyse import DIAGNOSE_VELDEN, PROBLEEM, STATE_SCRIPTS
from .export import to_json
from .wijzer import DATA_FILE

SCRIPTS = (DATA_FILE, "assets/javascripts/handreiking-keuzes.js", "assets/javascripts/handreiking-pagina.js",
           *STATE_SCRIPTS, "assets/javascripts/handreiking-csv.js", "assets/javascripts/buurten-overzicht.js",
           "assets/javascripts/buurten.js")
# The table: a column per kind of finding (buurten-overzicht.js fills each by its sleutel).
TABEL_KOLOMMEN = (
    {"sleutel": "buurt", "kop": "Buurt"},
    {"sleutel": "datum", "kop": "Datum"},
    {"sleutel": "fase", "kop": "Fase (2.2)"},
    {"sleutel": "problematiek", "kop": "Risicofactoren (2.5)"},
    {"sleutel": "cijfers", "kop": "Cijfers"},
    {"sleutel": "oplossingsrichtingen", "kop": "Gekozen oplossingsrichtingen"},
    {"sleutel": "dekking", "kop": "Gedekt door beleid (4.1)"},
    {"sleutel": "gewijzigd", "kop": "Gewijzigd"},
)
# The filter on the beleidsdiagnose (its values are those of HandreikingBuurten.filter).
DEKKING = ({"waarde": "gat", "label": "Met een probleem dat niet of deels gedekt is"},
           {"waarde": "open", "label": "Met een probleem waarvan de dekking nog open is"})


def csv_kolommen(content: Content) -> list[dict]:
    """The columns of the CSV file, a line per problem per buurt: the buurt, then the problem and its diagnose."""
    def meervoud(naam: str) -> str:
        return content.taxonomieen[naam].meervoud

    return [
        {"sleutel": "buurt", "kop": "Buurt"},
        {"sleutel": "datum", "kop": "Datum"},
        {"sleutel": "gewijzigd", "kop": "Laatst gewijzigd"},
        {"sleutel": "fase", "kop": meervoud("fase")},
        {"sleutel": "locaties", "kop": meervoud("locatie")},
        {"sleutel": "doelgroepen", "kop": meervoud("doelgroep")},
        {"sleutel": "problematiek", "kop": "Risicofactoren en problematiek"},
        {"sleutel": "cijfers", "kop": "Cijfers"},
        {"sleutel": "oplossingsrichtingen", "kop": "Gekozen oplossingsrichtingen"},
        {"sleutel": "praktijkvoorbeelden", "kop": "Gekozen praktijkvoorbeelden"},
        {"sleutel": "probleem", "kop": "Probleem"},
        *({"sleutel": veld["sleutel"], "kop": veld["kop"]} for veld in DIAGNOSE_VELDEN),
        {"sleutel": "notitie", "kop": "Aantekeningen bij de beleidsdiagnose"},
    ]


def buurten_html(content: Content, link: Callable[[str], str]) -> Markup:
    """The overview's frame, its filters and the scripts that fill it."""
    data_href = link(DATA_FILE)
    return Markup(html_templates().get_template("buurten.html.j2").render(
        kolommen=TABEL_KOLOMMEN,
        csv_kolommen=to_json({"kolommen": csv_kolommen(content)}),
        problemen=content.taxonomieen[PROBLEEM].termen,
        fasen=content.taxonomieen["fase"].termen,
        dekking=DEKKING,
        buurtanalyse_url=link(BUURTANALYSE),
        risicofactoren_url=link(RISICOFACTOREN),
        basis=data_href.removesuffix(DATA_FILE),
        scripts=[link(script) for script in SCRIPTS],
    ))
