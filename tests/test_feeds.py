"""Atom feeds and the change-log page: valid Atom with every required element, stable tag: ids, the
changes' own dates (never the build's), escaped text, and byte-identical output across two builds."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import copy_project

from lawgap.cli import main
from lawgap.model.build import load_knowledge_base
from lawgap.model.types import ChangeLogEntry, KnowledgeBase, LoggedChange, ScoreMove
from lawgap.render.site.changes import change_log_page, recent_changes
from lawgap.render.site.feeds import feed_files, jurisdiction_atom, site_feed

A = "{http://www.w3.org/2005/Atom}"
RFC3339_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DAY = datetime.date(2026, 4, 1)
FIGURES = ("score", "coverage", "max_prison_years")


def entry(sha: str, when: str, changes: tuple[LoggedChange, ...], moves: tuple[ScoreMove, ...] = (),
          message: str = "a data change") -> ChangeLogEntry:
    moment = datetime.datetime.fromisoformat(when).replace(tzinfo=datetime.timezone.utc)
    return ChangeLogEntry(sha * 40, "0" * 40, moment, message, moment.date(), changes, moves)


def move(code: str, before: dict, after: dict) -> ScoreMove:
    return ScoreMove(code, "wildlife", {k: before.get(k) for k in FIGURES}, {k: after.get(k) for k in FIGURES})


@pytest.fixture
def kb(kb_tree: Path) -> KnowledgeBase:
    """The fixture data (Kenya) with a small change log: an amendment, an editorial-only commit, and a
    correction to another jurisdiction whose text tries markup."""
    knowledge = load_knowledge_base(kb_tree)
    knowledge.change_log = (
        entry("a", "2026-03-01T10:00:00", (LoggedChange("law-change", "laws/ke/wildlife.yaml", "basic penalty of offence x, new version from 2025-06-01",
                                                        15, "KE", "wildlife", datetime.date(2025, 6, 1)),),
              (move("KE", {"score": 80, "coverage": 50, "max_prison_years": "life"}, {"score": 60, "coverage": 50, "max_prison_years": 3}),),
              "KE wildlife: s. 92 amended"),
        entry("b", "2026-03-02T10:00:00", (LoggedChange("editorial", "laws/ke/wildlife.yaml", "file details", 6, "KE", "wildlife"),)),
        entry("c", "2026-03-03T10:00:00", (LoggedChange("correction", "laws/tz/wildlife.yaml", "measure <script>alert(1)</script>", 2,
                                                        "TZ", "wildlife"),), message="TZ: <b>fixed</b> & done"),
    )
    return knowledge


def parse(feed: str) -> ET.Element:
    root = ET.fromstring(feed.encode("utf-8"))
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated"):  # RFC 4287 4.1.1: required of a feed
        assert (root.findtext(f"{A}{name}") or "").strip(), name
    assert RFC3339_UTC.match(root.findtext(f"{A}updated"))
    assert root.find(f"{A}author/{A}name") is not None  # entries carry no author of their own
    assert root.find(f"{A}link[@rel='self']") is not None
    for item in root.findall(f"{A}entry"):  # 4.1.2: required of an entry, plus the link to the affected page
        assert item.findtext(f"{A}id").startswith("tag:lawgap.org,2026:")
        assert item.findtext(f"{A}title").strip()
        assert RFC3339_UTC.match(item.findtext(f"{A}updated"))
        assert item.find(f"{A}link[@rel='alternate']").get("href")
        assert item.findtext(f"{A}summary").strip()
    return root


def test_the_site_feed_is_atom_newest_first_without_editorial_entries(kb: KnowledgeBase) -> None:
    root = parse(site_feed(kb, DAY))
    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{A}id") for e in entries] == [f"tag:lawgap.org,2026:changelog/{'c' * 40}",
                                                       f"tag:lawgap.org,2026:changelog/{'a' * 40}"]
    assert [e.findtext(f"{A}updated") for e in entries] == ["2026-03-03T10:00:00Z", "2026-03-01T10:00:00Z"]
    assert root.findtext(f"{A}updated") == "2026-03-03T10:00:00Z"  # the newest change, not the build day
    assert entries[1].findtext(f"{A}title") == "1 law change: Fixture Kenya"
    assert entries[1].find(f"{A}link").get("href") == "changelog/1.html#2026-03-01-aaaaaaaaaaaa"  # its archive address
    content = entries[1].findtext(f"{A}content")
    assert "Law change: Fixture Kenya, Wildlife trafficking: basic penalty of offence x, new version from 2025-06-01 (law date 2025-06-01)" in content
    assert "score 80 → 60" in content and "core maximum life → 3 years" in content


def test_a_jurisdiction_feed_holds_its_own_changes_and_links_its_page_and_the_entrys_address(kb: KnowledgeBase) -> None:
    root = parse(jurisdiction_atom(kb, "KE", DAY))
    assert root.findtext(f"{A}id") == "tag:lawgap.org,2026:changelog/ke"
    assert root.find(f"{A}link[@rel='self']").get("href") == "feed-ke.xml"
    assert root.find(f"{A}link[@rel='alternate']").get("href") == "jurisdictions/ke.html"
    [only] = root.findall(f"{A}entry")
    assert only.findtext(f"{A}id") == f"tag:lawgap.org,2026:changelog/{'a' * 40}/ke"
    assert only.find(f"{A}link[@rel='alternate']").get("href") == "changelog/1.html#2026-03-01-aaaaaaaaaaaa"
    assert only.find(f"{A}link[@rel='related']").get("href") == "jurisdictions/ke.html"
    assert set(feed_files(kb, DAY)) == {"feed.xml", "feed-ke.xml"}


def test_text_in_feeds_is_escaped(kb: KnowledgeBase) -> None:
    feed = site_feed(kb, DAY)
    content = parse(feed).find(f"{A}entry").findtext(f"{A}content")  # the HTML a reader renders
    assert "<script>" not in content and "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<b>" not in content and "TZ: &lt;b&gt;fixed&lt;/b&gt; &amp; done" in content


def test_feeds_depend_on_the_log_not_on_the_build_day(kb: KnowledgeBase) -> None:
    assert feed_files(kb, DAY) == feed_files(kb, datetime.date(2030, 1, 1))
    kb.change_log = ()
    empty = parse(site_feed(kb, DAY))  # nothing logged: the assessment date, still not the clock
    assert empty.findtext(f"{A}updated") == "2026-04-01T00:00:00Z" and empty.findall(f"{A}entry") == []


def test_absolute_links_when_the_site_url_is_known(kb: KnowledgeBase) -> None:
    root = parse(jurisdiction_atom(kb, "KE", DAY, "https://lawgap.example/site"))
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://lawgap.example/site/feed-ke.xml"
    assert root.find(f"{A}entry/{A}link[@rel='alternate']").get("href") == "https://lawgap.example/site/changelog/1.html#2026-03-01-aaaaaaaaaaaa"
    assert root.find(f"{A}entry/{A}link[@rel='related']").get("href") == "https://lawgap.example/site/jurisdictions/ke.html"


def test_the_page_and_the_jurisdiction_list_show_each_change(kb: KnowledgeBase) -> None:
    page = change_log_page(kb)
    assert page.index('<p id="2026-03-03-cccccccccccc" class="lawgap-anchor">') < page.index('<p id="2026-03-01-aaaaaaaaaaaa"')  # newest first
    assert "### 2026&#45;03&#45;03 · TZ\n" in page and "### 2026&#45;03&#45;01 · Fixture Kenya\n" in page
    assert "## How changes are classified" in page and "| **Law change** |" in page
    assert "Only notes and review records changed." in page
    assert "&lt;script&gt;" in page and "<script>" not in page
    recent = recent_changes(kb, "KE")
    assert recent.splitlines()[0].startswith("- [2026-03-02](../changelog/1.md#2026-03-02-bbbbbbbbbbbb): 1 editorial change")
    assert "(../changelog/1.md#2026-03-01-aaaaaaaaaaaa): 1 law change" in recent
    assert recent_changes(kb, "GB") is None


def test_the_built_site_links_its_feeds_and_builds_them_identically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    for out in ("one", "two"):
        result = CliRunner().invoke(main, ["build", "--out", out, "--as-of", "2026-12-01"])
        assert result.exit_code == 0, result.output
    feeds = sorted(p.relative_to(project / "one").as_posix() for p in (project / "one").rglob("*.xml") if "feed" in p.as_posix())
    assert "feed.xml" in feeds and "feed-ke.xml" in feeds
    for name in feeds:
        assert (project / "one" / name).read_bytes() == (project / "two" / name).read_bytes(), name
        parse((project / "one" / name).read_text())
    kenya = (project / "one/jurisdictions/ke.html").read_text()
    assert '<link rel="alternate" type="application/atom+xml" title="Kenya: changes to the data" href="../feed-ke.xml">' in kenya
    assert 'type="application/atom+xml" title="lawgap: changes to the data" href="../feed.xml"' in kenya
    assert "Changes to this data" in kenya and re.search(r'href="\.\./changelog/\d+\.html#', kenya)
    home = (project / "one/index.html").read_text()
    assert 'type="application/atom+xml" title="lawgap: changes to the data" href="feed.xml"' in home
    changelog = (project / "one/changelog.html").read_text()
    assert "How changes are classified" in changelog and 'href="feed.xml"' in changelog
