"""Markdown fragments that hand-written pages embed through macros.

Each function returns Markdown for the page at ``page`` (its source path under
``docs/``), so relative links come out right wherever the fragment is used:

    {{ checklist("fasen-van-polarisatie") }}     on docs/stap-2/fasen.md
    {{ praktijkvoorbeelden_per_bron() }}         on docs/stap-4/praktijkvoorbeelden.md
"""

from __future__ import annotations

from urllib.parse import urlencode

from markupsafe import Markup

from ..content.model import HANDREIKING_JAAR
from .pages import format_date, groups_by_subcategorie, voorbeeld_hrefs
from .site import Site
from .text import rich_text
from .urls import BUURTANALYSE, BUURTANALYSE_PARAMETERS, checklist_path, relative, term_path, voorbeeld_path


CASUS = BUURTANALYSE_PARAMETERS["casus"]


class Fragments:
    def __init__(self, site: Site):
        self.site = site
        self.content = site.content
        self.renderer = site.renderer
        self.md = site.renderer.md

    def _render(self, template: str, **context) -> str:
        return self.md.get_template(template).render(**context)

    def diagram(self, naam: str) -> str:
        return self.renderer.diagrams.render(naam)

    def checklist(self, page: str, slug: str, heading_level: int = 2) -> str:
        checklist = self.content.checklist(slug)
        return (self.renderer.checklist_reference(checklist, page) + "\n\n"
                + self.renderer.checklist_body(checklist, page, heading_level))

    def literatuur(self, page: str) -> str:
        """The publications the handreiking cites (content/literatuur.yml), by group."""
        groups = [{"titel": group.titel, "publicaties": [
            {"anker": p.anker, "kop": p.kop, "titel": p.titel, "omschrijving": p.omschrijving, "adres": p.adres,
             "aangehaald_bij": [{"titel": c.titel, "url": relative(page, c.pagina)} for c in p.aangehaald_bij]}
            for p in group.publicaties]} for group in self.content.literatuur]
        return self._render("fragment_literatuur.md.j2", groepen=groups)

    def oplossingsrichtingen(self, page: str) -> str:
        labels = self.content.taxonomieen["oplossingsrichting"]
        rows = [{"nummer": richting.nummer, "label": labels.term(richting.id).label, "titel": richting.titel,
                 "url": relative(page, term_path(self.content, "oplossingsrichting", richting.id)),
                 "aantal": len(self.site.links.by_term.get(("oplossingsrichting", richting.id), ()))}
                for richting in self.content.oplossingsrichtingen]
        return self._render("fragment_richtingen.md.j2", rijen=rows)

    def praktijkvoorbeelden_per_bron(self, page: str, prefix: str = "stap-4") -> str:
        """Step 4.2: the praktijkvoorbeelden grouped as in the handreiking."""
        groups = []
        richtingen = self.content.taxonomieen["oplossingsrichting"]
        for term in self.content.taxonomieen["bron"].termen:
            voorbeelden = self.site.links.by_bron.get(term.id, ())
            if not term.id.startswith(prefix) or not voorbeelden:
                continue
            first = richtingen.term(voorbeelden[0].oplossingsrichtingen[0])
            groups.append({
                "titel": term.label.split(": ", 1)[-1].capitalize(),
                "anker": Markup(f"{{#{term.id}}}"),
                "beschrijving": term.beschrijving,
                "inleiding": rich_text(term.inleiding) if term.inleiding else None,
                "subgroepen": groups_by_subcategorie(first, voorbeelden)
                if all(v.oplossingsrichtingen[0] == first.id for v in voorbeelden)
                else [{"titel": None, "voorbeelden": voorbeelden}],
            })
        return self._render("fragment_per_bron.md.j2", groepen=groups, link_to=voorbeeld_hrefs(page, self.site.output))

    def recent_gecontroleerd(self, page: str, count: int = 5) -> str:
        """The praktijkvoorbeelden the editors checked most recently; never the unchecked ones."""
        checked = [v for v in self.content.praktijkvoorbeelden if v.gecontroleerd_op]
        recent = sorted(checked, key=lambda v: (v.gecontroleerd_op, v.titel), reverse=True)[:count]
        rows = [{"titel": v.titel, "url": relative(page, voorbeeld_path(v.slug)),
                 "toevoeging": f"(gecontroleerd op {format_date(v.gecontroleerd_op)})", "tekst": v.samenvatting}
                for v in recent]
        return self._render("fragment_recent.md.j2", rijen=rows, totaal=len(self.content.praktijkvoorbeelden),
                            ongecontroleerd=len(self.content.praktijkvoorbeelden) - len(checked),
                            jaar=HANDREIKING_JAAR)

    def termen(self, page: str, vocabulary: str) -> str:
        """Every term of a vocabulary with its index page and how many praktijkvoorbeelden carry it."""
        rows = []
        for term in self.content.taxonomieen[vocabulary].termen:
            aantal = len(self.site.links.by_term.get((vocabulary, term.id), ()))
            rows.append({"titel": term.label, "url": relative(page, term_path(self.content, vocabulary, term.id)),
                         "toevoeging": f"({aantal} praktijkvoorbeeld{'' if aantal == 1 else 'en'})",
                         "tekst": term.beschrijving})
        return self._render("fragment_lijst.md.j2", rijen=rows)

    def checklists(self, page: str, stap: str | None = None) -> str:
        rows = [{"titel": f"{c.stap} {c.titel}", "url": relative(page, checklist_path(c.slug)),
                 "toevoeging": None, "tekst": c.vraag}
                for c in self.content.checklists if stap is None or c.stap == stap]
        return self._render("fragment_lijst.md.j2", rijen=rows)

    def casussen(self, page: str) -> str:
        casussen = [{"nummer": casus.nummer, "titel": casus.titel, "anker": Markup(f"{{#casus-{casus.nummer}}}"),
                     "tekst": rich_text(casus.tekst),
                     "oefen_url": Markup(relative(page, BUURTANALYSE) + "?" + urlencode({CASUS: casus.slug}))}
                    for casus in self.content.casussen]
        return self._render("fragment_casussen.md.j2", casussen=casussen)
