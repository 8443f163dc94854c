"""The validated content as immutable Python objects.

Field names are the Dutch YAML field names, so ``voorbeeld.doelgroepen`` in
Python is ``doelgroepen:`` in the file an editor writes. Objects are built only
from documents that passed the schema and the cross-file checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from .fields import Record

# The praktijkvoorbeeld fields that hold vocabulary ids, in the order the site
# shows them: these drive index pages, filters and "vergelijkbare" links.
FACET_FIELDS = {
    "oplossingsrichting": "oplossingsrichtingen",
    "locatie": "locaties",
    "doelgroep": "doelgroepen",
    "problematiek": "problematiek",
}

# Each kind of content file (also the name of its schema) -> its folder under content/.
FOLDERS = {
    "taxonomie": "taxonomie",
    "praktijkvoorbeeld": "interventies",
    "checklist": "checklists",
    "oplossingsrichting": "oplossingsrichtingen",
    "casus": "casussen",
}

# The year the handreiking appeared. A praktijkvoorbeeld the editors have not checked since
# (no ``gecontroleerd_op``) describes the situation of that year.
HANDREIKING_JAAR = 2019
# The status of a praktijkvoorbeeld that no longer runs: its page says so, and the interventiewijzer and the
# advice of the buurtanalyse show it only when asked for (handreiking.tools.filtering, handreiking.tools.advies).
HIDDEN_STATUS = "gestopt"
# How the site cites the source.
BRON = f"Kennisplatform Integratie & Samenleving ({HANDREIKING_JAAR}), Van polarisatie naar verbinding in buurten"

# Vocabularies an analysis answer or a checklist item can point at.
LINK_KEYS = ("oplossingsrichting", "locatie", "doelgroep", "problematiek", "fase", "verschijningsvorm")


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    beschrijving: str
    code: str | None = None
    buiten_focus: bool = False
    mag_ongebruikt: bool = False
    pagina: str | None = None
    uitgebreide_beschrijving_bij_kis: bool = False
    inleiding: str | None = None  # Markdown; 'bron' only: the handreiking's introduction of its group
    subcategorieen: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Taxonomie:
    naam: str
    pad: str | None
    label: str
    meervoud: str
    beschrijving: str
    termen: tuple[Term, ...]

    def term(self, term_id: str) -> Term:
        return next(term for term in self.termen if term.id == term_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(term.id for term in self.termen)


@dataclass(frozen=True)
class Praktijkvoorbeeld:
    """One praktijkvoorbeeld: its slug, its file and the fields of its schema.

    Which fields a praktijkvoorbeeld has is said once, in content/schemas/praktijkvoorbeeld.schema.json;
    :mod:`handreiking.content.fields` reads every property of that schema into ``fields`` (an absent
    optional field too: its default, ``()`` or ``None``). They read as attributes, as in templates:
    ``voorbeeld.doelgroepen`` is ``doelgroepen:`` in the YAML file, a tuple of ids; ``voorbeeld.links``
    a tuple of records with ``titel`` and ``url``; ``voorbeeld.gecontroleerd_op`` a date or None.
    """

    slug: str
    bestand: str
    fields: Record

    # Names of the model itself: no schema field may have one (see fields.field_name_problems).
    RESERVED: ClassVar[frozenset[str]] = frozenset({"slug", "bestand", "fields", "values", "RESERVED"})

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "fields":  # not a field: copy, pickle and hasattr ask for these
            raise AttributeError(name)
        return getattr(self.fields, name)

    def values(self, vocabulary: str) -> tuple[str, ...]:
        """The ids this example carries for ``vocabulary`` ('locatie', 'status', ...)."""
        if vocabulary == "status":
            return (self.status,)
        if vocabulary == "erkenningsniveau":
            return (self.erkenning.niveau,) if self.erkenning else ()
        if vocabulary == "aanpak":
            return self.aanpak
        return getattr(self, FACET_FIELDS[vocabulary])


@dataclass(frozen=True)
class Vuistregel:
    """A rule of thumb of step 4.2 as a test of a praktijkvoorbeeld: field name -> ids ('aanpak', 'locaties')."""

    id: str
    kort: str
    voldoet: dict[str, tuple[str, ...]]
    voldoet_niet: dict[str, tuple[str, ...]] = field(default_factory=dict)
    geldt_bij: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 'problematiek' -> ids

    def verdict(self, voorbeeld: Praktijkvoorbeeld) -> str:
        """'voldoet', 'voldoet_niet' or 'onbekend' for this praktijkvoorbeeld (whatever the analysis)."""
        def has(values: dict[str, tuple[str, ...]]) -> bool:
            return any(set(getattr(voorbeeld, name)) & set(ids) for name, ids in values.items())
        if has(self.voldoet):
            return "voldoet"
        return "voldoet_niet" if has(self.voldoet_niet) else "onbekend"


@dataclass(frozen=True)
class ChecklistItem:
    tekst: str
    code: str | None = None
    voorbeelden: tuple[str, ...] = ()
    toelichting: str | None = None
    koppeling: tuple[str, str] | None = None  # (vocabulary, id)
    stelt_voor: tuple[str, ...] = ()  # oplossingsrichtingen the buurtanalyse suggests when this item is ticked
    vuistregel: Vuistregel | None = None  # only in the rules of thumb of step 4.2
    # Terms of the vocabulary 'beleidsterrein' the item names; their labels lead ``voorbeelden``.
    beleidsterreinen: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChecklistSectie:
    items: tuple[ChecklistItem, ...]
    titel: str | None = None
    koppeling: tuple[str, str] | None = None


@dataclass(frozen=True)
class Checklist:
    slug: str
    bestand: str
    titel: str
    stap: str
    vraag: str
    secties: tuple[ChecklistSectie, ...]
    anders_namelijk: bool
    volgorde: int = 1
    oplossingsrichting: str | None = None
    bij_problematiek: tuple[str, ...] = ()  # the buurtanalyse proposes the checklist for these
    inleiding: str | None = None
    toelichting: str | None = None

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for sectie in self.secties for item in sectie.items)


@dataclass(frozen=True)
class Wanneer:
    toelichting: str
    signalen: tuple[str, ...]
    problematiek: tuple[str, ...] = ()
    locaties: tuple[str, ...] = ()
    altijd: bool = False
    bij_ontbrekende_informatie: bool = False


@dataclass(frozen=True)
class Verwijzing:
    """A publication the handreiking cites, with its anchor on the literature page."""
    publicatie: str
    anker: str


@dataclass(frozen=True)
class Oplossingsrichting:
    id: str
    bestand: str
    nummer: int
    titel: str
    wanneer: Wanneer
    wat_is_het: str
    typen_interventies: tuple[str, ...]
    onderbouwing: str
    checklists: tuple[str, ...] = ()
    literatuur: tuple[Verwijzing, ...] = ()


@dataclass(frozen=True)
class Casus:
    slug: str
    bestand: str
    nummer: int
    titel: str
    tekst: str


@dataclass(frozen=True)
class Aanhaling:
    titel: str
    pagina: str  # a page under docs/ or made from content/, as MkDocs names it: 'stap-2/fasen.md#...'


@dataclass(frozen=True)
class Publicatie:
    anker: str
    kop: str  # author and year, as the handreiking gives them
    omschrijving: str
    aangehaald_bij: tuple[Aanhaling, ...]
    titel: str | None = None
    adres: str | None = None  # filled in by editors; the handreiking gives none


@dataclass(frozen=True)
class LiteratuurGroep:
    titel: str
    publicaties: tuple[Publicatie, ...]


@dataclass(frozen=True)
class SynoniemGroep:
    """Words that find each other in every search of the site (content/synoniemen.yml)."""

    woorden: tuple[str, ...]
    verwant: tuple[str, ...] = ()  # found by the group, more weakly; they do not find the group


@dataclass(frozen=True)
class Content:
    """Everything the site shows, loaded and checked once per build."""

    taxonomieen: dict[str, Taxonomie]
    praktijkvoorbeelden: tuple[Praktijkvoorbeeld, ...]
    checklists: tuple[Checklist, ...]
    oplossingsrichtingen: tuple[Oplossingsrichting, ...]
    casussen: tuple[Casus, ...]
    verouderd_na_maanden: int
    warnings: tuple = field(default=(), compare=False)
    doorverwijzingen: dict = field(default_factory=dict)  # 'praktijkvoorbeelden' -> {old slug: new slug}
    erkenning_verloopt_na_maanden: int = field(kw_only=True)
    # The schema the praktijkvoorbeelden were read with: the one list of their fields, which the data
    # file and the open data follow too (see handreiking.content.fields).
    praktijkvoorbeeld_schema: dict = field(default_factory=dict, compare=False, kw_only=True)
    literatuur: tuple[LiteratuurGroep, ...] = field(default=(), kw_only=True)  # content/literatuur.yml
    synoniemen: tuple[SynoniemGroep, ...] = field(default=(), kw_only=True)

    def voorbeeld(self, slug: str) -> Praktijkvoorbeeld:
        return self._by_slug[slug]

    def checklist(self, slug: str) -> Checklist:
        return next(checklist for checklist in self.checklists if checklist.slug == slug)

    def oplossingsrichting(self, term_id: str) -> Oplossingsrichting:
        return next(richting for richting in self.oplossingsrichtingen if richting.id == term_id)

    @cached_property
    def _by_slug(self) -> dict[str, Praktijkvoorbeeld]:
        return {voorbeeld.slug: voorbeeld for voorbeeld in self.praktijkvoorbeelden}
