"""No injection: text from YAML never runs, never becomes markup, and shows literally.

A copy of the project gets a payload in *every* text field of a
praktijkvoorbeeld, a checklist, an oplossingsrichting and the
oplossingsrichting vocabulary. Which fields are text is read from the JSON
Schemas (a string without an id, reference, link, date or pattern rule), so a
field added later is covered too. The built site is then inspected as HTML and
in Chromium.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import copy_project, example_slug, mkdocs_build, normalized, search_results, serve
from handreiking.content.schemas import resolve_ref
from handreiking.content.slugs import slugify

pytestmark = pytest.mark.code  # a content change cannot break it: skipped by make test-inhoud

# Template syntax, HTML that would run, a way out of a <script> block and a character
# that ends a JavaScript string in older engines, all in one text.
PAYLOAD = ('{{ 7*7 }} {% raw %} <script>alert(1)</script>\u2028<img src=x onerror=alert(1)> '
           '"><svg onload=alert(1)> </script><!--')
# For fields that allow fewer characters (labels, gemeente).
SHORT_PAYLOAD = '"><svg onload=alert(1)><img src=x onerror=alert(1)>{{ 7*7 }}\u2028</script><!--'
NOT_TEXT = ("x-taxonomie", "x-verwijzing", "x-url", "format", "pattern", "enum")

VOORBEELD = f"interventies/{example_slug()}.yml"
CHECKLIST = "checklists/signaleringstips.yml"
RICHTING = "oplossingsrichtingen/contact-woonomgeving.yml"
TAXONOMIE = "taxonomie/oplossingsrichting.yml"


def _is_text(schema: dict) -> bool:
    return schema.get("type") == "string" and not any(keyword in schema for keyword in NOT_TEXT)


def inject(root: dict, schema: dict, value, filled: list[str], path: str = ""):
    """``value`` with every text field replaced by a payload; ``filled`` collects the field names."""
    schema = resolve_ref(root, schema)
    if isinstance(value, str) and _is_text(schema):
        limit = schema.get("maxLength", len(PAYLOAD))
        if limit < len(SHORT_PAYLOAD):
            return value  # a code of a few characters cannot hold markup
        filled.append(path)
        return PAYLOAD if limit >= len(PAYLOAD) else SHORT_PAYLOAD
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return {key: inject(root, properties.get(key, {}), item, filled, f"{path}.{key}".lstrip("."))
                for key, item in value.items()}
    if isinstance(value, list):
        return [inject(root, schema.get("items", {}), item, filled, f"{path}[{index}]")
                for index, item in enumerate(value)]
    return value


def _rename_everywhere(project: Path, old: str, new: str) -> None:
    """A slug changes with its title: follow it in references and macro calls."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    for file in [*(project / "content").rglob("*.yml"), *(project / "docs").rglob("*.md")]:
        text = file.read_text(encoding="utf-8")
        if pattern.search(text):
            file.write_text(pattern.sub(new, text), encoding="utf-8")


def build_injected_project(project: Path) -> dict:
    """Put payloads in the project's content; return what went where."""
    content = project / "content"
    filled: dict[str, list[str]] = {}
    slugs = {}
    for relative, schema_name, extra in (
        # Checked today, so the home page lists it too.
        (VOORBEELD, "praktijkvoorbeeld", {"gemeente": "Utrecht", "gecontroleerd_op": date.today().isoformat(),
                                          "links": [{"titel": "Website", "url": "https://www.example.org/"}]}),
        (CHECKLIST, "checklist", {}),
        (RICHTING, "oplossingsrichting", {}),
        (TAXONOMIE, "taxonomie", {}),
    ):
        file = content / relative
        schema = json.loads((content / "schemas" / f"{schema_name}.schema.json").read_text(encoding="utf-8"))
        data = {**yaml.safe_load(file.read_text(encoding="utf-8")), **extra}
        filled[relative] = []
        data = inject(schema, schema, data, filled[relative])
        file.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False, width=1000), encoding="utf-8")
        if "titel" in data and schema_name in ("praktijkvoorbeeld", "checklist"):
            slugs[schema_name] = slugify(data["titel"])
            _rename_everywhere(project, file.stem, slugs[schema_name])
            file.rename(file.with_name(f"{slugs[schema_name]}.yml"))
    return {"filled": filled, "slugs": slugs}


@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("injectie")
    project = copy_project(root / "project")
    info = build_injected_project(project)
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return {**info, "site": root / "site"}


@pytest.fixture(scope="module")
def injected_url(injected):
    with serve(injected["site"]) as url:
        yield url


def _voorbeeld_page(injected) -> str:
    return f"praktijkvoorbeelden/{injected['slugs']['praktijkvoorbeeld']}/"


def _checklist_page(injected) -> str:
    return f"checklists/{injected['slugs']['checklist']}/"


class _Markup(HTMLParser):
    """What the parsed page contains: elements, attributes, script bodies, title and description."""

    def __init__(self):
        super().__init__()
        self.handlers: list[str] = []
        self.injected: list[str] = []
        self.scripts: list[str] = []
        self.title = ""
        self.description = None
        self._in = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.handlers += [f"<{tag} {name}>" for name in attributes if name.startswith("on")]
        if (tag == "img" and attributes.get("src") == "x") or tag == "svg" and "onload" in attributes:
            self.injected.append(tag)
        if tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content")
        if tag in ("script", "title"):
            self._in = tag
            if tag == "script":
                self.scripts.append("")

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "title":
            self.title += data


