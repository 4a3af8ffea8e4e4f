"""Stable anchors and "Cite this page": every offence and requirement on a jurisdiction page has an anchor
made of its domain and id, which the standards pages link to; jurisdiction, domain and standard pages end
with a citation naming the page and the date of its data."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_support import built_project

from lawgap.load.layout import DOMAINS
from lawgap.render.site.anchors import offence_anchor, requirement_anchor

AS_OF = "2026-01-01"


class Anchors(HTMLParser):
    """Each element id of a page with the text inside that element, and every link's target."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self.duplicates: list[str] = []
        self.links: list[str] = []
        self.open: list[tuple[str, str | None]] = []  # (tag, id) of the elements we are inside

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            return
        anchor = attributes.get("id")
        if anchor is not None:
            if anchor in self.texts:
                self.duplicates.append(anchor)
            self.texts[anchor] = ""
        self.open.append((tag, anchor))

    def handle_endtag(self, tag) -> None:
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data) -> None:
        for _, anchor in self.open:
            if anchor is not None:
                self.texts[anchor] += data


def parse(page: Path) -> Anchors:
    parser = Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_project(tmp_path_factory, AS_OF) / "public"


def test_every_offence_and_requirement_has_its_anchor(site: Path) -> None:
    results = json.loads((site / "data/results.json").read_text(encoding="utf-8"))
    pages: dict[str, Anchors] = {}
    offences = requirements = 0
    for entry in results:
        page = pages.setdefault(entry["jurisdiction"], parse(site / f"jurisdictions/{entry['jurisdiction'].lower()}.html"))
        for offence in entry["offences"]:  # also those with no penalty recorded
            anchor = offence_anchor(entry["domain"], offence["id"])
            assert anchor == f"{entry['domain']}-offence-{offence['id']}"  # the documented form others link to
            assert offence["title"] in page.texts.get(anchor, ""), (entry["jurisdiction"], anchor)
            offences += 1
        for requirement in entry["requirements"]:
            anchor = requirement_anchor(entry["domain"], requirement["id"])
            assert anchor == f"{entry['domain']}-requirement-{requirement['id']}"
            assert requirement["id"] in page.texts.get(anchor, ""), (entry["jurisdiction"], anchor)
            requirements += 1
    assert offences > 100 and requirements > 1000  # the bundled data, not an empty loop
    assert {code: page.duplicates for code, page in pages.items() if page.duplicates} == {}


def test_standards_pages_link_to_the_requirement_rows(site: Path) -> None:
    targets: dict[str, Anchors] = {}
    checked = 0
    for standard in sorted((site / "baselines").glob("*.html")):
        for href in parse(standard).links:
            if not href.startswith("../jurisdictions/") or "#" not in href:
                continue
            file, anchor = href.removeprefix("../jurisdictions/").split("#")
            target = targets.setdefault(file, parse(site / "jurisdictions" / file))
            assert anchor in target.texts, (standard.name, href)
            assert anchor.split("-requirement-")[0] in DOMAINS
            checked += 1
    assert checked > 500


@pytest.mark.parametrize("page, title", [("jurisdictions/ke.html", "Kenya"), ("domains/wildlife.html", "Wildlife trafficking"),
                                         ("baselines/cites.html", "CITES")])
def test_cite_this_page(site: Path, page: str, title: str) -> None:
    parsed = parse(site / page)
    assert "cite-this-page" in parsed.texts  # the heading, listed in the page's table of contents
    html_text = (site / page).read_text(encoding="utf-8")
    block = html_text[html_text.index("data-lawgap-cite"):]
    block = block[:block.index("</div>")]
    shown = _text(block)
    assert f"“{title}”" in shown and f"data as of {AS_OF}" in shown
    assert f'href="{page.rsplit("/", 1)[1]}" data-lawgap-permalink>{page}</a>' in block  # the page itself; lawgap.js shows the full address
    assert "data-lawgap-accessed" in block


def test_no_citation_on_pages_that_are_not_cited(site: Path) -> None:
    for page in ("index.html", "compare.html", "methodology.html"):
        assert "data-lawgap-cite" not in (site / page).read_text(encoding="utf-8"), page


def _text(fragment: str) -> str:
    parser = Anchors()
    parts: list[str] = []
    parser.handle_data = parts.append  # every piece of text, inside an id or not
    parser.feed(fragment)
    parser.close()
    return "".join(parts)
