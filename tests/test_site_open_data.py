"""The site's open data: the downloads page carries the schema.org Dataset JSON-LD, the licences and how to
cite; its data/ folder is a valid data package; every page's footer names the licences, the data version
and the date assessed."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_support import built_project

from lawgap.render.site.downloads_page import SITE_DOWNLOADS
from test_open_data import frictionless_errors

AS_OF = "2026-11-30"


class JsonLd(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.inside = False

    def handle_starttag(self, tag, attrs) -> None:
        self.inside = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_endtag(self, tag) -> None:
        self.inside = False

    def handle_data(self, data) -> None:
        if self.inside:
            self.blocks.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_project(tmp_path_factory, AS_OF) / "public"


def test_the_downloads_page_describes_the_dataset_for_search_engines(site: Path) -> None:
    parser = JsonLd()
    parser.feed((site / "downloads.html").read_text(encoding="utf-8"))
    [block] = parser.blocks
    dataset = json.loads(block)
    assert (dataset["@context"], dataset["@type"]) == ("https://schema.org", "Dataset")
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["name"] and dataset["description"] and re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", dataset["version"])
    urls = {d["contentUrl"]: d["encodingFormat"] for d in dataset["distribution"]}
    for download in SITE_DOWNLOADS:
        assert urls[f"data/{download.path}"] == download.mediatype
    for url in urls:  # every download it names is published
        assert (site / url).is_file(), url


def test_the_downloads_page_says_how_to_cite_and_the_licences(site: Path) -> None:
    page = (site / "downloads.html").read_text(encoding="utf-8")
    assert 'id="how-to-cite"' in page and 'id="licences"' in page
    assert "Cite the original legal sources" in page and "data version" in page
    assert "LICENSES/CC-BY-4.0.txt" in page and "MIT License" in page
    assert frictionless_errors(site / "data/datapackage.json") == []  # the site's data folder is a valid package too


def test_every_page_footer_names_the_licences_version_and_date(site: Path) -> None:
    version = json.loads((site / "data/datapackage.json").read_text())["version"]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        text = page.read_text(encoding="utf-8")
        footer = text[text.index("lawgap-footer"):]
        assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in footer, page
        assert ">MIT</a>" in footer and f"data version {version}" in footer and f"results as of {AS_OF}" in footer, page
        assert "downloads.html#how-to-cite" in footer, page




def test_cite_this_page_names_the_data_version(site: Path) -> None:
    version = json.loads((site / "data/datapackage.json").read_text())["version"]
    for page in ("jurisdictions/ke.html", "domains/wildlife.html"):
        text = (site / page).read_text(encoding="utf-8")
        block = text[text.index("data-lawgap-cite"):]
        assert f"data version {version}" in html.unescape(block[:block.index("</div>")]), page


def test_the_downloads_page_points_to_the_change_log_and_its_feeds(site: Path) -> None:
    page = (site / "downloads.html").read_text(encoding="utf-8")
    assert 'href="changelog.html"' in page and 'href="feed.xml"' in page
    assert (site / "feed.xml").is_file() and (site / "changelog.html").is_file()
