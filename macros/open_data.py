"""Macros for the pages "Open data" (docs/open-data.md) and its folder /data/ (docs/data/index.md)."""

from __future__ import annotations


def define_env(env):
    from handreiking.tools.open_data import field_table, file_table, reuse_text

    from .plugin import site_of

    @env.macro
    def open_data_velden() -> str:
        """De velden van praktijkvoorbeelden.json en hun CSV-kolommen, uit het gepubliceerde schema."""
        site = site_of(env.conf)
        return field_table(site.content, site.content.praktijkvoorbeeld_schema, "voor-redacteuren.md")

    @env.macro
    def open_data_bestanden() -> str:
        """De bestanden in /data/, elk met een link vanaf deze pagina en wat erin staat."""
        return file_table(env.page.file.src_uri)

    @env.macro
    def open_data_hergebruik() -> str:
        """Het auteursrecht zoals het colofon van de handreiking het zegt, en hoe u de bron vermeldt."""
        return reuse_text(env.page.file.src_uri)
