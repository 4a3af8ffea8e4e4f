"""A real headless Chromium opens the built site: a country page, the compare page and the search.

Any console error, page error or failed request fails the test. Screenshots go to the test's
temporary folder. Without a browser the test skips with a clear message, except when
LAWGAP_REQUIRE_BROWSER=1 (as in CI), where a missing browser is a failure.
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import copy_project, serve

from lawgap.cli import main

CHROMIUM = os.environ.get("LAWGAP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("LAWGAP_REQUIRE_BROWSER") == "1"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync"]


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    return sync_playwright


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sync_playwright = _playwright()
    if not CHROMIUM or sync_playwright is None:
        message = "browser test needs Debian's chromium and the playwright package (pip install -e '.[test]')"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    project = copy_project(tmp_path_factory.mktemp("project"))
    cwd = os.getcwd()
    os.chdir(project)
    try:
        result = CliRunner().invoke(main, ["build", "--out", "public", "--as-of", "2026-01-01"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return project / "public"


@pytest.fixture
def browser_page(site: Path, tmp_path: Path):
    sync_playwright = _playwright()
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}") if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
        yield page, base_url, problems, tmp_path
        browser.close()
    assert problems == [], problems


def test_country_page(browser_page) -> None:
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/jurisdictions/ke.html")
    assert page.locator("h1").first.inner_text().rstrip("¶") == "Kenya"
    assert page.locator("text=Wildlife Conservation and Management Act, 2013, s. 92").count() >= 1
    page.screenshot(path=str(shots / "kenya.png"), full_page=True)


def test_compare_page_builds_a_route(browser_page) -> None:
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/compare.html")
    page.select_option("#lawgap-domain", "wildlife")
    for code in ("KE", "AE", "CN"):
        page.select_option("#lawgap-add", code)
    assert page.locator("#lawgap-route > div").count() == 3
    output = page.locator("#lawgap-compare-output")
    assert "Dual criminality and weakest link" in output.inner_text()
    assert output.locator("table").nth(1).locator("tbody tr").count() >= 10  # one row per conduct
    assert "j=KE,AE,CN" in page.url  # the selection can be shared as a link
    page.locator("#lawgap-route > div").nth(2).get_by_role("button", name="Remove China").click()
    assert page.locator("#lawgap-route > div").count() == 2
    page.screenshot(path=str(shots / "compare.png"), full_page=True)


@pytest.mark.parametrize("query, ignored", [
    ("j=constructor", "constructor"),
    ("j=__proto__,KE", "__proto__"),
    ("j=toString,hasOwnProperty", "toString, hasOwnProperty"),
    ("domain=constructor&j=KE,GB", "constructor"),
    ("domain=__proto__&j=valueOf,KE,GB", "__proto__, valueOf"),
])
def test_compare_treats_url_parameters_as_data(browser_page, query: str, ignored: str) -> None:
    """Names of Object.prototype's properties in the address are unknown codes, not data."""
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/compare.html?{query}")
    page.wait_for_function("() => document.querySelector('#lawgap-route')"
                           " || /Could not load/.test(document.getElementById('lawgap-compare').textContent)")
    assert "Could not load" not in page.locator("#lawgap-compare").inner_text()
    notice = page.locator("#lawgap-compare .lawgap-notice")
    assert notice.inner_text() == f"Ignored what the address asks for but the data does not hold: {ignored}."
    known = [code for code in query.replace("&", "=").replace(",", "=").split("=") if code in ("KE", "GB")]
    assert page.locator("#lawgap-route > div").count() == len(known)
    first_domain = page.locator("#lawgap-domain option").first.get_attribute("value")
    assert page.locator("#lawgap-domain").input_value() == first_domain  # as if there were no parameter
    if len(known) == 2:
        assert "Dual criminality and weakest link" in page.locator("#lawgap-compare-output").inner_text()


def test_search_finds_a_country(browser_page) -> None:
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/index.html")
    page.locator(".md-search__input").first.click()
    # Material builds the index in a web worker; typing before it is ready is not re-run
    page.wait_for_function("() => { const meta = document.querySelector('.md-search-result__meta');"
                           " return meta && !/Initializing/i.test(meta.textContent); }", timeout=30_000)
    page.locator(".md-search__input").press_sequentially("Kenya", delay=30)  # Material listens to key events
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert "Kenya" in page.locator(".md-search-result").inner_text()
    page.screenshot(path=str(shots / "search.png"))


