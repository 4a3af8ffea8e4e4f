"""The change log's pages: the change-log page shows only the newest entries; every entry lives on exactly one
archive page fixed by its place in the log, so appending entries never moves one, and every link to an entry
(feeds, jurisdiction pages) reaches the page and anchor that hold it."""

from __future__ import annotations

import datetime
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from site_support import built_project

from lawgap.model.build import load_knowledge_base
from lawgap.model.types import ChangeLogEntry, KnowledgeBase, LoggedChange
from lawgap.render.site.changes import LATEST, PER_ARCHIVE_PAGE, archive_page_text, change_log_pages, recent_changes
from lawgap.render.site.feeds import jurisdiction_atom, site_feed
from lawgap.render.site.fragments import START

A = "{http://www.w3.org/2005/Atom}"
DAY = datetime.date(2026, 4, 1)
FIRST = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
ANCHOR = re.compile(r'<p id="([^"]+)" class="lawgap-anchor">')


def logged(number: int, when: datetime.datetime | None = None) -> ChangeLogEntry:
    """The log's entry `number` (0 = first logged): a correction to Kenya's data, an hour after the one before."""
    moment = when or FIRST + datetime.timedelta(hours=number)
    change = LoggedChange("correction", "laws/ke/wildlife.yaml", f"fact {number}", 1, "KE", "wildlife")
    return ChangeLogEntry(f"{number:012x}" + "f" * 28, "0" * 40, moment, f"change {number}", moment.date(), (change,), ())


def anchor(entry: ChangeLogEntry) -> str:
    return f"{entry.date:%Y-%m-%d}-{entry.commit[:12]}"


@pytest.fixture
def kb(kb_tree: Path) -> KnowledgeBase:
    return load_knowledge_base(kb_tree)


def archive(kb: KnowledgeBase) -> dict[str, str]:
    return dict(change_log_pages(kb))


def held_by(pages: dict[str, str]) -> dict[str, list[str]]:
    """Each entry anchor and the archive pages it is on."""
    found: dict[str, list[str]] = {}
    for name, text in pages.items():
        if name.startswith("changelog/"):
            for entry_id in ANCHOR.findall(text):
                found.setdefault(entry_id, []).append(name)
    return found


@pytest.mark.parametrize(("count", "archive_pages"), [(0, 0), (1, 1), (PER_ARCHIVE_PAGE, 1), (PER_ARCHIVE_PAGE + 1, 2)])
def test_a_log_of_0_1_n_and_n_plus_1_entries(kb: KnowledgeBase, count: int, archive_pages: int) -> None:
    kb.change_log = tuple(logged(n) for n in range(count))
    pages = archive(kb)
    assert sorted(pages) == ["changelog.md"] + [f"changelog/{n}.md" for n in range(1, archive_pages + 1)]
    main = pages["changelog.md"]
    assert len(ANCHOR.findall(main)) == min(count, LATEST)
    assert ("Nothing is logged yet" in main) == (count == 0)
    assert sorted(held_by(pages)) == sorted(anchor(logged(n)) for n in range(count))
    if count == 1:
        assert "# Change log: entries 1\n" in pages["changelog/1.md"] and "still filling" in pages["changelog/1.md"]
    if count == PER_ARCHIVE_PAGE:
        assert "still filling" not in pages["changelog/1.md"] and "Newer:" not in pages["changelog/1.md"]
    if count == PER_ARCHIVE_PAGE + 1:
        first, second = pages["changelog/1.md"], pages["changelog/2.md"]
        assert "# Change log: entries 1–50\n" in first and "still filling" not in first
        assert "[Newer: entries 51 →](../changelog/2.md)" in first and "Older:" not in first
        assert "# Change log: entries 51\n" in second and "still filling" in second
        assert "[← Older: entries 1–50](../changelog/1.md)" in second and "Newer:" not in second
        assert "- [Entries 51](changelog/2.md): 2026-01-03 to 2026-01-03 (newest; still filling)" in html.unescape(main)
        assert main.index("(changelog/2.md)") < main.index("(changelog/1.md)")  # the newest page first


def test_the_change_log_page_shows_the_newest_entries_each_with_its_permanent_address(kb: KnowledgeBase) -> None:
    entries = [logged(n) for n in range(75)]
    kb.change_log = tuple(entries)
    main = archive(kb)["changelog.md"]
    assert ANCHOR.findall(main) == [anchor(entries[n]) for n in range(74, 74 - LATEST, -1)]  # newest first
    assert f"[Permanent address](changelog/2.md#{anchor(entries[74])})" in main
    assert f"changelog/1.md#{anchor(entries[49])}" not in main  # 21st newest: only in the archive


