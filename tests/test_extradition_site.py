"""Extradition on the built site: the country page's facts, the methodology's account of what the verdict
covers, the codebook page, compare.json's per-jurisdiction data (no pairs), and the compare page working the
verdicts out in a real browser. Built from a copy of the project in which Thailand and the United Kingdom
carry a synthetic extradition block (so the test does not depend on the data being filled in)."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from fixture_support import list_fixture_host
from site_support import copy_project, serve

from lawgap.cli import main

CITE = {"instrument": "test-extradition-act", "provision": "s. 2", "url": "https://example.org/test-act", "retrieved": "2026-01-01",
        "verification": "source-text", "quote": "Synthetic provision for the test"}
BLOCKS = {
    "th": {"nationals": {"value": "no", "source": CITE},  # needs a treaty, does not take UNTOC: barred on the legal basis
           "penalty_threshold": {"value": {"years": 1, "judged_in": "requested"}, "source": CITE},
           "treaty_required": {"value": True, "source": CITE},
           "untoc_legal_basis": {"value": False, "source": CITE},
           "dual_criminality_test": {"value": "conduct", "source": CITE}},
    "gb": {"nationals": {"value": "yes", "source": CITE},
           "treaty_required": {"value": False, "source": CITE},
           "death_penalty_refusal": {"value": True, "source": CITE}},
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = list_fixture_host(copy_project(tmp_path_factory.mktemp("project")))  # the synthetic blocks cite example.org
    for folder, block in BLOCKS.items():
        path = project / "laws" / folder / "jurisdiction.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["instruments"] = [{"id": "test-extradition-act", "title": "Test Extradition Act", "url": "https://example.org/test-act"}]
        data["extradition"] = json.loads(json.dumps({**block, "scope_note": "Synthetic facts written by the test."}))  # no shared nodes: YAML anchors are refused
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        patch.setenv("LAWGAP_NO_CACHE", "1")
        result = CliRunner().invoke(main, ["build", "--out", "public", "--as-of", "2026-01-01"])
    assert result.exit_code == 0, result.output
    return project / "public"


def test_the_country_page_shows_the_extradition_facts_with_their_sources(site: Path) -> None:
    page = html.unescape((site / "jurisdictions/th.html").read_text())
    section = page[page.index('id="extradition"'):page.index('id="wildlife-trafficking"')]
    assert "Surrenders its own nationals" in section and "Extradites only under a treaty" in section
    row = re.search(r"Takes UNTOC as a legal basis for extradition</a></td>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>", section, re.S)
    assert row and row.group(1) == "no" and "Test Extradition Act, s. 2" in row.group(2)
    assert "a maximum of at least 1 year, in the law of the requested State" in section
    assert "Synthetic facts written by the test." in section
    assert 'href="../codebook/extradition.html#extraditionnationalsvalue"' in section
    unfilled = html.unescape((site / "jurisdictions/ke.html").read_text())
    assert "Surrenders its own nationals" in unfilled  # every jurisdiction has the section, unknown where not coded


def test_the_methodology_says_what_the_verdict_does_not_cover(site: Path) -> None:
    page = html.unescape((site / "methodology.html").read_text())
    section = page[page.index('id="extradition"'):page.index('id="the-standards-and-their-weights"')]
    for words in ("Bilateral and regional treaties", "political-offence exception", "Fair trial", "Discretion",
                  "aut dedere aut judicare", "art. 16(5)", "Palermo Protocol"):
        assert words in section, words


def test_compare_data_carries_each_jurisdictions_facts_but_no_pairs(site: Path) -> None:
    data = json.loads((site / "data/compare.json").read_text())
    thailand = data["extradition"]["jurisdictions"]["TH"]
    assert thailand["facts"]["treaty_required"]["value"] is True and thailand["facts"]["treaty_required"]["words"] == "yes"
    assert thailand["facts"]["nationals"]["source"]["title"] == "Test Extradition Act"
    assert set(data["extradition"]) == {"jurisdictions", "death", "prosecution", "terms"}  # per jurisdiction only: pairs in the browser
    # each covering offence's (minimum, maximum) prison term, for thresholds read by the minimum or the mean
    assert all(isinstance(t, list) and (r is None or len(r) == 2) for d in data["extradition"]["terms"].values()
               for conducts in d.values() for t in conducts.values() for r in t)
    assert (site / "codebook/extradition.html").is_file()


def test_the_compare_page_works_the_verdicts_out(site: Path, tmp_path: Path) -> None:
    from test_browser import CHROMIUM, FLAGS, _playwright

    sync_playwright = _playwright()
    if not CHROMIUM or sync_playwright is None:
        if os.environ.get("LAWGAP_REQUIRE_BROWSER") == "1":
            pytest.fail("the browser test needs chromium and playwright")
        pytest.skip("no browser")
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.goto(f"{base_url}/compare.html?domain=human-trafficking&j=GB,TH")
        matrix = page.locator("table.lawgap-extradition-matrix")
        matrix.wait_for()
        thailand_row = matrix.locator("tbody tr", has=page.locator("th", has_text="Thailand"))
        assert thailand_row.locator(".lawgap-verdict").first.inner_text() == "barred"  # Thailand surrendering to the UK
        details = page.locator('details.lawgap-pair[data-requested="TH"][data-requesting="GB"]')
        details.locator("summary").click()
        assert "lawgap does not record those" in details.inner_text()
        assert "Test Extradition Act, s. 2" in details.inner_text()
        page.select_option("#lawgap-extradition-conduct", "forced-labour")
        assert page.locator('details.lawgap-pair[data-requested="TH"] ').count() == 1
        page.screenshot(path=str(tmp_path / "compare-extradition.png"), full_page=True)
        browser.close()
    assert problems == []
