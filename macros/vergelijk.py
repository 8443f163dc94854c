"""Macro for docs/vergelijk.md: the place of the comparison table (see handreiking.tools.vergelijk)."""

from __future__ import annotations


def define_env(env):
    from handreiking.tools.vergelijk import vergelijk_html

    from .site_urls import link_from

    @env.macro
    def vergelijk() -> str:
        """De plek van de vergelijkingstabel en de uitleg zonder JavaScript; het script tekent de tabel."""
        return vergelijk_html(link_from(env.conf, env.page.file.src_uri))
