"""Macro for docs/buurten.md: the buurten overview (see handreiking.tools.buurten)."""

from __future__ import annotations


def define_env(env):
    from handreiking.tools.buurten import buurten_html

    from .plugin import site_of
    from .site_urls import link_from

    @env.macro
    def buurten() -> str:
        """De tabel met alle buurtanalyses in deze browser; het script vult de rijen."""
        return buurten_html(site_of(env.conf).content, link_from(env.conf, env.page.file.src_uri))
