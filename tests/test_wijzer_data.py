"""Issue 4: the generated data file: its shape, and YAML text that tries to break out of it."""

from __future__ import annotations

import json

import pytest

from conftest import copy_project, edit_yaml, example_slug, mkdocs_build
from handreiking.tools import filtering
from handreiking.tools.export import GLOBAL_NAME, export, to_json
from handreiking.content.loader import load_content
from wijzer_page import expected_counts, expected_slugs, open_wijzer, option_counts, shown_slugs, wijzer_url

DATA_FILE = "assets/data/handreiking.js"
TOP_LEVEL = {"versie", "vocabulaires", "praktijkvoorbeelden", "oplossingsrichtingen", "checklists", "casussen",
             "velden", "interventiewijzer", "buurtanalyse", "doorverwijzingen", "tekst"}
# Besides every field of the schema but long Markdown text (only its own page shows that); zoekwoorden: the words
# of the beschrijving the site search reads.
ADDED_FIELDS = {"slug", "url", "erkenningsniveau", "zoekwoorden"}
TERM_FIELDS = {"id", "label", "beschrijving", "order", "code", "buiten_focus", "url", "subcategorieen"}
# Text that would end a <script> element, open an HTML comment or end a JavaScript line.
HOSTILE = "Financiële </script><script>window.GEHACKT = 1</script><!-- opmerking --> regel\u2028met\u2029scheidingen & meer"
HOSTILE_METHODIEK = "</SCRIPT> en <!-- in een methodiek"
HOSTILE_SLUG = example_slug()  # the example that gets the hostile text and status gestopt


def read_data(site) -> dict:
    text = (site / DATA_FILE).read_text(encoding="utf-8")
    prefix = f"window.{GLOBAL_NAME} = "
    start = text.index(prefix) + len(prefix)
    return json.loads(text[start:].rstrip().removesuffix(";"))


def as_json(value):
    return json.loads(to_json(value))


def test_data_file_is_the_export_of_the_content(built_site, content):
    data = read_data(built_site)
    assert data == as_json(export(content))
    assert set(data) == TOP_LEVEL
    assert [v["slug"] for v in data["praktijkvoorbeelden"]] == [v.slug for v in content.praktijkvoorbeelden]
    schema = content.praktijkvoorbeeld_schema
    fields = {name for name, field in schema["properties"].items() if field.get("contentMediaType") != "text/markdown"}
    assert "beschrijving" not in fields and {"titel", "locaties", "gecontroleerd_op", "links", "aanpak",
                                              "voor_buurten_met"} <= fields
    assert all(set(v) == ADDED_FIELDS | fields for v in data["praktijkvoorbeelden"])
    for naam, taxonomie in content.taxonomieen.items():
        termen = data["vocabulaires"][naam]["termen"]
        assert [(t["id"], t["label"], t["order"]) for t in termen] == \
            [(term.id, term.label, i) for i, term in enumerate(taxonomie.termen)]
        assert all(set(t) == TERM_FIELDS for t in termen)
    assert [f["naam"] for f in data["interventiewijzer"]["facetten"]] == [f.naam for f in filtering.FACETS]
    # Every vocabulary a praktijkvoorbeeld carries names its field, also those the wijzer does not filter on.
    assert set(data["velden"]) >= {f.naam for f in (*filtering.FACETS, filtering.OPTIONAL_FACET)}
    assert all(set(data["velden"].values()) <= set(v) for v in data["praktijkvoorbeelden"])
    richting = next(r for r in data["oplossingsrichtingen"] if r["id"] == content.oplossingsrichtingen[1].id)
    assert richting["wanneer"]["problematiek"] == list(content.oplossingsrichtingen[1].wanneer.problematiek)
    koppelingen = [item["koppeling"] for c in data["checklists"] for s in c["secties"] for item in s["items"]]
    assert {"vocabulaire": "locatie", "id": "publieke-ruimte"} in koppelingen


