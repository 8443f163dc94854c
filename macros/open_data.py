"""Macros for the page "Open data" (docs/open-data.md)."""

from __future__ import annotations


def define_env(env):
    from handreiking.tools.open_data import field_table

    from .plugin import site_of

    @env.macro
    def open_data_velden() -> str:
        """De velden van praktijkvoorbeelden.json en hun CSV-kolommen, uit het gepubliceerde schema."""
        site = site_of(env.conf)
        return field_table(site.content, site.content.praktijkvoorbeeld_schema, "voor-redacteuren.md")
