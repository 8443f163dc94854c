"""Issue 3: the site built from the YAML, inspected as HTML."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from conftest import REPO_URL, copy_project, edit_yaml, example_slug, mkdocs_build

FACETS = {"locatie": ("locaties", "locaties"), "doelgroep": ("doelgroepen", "doelgroepen"),
          "problematiek": ("problematiek", "problematiek")}


class _Page(HTMLParser):
    """Links, ids, assets and headings of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.assets: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self._heading: str | None = None
        self._text: list[str] = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate"):
            self.assets.append(attrs["href"])
        if re.fullmatch(r"h[1-6]", tag):
            self._heading, self._text = tag, []

    def handle_data(self, data):
        if self._heading:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == self._heading:
            self.headings.append((tag, "".join(self._text).replace("¶", "").strip()))
            self._heading = None


def parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def parsed(built_site) -> dict[Path, _Page]:
    """Every built HTML page, parsed once for the tests that look at all of them."""
    return {path: parse(path) for path in built_site.rglob("*.html")}


def article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index('<article'):html.index("</article>")]


def linked_examples(html: str) -> set[str]:
    return set(re.findall(r'href="(?:\.\./)+praktijkvoorbeelden/([a-z0-9-]+)/"', html))


def test_every_yaml_file_has_a_page(built_site, content):
    for voorbeeld in content.praktijkvoorbeelden:
        assert voorbeeld.titel.split()[0] in (built_site / "praktijkvoorbeelden" / voorbeeld.slug / "index.html").read_text()
    for checklist in content.checklists:
        assert (built_site / "checklists" / checklist.slug / "index.html").exists()
    for richting in content.oplossingsrichtingen:
        assert (built_site / "oplossingsrichtingen" / richting.id / "index.html").exists()
    for vocabulary, (_, pad) in FACETS.items():
        for term_id in content.taxonomieen[vocabulary].ids:
            assert (built_site / pad / term_id / "index.html").exists()
        assert (built_site / pad / "index.html").exists()


@pytest.mark.parametrize("vocabulary", sorted(FACETS))
def test_index_pages_list_exactly_the_matching_examples(built_site, content, vocabulary):
    field, pad = FACETS[vocabulary]
    for term_id in content.taxonomieen[vocabulary].ids:
        expected = {v.slug for v in content.praktijkvoorbeelden if term_id in getattr(v, field)}
        assert linked_examples(article(built_site / pad / term_id / "index.html")) == expected, term_id


def test_oplossingsrichting_pages_list_exactly_their_examples(built_site, content):
    for richting in content.oplossingsrichtingen:
        html = article(built_site / "oplossingsrichtingen" / richting.id / "index.html")
        expected = {v.slug for v in content.praktijkvoorbeelden if richting.id in v.oplossingsrichtingen}
        for heading in ("Wanneer?", "Wat is het?", "Typen interventies", "Onderbouwing", "Praktijkvoorbeelden"):
            assert f">{heading}<" in html
        assert linked_examples(html.split('id="praktijkvoorbeelden"')[1]) == expected, richting.id


def test_praktijkvoorbeeld_pages_share_headings_and_link_their_metadata(built_site, content):
    expected = ["Kenmerken", "Wat is het?", "Werkwijze", "Meer informatie", "Vergelijkbare praktijkvoorbeelden"]
    for voorbeeld in content.praktijkvoorbeelden:
        path = built_site / "praktijkvoorbeelden" / voorbeeld.slug / "index.html"
        page = parse(path)
        assert [text for tag, text in page.headings if tag == "h2" and text in expected + ["Inhoudsopgave"]] \
            == expected, voorbeeld.slug
        html = article(path)
        for field, pad in FACETS.values():
            for term_id in getattr(voorbeeld, field):
                assert f'href="../../{pad}/{term_id}/"' in html
        for term_id in voorbeeld.oplossingsrichtingen:
            assert f'href="../../oplossingsrichtingen/{term_id}/"' in html
        assert f"../../interventiewijzer/?status={voorbeeld.status}" in html


