"""Macros for the page "Voor redacteuren" (docs/voor-redacteuren.md)."""

from __future__ import annotations


def define_env(env):
    from handreiking.site.field_reference import field_reference
    from handreiking.content.schemas import project_schemas

    from . import state

    @env.macro
    def veldenoverzicht() -> str:
        """Alle velden uit content/schemas/ en de toegestane waarden uit content/taxonomie/."""
        site = state.site()
        return field_reference(site.content, project_schemas(site.root).raw)
