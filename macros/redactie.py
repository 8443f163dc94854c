"""Macros for the page "Voor redacteuren" (docs/voor-redacteuren.md)."""

from __future__ import annotations


def define_env(env):
    from handreiking.site.field_reference import field_reference
    from handreiking.content.schemas import project_schemas

    from .plugin import site_of

    @env.macro
    def veldenoverzicht() -> str:
        """Alle velden uit content/schemas/ en de toegestane waarden uit content/taxonomie/."""
        site = site_of(env.conf)
        return field_reference(site.content, project_schemas(site.root).raw)
