"""Macro for docs/buurtanalyse.md: the form of the buurtanalyse (see handreiking.tools.buurtanalyse)."""

from __future__ import annotations


def define_env(env):
    from handreiking.tools.buurtanalyse import buurtanalyse_html

    from .plugin import site_of
    from .site_urls import link_from

    @env.macro
    def buurtanalyse() -> str:
        """Het formulier van de buurtanalyse (stap 2 en 3.2, uit de checklists); het script voegt het advies toe."""
        return buurtanalyse_html(site_of(env.conf).content, link_from(env.conf, env.page.file.src_uri))