def test_ranking_sorts_and_filters(browser_page) -> None:
    """The filter covers the ranked table and the unranked one below it; a heading sorts its own table."""
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/domains/wildlife.html")
    page.locator(".lawgap-ranking input").fill("Africa")
    visible = page.locator(".lawgap-ranking table tbody tr:visible")
    assert visible.count() >= 5 and all("Africa" in visible.nth(i).inner_text() for i in range(visible.count()))
    table = page.locator(".lawgap-ranking table").last
    table.locator("th", has_text="Jurisdiction").click()
    rows = table.locator("tbody tr:visible")
    names = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())]
    assert len(names) >= 2 and names == sorted(names, key=str.lower)


def test_cite_this_page_shows_the_address_and_the_access_date(browser_page) -> None:
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/jurisdictions/ke.html#human-trafficking-requirement-palermo-purposes")
    citation = page.locator("[data-lawgap-cite]")
    permalink = citation.locator("[data-lawgap-permalink]")
    assert permalink.inner_text() == f"{base_url}/jurisdictions/ke.html"  # no fragment: the page, not the row
    assert permalink.get_attribute("href") == f"{base_url}/jurisdictions/ke.html"
    assert citation.locator("[data-lawgap-accessed]").inner_text() == datetime.date.today().isoformat()
    row = page.locator("#human-trafficking-requirement-palermo-purposes")
    assert row.is_visible() and "palermo-purposes" in row.inner_text()  # the anchor a standards page links to

def test_opened_from_disk_the_page_says_to_serve_it(browser_page, site: Path) -> None:
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/index.html")
    assert page.locator(".lawgap-from-disk").count() == 0  # served: no warning
    page.goto((site / "index.html").as_uri())
    warning = page.locator(".lawgap-from-disk")
    assert warning.is_visible() and "lawgap serve" in warning.inner_text()
    page.screenshot(path=str(shots / "from-disk.png"))
    problems.clear()  # from disk, the search's requests fail by design: that is what the warning is about

