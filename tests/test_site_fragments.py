"""Big generated tables reach the page after MkDocs (render/site/fragments.py): whole in the finished page,
out of the search index, and their anchors and links still checked."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from site_support import built_project

from lawgap.render.site.build import SiteBuildError, _mkdocs
from lawgap.render.site.fragments import FragmentsPlugin, FragmentStore, deferred, inline, split

AS_OF = "2026-01-01"
TABLE = '<table id="big-table"><tr><td>deferred-cell-text <a href="{href}">a link</a></td></tr></table>'


def test_split_leaves_a_placeholder_per_block_and_inline_keeps_them_in_place() -> None:
    page = f"# Title\n\nbefore\n\n{deferred('<p>one</p>')}\n\nbetween\n\n{deferred('<p>two</p>')}\n\nafter\n"
    shown, blocks = split(page)
    assert blocks == ["<p>one</p>", "<p>two</p>"]
    assert shown == "# Title\n\nbefore\n\n<!--lawgap-fragment 0-->\n\nbetween\n\n<!--lawgap-fragment 1-->\n\nafter\n"
    assert inline(page) == "# Title\n\nbefore\n\n<p>one</p>\n\nbetween\n\n<p>two</p>\n\nafter\n"


def _tiny_site(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A strict MkDocs build (Material, its search) of `pages` with lawgap's fragments plugin, as build_site runs it."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nstrict: true\nuse_directory_urls: false\ntheme:\n  name: material\n"
                                         "plugins:\n  - search\nvalidation:\n  links:\n    anchors: warn\n")
    store = FragmentStore(tmp_path / "fragments")
    for name, markdown in pages.items():
        (tmp_path / "docs" / name).write_text(store.defer(name, markdown))
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins["lawgap-fragments"] = FragmentsPlugin(store)
    _mkdocs(config)
    return tmp_path / "site"


def test_a_deferred_table_is_in_the_page_but_not_in_the_search_index(tmp_path: Path) -> None:
    table = TABLE.format(href="#big-table")
    site = _tiny_site(tmp_path, {"index.md": f"# Home\n\nsearchable-prose-text\n\n{deferred(table)}\n"})
    page = (site / "index.html").read_text()
    assert table in page and "lawgap-fragment" not in page
    index = (site / "search" / "search_index.json").read_text()
    assert "searchable-prose-text" in index and "deferred-cell-text" not in index


def test_a_markdown_link_to_an_anchor_inside_a_deferred_table_is_valid(tmp_path: Path) -> None:
    site = _tiny_site(tmp_path, {"index.md": f"# Home\n\n{deferred(TABLE.format(href='other.html'))}\n",
                                 "other.md": "# Other\n\nSee [the table](index.md#big-table).\n"})
    assert 'href="index.html#big-table"' in (site / "other.html").read_text()


def test_a_link_inside_a_deferred_table_is_read_as_the_browser_reads_it(tmp_path: Path) -> None:
    """An escaped character (&amp;) or a query does not make a good link look broken."""
    href = "other.html?a=1&amp;b=2#x&amp;y"  # the anchor x&y, as an HTML attribute writes it
    site = _tiny_site(tmp_path, {"index.md": f"# Home\n\n{deferred(TABLE.format(href=href))}\n",
                                 "other.md": '# Other\n\n<p id="x&amp;y">target</p>\n'})
    assert f'href="{href}"' in (site / "index.html").read_text()


@pytest.mark.parametrize(("href", "problem"), [
    ("missing.html", "contains a link 'missing.html', but the target 'missing.html' is not a file of the site"),
    ("other.html#no-such-row", "contains a link 'other.html#no-such-row', but 'other.md' has no anchor '#no-such-row'"),
    ("#no-such-row", "contains a link '#no-such-row', but 'index.md' has no anchor '#no-such-row'"),
])
def test_a_broken_link_inside_a_deferred_table_fails_the_build(tmp_path: Path, href: str, problem: str) -> None:
    with pytest.raises(SiteBuildError) as failed:
        _tiny_site(tmp_path, {"index.md": f"# Home\n\n{deferred(TABLE.format(href=href))}\n", "other.md": "# Other\n"})
    assert f"Doc file 'index.md' {problem} (in a generated table or list)" in str(failed.value)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return built_project(tmp_path_factory, AS_OF) / "public"


def test_the_built_pages_carry_their_tables_and_lists(site: Path) -> None:
    kenya = html.unescape((site / "jurisdictions/ke.html").read_text())
    assert 'aria-label="Requirements, wildlife trafficking"' in kenya and 'aria-label="Penalties and amendments, wildlife trafficking"' in kenya
    assert "Wildlife Conservation and Management Act, 2013, s. 92" in kenya  # a penalty table's source
    assert "<h3 id=\"to-confirm\">" in kenya and "not known</li>" in kenya  # a "To confirm" list, as HTML
    assert 'class="lawgap-ranking"' in (site / "domains/wildlife.html").read_text()
    assert 'class="lawgap-who"' in (site / "baselines/cites.html").read_text()
    for page in site.rglob("*.html"):
        assert "lawgap-fragment" not in page.read_text(), page


def test_the_search_index_leaves_out_the_tables_and_lists(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text())
    kenya = [doc for doc in index["docs"] if doc["location"].startswith("jurisdictions/ke.html")]
    assert any("Core offence" in doc["text"] for doc in kenya)  # the page's prose is searchable
    text = " ".join(doc["text"] for doc in index["docs"])
    assert not re.search(r"facts? not known", text)  # the "To confirm" lists ("2 facts not known")
    assert "Verification" not in " ".join(doc["text"] for doc in kenya)  # a penalty table's heading


def test_only_the_compare_page_loads_the_extradition_script(site: Path) -> None:
    """Every first visit used to download site/assets/extradition.js (24 KB) that only the compare page runs."""
    compare = (site / "compare.html").read_text()
    assert compare.index('src="assets/extradition.js"') < compare.index('src="assets/lawgap.js"')  # lawgap.js calls it
    for page in ("index.html", "jurisdictions/ke.html", "domains/wildlife.html", "methodology.html"):
        assert "extradition.js" not in (site / page).read_text(), page
