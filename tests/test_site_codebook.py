"""The codebook and the "facts we still need" lists on the built site."""

from __future__ import annotations

import datetime
import html
import re
from pathlib import Path

import pytest
from site_support import built_project

from lawgap.engine.unknowns import unknown_facts
from lawgap.model.build import load_knowledge_base
from lawgap.model.types import KnowledgeBase
from lawgap.render.site.pages import FACTS_NEEDED

AS_OF = "2026-01-01"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, KnowledgeBase]:
    project = built_project(tmp_path_factory, AS_OF)
    return project / "public", load_knowledge_base(project)


def test_codebook_pages_are_published_and_in_the_navigation(site: tuple[Path, KnowledgeBase]) -> None:
    folder, _ = site
    index = html.unescape((folder / "codebook/index.html").read_text())
    assert "General rules" in index and "true: the law does this." in index
    wildlife = html.unescape((folder / "codebook/wildlife.html").read_text())
    assert 'id="measuresmanagement-authorityvalue"' in wildlife
    assert "Designate at least one Management Authority and one Scientific Authority." in wildlife
    home = (folder / "index.html").read_text()
    assert 'href="codebook/index.html"' in home  # the navigation, next to Methodology


def test_facts_we_still_need_link_to_their_question_and_their_file(site: tuple[Path, KnowledgeBase]) -> None:
    folder, kb = site
    kenya = (folder / "jurisdictions/ke.html").read_text()
    tables = re.findall(r'<h3 id="facts-we-still-need[^"]*".*?</table>', kenya, flags=re.S)
    assert len(tables) == 3  # one per domain: Kenya has unknown facts in each
    wildlife = tables[0]
    expected = unknown_facts(kb, "KE", "wildlife", datetime.date.fromisoformat(AS_OF))[:FACTS_NEEDED]
    body_rows = re.findall(r"<tr>\s*<td[ >]", wildlife)  # cells may carry data-label (stacked on phones)
    assert len(body_rows) == len(expected) == FACTS_NEEDED
    for fact in expected:
        assert f"<code>{html.escape(fact.fact)}</code>" in wildlife
    assert "https://github.com/lawgap/lawgap/edit/main/laws/ke/wildlife.yaml" in wildlife
    codebook_ids = {page.stem: set(re.findall(r'id="([^"]+)"', page.read_text())) for page in (folder / "codebook").glob("*.html")}
    links = re.findall(r'href="\.\./codebook/([a-z-]+)\.html#([^"]+)"', kenya)
    assert links and all(anchor in codebook_ids[page] for page, anchor in links)