def test_every_url_in_the_data_exists_in_the_site(built_site):
    data = read_data(built_site)
    urls = [v["url"] for v in data["praktijkvoorbeelden"]] + [r["url"] for r in data["oplossingsrichtingen"]]
    urls += [c["url"] for c in data["checklists"]]
    urls += [t["url"] for voc in data["vocabulaires"].values() for t in voc["termen"] if t["url"]]
    missing = [url for url in urls if not (built_site / url / "index.html").exists()]
    assert urls and missing == []


def test_browser_reads_the_same_data(page, site_url, content):
    open_wijzer(page, wijzer_url(site_url, {}))
    assert page.evaluate(f"window.{GLOBAL_NAME}") == as_json(export(content))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A project whose YAML holds script-breaking text, 'financiële' and a gestopt praktijkvoorbeeld."""
    root = tmp_path_factory.mktemp("vijandig")
    project = copy_project(root / "project")
    edit_yaml(project / "content" / "interventies" / f"{HOSTILE_SLUG}.yml", lambda data: data.update(
        status="gestopt", samenvatting=HOSTILE, gemeente="Zoetermeer & <Omgeving>",
        methodieken=[*data["methodieken"], HOSTILE_METHODIEK]))
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    content = load_content(project)
    assert content.voorbeeld(HOSTILE_SLUG).samenvatting == HOSTILE
    return root / "site", content


def test_yaml_text_cannot_break_out_of_the_data_file(hostile):
    site, content = hostile
    text = (site / DATA_FILE).read_text(encoding="utf-8")
    body = text.split("\n", 1)[1]  # after the comment line
    for unsafe in ("<", ">", "&", "\u2028", "\u2029"):
        assert unsafe not in body, repr(unsafe)
    data = read_data(site)
    assert data == as_json(export(content))
    assert data["praktijkvoorbeelden"][[v.slug for v in content.praktijkvoorbeelden]
                                       .index(HOSTILE_SLUG)]["samenvatting"] == HOSTILE


def test_hostile_text_shows_literally_and_runs_nothing(page, hostile):
    site, content = hostile
    html = (site / "interventiewijzer" / "index.html").read_text(encoding="utf-8")
    assert "<script>window.GEHACKT" not in html and "&lt;/script&gt;&lt;script&gt;window.GEHACKT" in html
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_wijzer(page, wijzer_url(site.as_uri(), {"status": ["gestopt"]}))
    assert page.evaluate("window.GEHACKT") is None
    assert shown_slugs(page) == expected_slugs(content, {"status": ["gestopt"]})
    card = page.locator(f'[data-slug="{HOSTILE_SLUG}"]')
    assert "</script><script>window.GEHACKT = 1</script><!-- opmerking -->" in card.text_content()
    assert "Zoetermeer & <Omgeving>" in card.text_content()
    assert [error for error in errors if "search_index" not in error] == []


def test_gestopt_shows_only_when_chosen(page, hostile):
    site, content = hostile
    open_wijzer(page, wijzer_url(site.as_uri(), {}))
    assert HOSTILE_SLUG not in shown_slugs(page)
    assert shown_slugs(page) == expected_slugs(content, {})
    assert option_counts(page) == expected_counts(content, {})
    stopped = [v.slug for v in content.praktijkvoorbeelden if v.status == "gestopt"]
    assert option_counts(page)["status"]["gestopt"] == len(stopped)
    page.check("#wijzer-status-gestopt")
    assert HOSTILE_SLUG in shown_slugs(page)
    assert sorted(shown_slugs(page)) == sorted(stopped)
    page.check("#wijzer-status-onbekend")
    assert shown_slugs(page) == expected_slugs(content, {"status": ["onbekend", "gestopt"]})
    assert HOSTILE_SLUG in shown_slugs(page)


@pytest.mark.parametrize("query", ["financiele", "FINANCIËLE", "Financiële"])
def test_financiele_finds_financiele_with_accent(page, hostile, query):
    site, content = hostile
    chosen = {"status": ["gestopt", "onbekend"]}
    open_wijzer(page, wijzer_url(site.as_uri(), chosen, query))
    assert HOSTILE_SLUG in shown_slugs(page)
    assert shown_slugs(page) == expected_slugs(content, chosen, query)
