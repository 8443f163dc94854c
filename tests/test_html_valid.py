"""Valid HTML: every built page through the Nu Html Checker (vnu.jar from npm, needs Java).

Errors and warnings fail the test, except the few below that come from
Material for MkDocs' own templates. Each is matched narrowly (message and the
markup it is about) so the same error in our own templates still fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

MATERIAL_EXCEPTIONS = [
    # partials/nav-item.html writes tabindex="" on the labels of nav sections that are not
    # links. Browsers treat an empty tabindex as absent, so the label is simply not focusable
    # (the section's checkbox toggle is). Fixing it means overriding Material's largest partial.
    (r"Bad value “” for attribute “tabindex” on element “label”", r'<label class="md-nav__link'),
    # base.html and partials/nav-item.html use hidden checkboxes as CSS toggles (drawer,
    # search, nav sections) with autocomplete="off", so Firefox does not restore their state
    # after a reload. Harmless: the attribute is ignored on checkboxes by other browsers.
    (r"Attribute “autocomplete” is only allowed when the input type is", r'class="md-(toggle|nav__toggle)'),
    # partials/toc.html labels the table of contents for the __toc toggle, which Material only
    # writes for pages in the nav. Praktijkvoorbeelden and index pages are deliberately not in
    # the nav (see macros/navigation.py), so there the label points at nothing; it still
    # works as the title of the table of contents.
    (r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     r'<label class="md-nav__title" for="__toc">'),
]


def _is_material_exception(message: dict) -> bool:
    return any(re.search(text, message["message"]) and re.search(markup, message.get("extract", ""))
               for text, markup in MATERIAL_EXCEPTIONS)


def validate(site) -> list[dict]:
    """Errors and warnings of the Nu Html Checker for every HTML file under ``site``."""
    if shutil.which("java") is None:
        pytest.fail("Java ontbreekt voor de Nu Html Checker; voer 'sudo make system-deps' uit")
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
                            capture_output=True, text=True, encoding="utf-8")
    messages = json.loads(result.stderr)["messages"]
    return [message for message in messages
            if message["type"] == "error" or message.get("subType") == "warning"]


def test_every_page_is_valid_html_apart_from_listed_material_markup(built_site):
    problems = [f"{message['url'].split(str(built_site))[-1]}:{message.get('lastLine')}: {message['message']}"
                for message in validate(built_site) if not _is_material_exception(message)]
    assert problems == []


def test_the_checker_reports_errors_in_our_markup(built_site, tmp_path):
    """The exceptions are narrow: the same kind of error outside Material's markup still counts."""
    page = tmp_path / "index.html"
    html = (built_site / "index.html").read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<label for="nergens" tabindex="">x</label><section></section></article>'),
                    encoding="utf-8")
    problems = [message for message in validate(tmp_path) if not _is_material_exception(message)]
    assert len(problems) >= 3
