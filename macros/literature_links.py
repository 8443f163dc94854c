"""Italic mentions of a publication's title link to its address (see handreiking.site.literature_links)."""

from __future__ import annotations

from handreiking.site.literature_links import link_mentions
from handreiking.site.site import Site


def literature_addresses(site: Site) -> dict[str, str]:
    """Title -> address of every publication an editor gave an address (content/literatuur.yml)."""
    return {publicatie.titel: publicatie.adres for groep in site.content.literatuur
            for publicatie in groep.publicaties if publicatie.titel and publicatie.adres}


def link_literature(html: str, site: Site) -> str:
    """The page's HTML with every italic mention of a publication that has an address linked to it."""
    return link_mentions(html, literature_addresses(site))
