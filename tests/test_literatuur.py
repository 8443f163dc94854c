"""Issues 17 and 23: the literature the handreiking cites (content/literatuur.yml), and the parts of the
source added to the site.

Rules, not today's list: every reference on the literature page is cited from another page, every
link to it lands on a reference, what the editors put in the vocabularies shows where it belongs, and
an address an editor gives a publication is linked from every italic mention of its title.
"""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs_build, normalized
from handreiking.site.text import rich_text


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def literature_links(built_site) -> dict[str, set[str]]:
    """Reference id -> the pages (other than the literature page) that link to it."""
    cited: dict[str, set[str]] = {}
    for path in built_site.rglob("index.html"):
        page = path.relative_to(built_site).parent.as_posix()
        if page == "literatuur":
            continue
        base = f"http://site/{page}/"
        for link in soup(path).select("article a[href]"):
            target = urlsplit(urljoin(base, link["href"]))
            if target.path == "/literatuur/" and target.fragment:
                cited.setdefault(target.fragment, set()).add(page)
    return cited


def test_every_reference_is_cited_and_every_citation_lands_on_a_reference(built_site):
    references = {p["id"] for p in soup(built_site / "literatuur" / "index.html").select("article p[id]")}
    cited = literature_links(built_site)
    assert references, "de pagina Literatuur noemt geen publicaties"
    assert sorted(set(cited) - references) == [], "links naar een publicatie die niet op de pagina staat"
    assert sorted(references - set(cited)) == [], "publicaties waar geen pagina naar verwijst"


def test_every_oplossingsrichting_page_points_to_the_literature(built_site, content):
    for richting in content.oplossingsrichtingen:
        page = soup(built_site / "oplossingsrichtingen" / richting.id / "index.html")
        assert page.select_one("article a[href='../../literatuur/']"), richting.id


def test_stap_4_groups_open_with_the_introduction_of_their_bron(built_site, content):
    page = soup(built_site / "stap-4" / "praktijkvoorbeelden" / "index.html")
    shown = 0
    for term in content.taxonomieen["bron"].termen:
        heading = page.find(id=term.id)
        if heading is None or not term.inleiding:
            continue
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section.append(sibling.get_text(" "))
        expected = normalized(BeautifulSoup(str(rich_text(term.inleiding)), "html.parser").get_text(" "))
        assert expected in normalized(" ".join(section)), term.id
        shown += 1
    assert shown, "geen enkele groep in stap 4.2 heeft een inleiding"


def test_an_unknown_publication_is_an_error_naming_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    richting = next(path for path in sorted((project / "content" / "oplossingsrichtingen").glob("*.yml"))
                    if "\nliteratuur:\n" in path.read_text(encoding="utf-8"))
    lines = richting.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("anker:"))
    anker = lines[index].split(":", 1)[1].strip()
    lines[index] = lines[index].replace(anker, anker + "x")
    richting.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "handreiking", "check", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode != 0
    display = richting.relative_to(project).as_posix()
    assert (f"{display}:{index + 1}: literatuur[0].anker: publicatie '{anker}x' staat niet op de pagina "
            f"Literatuur (bedoelde u '{anker}'?)") in result.stderr


# --- addresses: editors may add one, and every italic mention of the title then links to it --------


def publications(project) -> list[dict]:
    data = yaml.safe_load((project / "content" / "literatuur.yml").read_text(encoding="utf-8"))
    return [publication for group in data["groepen"] for publication in group["publicaties"]]


def mentions(path, titles: set[str]):
    """(em, title) for every italic mention of one of ``titles`` in the page's article."""
    article = soup(path).select_one("article")
    for em in article.select("em") if article else ():
        title = normalized(em.get_text()).casefold()
        if title in titles:
            yield em, title


def test_without_an_address_no_mention_links_outside_the_site(built_site, content):
    titles = {normalized(p.titel).casefold() for g in content.literatuur for p in g.publicaties if p.titel}
    assert titles, "geen publicatie met een titel in content/literatuur.yml"
    for path in built_site.rglob("index.html"):
        for em, _ in mentions(path, titles):
            link = em.find_parent("a")
            assert link is None or not link["href"].startswith("http"), path


