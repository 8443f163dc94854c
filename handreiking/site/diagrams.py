"""Diagrams as inline SVG, drawn at build time from the content.

    diagrams = Diagrams(content, html_templates())   # the autoescaping environment of pages.py
    diagrams.render("stappenplan")     # the four steps; step 2 with its sub-steps from the checklists
    diagrams.render("fasen")           # the phases of polarisation (taxonomie/fase.yml), buiten_focus marked
    diagrams.render("bindingsladder")  # the four treden of the bindingsladder checklist

Each returns a ``<figure>`` (Markup) holding an ``<svg role="img">`` with a ``<title>`` and a
``<desc>`` that says in words what the picture shows, and a visible caption. Python decides the
layout (positions, wrapped lines); the templates ``templates/diagram_*.svg.j2`` only draw, with
autoescape on, so text from YAML stays text. The drawing is narrow and tall on purpose: one
layout that stays readable on a phone, at 400% zoom and on paper, with no JavaScript.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from itertools import groupby

from jinja2 import Environment
from markupsafe import Markup

from ..content.model import Content, Term

WIDTH = 400              # viewBox width; CSS scales the drawing to the column
CHAR_WIDTH = 0.52        # average glyph width in em of a sans-serif font, generous so text never overflows
LINE_HEIGHT = 1.3
LABEL_SIZE = 16
SMALL_SIZE = 15
PADDING = 12
ARROW_GAP = 30           # room between two boxes for the arrow that joins them

# The four steps of the method. Their names are the method itself, not content an editor
# changes; the sub-steps of step 2 come from the checklists.
STAPPEN = (
    ("1", "Voorbereiding en signalering", "Signalen opvangen, delen en samen duiden."),
    ("2", "Analyse", None),
    ("3", "Oplossingsrichtingen", "Kiezen wat er moet gebeuren en op wie u zich richt."),
    ("4", "Aanpak", "Het beleid toetsen en passende praktijkvoorbeelden kiezen."),
)
LADDER_RICHTING = "Hoe hoger de trede, hoe intensiever en duurzamer het contact."
FOCUS_KOP = {False: "Focus van deze handreiking", True: "Buiten de focus van deze handreiking"}
BUITEN_FOCUS_VERWIJZING = "Zie de KIS-handreiking Omgaan met maatschappelijke spanningen."


@dataclass(frozen=True)
class Text:
    """A block of wrapped lines; ``y`` is the top of the block."""

    x: float
    y: float
    lines: tuple[str, ...]
    size: int = LABEL_SIZE
    bold: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * LINE_HEIGHT

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def baselines(self) -> list[tuple[float, str]]:
        """(baseline y, line) for every line, for the template."""
        step = self.size * LINE_HEIGHT
        return [(round(self.y + self.size + index * step, 1), line) for index, line in enumerate(self.lines)]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    def __post_init__(self):
        for name in ("x", "y", "width", "height"):  # short numbers in the SVG
            object.__setattr__(self, name, round(getattr(self, name), 1))

    @property
    def bottom(self) -> float:
        return self.y + self.height


def wrap(text: str, width: float, size: int = LABEL_SIZE) -> tuple[str, ...]:
    """Lines of ``text`` that fit in ``width`` viewBox units at font ``size``."""
    chars = max(8, int(width / (size * CHAR_WIDTH)))
    return tuple(textwrap.wrap(text, chars, break_long_words=False, break_on_hyphens=False)) or ("",)


def text_block(text: str, x: float, y: float, width: float, size: int = LABEL_SIZE, bold: bool = False) -> Text:
    return Text(x, y, wrap(text, width, size), size, bold)


class Diagrams:
    """The diagrams of one build, drawn from the validated content."""

    def __init__(self, content: Content, templates: Environment):
        assert templates.autoescape, "SVG templates need autoescape: text from YAML must stay text"
        self.content = content
        self.templates = templates
        self.available = {"stappenplan": self.stappenplan, "fasen": self.fasen,
                          "bindingsladder": self.bindingsladder}

    def render(self, naam: str) -> Markup:
        if naam not in self.available:
            raise ValueError(f"onbekend diagram '{naam}'; kies uit: {', '.join(self.available)}")
        return self.available[naam]()

    def for_checklists(self, slugs) -> list[Markup]:
        """The diagrams that picture one of these checklists (for an oplossingsrichting page)."""
        return [self.render(slug) for slug in slugs if slug in self.available]

    def _draw(self, naam: str, height: float, **context) -> Markup:
        return Markup(self.templates.get_template(f"diagram_{naam}.svg.j2").render(
            naam=naam, breedte=WIDTH, hoogte=round(height), **context))

    # --- stappenplan ------------------------------------------------------------------

    def substappen(self) -> list[tuple[str, list[str]]]:
        """Step 2's sub-steps: (number, titles of its checklists), in checklist order."""
        groups: dict[str, list[str]] = {}
        for checklist in self.content.checklists:
            if checklist.stap.startswith("2."):
                groups.setdefault(checklist.stap, []).append(checklist.titel)
        return sorted(groups.items(), key=lambda item: [int(part) for part in item[0].split(".")])

    def stappenplan(self) -> Markup:
        substappen = self.substappen()
        stappen, y = [], 0.0
        inner = WIDTH - 2 * PADDING
        for nummer, titel, uitleg in STAPPEN:
            teksten = [text_block(f"Stap {nummer}: {titel}", PADDING, y + PADDING, inner, bold=True)]
            if uitleg:
                teksten.append(text_block(uitleg, PADDING, teksten[-1].bottom + 4, inner, SMALL_SIZE))
            bottom, rijen = teksten[-1].bottom, []
            for code, titels in substappen if nummer == "2" else ():
                rij, bottom = self._substap(code, titels, bottom + 8)
                rijen.append(rij)
            box = Box(0, y, WIDTH, bottom + PADDING - y)
            stappen.append({"nummer": nummer, "box": box, "teksten": teksten, "rijen": rijen})
            y = box.bottom + ARROW_GAP
        pijlen = [(first["box"].bottom, second["box"].y) for first, second in zip(stappen, stappen[1:])]
        analyse = "; ".join(f"{code} {' en '.join(titels)}" for code, titels in substappen)
        beschrijving = " ".join(f"Stap {nummer}: {titel}." + (f" Met {analyse}." if nummer == "2" else "")
                                for nummer, titel, _ in STAPPEN)
        return self._draw("stappenplan", y - ARROW_GAP, stappen=stappen, pijlen=pijlen, midden=WIDTH / 2,
                          titel="Het stappenplan in vier stappen", beschrijving=beschrijving)

    @staticmethod
    def _substap(code: str, titels: list[str], top: float) -> tuple[dict, float]:
        x, label_x = 2 * PADDING, 2 * PADDING + 48
        width = WIDTH - 2 * x - (label_x - x) - PADDING
        labels, y = [], top + 8
        for titel in titels:
            labels.append(text_block(titel, label_x, y, width, SMALL_SIZE + 1))
            y += labels[-1].height + 2
        box = Box(x, top, WIDTH - 2 * x, y - top + 6)
        return {"code": Text(x + PADDING, top + 8, (code,), SMALL_SIZE + 1, bold=True), "box": box,
                "labels": labels}, box.bottom

    # --- fasen van polarisatie ---------------------------------------------------------

    def fasen(self) -> Markup:
        termen = self.content.taxonomieen["fase"].termen
        frame_x, y = 28.0, 0.0
        groepen = []
        for buiten_focus, terms in groupby(termen, key=lambda term: term.buiten_focus):
            kop = text_block(FOCUS_KOP[buiten_focus], frame_x + PADDING, y + 8, WIDTH - frame_x - 2 * PADDING,
                             SMALL_SIZE, bold=True)
            teksten = [kop]
            if buiten_focus:
                teksten.append(text_block(BUITEN_FOCUS_VERWIJZING, frame_x + PADDING, kop.bottom,
                                          WIDTH - frame_x - 2 * PADDING, SMALL_SIZE))
            bottom = teksten[-1].bottom
            fasen = []
            for term in terms:
                nummer = termen.index(term) + 1
                fase, bottom = self._fase(nummer, term, frame_x + PADDING, bottom + 8)
                fasen.append(fase)
            box = Box(frame_x, y, WIDTH - frame_x, bottom + PADDING - y)
            groepen.append({"buiten_focus": buiten_focus, "box": box, "teksten": teksten, "fasen": fasen})
            y = box.bottom + 14
        height = y - 14
        beschrijving = " ".join(
            f"{index}. {term.label}: {term.beschrijving}" + (" (buiten de focus van deze handreiking)"
                                                             if term.buiten_focus else "")
            for index, term in enumerate(termen, start=1))
        titel = f"De fasen van polarisatie, van {termen[0].label.lower()} tot {termen[-1].label.lower()}"
        return self._draw("fasen", height, groepen=groepen, pijl=(12, 4, round(height - 4, 1)), titel=titel,
                          beschrijving=beschrijving)

    @staticmethod
    def _fase(nummer: int, term: Term, x: float, top: float) -> tuple[dict, float]:
        label_x = x + 40
        width = WIDTH - PADDING - label_x - PADDING
        label = text_block(term.label, label_x, top + 8, width, bold=True)
        uitleg = text_block(term.beschrijving, label_x, label.bottom + 2, width, SMALL_SIZE)
        box = Box(x, top, WIDTH - PADDING - x, uitleg.bottom + 8 - top)
        return {"nummer": nummer, "box": box, "cirkel": (x + 20, top + 8 + LABEL_SIZE * 0.65),
                "label": label, "uitleg": uitleg, "buiten_focus": term.buiten_focus}, box.bottom

    # --- bindingsladder ----------------------------------------------------------------

    def bindingsladder(self) -> Markup:
        checklist = self.content.checklist("bindingsladder")
        left_rail, right_rail, label_x = 24.0, 76.0, 100.0
        richting = text_block(LADDER_RICHTING, label_x, 0, WIDTH - label_x, SMALL_SIZE)
        y = richting.height + 12
        treden = []
        for nummer, item in reversed(list(enumerate(checklist.items, start=1))):  # highest trede on top
            label = text_block(item.tekst, label_x + PADDING, y + 10, WIDTH - label_x - 2 * PADDING)
            box = Box(label_x, y, WIDTH - label_x, label.height + 20)
            treden.append({"code": item.code or str(nummer), "box": box, "label": label,
                           "sport": round(box.y + box.height / 2, 1)})
            y = box.bottom + 14
        height = y - 14
        beschrijving = LADDER_RICHTING + " Van onder naar boven: " + " ".join(
            f"{item.tekst}." for item in checklist.items)
        return self._draw("bindingsladder", height, treden=treden, richting=richting,
                          rails=(left_rail, right_rail), top=round(richting.height + 4, 1), onder=round(height, 1),
                          titel="De bindingsladder met vier treden", beschrijving=beschrijving)
