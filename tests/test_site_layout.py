"""What the site's layout promises, read from the built pages and the maps: the sections in a bar on
every page, tables in named scroll boxes, a print-only line with the address and the data's date, and
maps that are light, named, titled per jurisdiction, coloured only where a score is published, and
that mark the jurisdictions too small to see. (tests/test_browser.py looks at the same in Chromium.)"""

from __future__ import annotations

import datetime
import math
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from site_support import PROJECT, copy_project

from lawgap.cli import main
from lawgap.engine.report import report_all
from lawgap.model.build import load_knowledge_base
from lawgap.render.results_json import published_results
from lawgap.render.site import formatting as fmt
from lawgap.render.site.charts import prison_chart
from lawgap.render.site.maps import BINS, MARKER_RADIUS, world_map
from lawgap.render.site.world_outline import simplify, world

AS_OF = "2026-01-01"
SVG = "{http://www.w3.org/2000/svg}"
MAP_LIMIT = 200_000  # bytes, per map file
SECTIONS = {"Jurisdictions": "jurisdictions/index.html", "Domains": "domains/wildlife.html", "Compare": "compare.html",
            "Standards": "baselines/index.html", "Methodology": "methodology.html", "Codebook": "codebook/index.html",
            "Downloads": "downloads.html"}


@pytest.fixture(scope="module")
def results() -> list[dict]:
    kb = load_knowledge_base(PROJECT)
    return published_results(kb, report_all(kb, datetime.date.fromisoformat(AS_OF)))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        result = CliRunner().invoke(main, ["build", "--out", "public", "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    return project / "public"


def _links(svg: ElementTree.Element) -> dict[str, ElementTree.Element]:
    """The map's jurisdiction links by code (from the href's file name)."""
    return {re.search(r"jurisdictions/([a-z-]+)\.html$", a.get("href")).group(1).upper(): a for a in svg.iter(f"{SVG}a")}


# -- maps ------------------------------------------------------------------------------------------------


def test_every_map_file_is_light_named_and_titled_per_jurisdiction(site: Path) -> None:
    maps = sorted((site / "assets/maps").glob("*.svg"))
    assert len(maps) == 6  # score and known-met, per domain
    jurisdictions = {p.stem.upper() for p in (site / "jurisdictions").glob("*.html") if p.stem != "index"}
    for path in maps:
        assert path.stat().st_size < MAP_LIMIT, f"{path.name}: {path.stat().st_size} bytes"
        svg = ElementTree.fromstring(path.read_bytes())  # well-formed XML: a standalone file others can embed
        title = svg.find(f"{SVG}title")
        assert svg.get("aria-labelledby") == title.get("id") and "by jurisdiction" in title.text, path.name
        links = _links(svg)
        assert set(links) == jurisdictions, path.name
        for code, link in links.items():
            tooltip = link.find(f"{SVG}title").text
            assert link.get("aria-label") == tooltip, (path.name, code)
            assert "coverage" in tooltip or tooltip.endswith("no data yet"), (path.name, code)
            assert (site / "assets/maps" / link.get("href")).resolve() == (site / f"jurisdictions/{code.lower()}.html").resolve()


def test_a_map_colours_only_published_scores_and_says_so_in_each_tooltip(results: list[dict]) -> None:
    entries = [e for e in results if e["domain"] == "wildlife"]
    assert any(e["scored"] for e in entries) and any(e["file"] and not e["scored"] for e in entries)
    for figure in ("score", "score_min"):
        links = _links(ElementTree.fromstring(world_map(entries, figure)))
        for entry in entries:
            link, tooltip = links[entry["jurisdiction"]], links[entry["jurisdiction"]].find(f"{SVG}title").text
            assert tooltip.startswith(entry["name"] + ":")
            if not entry["file"]:
                assert link.get("class") == "nd" and "no data yet" in tooltip
            elif entry["scored"]:
                assert link.get("class") == f"b{next(i for i, (limit, _) in enumerate(BINS) if entry[figure] < limit)}"
                assert f"score {entry['score']:g}" in tooltip and f"coverage {entry['coverage']:g} %" in tooltip
            else:  # no colour and no point score: the range, as the pages say it
                assert link.get("class") == "ns"
                assert fmt.NOT_ENOUGH_DATA in tooltip and f"range {entry['score_min']:g}" in tooltip
                assert not re.search(r"score \d", tooltip) and f"coverage {entry['coverage']:g} %" in tooltip


def test_small_jurisdictions_get_a_marker_and_large_ones_do_not(results: list[dict]) -> None:
    links = _links(ElementTree.fromstring(world_map([e for e in results if e["domain"] == "wildlife"])))
    for code in ("AE", "NL"):  # nearly invisible as outlines at screen size
        circle = links[code].find(f"{SVG}circle")
        assert circle is not None and float(circle.get("r")) == MARKER_RADIUS, code
        x0, y0, x1, y1 = world().countries[code.lower()].box
        assert x0 <= float(circle.get("cx")) <= x1 and y0 <= float(circle.get("cy")) <= y1, code
    for code in ("KE", "BR", "CN", "US"):
        assert links[code].find(f"{SVG}circle") is None, code


def test_maps_on_one_page_share_the_land(results: list[dict]) -> None:
    entries = [e for e in results if e["domain"] == "wildlife"]
    first, second = world_map(entries, "score", "../", "define"), world_map(entries, "score_min", "../", "use")
    assert 'id="lawgap-land"' in first and 'id="lawgap-land"' not in second and 'href="#lawgap-land"' in second
    assert len(second) < len(first) / 2
    ids = re.findall(r'\bid="([^"]+)"', first + second)
    assert len(ids) == len(set(ids))  # both inline on one page: no id twice


def test_outlines_are_simplified_within_the_tolerance_and_keep_every_country() -> None:
    shapes = world()
    assert shapes.width == 1000 and 400 < shapes.height < 520  # Antarctica cropped
    assert {"ke", "ae", "nl", "us", "br", "cn"} <= set(shapes.countries) and "aq" not in shapes.countries
    assert sum(len(c.path) for c in shapes.countries.values()) < 80_000


@given(st.lists(st.tuples(st.floats(-500, 500), st.floats(-500, 500)), min_size=3, max_size=60, unique=True),
       st.floats(0.1, 20))
def test_simplify_keeps_the_ends_and_every_dropped_point_near_the_line(points, tolerance) -> None:
    kept = simplify(points, tolerance)
    assert kept[0] == points[0] and kept[-1] == points[-1]
    positions = [points.index(p) for p in kept]
    assert positions == sorted(positions)  # an ordered subset
    for (a, start), (b, end) in zip(zip(kept, positions), zip(kept[1:], positions[1:])):
        for p in points[start + 1:end]:
            assert _distance(p, a, b) <= tolerance + 1e-9


def _distance(p, a, b) -> float:
    """Distance from p to the line through a and b (to a when they coincide), as simplify measures it."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    length = math.hypot(bx - ax, by - ay)
    return abs((by - ay) * (px - ax) - (bx - ax) * (py - ay)) / length if length else math.hypot(px - ax, py - ay)


# -- the prison-term chart --------------------------------------------------------------------------------


def test_prison_chart_is_a_table_of_links_longest_first_below_threshold_marked() -> None:
    chart = prison_chart([("FR", "France", 3), ("KE", "Kenya", "life"), ("CA", "Canada", None), ("BR", "Brazil", 1),
                          ("CN", "China", 5), ("XX", "A & <b>", 0.5)])
    rows = re.findall(r'<tr><th scope="row"><a href="../jurisdictions/([a-z]+)\.html">[^<]*</a></th><td>(.*?)</td></tr>', chart)
    assert [code for code, _ in rows] == ["ke", "cn", "fr", "br", "xx", "ca"]  # longest first, unknown last
    cells = dict(rows)
    assert 'style="width:100.0%"' in cells["ke"] and ">life<" in cells["ke"]
    assert 'class="lawgap-bar below"' in cells["fr"] and "3 years (below)" in cells["fr"]
    assert "below" not in cells["cn"] and 'style="width:16.7%"' in cells["cn"]
    assert "lawgap-bar\"" not in cells["ca"] and "unknown" in cells["ca"]
    assert "A &amp; &lt;b&gt;" in chart and "<b>" not in chart  # names are escaped
    assert "--lawgap-threshold:13.33%" in chart  # 4 of 30 years


# -- navigation, tables, print ----------------------------------------------------------------------------


def test_every_page_has_the_section_bar(site: Path) -> None:
    for name in ("index.html", "jurisdictions/ke.html", "domains/wildlife.html", "compare.html", "codebook/wildlife.html"):
        html = (site / name).read_text(encoding="utf-8")
        bar = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S)
        assert bar, name
        links = {text.strip(): urljoin(f"https://site/{name}", href)
                 for href, text in re.findall(r'<a href="([^"]+)" class="md-tabs__link">(.*?)</a>', bar.group(0), re.S)}
        assert {section: f"https://site/{target}" for section, target in SECTIONS.items()}.items() <= links.items(), name


def test_every_lawgap_table_sits_in_a_named_focusable_scroll_box(site: Path) -> None:
    tables = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for box, table in re.findall(r'(<div [^>]*>)\s*(<table class="lawgap-table")', html):
            tables += 1
            assert 'class="lawgap-scroll' in box and 'role="region"' in box and 'tabindex="0"' in box, (page, box)
            assert re.search(r'aria-label="[^"]{3,}"', box), (page, box)
        assert html.count('<table class="lawgap-table"') == len(re.findall(r'lawgap-scroll[^>]*>\s*<table class="lawgap-table"', html)), page
    assert tables > 100


def test_every_page_carries_the_print_line_and_print_rules(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html":
            continue  # Material's own page, outside any section
        stamp = re.search(r"<p class=\"lawgap-print-stamp\"[^>]*>(.*?)</p>", html, re.S)
        assert stamp and f"data as of {AS_OF}" in stamp.group(1) and "data-lawgap-url" in stamp.group(1), page
    css = (site / "assets/lawgap.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print"):]
    for rule in (".lawgap-print-stamp { display: block", ".md-tabs", ".md-sidebar", "overflow: visible"):
        assert rule in print_rules, rule