def test_an_address_links_every_italic_mention_of_the_title(tmp_path):
    """A fixture gives every publication with a title an (invented, example) address."""
    project = copy_project(tmp_path / "project")
    file = project / "content" / "literatuur.yml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    addresses = {}
    for group in data["groepen"]:
        for publication in group["publicaties"]:
            if "titel" in publication:
                publication["adres"] = f"https://literatuur.example/{publication['anker']}?a=1&b=2"
                addresses[normalized(publication["titel"]).casefold()] = (publication["adres"], publication["anker"])
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr

    linked_elsewhere = 0
    for path in site.rglob("index.html"):
        for em, title in mentions(path, set(addresses)):
            address, anker = addresses[title]
            link = em.find_parent("a")
            assert link is not None, (path, title)
            # A mention that already linked to the publication's entry keeps that link; all others link out.
            target = urlsplit(urljoin("http://site/x/", link["href"]))
            assert link["href"] == address or (target.path.endswith("/literatuur/") and target.fragment == anker), \
                (path, title, link["href"])
            linked_elsewhere += link["href"] == address and path.parent.name != "literatuur"
    assert linked_elsewhere, "geen enkele pagina noemt een titel cursief"
    entries = soup(site / "literatuur" / "index.html")
    for address, anker in addresses.values():
        assert entries.select_one(f"p#{anker} a[href='{address}']"), anker


def test_link_mentions_leaves_links_scripts_and_longer_texts_alone():
    from handreiking.site.literature_links import link_mentions

    page = ("<p>Zie <em>Omgaan met\n maatschappelijke Spanningen</em> en <em>Kunst &amp; kitsch</em>.</p>"
            "<p><a href='../literatuur/#x'><em>Omgaan met maatschappelijke spanningen</em></a>"
            "<em>Omgaan met maatschappelijke spanningen in 2020</em></p>"
            "<script>let t = '<em>Omgaan met maatschappelijke spanningen</em>';</script>")
    result = link_mentions(page, {"Omgaan met maatschappelijke spanningen": "https://a.example/?x=1&y=2",
                                  "Kunst & kitsch": "https://b.example/"})
    assert result.count('href="https://a.example/?x=1&amp;y=2"') == 1
    assert result.count('href="https://b.example/"><em>Kunst &amp; kitsch</em></a>') == 1
    assert "<a href='../literatuur/#x'><em>Omgaan" in result
    assert "<em>Omgaan met maatschappelijke spanningen in 2020</em></p>" in result
    assert "let t = '<em>Omgaan met maatschappelijke spanningen</em>';" in result
    assert link_mentions(page, {}) == page


def test_a_bad_address_or_page_is_an_error_naming_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    file = project / "content" / "literatuur.yml"
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("omschrijving:"))
    indent = lines[index][:len(lines[index]) - len(lines[index].lstrip())]
    lines.insert(index, f"{indent}adres: www.kis.nl\n")
    page = next(i for i, line in enumerate(lines) if line.strip().startswith("pagina:"))
    target = lines[page].split(":", 1)[1].strip().partition("#")[0]
    lines[page] = lines[page].replace(target, target.replace(".md", "x.md"))
    file.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "handreiking", "check", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert (f"content/literatuur.yml:{index + 1}: groepen[0].publicaties[0].adres: waarde 'www.kis.nl' "
            "heeft niet de juiste vorm") in result.stderr
    # A broken file is checked no further: fix the address, then the page is named.
    file.write_text("".join(lines[:index] + lines[index + 1:]), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "handreiking", "check", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert (f"content/literatuur.yml:{page}: groepen[0].publicaties[0].aangehaald_bij[0].pagina: pagina "
            f"'{target.replace('.md', 'x.md')}' bestaat niet (bedoelde u '{target}'?)") in result.stderr
