"""The comparison page (/vergelijk/): the place the script fills, its explanation without JavaScript.

The table itself is drawn in the browser by ``assets/javascripts/handreiking-vergelijk.js`` from
the generated data file, because the choice lives in the address (``?slug=a&slug=b``); the choice
and the table's model are ``handreiking-vergelijking.js``. Both are loaded on every page
(``extra_javascript`` in mkdocs.yml): the script also gives the cards of the interventiewijzer and
the buurtanalyse and each praktijkvoorbeeld page their "Vergelijk" box::

    vergelijk_html(link)   # link("praktijkvoorbeelden/index.md") -> "../praktijkvoorbeelden/"
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..site.templating import html_templates
from ..site.urls import BUURTANALYSE, WIJZER
from .wijzer import DATA_FILE



def vergelijk_html(link: Callable[[str], str]) -> Markup:
    """The table's place, the links to choose praktijkvoorbeelden from, and the data file."""
    data_href = link(DATA_FILE)
    return Markup(html_templates().get_template("vergelijk.html.j2").render(
        wijzer_url=link(WIJZER), buurtanalyse_url=link(BUURTANALYSE),
        alle_url=link("praktijkvoorbeelden/index.md"), data_href=data_href,
        basis=data_href.removesuffix(DATA_FILE),
    ))