def test_similar_examples_share_the_most_values(built_site, content):
    me = content.voorbeeld(example_slug())
    html = article(built_site / "praktijkvoorbeelden" / me.slug / "index.html")
    similar = html.split('id="vergelijkbare-praktijkvoorbeelden"')[1]
    first = re.search(r'href="\.\./([a-z0-9-]+)/"', similar).group(1)

    def shared(other):
        return sum(len(set(getattr(me, f)) & set(getattr(other, f)))
                   for f in ("oplossingsrichtingen", "locaties", "doelgroepen", "problematiek"))

    best = max(shared(v) for v in content.praktijkvoorbeelden if v.slug != me.slug)
    assert shared(content.voorbeeld(first)) == best


def test_every_page_is_dutch(parsed):
    assert len(parsed) > 100
    assert {page.lang for page in parsed.values()} == {"nl"}


def test_every_internal_link_resolves(built_site, parsed):
    broken = []
    for path, page in parsed.items():
        if path.name == "404.html" and path.parent == built_site:
            continue  # served for any missing path, so MkDocs writes root-relative links there
        base = "file://" + str(path)
        for href in page.links + page.assets:
            if urlparse(href).scheme in ("http", "https", "mailto") or href.startswith("#"):
                continue
            url, fragment = urldefrag(urljoin(base, href))
            target = Path(urlparse(url).path)
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)} -> {href}")
            elif fragment.startswith("/"):
                continue  # a route of a page script (the editor's '#/collections/...'), not an anchor
            elif fragment and target.suffix == ".html" and fragment not in parsed[target].ids:
                broken.append(f"{path.relative_to(built_site)} -> {href} (anker)")
    assert broken == []


def test_no_third_party_assets(built_site, parsed):
    external = sorted({f"{path.relative_to(built_site)}: {asset}"
                       for path, page in parsed.items() for asset in page.assets
                       if urlparse(asset).scheme in ("http", "https") or asset.startswith("//")})
    assert external == []
    for css in built_site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:|fonts\.googleapis", css.read_text()), css


def test_search_index_contains_every_title(built_site, content):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    titles = {doc["title"] for doc in index["docs"]}
    for voorbeeld in content.praktijkvoorbeelden:
        assert voorbeeld.titel in titles
    texts = " ".join(doc["text"] for doc in index["docs"]).lower()
    assert "portiek" in texts and "statushouders" in texts


def test_edit_links_point_at_the_yaml_source(built_site, content):
    voorbeeld = content.praktijkvoorbeelden[0]
    html = (built_site / "praktijkvoorbeelden" / voorbeeld.slug / "index.html").read_text()
    assert f'href="{REPO_URL}/edit/main/{voorbeeld.bestand}"' in html
    checklist = content.checklists[0]
    html = (built_site / "checklists" / checklist.slug / "index.html").read_text()
    assert f'href="{REPO_URL}/edit/main/{checklist.bestand}"' in html


def test_yaml_text_is_never_evaluated_as_jinja_and_gestopt_shows_a_notice(tmp_path):
    project = copy_project(tmp_path / "project")
    file = project / "content" / "interventies" / f"{example_slug()}.yml"
    edit_yaml(file, lambda data: data.update(
        status="gestopt",
        beschrijving="Uitkomst {{ 7*7 }} en {% if true %}ja{% endif %} blijven staan.\n\n" + data["beschrijving"]))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "praktijkvoorbeelden" / example_slug() / "index.html").read_text()
    assert "Uitkomst {{ 7*7 }} en {% if true %}ja{% endif %} blijven staan." in html
    assert "Uitkomst 49" not in html
    assert "Gestopt" in html and "niet meer uitgevoerd" in html


def test_invalid_content_stops_the_build_with_dutch_messages(tmp_path):
    project = copy_project(tmp_path / "project")
    file = project / "content" / "interventies" / f"{example_slug()}.yml"
    edit_yaml(file, lambda data: data["doelgroepen"].insert(0, "jongern"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"content/interventies/{example_slug()}.yml:" in result.stderr
    assert "bedoelde u 'jongeren'?" in result.stderr
    assert "Traceback" not in result.stderr
