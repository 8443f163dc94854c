"""mkdocs-macros entry point: the macros hand-written pages may call.

Each macro renders a fragment from the content the plugin loaded (``site_of`` in
:mod:`macros.plugin`; see :mod:`handreiking.site.fragments`). Macro output is
inserted as Markdown and is never evaluated as Jinja again, so text from YAML
cannot become template source.
"""

from __future__ import annotations


def define_env(env):
    from handreiking.site.fragments import Fragments

    from .plugin import later_html_of, site_of

    def page() -> str:
        return env.page.file.src_uri

    def fragments() -> Fragments:
        return Fragments(site_of(env.conf))

    @env.macro
    def checklist(slug: str, niveau: int = 2) -> str:
        """De checklist ``slug`` als formulier, met kop, vraag en toelichting."""
        return fragments().checklist(page(), slug, niveau)

    @env.macro
    def checklists(stap: str | None = None) -> str:
        """Lijst van checklists, eventueel alleen die van één stap."""
        return fragments().checklists(page(), stap)

    @env.macro
    def literatuur() -> str:
        """De publicaties die de handreiking noemt, uit content/literatuur.yml."""
        return fragments().literatuur(page())

    @env.macro
    def oplossingsrichtingen() -> str:
        """De zeven oplossingsrichtingen met link en aantal praktijkvoorbeelden."""
        return fragments().oplossingsrichtingen(page())

    @env.macro
    def praktijkvoorbeelden_per_bron() -> str:
        """Stap 4.2: de praktijkvoorbeelden gegroepeerd zoals in de handreiking."""
        return fragments().praktijkvoorbeelden_per_bron(page())

    @env.macro
    def termen(vocabulaire: str) -> str:
        """Alle termen van een vocabulaire ('locatie', 'doelgroep', 'problematiek') met link en aantal."""
        return fragments().termen(page(), vocabulaire)

    @env.macro
    def recent_gecontroleerd(aantal: int = 5) -> str:
        """De praktijkvoorbeelden die de redactie het laatst heeft gecontroleerd."""
        return fragments().recent_gecontroleerd(page(), aantal)

    @env.macro
    def casussen() -> str:
        """De vier voorbeeldbuurten, elk met een link om ermee te oefenen."""
        return fragments().casussen(page())

    @env.macro
    def diagram(naam: str) -> str:
        """Een diagram als SVG, getekend uit de inhoud: 'stappenplan', 'fasen' of 'bindingsladder'."""
        return fragments().diagram(naam)

    @env.macro
    def interventiewijzer() -> str:
        """Alle praktijkvoorbeelden als kaarten (ook zonder JavaScript); het script voegt de filters toe."""
        from handreiking.tools.wijzer import wijzer_cards, wijzer_html

        from .site_urls import link_from

        site, page = site_of(env.conf), env.page.file.src_uri
        link = link_from(env.conf, page)
        # The cards are finished HTML that search leaves out: put in after Markdown (macros/later_html.py).
        cards = later_html_of(env.conf).defer(page, "kaarten", site.fragment(
            f"interventiewijzer-kaarten {env.page.url}", lambda: str(wijzer_cards(site.content, link, site.each))))
        return str(wijzer_html(site.content, link, cards))

    @env.macro
    def aantal_praktijkvoorbeelden() -> int:
        return len(site_of(env.conf).content.praktijkvoorbeelden)

    from . import buurtanalyse, buurten, open_data, redactie, vergelijk

    redactie.define_env(env)
    buurtanalyse.define_env(env)
    buurten.define_env(env)
    open_data.define_env(env)
    vergelijk.define_env(env)