# Pages axe-core checks: one of each kind, with the compare page's tables filled in.
AXE_PAGES = {
    "home": "index.html",
    "country": "jurisdictions/ke.html",
    "ranking": "domains/wildlife.html",
    "compare": "compare.html?domain=wildlife&j=KE,AE,CN",
}
AXE_FAILING_IMPACTS = ("serious", "critical")


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("kind", AXE_PAGES)
def test_no_serious_accessibility_violation(browser_page, kind: str, width: int) -> None:
    """axe-core (the copy bundled in the axe-playwright-python package: nothing is downloaded) finds no
    serious or critical WCAG violation; the failure lists each one with its rule, element and help text."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        message = "the accessibility test needs axe-playwright-python (pip install -e '.[test]')"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    page, base_url, problems, shots = browser_page
    page.set_viewport_size({"width": width, "height": 900})  # phones get other layouts (drawer, stacked tables)
    page.goto(f"{base_url}/{AXE_PAGES[kind]}")
    page.wait_for_load_state("networkidle")
    if kind == "compare":
        page.locator("#lawgap-compare-output table").first.wait_for()
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in AXE_FAILING_IMPACTS]
    found = [f"{v['impact']} {v['id']}: {', '.join(map(str, node['target']))} — {v['help']}"
             for v in violations for node in v["nodes"]]
    assert found == [], f"{len(found)} serious or critical violation(s) on {AXE_PAGES[kind]} at {width} px:\n" + "\n".join(found)


# -- the compare page says what the engine says ------------------------------------------------------------

ROUTES = [("wildlife", ["KE", "AE", "CN"]), ("human-trafficking", ["KE", "GB", "CN"]), ("organ-trafficking", ["GB", "KE"])]


@pytest.mark.parametrize("domain, route", ROUTES)
def test_compare_weakest_link_is_the_engines(browser_page, site: Path, domain: str, route: list[str]) -> None:
    """The browser names the weakest link of each conduct exactly where engine.compare.weakest_links does
    (China's life maximum was named weakest; Kenya, known criminal, was 'unknown everywhere')."""
    from lawgap.engine.compare import weakest_links
    from lawgap.model.build import load_knowledge_base

    page, base_url, problems, shots = browser_page
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAWGAP_NO_CACHE", "1")
        kb = load_knowledge_base(site.parent)
    expected = {link.term: (",".join(link.weakest), ",".join(link.could_be_weaker))
                for link in weakest_links(kb, route, domain, datetime.date(2026, 1, 1))}
    page.goto(f"{base_url}/compare.html?domain={domain}&j={','.join(route)}")
    rows = page.locator("#lawgap-compare-output table").nth(1).locator("tbody tr")
    rows.first.wait_for()
    shown = {}
    for i in range(rows.count()):
        cell = rows.nth(i).locator(".lawgap-weakest")
        shown[rows.nth(i).locator("td").first.inner_text()] = (cell.get_attribute("data-weakest"), cell.get_attribute("data-could-be-weaker"))
        if not cell.get_attribute("data-weakest"):
            assert cell.inner_text().startswith("Not determined")
    assert shown == expected


def test_compare_links_pages_shows_badges_and_keeps_the_domain(browser_page) -> None:
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/compare.html?domain=organ-trafficking")
    page.locator("#lawgap-domain").wait_for()
    assert page.locator("#lawgap-domain").input_value() == "organ-trafficking"
    for code in ("GB", "KE"):
        page.select_option("#lawgap-add", code)
    assert "domain=organ-trafficking" in page.url and "j=GB,KE" in page.url  # the chosen domain stays in the address
    output = page.locator("#lawgap-compare-output")
    assert output.locator('th a[href="jurisdictions/gb.html"]').first.inner_text() == "United Kingdom"
    differing = output.locator("table").last
    badge = differing.locator("tbody tr").first.locator("a .lawgap-status").first
    assert badge.inner_text() in ("met", "partial", "not met", "unknown")
    link = differing.locator("tbody tr").first.locator("a").nth(1).get_attribute("href")
    assert link.startswith("jurisdictions/gb.html#organ-trafficking-requirement-")  # the verdict behind the badge
    requirement = differing.locator("tbody tr").first.locator("td").first.locator("a")
    assert requirement.get_attribute("href").startswith("baselines/") and "-" not in requirement.inner_text().split()[0]
    page.screenshot(path=str(shots / "compare-organs.png"), full_page=True)



# -- layout: sections in view, tables never clipped, maps by keyboard, print ----------------------------

SECTION_NAMES = ("Jurisdictions", "Domains", "Compare", "Standards", "Methodology", "Codebook", "Downloads")
OVERFLOWING_BOXES = """() => [...document.querySelectorAll('.lawgap-scroll, .md-typeset__scrollwrap, #lawgap-compare .scroll')]
    .filter(box => box.scrollWidth > box.clientWidth + 1).map(box => box.getAttribute('aria-label') || box.className)"""


def test_sections_are_in_view_at_desktop_width(browser_page) -> None:
    page, base_url, problems, shots = browser_page
    for width in (1366, 1024):  # Material shows its section bar only from 1220 px; lawgap from 960 px
        page.set_viewport_size({"width": width, "height": 800})
        for path in ("index.html", "jurisdictions/ke.html", "compare.html"):
            page.goto(f"{base_url}/{path}", wait_until="networkidle")  # a page left while loading fails its requests
            for name in SECTION_NAMES:
                link = page.locator(".md-tabs").get_by_role("link", name=name, exact=True)
                assert link.is_visible() and link.bounding_box()["y"] < 200, (width, path, name)
    page.screenshot(path=str(shots / "sections-1024.png"))


def test_tables_fit_on_desktop_and_scroll_visibly_on_phones(browser_page) -> None:
    page, base_url, problems, shots = browser_page
    page.set_viewport_size({"width": 1366, "height": 900})
    for path in ("jurisdictions/in.html", "jurisdictions/ke.html", "domains/wildlife.html", "baselines/palermo-protocol.html"):
        page.goto(f"{base_url}/{path}", wait_until="networkidle")
        assert page.evaluate(OVERFLOWING_BOXES) == [], path  # "US$119,!" was cut off here
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/jurisdictions/ke.html", wait_until="networkidle")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    stacked = page.locator(".lawgap-stack")
    assert stacked.count() > 3 and page.evaluate(OVERFLOWING_BOXES + ".filter(label => !label.startsWith('Table: '))") == []
    page.goto(f"{base_url}/domains/wildlife.html", wait_until="networkidle")
    box = page.locator(".lawgap-ranking .lawgap-scroll").last
    assert box.evaluate("box => box.scrollWidth > box.clientWidth")  # nine columns do not fit a phone ...
    hint = page.locator(".lawgap-ranking .lawgap-scroll-hint").last
    assert hint.is_visible() and "Scroll sideways" in hint.inner_text()  # ... and the page says so
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("box => box.scrollLeft > 0", arg=box.element_handle())  # the box scrolls from the keyboard
    page.screenshot(path=str(shots / "ranking-390.png"))


def test_map_jurisdictions_are_links_reached_by_keyboard(browser_page) -> None:
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/domains/wildlife.html", wait_until="networkidle")
    page.locator("h2#maps a.headerlink").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [!!document.activeElement.closest('svg.lawgap-map'), document.activeElement.getAttribute('aria-label')]")
    assert focused[0] and ("coverage" in focused[1] or focused[1].endswith("no data yet")), focused
    readout = page.locator(".lawgap-map-readout").first
    assert readout.inner_text() == focused[1]  # the tooltip, for keyboard and touch too
    page.keyboard.press("Enter")
    page.wait_for_url("**/jurisdictions/*.html")
    assert page.locator("h1").first.inner_text().rstrip("¶") == focused[1].split(":")[0]


def test_print_keeps_tables_whole_and_names_the_address_and_date(browser_page) -> None:
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/jurisdictions/ke.html", wait_until="networkidle")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 703, "height": 1000})  # A4 less lawgap's 12 mm margins, at 96 dpi
    stamp = page.locator(".lawgap-print-stamp")
    assert stamp.is_visible()
    assert f"{base_url}/jurisdictions/ke.html" in stamp.inner_text() and "data as of 2026-01-01" in stamp.inner_text()
    assert f"printed {datetime.date.today().isoformat()}" in stamp.inner_text()
    for chrome in (".md-tabs", ".md-header", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    folded = page.locator("details.lawgap-more").first
    folded.evaluate("details => { details.open = true; }")  # as Material opens every <details> for print
    assert folded.locator("summary").is_visible() and not folded.locator(":scope > :not(summary)").first.is_visible()
    article = page.locator("article").bounding_box()
    widest = page.evaluate("() => Math.max(...[...document.querySelectorAll('article table')].map(t => t.getBoundingClientRect().right))")
    assert widest <= article["x"] + article["width"] + 1  # no column falls off the page
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    (shots / "kenya.pdf").write_bytes(pdf)


def test_the_change_log_fits_a_phone_and_an_entrys_address_shows_it(browser_page, site: Path) -> None:
    """The change-log page and its archive pages: no sideways scrolling at phone width (a long source URL in a
    change once widened the page to 622 px), and a feed's link to an entry opens its archive page at the entry."""
    page, base_url, problems, shots = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("changelog.html", *sorted(p.relative_to(site).as_posix() for p in (site / "changelog").glob("*.html"))):
        page.goto(f"{base_url}/{path}", wait_until="networkidle")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, path
    feed = (site / "feed.xml").read_text()
    href = feed[feed.index('<link rel="alternate" type="text/html" href="changelog/'):].split('href="')[1].split('"')[0]
    page.goto(f"{base_url}/{href}", wait_until="networkidle")
    entry = page.locator(f"[id='{href.split('#')[1]}']")
    heading = entry.locator("xpath=following-sibling::h3[1]")
    assert 0 <= heading.bounding_box()["y"] < 844  # the entry's heading is in view, under the header
    page.screenshot(path=str(shots / "changelog-entry-390.png"))