def test_every_entry_is_on_one_archive_page_and_appending_moves_none(kb: KnowledgeBase) -> None:
    entries = [logged(n) for n in range(175)]
    kb.change_log = tuple(entries[:120])
    before = held_by(archive(kb))
    kb.change_log = tuple(entries)
    after = held_by(archive(kb))
    assert all(len(pages) == 1 for pages in after.values()) and len(after) == 175
    assert {entry_id: after[entry_id] for entry_id in before} == before
    assert after[anchor(entries[0])] == ["changelog/1.md"] and after[anchor(entries[174])] == ["changelog/4.md"]
    assert after[anchor(entries[100])] == after[anchor(entries[149])] == ["changelog/3.md"]


def test_an_entry_stays_where_it_was_logged_whatever_its_date(kb: KnowledgeBase) -> None:
    """A commit logged late (an older date) is still the log's last entry: on the last page, and in date order there."""
    late = logged(60, FIRST - datetime.timedelta(days=1))
    kb.change_log = tuple(logged(n) for n in range(60)) + (late,)
    pages = archive(kb)
    assert held_by(pages)[anchor(late)] == ["changelog/2.md"]
    assert ANCHOR.findall(pages["changelog/2.md"])[-1] == anchor(late)  # the oldest date: last on its page
    assert ANCHOR.findall(pages["changelog.md"])[0] == anchor(logged(59))


def test_feed_and_jurisdiction_links_reach_the_entrys_page_and_anchor(kb: KnowledgeBase) -> None:
    kb.change_log = tuple(logged(n) for n in range(120))
    pages = archive(kb)

    def holds(page: str, entry_id: str) -> bool:
        return f'<p id="{entry_id}" class="lawgap-anchor">' in pages[page]

    feeds = [ET.fromstring(feed.encode("utf-8")) for feed in (site_feed(kb, DAY), jurisdiction_atom(kb, "KE", DAY))]
    links = [link.get("href") for feed in feeds for link in feed.iter(f"{A}link") if link.get("href").startswith("changelog/")]
    assert len(links) == 200  # 100 entries in each feed
    for href in links:
        path, _, entry_id = href.partition("#")
        assert holds(path.removesuffix(".html") + ".md", entry_id), href
    assert f"changelog/1.html#{anchor(logged(0))}" not in links  # past the feeds' 100 newest
    recent = re.findall(r"\]\(\.\./(changelog/\d+\.md)#([^)]+)\)", recent_changes(kb, "KE"))
    assert [entry_id for _, entry_id in recent] == [anchor(logged(n)) for n in (119, 118, 117, 116, 115)]
    assert all(holds(page, entry_id) for page, entry_id in recent) and recent[0][0] == "changelog/3.md"


def test_entry_tables_link_jurisdictions_from_where_the_page_is_and_are_checked(kb: KnowledgeBase) -> None:
    kb.change_log = (logged(0),)
    pages = archive(kb)
    assert 'href="jurisdictions/ke.html"' in pages["changelog.md"]
    assert 'href="../jurisdictions/ke.html"' in pages["changelog/1.md"] and 'href="jurisdictions/' not in pages["changelog/1.md"]
    for text in pages.values():  # deferred: the build's link check (fragments) reads the tables' links
        assert START in text


def test_an_archive_page_past_the_log_is_refused(kb: KnowledgeBase) -> None:
    kb.change_log = (logged(0),)
    with pytest.raises(ValueError, match="archive page 2 holds no entry"):
        archive_page_text(kb, 2)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return built_project(tmp_path_factory, "2026-01-01")


def test_the_built_archive_is_linked_resolvable_unsearched_and_off_the_navigation(built: Path) -> None:
    site = built / "public"
    count = len(yaml.safe_load((built / "reference/changelog.yaml").read_text())["entries"])
    assert count > LATEST  # the bundled log: otherwise this test shows little
    archived = sorted(p.relative_to(site).as_posix() for p in (site / "changelog").glob("*.html"))
    assert archived == sorted(f"changelog/{n}.html" for n in range(1, -(-count // PER_ARCHIVE_PAGE) + 1))
    held = {entry_id: page for page in archived for entry_id in re.findall(r'<p id="([^"]+)" class="lawgap-anchor">', (site / page).read_text())}
    assert len(held) == count
    main = (site / "changelog.html").read_text()
    assert len(re.findall(r'class="lawgap-anchor"', main)) == LATEST
    # every link to an entry, from the feeds and the jurisdiction pages, reaches the page that holds it
    targets = [(page, href) for page in site.glob("feed*.xml") for href in re.findall(r'href="(changelog/[^"]+)"', page.read_text())]
    targets += [(page, href) for page in (site / "jurisdictions").glob("*.html")
                for href in re.findall(r'href="(\.\./changelog/[^"]+)"', page.read_text())]
    assert len(targets) > count
    for page, href in targets:
        path, entry_id = urlsplit(href).path, urlsplit(href).fragment
        assert held[entry_id] == (page.parent / path).resolve().relative_to(site.resolve()).as_posix(), (page, href)
    index = json.loads((site / "search/search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "changelog.html" in locations and not any(location.startswith("changelog/") for location in locations)
    home = (site / "index.html").read_text()
    assert 'href="changelog.html"' in home and 'href="changelog/' not in home  # in the navigation: the page, not the archive
