"""Issue 3: the diagrams (stappenplan, fasen, bindingsladder) are inline SVG drawn from the YAML."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs_build, run_axe


def figure(site: Path, page: str, naam: str) -> str:
    """The <figure> of diagram ``naam`` on the built ``page`` (exactly one)."""
    text = (site / page / "index.html").read_text(encoding="utf-8")
    found = re.findall(rf'<figure class="diagram diagram-{naam}">.*?</figure>', text, flags=re.S)
    assert len(found) == 1, f"{page}: {len(found)} diagrammen '{naam}'"
    return found[0]


def texts(svg: str, klasse: str = "diagram-label") -> list[str]:
    """The visible text of every <text class=klasse>, its wrapped lines joined again."""
    return [" ".join(html.unescape(line) for line in re.findall(r"<tspan[^>]*>(.*?)</tspan>", body))
            for body in re.findall(rf'<text class="{klasse}"[^>]*>(.*?)</text>', svg, flags=re.S)]


def all_texts(svg: str) -> str:
    return " ".join(" ".join(texts(svg, klasse)) for klasse in ("diagram-label", "diagram-tekst"))


def richting_pages_with_ladder(content) -> list[str]:
    return [f"oplossingsrichtingen/{r.id}" for r in content.oplossingsrichtingen if "bindingsladder" in r.checklists]


def diagram_pages(content) -> list[tuple[str, str]]:
    return [("stappenplan", "stappenplan"), ("stap-2/fasen", "fasen")] + \
        [(page, "bindingsladder") for page in richting_pages_with_ladder(content)]


def test_stappenplan_shows_four_steps_and_the_step_2_checklists(built_site, content):
    svg = figure(built_site, "stappenplan", "stappenplan")
    expected = [c.titel for c in content.checklists if c.stap.startswith("2.")]
    assert len(expected) >= 7
    assert texts(svg) == expected
    steps = re.findall(r'data-stap="(\d)"', svg)
    assert steps == ["1", "2", "3", "4"]
    substeps = sorted({c.stap for c in content.checklists if c.stap.startswith("2.")})
    assert [code for code in texts(svg, "diagram-tekst") if re.fullmatch(r"2\.\d", code)] == substeps


def test_fasen_diagram_follows_the_vocabulary_and_marks_what_is_out_of_focus(built_site, content):
    svg = figure(built_site, "stap-2/fasen", "fasen")
    termen = content.taxonomieen["fase"].termen
    labels = [term.label for term in termen]
    assert [label for label in texts(svg) if label in labels] == labels
    for term in termen:
        assert term.beschrijving in all_texts(svg)
    groups = re.split(r'(?=<g class="diagram-groep)', svg)[1:]
    outside = [term.label for term in termen if term.buiten_focus]
    assert outside, "fase.yml heeft geen fasen buiten de focus meer; pas deze test aan"
    for group in groups:
        in_group = [label for label in texts(group) if label in labels]
        if "diagram-buiten-focus" in group.split(">", 1)[0]:
            assert in_group == outside
            # Not by colour alone: a heading in words and a dashed outline.
            assert "Buiten de focus" in all_texts(group)
            assert "stroke-dasharray" in group
        else:
            assert in_group == [term.label for term in termen if not term.buiten_focus]


def test_bindingsladder_on_the_oplossingsrichting_page(built_site, content):
    pages = richting_pages_with_ladder(content)
    assert pages, "geen oplossingsrichting met de checklist 'bindingsladder'"
    items = content.checklist("bindingsladder").items
    for page in pages:
        svg = figure(built_site, page, "bindingsladder")
        assert texts(svg) == [item.tekst for item in reversed(items)]  # highest trede on top
    others = {f"oplossingsrichtingen/{r.id}" for r in content.oplossingsrichtingen} - set(pages)
    for page in others:
        assert "diagram-bindingsladder" not in (built_site / page / "index.html").read_text(encoding="utf-8")


def test_diagrams_are_accessible_and_scalable_svg(built_site, content):
    for page, naam in diagram_pages(content):
        svg = figure(built_site, page, naam)
        opening = re.search(r"<svg [^>]*>", svg).group(0)
        assert 'role="img"' in opening and "viewBox=" in opening
        assert not re.search(r'\s(width|height)="', opening), "een vaste maat schaalt niet mee"
        for attribute, tag in (("aria-labelledby", "title"), ("aria-describedby", "desc")):
            target = re.search(rf'{attribute}="([^"]+)"', opening).group(1)
            inner = re.search(rf'<{tag} id="{target}">(.+?)</{tag}>', svg, flags=re.S)
            assert inner and inner.group(1).strip(), f"{page}: {tag} ontbreekt"
        assert "<figcaption>" in svg
        assert "<script" not in svg and "<a " not in svg


def test_diagrams_are_redrawn_from_changed_yaml_and_escape_text(tmp_path):
    project = copy_project(tmp_path / "project")
    fase = project / "content" / "taxonomie" / "fase.yml"
    fase.write_text(fase.read_text(encoding="utf-8").replace("label: Rust\n", "label: Rust & <stilte>\n"),
                    encoding="utf-8")
    ladder = project / "content" / "checklists" / "bindingsladder.yml"
    ladder.write_text(ladder.read_text(encoding="utf-8").replace(
        'tekst: "Trede 2: elkaar leren kennen"', 'tekst: "Trede 2: elkaar écht leren kennen"'), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    fasen = figure(tmp_path / "site", "stap-2/fasen", "fasen")
    assert "Rust &amp; &lt;stilte&gt;" in fasen and "<stilte>" not in fasen
    assert "Rust & <stilte>" in texts(fasen)
    ladder_svg = figure(tmp_path / "site", "oplossingsrichtingen/ontmoeting-buurt", "bindingsladder")
    assert "Trede 2: elkaar écht leren kennen" in texts(ladder_svg)


@pytest.mark.parametrize("width", [320, 1280])
def test_diagrams_fit_the_screen_and_pass_axe(new_page, site_url, content, width):
    """320 px is a phone, and a 1280 px screen at 400% zoom: no sideways scrolling, no axe findings."""
    page = new_page(viewport={"width": width, "height": 800}, locale="nl-NL")
    for path, naam in diagram_pages(content):
        page.goto(f"{site_url}/{path}/")
        box = page.locator(f"figure.diagram-{naam} svg").bounding_box()
        assert box and box["width"] > 0.8 * min(width - 40, 300), f"{path}: diagram te smal"
        assert box["x"] + box["width"] <= width, f"{path}: diagram steekt buiten het scherm"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        violations = run_axe(page, include=["figure.diagram"])
        assert violations == [], f"{path}: {violations}"
