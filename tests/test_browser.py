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
    page, base_url, problems, shots = browser_page
    page.goto(f"{base_url}/domains/wildlife.html")
    table = page.locator(".lawgap-ranking table")
    page.locator(".lawgap-ranking input").fill("Africa")
    visible = table.locator("tbody tr:visible")
    assert visible.count() >= 5 and all("Africa" in visible.nth(i).inner_text() for i in range(visible.count()))
    page.locator(".lawgap-ranking th", has_text="Jurisdiction").click()
    names = [visible.nth(i).locator("td").nth(1).inner_text() for i in range(visible.count())]
    assert names == sorted(names, key=str.lower)


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


@pytest.mark.parametrize("kind", AXE_PAGES)
def test_no_serious_accessibility_violation(browser_page, kind: str) -> None:
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
    page.goto(f"{base_url}/{AXE_PAGES[kind]}")
    page.wait_for_load_state("networkidle")
    if kind == "compare":
        page.locator("#lawgap-compare-output table").first.wait_for()
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in AXE_FAILING_IMPACTS]
    found = [f"{v['impact']} {v['id']}: {', '.join(map(str, node['target']))} — {v['help']}"
             for v in violations for node in v["nodes"]]
    assert found == [], f"{len(found)} serious or critical violation(s) on {AXE_PAGES[kind]}:\n" + "\n".join(found)
