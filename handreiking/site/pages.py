"""Render the generated pages of the site as Markdown, from the validated model.

:meth:`PageRenderer.all` returns every page that has no hand-written source:

    praktijkvoorbeelden/<slug>.md      one page per praktijkvoorbeeld
    praktijkvoorbeelden/index.md       all of them, grouped by oplossingsrichting
    oplossingsrichtingen/<id>.md       the step 3 page of each oplossingsrichting
    locaties|doelgroepen|problematiek/<id>.md and index.md   index pages
    checklists/<slug>.md               one page per checklist
    analyse-instrument.md              the checklists of a buurtoverleg on one printable page

Pages are Markdown so MkDocs validates their links and Material indexes them
for search. Templates receive finished values: Python decides, templates lay
out.

:meth:`PageRenderer.plans` lists the pages before rendering, each with a digest of what it is
made of besides what every page shares (:meth:`PageRenderer.shared_inputs`: the vocabularies,
checklists, oplossingsrichtingen, settings, date, output form and templates): a praktijkvoorbeeld
page its own item, the items it links to and its file's history; an index page the items it lists.
A build keeps a page's Markdown by both digests and renders again only the pages whose inputs
changed (see :mod:`handreiking.site.site`). A page that starts showing something of another item
must name that item in its inputs. In Markdown templates every ``{{ value }}`` is escaped unless it is
already :class:`~markupsafe.Markup` (see :mod:`handreiking.site.text`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from urllib.parse import urlencode

from markupsafe import Markup

from ..content.cache import digest
from ..content.checks import needs_check
from ..content.erkenning import is_expired
from ..content.history import NO_GIT, ChangeHistory
from ..content.literatuur import LITERATUUR
from ..content.model import (BRON, FACET_FIELDS, HANDREIKING_JAAR, HIDDEN_STATUS, Checklist, Content,
                             Praktijkvoorbeeld, Term)
from .crosslinks import CrossLinks
from .diagrams import Diagrams
from .templating import html_templates, markdown_templates, templates_version
from .text import KeptRichText
from .urls import (ALL_VOORBEELDEN, BUURTANALYSE, INSTRUMENT, INSTRUMENT_PDF, VERGELIJK, WIJZER, checklist_path,
                   checklist_pdf_path, html_href, overview_path, relative, term_path, voorbeeld_path)

# The analysis steps a buurtoverleg goes through together, in this order: the short instrument
# KIS made for buurtoverleg (the source's "sterk ingekorte versie" of the stappenplan).
INSTRUMENT_STAPPEN = ("2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "3.1", "3.2", "4.1")
CHECKLIST_PDF_LABEL = "Download deze checklist als PDF (A4)"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


@dataclass(frozen=True)
class Output:
    """How this build is published, which decides some links the pages get."""

    directory_urls: bool = True  # checklists/x/ (the web site) or checklists/x.html (offline bundle)
    pdf_downloads: bool = False  # only a build that also writes the PDFs may link to them


@dataclass(frozen=True)
class Link:
    """A link for a template: its text and address."""

    titel: str
    url: str


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str
    source_file: str | None  # the YAML file an editor changes, for "Bewerk deze pagina"


@dataclass(frozen=True)
class PagePlan:
    """A generated page before rendering: its path, a digest of what it is made of (besides what every page
    shares) and how to render it."""

    src_uri: str
    inputs: str
    render: Callable[[], GeneratedPage]


def instrument_checklists(content: Content) -> list[Checklist]:
    """The checklists of the analyse-instrument, in the order of the method."""
    chosen = [c for c in content.checklists if c.stap in INSTRUMENT_STAPPEN]
    return sorted(chosen, key=lambda c: INSTRUMENT_STAPPEN.index(c.stap))  # stable: keeps volgorde


def voorbeeld_links(page: str):
    """For a template on ``page``: praktijkvoorbeeld -> the link to its page."""
    return lambda voorbeeld: relative(page, voorbeeld_path(voorbeeld.slug))


def voorbeeld_hrefs(page: str, output: Output):
    """For a list in raw HTML on ``page`` (voorbeeld_lijst.md.j2): praktijkvoorbeeld -> its address."""
    return lambda voorbeeld: html_href(page, voorbeeld_path(voorbeeld.slug), output.directory_urls)


def groups_by_subcategorie(term: Term, voorbeelden: Sequence[Praktijkvoorbeeld]) -> list[dict]:
    """The praktijkvoorbeelden of an oplossingsrichting under its subcategorieen; the rest last."""
    if not voorbeelden:
        return []
    if not term.subcategorieen:
        return [{"titel": None, "voorbeelden": voorbeelden}]
    groups = [{"titel": sub.label, "voorbeelden": [v for v in voorbeelden if v.subcategorie == sub.id]}
              for sub in term.subcategorieen]
    known = {sub.id for sub in term.subcategorieen}
    groups.append({"titel": "Overige praktijkvoorbeelden",
                   "voorbeelden": [v for v in voorbeelden if v.subcategorie not in known]})
    return [group for group in groups if group["voorbeelden"]]


def format_date(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def front_matter(title: str, description: str | None = None, **extra) -> Markup:
    """YAML front matter; title and description are HTML-escaped because themes print them raw."""
    lines = [f"title: {json.dumps(html.escape(title))}"]
    if description:
        lines.append(f"description: {json.dumps(html.escape(description))}")
    lines.append("render_macros: false")  # generated text is never Jinja source
    lines += [f"{key}: {json.dumps(value)}" for key, value in extra.items()]
    return Markup("\n".join(lines))


class PageRenderer:
    """Renders all generated pages of one build from the content and its cross-links."""

    def __init__(self, content: Content, links: CrossLinks, today: date, output: Output | None = None,
                 history: ChangeHistory | None = None, rich_text: KeptRichText | None = None):
        self.content = content
        self.rich_text = rich_text or KeptRichText()
        self.links = links
        self.today = today
        self.output = output or Output()
        self.history = history or ChangeHistory(NO_GIT)
        self.md = markdown_templates()
        self.html = html_templates()
        self.diagrams = Diagrams(content, self.html)

    def all(self) -> list[GeneratedPage]:
        return [plan.render() for plan in self.plans()]

    def plans(self) -> list[PagePlan]:
        """Every generated page, in site order, not yet rendered (see the module docstring)."""
        content, items, by_term = self.content, self._items, self.links.by_term
        plans = [PagePlan(voorbeeld_path(v.slug), self._voorbeeld_inputs(v), lambda v=v: self.praktijkvoorbeeld(v))
                 for v in content.praktijkvoorbeelden]
        plans += [PagePlan(term_path(content, "oplossingsrichting", r.id),
                           items(by_term.get(("oplossingsrichting", r.id), ())),
                           lambda r=r: self.oplossingsrichting(r.id)) for r in content.oplossingsrichtingen]
        plans += [PagePlan(checklist_path(c.slug), "", lambda c=c: self.checklist_page(c)) for c in content.checklists]
        for vocabulary in ("locatie", "doelgroep", "problematiek"):
            termen = content.taxonomieen[vocabulary].termen
            plans += [PagePlan(term_path(content, vocabulary, term.id), items(by_term.get((vocabulary, term.id), ())),
                               lambda vocabulary=vocabulary, term=term: self.term(vocabulary, term.id))
                      for term in termen]
            counts = repr([len(by_term.get((vocabulary, term.id), ())) for term in termen])
            plans.append(PagePlan(overview_path(content, vocabulary), counts,
                                  lambda vocabulary=vocabulary: self.overview(vocabulary)))
        plans.append(PagePlan(ALL_VOORBEELDEN, items(content.praktijkvoorbeelden), self.all_voorbeelden))
        plans.append(PagePlan(INSTRUMENT, "", self.analyse_instrument))
        return plans

    def shared_inputs(self) -> str:
        """A digest of everything a generated page may show besides the praktijkvoorbeelden its plan names."""
        content = self.content
        shared = (content.taxonomieen, content.checklists, content.oplossingsrichtingen, content.casussen,
                  content.verouderd_na_maanden, content.erkenning_verloopt_na_maanden, content.doorverwijzingen,
                  self.today, self.output, self.history.status)
        return digest((repr(shared) + templates_version()).encode("utf-8"))

    @cached_property
    def _item_digests(self) -> dict[str, str]:
        return {v.slug: digest(repr(v).encode("utf-8")) for v in self.content.praktijkvoorbeelden}

    def _items(self, voorbeelden: Sequence[Praktijkvoorbeeld]) -> str:
        """A digest of everything in ``voorbeelden``."""
        return digest("".join(self._item_digests[v.slug] for v in voorbeelden).encode("ascii"))

    def _voorbeeld_inputs(self, v: Praktijkvoorbeeld) -> str:
        """What a praktijkvoorbeeld page shows: the item, those it links to (both ways), its file's history."""
        related = [self.content.voorbeeld(slug) for slug in v.zie_ook] + list(self.links.referenced_by.get(v.slug, ()))
        similar = self.links.similar.get(v.slug, ())
        return digest(repr((self._items([v, *related]), [(self._item_digests[s.voorbeeld.slug], s.shared)
                                                        for s in similar], self.history.of(v.bestand))).encode())

    # --- helpers shared by the pages -------------------------------------------------

    def wijzer_url(self, page: str, **params) -> Markup:
        query = urlencode([(key, value) for key, values in params.items() for value in values])
        return Markup(relative(page, WIJZER) + (f"?{query}" if query else ""))

    def term_value(self, page: str, vocabulary: str, term_id: str) -> dict:
        taxonomie = self.content.taxonomieen[vocabulary]
        target = term_path(self.content, vocabulary, term_id)
        term = taxonomie.term(term_id)
        url = relative(page, target) if target else self.wijzer_url(page, **{vocabulary: [term_id]})
        return {"label": term.label, "url": url}

    # --- praktijkvoorbeeld ----------------------------------------------------------

    def praktijkvoorbeeld(self, v: Praktijkvoorbeeld) -> GeneratedPage:
        page = voorbeeld_path(v.slug)
        zie_ook = [self.content.voorbeeld(slug) for slug in v.zie_ook]
        zie_ook += [item for item in self.links.referenced_by.get(v.slug, ()) if item not in zie_ook]
        bron = self.content.taxonomieen["bron"].term(v.bron)
        text = self.md.get_template("praktijkvoorbeeld.md.j2").render(
            front_matter=front_matter(v.titel, v.samenvatting),
            v=v,
            gestopt=v.status == HIDDEN_STATUS,  # the status the wijzer and the advice hide unless asked
            controle=self._controle(v),
            bron=bron,
            bron_url=relative(page, bron.pagina) if bron.pagina else None,
            kenmerken=self._kenmerken(page, v),
            beschrijving=self.rich_text(v.beschrijving),
            zie_ook=zie_ook,
            similar=self.links.similar.get(v.slug, ()),
            link_to=voorbeeld_links(page),
            wijzigingen=self._wijzigingen(v),
            onderbouwing=self._onderbouwing(v),
            vergelijk_url=Markup(relative(page, VERGELIJK) + "?" + urlencode({"slug": v.slug})),
        )
        return GeneratedPage(page, text, v.bestand)

    def _wijzigingen(self, v: Praktijkvoorbeeld) -> dict:
        """The editors' notes on the example's content, dated (see handreiking.content.history), newest first."""
        changes = self.history.of(v.bestand)
        return {"status": self.history.status,
                "laatst": format_date(changes[0].datum) if changes else None,
                "lijst": [{"datum": format_date(change.datum), "bericht": change.bericht} for change in changes]}

    def _onderbouwing(self, v: Praktijkvoorbeeld) -> dict | None:
        """The optional evidence fields, or None when the example has none."""
        if not (v.erkenning or v.randvoorwaarden or v.contra_indicaties):
            return None
        erkenning = None
        if v.erkenning:
            erkenning = {"databank": v.erkenning.databank, "datum": format_date(v.erkenning.datum),
                         "niveau": self.content.taxonomieen["erkenningsniveau"].term(v.erkenning.niveau).label,
                         "link": Link(v.erkenning.databank, v.erkenning.link) if v.erkenning.link else None,
                         "verlopen": is_expired(v.erkenning, self.today, self.content.erkenning_verloopt_na_maanden)}
        return {"erkenning": erkenning, "randvoorwaarden": v.randvoorwaarden,
                "contra_indicaties": v.contra_indicaties}

    def _controle(self, v: Praktijkvoorbeeld) -> dict:
        """Whether and when the editors checked ``v``, for the notice at the top of its page."""
        return {"nodig": needs_check(v.gecontroleerd_op, self.today, self.content.verouderd_na_maanden),
                "datum": format_date(v.gecontroleerd_op) if v.gecontroleerd_op else None,
                "jaar": HANDREIKING_JAAR}

    def _kenmerken(self, page: str, v: Praktijkvoorbeeld) -> list[dict]:
        taxonomieen = self.content.taxonomieen
        # Rows are named by their vocabulary, as on the cards of the interventiewijzer.
        rows = [{"naam": taxonomieen[vocabulary].label,
                 "waarden": [self.term_value(page, vocabulary, term_id) for term_id in v.values(vocabulary)]}
                for vocabulary in FACET_FIELDS]
        if v.subcategorie:
            sub = next(sub for term_id in v.oplossingsrichtingen
                       for sub in taxonomieen["oplossingsrichting"].term(term_id).subcategorieen
                       if sub.id == v.subcategorie)
            first = rows[0]["waarden"][0]
            first["label"] = f"{first['label']}: {sub.label.lower()}"
        if v.gemeente:
            rows.append({"naam": "Gemeente", "waarden": [{"label": v.gemeente,
                                                          "url": self.wijzer_url(page, q=[v.gemeente])}]})
        status = self.term_value(page, "status", v.status)
        toelichting = taxonomieen["status"].term(v.status).beschrijving
        status["toelichting"] = toelichting[:1].lower() + toelichting[1:]
        rows.append({"naam": taxonomieen["status"].label, "waarden": [status]})
        gecontroleerd = (format_date(v.gecontroleerd_op) if v.gecontroleerd_op
                         else f"nog niet; de gegevens komen uit de handreiking ({HANDREIKING_JAAR})")
        rows.append({"naam": "Gecontroleerd door de redactie", "waarden": [{"label": gecontroleerd, "url": None}]})
        bron = taxonomieen["bron"].term(v.bron)
        # A bron with a place in the handreiking is cited as such; later additions by the editors are not.
        label = f"KIS ({HANDREIKING_JAAR}), {bron.label}" if bron.pagina else bron.label
        rows.append({"naam": taxonomieen["bron"].label,
                     "waarden": [{"label": label, "url": relative(page, bron.pagina) if bron.pagina else None}]})
        return rows

    # --- vocabulary pages -----------------------------------------------------------

    def term(self, vocabulary: str, term_id: str) -> GeneratedPage:
        taxonomie = self.content.taxonomieen[vocabulary]
        term = taxonomie.term(term_id)
        page = term_path(self.content, vocabulary, term_id)
        text = self.md.get_template("term.md.j2").render(
            front_matter=front_matter(term.label, term.beschrijving),
            term=term,
            taxonomie=taxonomie,
            voorbeelden=self.links.by_term.get((vocabulary, term_id), ()),
            wijzer_url=self.wijzer_url(page, **{vocabulary: [term_id]}),
            overzicht_url=relative(page, overview_path(self.content, vocabulary)),
            link_to=voorbeeld_hrefs(page, self.output),
        )
        return GeneratedPage(page, text, f"content/taxonomie/{vocabulary}.yml")

    def overview(self, vocabulary: str) -> GeneratedPage:
        taxonomie = self.content.taxonomieen[vocabulary]
        page = overview_path(self.content, vocabulary)
        rows = [{"term": term, "url": relative(page, term_path(self.content, vocabulary, term.id)),
                 "aantal": len(self.links.by_term.get((vocabulary, term.id), ()))}
                for term in taxonomie.termen]
        text = self.md.get_template("overzicht.md.j2").render(
            front_matter=front_matter(taxonomie.meervoud, taxonomie.beschrijving), taxonomie=taxonomie, rijen=rows)
        return GeneratedPage(page, text, f"content/taxonomie/{vocabulary}.yml")

    def all_voorbeelden(self) -> GeneratedPage:
        page = ALL_VOORBEELDEN
        taxonomie = self.content.taxonomieen["oplossingsrichting"]
        groups = [{"titel": term.label, "url": relative(page, term_path(self.content, "oplossingsrichting", term.id)),
                   "voorbeelden": [v for v in self.content.praktijkvoorbeelden if v.oplossingsrichtingen[0] == term.id]}
                  for term in taxonomie.termen]
        text = self.md.get_template("alle_voorbeelden.md.j2").render(
            front_matter=front_matter("Alle praktijkvoorbeelden", "Alle praktijkvoorbeelden van de handreiking."),
            groepen=groups, aantal=len(self.content.praktijkvoorbeelden), wijzer_url=self.wijzer_url(page),
            link_to=voorbeeld_hrefs(page, self.output))
        return GeneratedPage(page, text, None)

    # --- oplossingsrichting ---------------------------------------------------------

    def oplossingsrichting(self, term_id: str) -> GeneratedPage:
        richting = self.content.oplossingsrichting(term_id)
        term = self.content.taxonomieen["oplossingsrichting"].term(term_id)
        page = term_path(self.content, "oplossingsrichting", term_id)
        voorbeelden = self.links.by_term.get(("oplossingsrichting", term_id), ())
        text = self.md.get_template("oplossingsrichting.md.j2").render(
            front_matter=front_matter(term.label, term.beschrijving),
            richting=richting,
            term=term,
            wanneer_koppelingen=[self.term_value(page, "problematiek", p) for p in richting.wanneer.problematiek],
            wanneer_locaties=[self.term_value(page, "locatie", loc) for loc in richting.wanneer.locaties],
            buurtanalyse_url=relative(page, BUURTANALYSE),
            wat_is_het=self.rich_text(richting.wat_is_het),
            onderbouwing=self.rich_text(richting.onderbouwing),
            literatuur_url=relative(page, LITERATUUR),
            literatuur=[{"publicatie": item.publicatie, "url": relative(page, f"{LITERATUUR}#{item.anker}")}
                        for item in richting.literatuur],
            checklists=[{"titel": self.content.checklist(slug).titel, "url": relative(page, checklist_path(slug))}
                        for slug in richting.checklists],
            diagrammen=self.diagrams.for_checklists(richting.checklists),
            groepen=groups_by_subcategorie(term, voorbeelden),
            wijzer_url=self.wijzer_url(page, oplossingsrichting=[term_id]),
            link_to=voorbeeld_hrefs(page, self.output),
        )
        return GeneratedPage(page, text, richting.bestand)

    # --- checklists -----------------------------------------------------------------

    def checklist_page(self, checklist: Checklist) -> GeneratedPage:
        page = checklist_path(checklist.slug)
        text = self.md.get_template("checklist.md.j2").render(
            front_matter=front_matter(checklist.titel, checklist.vraag),
            checklist=checklist,
            afdrukken=self.print_actions(page, "Print deze checklist", checklist_pdf_path(checklist.slug),
                                         CHECKLIST_PDF_LABEL),
            lichaam=self.checklist_body(checklist, page, heading_level=2),
        )
        return GeneratedPage(page, text, checklist.bestand)

    def analyse_instrument(self) -> GeneratedPage:
        page = INSTRUMENT
        checklists = [{"kop": f"{c.stap} {c.titel}", "lichaam": self.checklist_body(c, page, heading_level=3)}
                      for c in instrument_checklists(self.content)]
        text = self.md.get_template("analyse_instrument.md.j2").render(
            # Out of the search index: every checklist is found on its own page already.
            front_matter=front_matter("Analyse-instrument voor buurtoverleg",
                                      "De checklists van stap 2, 3 en 4 op één pagina, om samen in te vullen.",
                                      search={"exclude": True}),
            afdrukken=self.print_actions(page, "Print het analyse-instrument", INSTRUMENT_PDF,
                                         "Download het analyse-instrument als PDF (A4)"),
            checklists=checklists,
        )
        return GeneratedPage(page, text, None)

    def print_actions(self, page: str, knop: str, pdf: str, pdf_label: str) -> Markup:
        """The print button, and the PDF link when this build writes the PDFs."""
        pdf_url = html_href(page, pdf, self.output.directory_urls) if self.output.pdf_downloads else None
        return Markup(self.html.get_template("afdrukken.html.j2").render(knop=knop, pdf_url=pdf_url,
                                                                         pdf_label=pdf_label))

    def checklist_reference(self, checklist: Checklist, page: str) -> Markup:
        """For a checklist shown on another page: a link to its own page, and its PDF when built."""
        pdf = checklist_pdf_path(checklist.slug)
        return Markup(self.md.get_template("checklist_verwijzing.md.j2").render(
            titel=checklist.titel, url=relative(page, checklist_path(checklist.slug)),
            pdf_url=html_href(page, pdf, self.output.directory_urls) if self.output.pdf_downloads else None,
            pdf_label=CHECKLIST_PDF_LABEL))

    def checklist_body(self, checklist: Checklist, page: str, heading_level: int) -> Markup:
        """Markdown for a checklist, to place on any page (``page`` is that page's source path)."""
        richting = None
        if checklist.oplossingsrichting:
            richting = self.term_value(page, "oplossingsrichting", checklist.oplossingsrichting)
        return Markup(self.md.get_template("checklist_lichaam.md.j2").render(
            checklist=checklist,
            stap_label=f"Stap {checklist.stap}",
            richting=richting,
            inleiding=self.rich_text(checklist.inleiding) if checklist.inleiding else None,
            # Section titles are siblings of the "Toelichting" heading below, so the same level.
            formulier=self.checklist_form(checklist, heading_level),
            toelichting=self.rich_text(checklist.toelichting) if checklist.toelichting else None,
            kop=Markup("#" * heading_level),
            bron=f"{BRON}, checklist bij stap {checklist.stap}",
        ))

    def checklist_form(self, checklist: Checklist, heading_level: int) -> Markup:
        secties = [
            {"titel": sectie.titel,
             "punten": [{"id": f"{checklist.slug}-{s}-{i}", "code": item.code, "tekst": item.tekst,
                        "voorbeelden": item.voorbeelden, "koppeling": item.koppeling or sectie.koppeling,
                        "toelichting": self.rich_text(item.toelichting) if item.toelichting else None}
                       for i, item in enumerate(sectie.items, start=1)]}
            for s, sectie in enumerate(checklist.secties, start=1)
        ]
        return Markup(self.html.get_template("checklist_formulier.html.j2").render(
            slug=checklist.slug, secties=secties, anders_namelijk=checklist.anders_namelijk,
            niveau=min(heading_level, 6)))
