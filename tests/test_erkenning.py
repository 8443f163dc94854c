"""Issue 17: the optional evidence fields (erkenning, randvoorwaarden, contra_indicaties).

Fixture projects fill them in for a few examples: the page shows them, an expired
erkenning warns in `make check` and on the page, and the interventiewijzer gets a
filter on the erkenningsniveau once some example has one.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import copy_project, edit_yaml, example_slug, mkdocs_build, serve
from editor_project import editor_project, run_make
from handreiking.tools.export import GLOBAL_NAME
from handreiking.tools.filtering import select
from handreiking.content.loader import load_content
from handreiking.site.pages import format_date
from wijzer_page import open_wijzer, shown_slugs, wijzer_url

MONTHS = 12
EXPIRED, RECENT = date(2020, 1, 15), date.today()
EVIDENCE = ("erkenning", "randvoorwaarden", "contra_indicaties")
# Examples to fill in, taken from the content so that editors may rename any of them.
FIRST, SECOND, THIRD, FOURTH = (example_slug(i) for i in range(4))


def months_before_today(months: int) -> date:
    year, month = divmod(date.today().year * 12 + date.today().month - 1 - months, 12)
    return date(year, month + 1, 1)


def set_fields(project: Path, slug: str, **fields) -> Path:
    """Give one example exactly these evidence fields (any it had are removed first)."""
    file = project / "content" / "interventies" / f"{slug}.yml"

    def change(data: dict) -> None:
        for name in EVIDENCE:
            data.pop(name, None)
        data.update(fields)

    edit_yaml(file, change)
    return file


def erkenning(niveau: str, datum: date, link: bool = True) -> dict:
    value = {"databank": "Testdatabank", "niveau": niveau, "datum": datum.isoformat()}
    return {**value, "link": "https://example.org/testdatabank"} if link else value


def set_months(project: Path, months: int) -> None:
    file = project / "content" / "instellingen.yml"
    text = re.sub(r"^erkenning_verloopt_na_maanden:.*$", f"erkenning_verloopt_na_maanden: {months}",
                  file.read_text(encoding="utf-8"), flags=re.MULTILINE)
    file.write_text(text, encoding="utf-8")


def line_of(file: Path, prefix: str) -> int:
    return next(i for i, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(prefix))


def test_check_warns_for_an_expired_erkenning_and_refuses_a_bad_one(tmp_path):
    project = editor_project(tmp_path / "project")
    set_months(project, MONTHS)
    old, recent = months_before_today(MONTHS + 1), months_before_today(MONTHS - 1)
    expired = set_fields(project, FIRST, erkenning=erkenning("goed-onderbouwd", old))
    set_fields(project, SECOND, erkenning=erkenning("effectief", recent, link=False))
    result = run_make(project, "check")
    assert result.returncode == 0, result.stderr  # a warning, not an error
    assert (f"content/interventies/{FIRST}.yml:{line_of(expired, '  datum:')}: erkenning.datum: waarschuwing: "
            f"erkenning beoordeeld op {old.isoformat()} (meer dan {MONTHS} maanden geleden); controleer bij de "
            "databank of de erkenning nog geldt") in result.stdout.splitlines()
    assert not [line for line in result.stdout.splitlines() if "erkenning" in line and f"/{SECOND}.yml" in line]

    bad = set_fields(project, THIRD, erkenning=erkenning("erkend", date(2999, 1, 1)))
    empty = set_fields(project, FOURTH, randvoorwaarden=[])
    result = run_make(project, "check")
    assert result.returncode != 0
    errors = result.stderr.splitlines()
    path = f"content/interventies/{THIRD}.yml"
    assert any(line.startswith(f"{path}:{line_of(bad, '  niveau:')}: erkenning.niveau: onbekende erkenningsniveau "
                               "'erkend'") for line in errors), errors
    assert f"{path}:{line_of(bad, '  datum:')}: erkenning.datum: datum 2999-01-01 ligt in de toekomst" in errors
    assert (f"content/interventies/{FOURTH}.yml:{line_of(empty, 'randvoorwaarden:')}: randvoorwaarden: "
            "lijst heeft minstens 1 waarde(n) nodig") in errors


def read_data(site: Path) -> dict:
    text = (site / "assets" / "data" / "handreiking.js").read_text(encoding="utf-8")
    return json.loads(text.split(f"window.{GLOBAL_NAME} = ", 1)[1].rstrip().removesuffix(";"))


def article(site: Path, slug: str):
    return BeautifulSoup((site / "praktijkvoorbeelden" / slug / "index.html").read_text(encoding="utf-8"),
                         "html.parser").select_one("article")


def headings(page) -> list[str]:
    return [h.get_text(strip=True).removesuffix("¶") for h in page.find_all("h2")]


def test_page_shows_the_fields_and_the_wijzer_filters_on_them(tmp_path, content, page):
    project = copy_project(tmp_path / "project")
    set_months(project, MONTHS)
    set_fields(project, FIRST, erkenning=erkenning("goed-onderbouwd", EXPIRED),
               randvoorwaarden=["Een vaste begeleider", "Een ruimte in de buurt"],
               contra_indicaties=["Een <b>acuut</b> conflict"])
    set_fields(project, SECOND, erkenning=erkenning("effectief", RECENT, link=False))
    set_fields(project, THIRD)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr

    first = article(site, FIRST)
    assert {"Erkenning", "Randvoorwaarden", "Contra-indicaties"} <= set(headings(first))
    notes = {note.select_one(".admonition-title").get_text(): note.get_text() for note in first.select(".admonition")}
    assert format_date(EXPIRED) in notes["Erkenning mogelijk verlopen"]
    section = first.find("h2", id="erkenning").find_next("dl")
    values = {dt.get_text(strip=True): dt.find_next("dd") for dt in section.find_all("dt")}
    assert values["Databank"].a["href"] == "https://example.org/testdatabank"
    assert values["Niveau"].get_text(strip=True) == content.taxonomieen["erkenningsniveau"].term("goed-onderbouwd").label
    assert values["Beoordeeld op"].get_text(strip=True) == format_date(EXPIRED)
    lists = {name: [li.get_text() for li in first.find("h2", id=name).find_next("ul").find_all("li")]
             for name in ("randvoorwaarden", "contra-indicaties")}
    assert lists == {"randvoorwaarden": ["Een vaste begeleider", "Een ruimte in de buurt"],
                     "contra-indicaties": ["Een <b>acuut</b> conflict"]}

    recent = article(site, SECOND)
    assert "Erkenning" in headings(recent) and "Randvoorwaarden" not in headings(recent)
    assert "Erkenning mogelijk verlopen" not in recent.get_text()
    assert not {"Erkenning", "Randvoorwaarden", "Contra-indicaties"} & set(headings(article(site, THIRD)))

    data = read_data(site)
    assert "erkenningsniveau" in [facet["naam"] for facet in data["interventiewijzer"]["facetten"]]
    chosen = {"erkenningsniveau": ["goed-onderbouwd"]}
    expected = [v.slug for v in select(load_content(project).praktijkvoorbeelden, chosen)]
    assert FIRST in expected and SECOND not in expected
    with serve(site) as url:
        open_wijzer(page, wijzer_url(url, chosen))
        assert page.locator('fieldset[data-facet="erkenningsniveau"] legend').inner_text() == \
            content.taxonomieen["erkenningsniveau"].label
        assert shown_slugs(page) == expected


def test_the_filter_appears_only_once_an_example_has_an_erkenning(built_site, content):
    facets = [facet["naam"] for facet in read_data(built_site)["interventiewijzer"]["facetten"]]
    assert ("erkenningsniveau" in facets) == any(v.erkenning for v in content.praktijkvoorbeelden)