def test_no_page_contains_injected_markup(injected):
    pages = sorted(injected["site"].rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        markup = _Markup()
        markup.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(injected["site"])
        assert markup.handlers == [] and markup.injected == [], where
        assert not [script for script in markup.scripts if "alert(" in script], where
        assert "49" not in markup.title, where


def test_title_and_description_show_the_text_literally(injected):
    markup = _Markup()
    markup.feed((injected["site"] / _voorbeeld_page(injected) / "index.html").read_text(encoding="utf-8"))
    assert normalized(markup.title).startswith(normalized(PAYLOAD) + " - ")
    assert normalized(markup.description) == normalized(PAYLOAD)


def test_every_text_field_was_filled(injected):
    """Guards the test itself: the schema walk found the fields the issue names."""
    filled = injected["filled"]
    assert {"titel", "samenvatting", "beschrijving", "methodieken[0]", "gemeente", "links[0].titel"} \
        <= set(filled[VOORBEELD])
    assert {"titel", "vraag", "inleiding", "toelichting", "secties[0].items[0].tekst"} <= set(filled[CHECKLIST])
    assert {"titel", "wat_is_het", "onderbouwing", "wanneer.signalen[0]"} <= set(filled[RICHTING])


def _open(page, url: str) -> dict:
    """Load ``url``; collect dialogs and script errors while it loads and settles."""
    events = {"dialogs": [], "errors": []}
    page.on("dialog", lambda dialog: (events["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: events["errors"].append(str(error)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return events


def _assert_nothing_injected(page, events: dict, where: str) -> None:
    found = page.evaluate("""() => ({
        injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
        handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes])
                    .filter(a => a.name.startsWith('on')).map(a => a.name),
        scripts: [...document.scripts].filter(s => s.textContent.includes('alert(')).length,
    })""")
    assert found == {"injected": 0, "handlers": [], "scripts": 0}, where
    assert events == {"dialogs": [], "errors": []}, where


def _text(page, selector: str = "body") -> str:
    return normalized(page.locator(selector).first.inner_text())


def test_praktijkvoorbeeld_page_shows_every_field_literally(page, injected, injected_url):
    events = _open(page, f"{injected_url}/{_voorbeeld_page(injected)}")
    _assert_nothing_injected(page, events, "praktijkvoorbeeld")
    assert _text(page, "article h1").removesuffix("¶").strip() == normalized(PAYLOAD)
    assert normalized(page.title()).startswith(normalized(PAYLOAD))
    article = _text(page, "article")
    full = [field for field in injected["filled"][VOORBEELD] if field != "gemeente"]
    assert article.count(normalized(PAYLOAD)) >= len(full)
    assert normalized(SHORT_PAYLOAD) in article  # gemeente, and the oplossingsrichting label
    assert "49" not in article


def test_index_pages_and_lists_show_the_title_literally(page, injected, injected_url, content):
    voorbeeld = content.voorbeeld(example_slug())
    pages = ["", "praktijkvoorbeelden/", f"oplossingsrichtingen/{voorbeeld.oplossingsrichtingen[0]}/",
             f"doelgroepen/{voorbeeld.doelgroepen[0]}/", f"locaties/{voorbeeld.locaties[0]}/",
             f"problematiek/{voorbeeld.problematiek[0]}/"]
    if voorbeeld.bron.startswith("stap-4-"):
        pages.append("stap-4/praktijkvoorbeelden/")
    for path in pages:
        events = _open(page, f"{injected_url}/{path}")
        _assert_nothing_injected(page, events, path)
        assert normalized(PAYLOAD) in _text(page, "article"), path


def test_checklist_oplossingsrichting_nav_and_footer_show_the_text_literally(page, injected, injected_url):
    for path in (_checklist_page(injected), "stap-1/", "checklists/", "oplossingsrichtingen/contact-woonomgeving/"):
        events = _open(page, f"{injected_url}/{path}")
        _assert_nothing_injected(page, events, path)
        assert normalized(PAYLOAD) in _text(page, "article"), path
    # Nav entries come from YAML too: the checklist title and the oplossingsrichting labels.
    nav = _text(page, "nav.md-nav--primary")
    assert normalized(PAYLOAD) in nav and f"1. {normalized(SHORT_PAYLOAD)}" in nav
    # The page before the checklist links to it in its footer ("Volgende: <titel>").
    checklist_html = (injected["site"] / _checklist_page(injected) / "index.html").read_text(encoding="utf-8")
    before = re.search(r'<link rel="prev" href="([^"]+)"', checklist_html).group(1)
    events = _open(page, f"{injected_url}/{_checklist_page(injected)}{before}")
    _assert_nothing_injected(page, events, "vorige pagina")
    link = page.locator("a.md-footer__link--next")
    assert normalized(link.get_attribute("aria-label")) == f"Volgende: {normalized(PAYLOAD)}"
    assert normalized(PAYLOAD) in normalized(link.inner_text())


def test_search_results_show_the_text_literally(page, injected, injected_url):
    events = _open(page, f"{injected_url}/")
    titles = [normalized(result["title"]) for result in search_results(page, "onerror")]
    _assert_nothing_injected(page, events, "zoekresultaten")
    assert normalized(PAYLOAD) in titles


def test_interventiewijzer_stays_clean(page, injected, injected_url):
    events = _open(page, f"{injected_url}/interventiewijzer/")
    _assert_nothing_injected(page, events, "interventiewijzer")
    # Once the interventiewijzer lists praktijkvoorbeelden, the title must show literally there too.
    if page.locator(f'article a[href*="{_voorbeeld_page(injected)}"]').count():
        assert normalized(PAYLOAD) in _text(page, "article")
