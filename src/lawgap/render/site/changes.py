"""The change-log page, its archive and each jurisdiction's recent changes, from the knowledge base's
change log (reference/changelog.yaml, which `lawgap changelog --append` writes; see contribute.changelog
for the classes). Built from that committed file, not from git, so a build from a tarball or a shallow
clone shows the same pages.

The change-log page shows only the newest entries, so it stays small however long the log grows. Every
entry lives on an archive page fixed by its place in the log: changelog/1.md holds the first PER_ARCHIVE_PAGE
entries logged, changelog/2.md the next, and so on. The log is only ever appended to, so an entry's
address (archive page and anchor) never changes, and every link to an entry (feeds, jurisdiction pages)
points there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from lawgap.contribute.changelog import KINDS
from lawgap.model.types import SCORE_FIGURES, ChangeLogEntry, KnowledgeBase, LoggedChange, ScoreMove
from lawgap.render.site import formatting as fmt
from lawgap.render.site.escape import Trusted, front_matter, html_table, html_text, text
from lawgap.render.site.fragments import deferred

PAGE = "changelog.md"
ARCHIVE_FOLDER = "changelog"  # changelog/<n>.md, beside the page
PER_ARCHIVE_PAGE = 50  # never change it: every entry's address would move and every link to it break
LATEST = 20  # entries on the change-log page itself
SITE_FEED = "feed.xml"
SUBSTANTIVE = ("law-change", "correction", "addition", "method")  # what feeds and tallies lead with
KIND_NAMES = {"law-change": ("law change", "law changes"), "correction": ("correction", "corrections"),
              "addition": ("addition", "additions"), "method": ("method change", "method changes"),
              "editorial": ("editorial change", "editorial changes")}
OPEN_UP_TO = 25  # rows shown open; longer tables fold into <details>
RECENT = 5  # entries listed on a jurisdiction page
PLACES_IN_HEADING = 3


def jurisdiction_feed(code: str) -> str:
    """The site path of a jurisdiction's Atom feed: at the site root, because Material's script fetches
    sitemap.xml beside every rel=alternate link (feeds/sitemap.xml would be a 404 on every country page)."""
    return f"feed-{code.lower()}.xml"


def entry_anchor(entry: ChangeLogEntry) -> str:
    """The id of the entry on the change-log page: its date and commit, stable across builds and headings."""
    return f"{entry.date:%Y-%m-%d}-{entry.commit[:12]}" if entry.date and entry.commit else "working-tree"


def archive_page(number: int) -> str:
    """The site path (Markdown source) of archive page `number`, counted from 1."""
    return f"{ARCHIVE_FOLDER}/{number}.md"


@dataclass(frozen=True)
class Logged:
    """An entry of the log with its place in it (0 for the first logged), which fixes its archive page."""

    entry: ChangeLogEntry
    position: int

    @property
    def page_number(self) -> int:
        return self.position // PER_ARCHIVE_PAGE + 1

    def address(self, suffix: str = ".md") -> str:
        """Its permanent address in the site: the archive page (as Markdown source, or `.html`) and its anchor."""
        return f"{archive_page(self.page_number).removesuffix('.md')}{suffix}#{entry_anchor(self.entry)}"


def newest_first(entries: Sequence[ChangeLogEntry], start: int = 0) -> list[Logged]:
    """Entries of the log (in log order, the first at position `start`) by commit date, newest first;
    entries of the same second keep the log's order, later first."""
    return sorted((Logged(entry, position) for position, entry in enumerate(entries, start)),
                  key=lambda logged: (logged.entry.date, logged.position), reverse=True)


@dataclass(frozen=True)
class Relevant:
    """What one entry changed and moved for one jurisdiction (or for every one, when code is None)."""

    logged: Logged
    changes: tuple[LoggedChange, ...]
    moves: tuple[ScoreMove, ...]

    @property
    def entry(self) -> ChangeLogEntry:
        return self.logged.entry

    @property
    def substantive(self) -> bool:
        return any(c.kind in SUBSTANTIVE for c in self.changes) or bool(self.moves)


def relevant(logged: Logged, code: str | None = None) -> Relevant:
    entry = logged.entry
    if code is None:
        return Relevant(logged, entry.changes, entry.moves)
    return Relevant(logged, tuple(c for c in entry.changes if c.jurisdiction == code),
                    tuple(m for m in entry.moves if m.jurisdiction == code))


def tally(changes: Iterable[LoggedChange]) -> str:
    """'2 law changes, 1 correction, 3 editorial changes' (the classes in KINDS order)."""
    counts = Counter(c.kind for c in changes)
    return ", ".join(f"{counts[k]} {KIND_NAMES[k][counts[k] != 1]}" for k in KINDS if counts[k]) or "no data changed"


def move_text(move: ScoreMove) -> str:
    """'score 50 → 60, coverage 40% → 45%' for the figures that moved, or 'first assessed: score 60, ...'
    for a jurisdiction and domain that had no results before (plain text)."""
    names = {"score": "score", "coverage": "coverage", "max_prison_years": "core maximum"}
    if all(move.before[k] is None for k in SCORE_FIGURES):
        return "first assessed: " + ", ".join(f"{names[k]} {_shown(k, move.after[k])}" for k in SCORE_FIGURES
                                               if move.after[k] is not None)
    return ", ".join(f"{names[k]} {_shown(k, move.before[k])} → {_shown(k, move.after[k])}"
                     for k in SCORE_FIGURES if move.before[k] != move.after[k])


def _shown(key: str, value: Any) -> str:
    if key == "max_prison_years":
        return "—" if value is None else str(fmt.years(value))
    return "—" if value is None else f"{value:g}%" if key == "coverage" else f"{value:g}"


def change_log_pages(kb: KnowledgeBase) -> Iterator[tuple[str, str]]:
    """The change-log page and every archive page, path in the site and text, one at a time."""
    yield PAGE, change_log_page(kb)
    for number in range(1, _archive_count(kb.change_log) + 1):
        yield archive_page(number), archive_page_text(kb, number)


def change_log_page(kb: KnowledgeBase) -> str:
    entries = newest_first(kb.change_log)
    counts = Counter(c.kind for e in kb.change_log for c in e.changes)
    first, last = _date_span(kb.change_log)
    return _ENV.get_template("changelog.md.j2").render(
        title=front_matter("Change log"),
        entries=[_entry_view(kb, logged, "", permanent=True) for logged in entries[:LATEST]],
        archive=[_archive_link(kb.change_log, number) for number in range(_archive_count(kb.change_log), 0, -1)],
        totals=[{"name": KIND_NAMES[k][1].capitalize(), "count": counts[k]} for k in KINDS],
        logged=len(entries), first=first, last=last, feed=Trusted(SITE_FEED), latest=LATEST,
        per_page=PER_ARCHIVE_PAGE)


def archive_page_text(kb: KnowledgeBase, number: int) -> str:
    """Archive page `number`: the entries logged at positions (number-1)*PER_ARCHIVE_PAGE onwards, newest
    first, with links to the older and newer pages and to the change-log page."""
    count = _archive_count(kb.change_log)
    if not 1 <= number <= count:
        raise ValueError(f"archive page {number} holds no entry (the log has {len(kb.change_log)})")
    this = _archive_link(kb.change_log, number, "../")
    return _ENV.get_template("changelog_archive.md.j2").render(
        title=front_matter(f"Change log: entries {this['span']}"), this=this, per_page=PER_ARCHIVE_PAGE,
        entries=[_entry_view(kb, logged, "../") for logged in newest_first(_held(kb.change_log, number), _first(number))],
        older=_archive_link(kb.change_log, number - 1, "../") if number > 1 else None,
        newer=_archive_link(kb.change_log, number + 1, "../") if number < count else None)


def _archive_count(entries: Sequence[ChangeLogEntry]) -> int:
    return -(-len(entries) // PER_ARCHIVE_PAGE)


def _first(number: int) -> int:
    """The position in the log of archive page `number`'s first entry."""
    return (number - 1) * PER_ARCHIVE_PAGE


def _held(entries: Sequence[ChangeLogEntry], number: int) -> Sequence[ChangeLogEntry]:
    """The entries archive page `number` holds, in log order."""
    return entries[_first(number):_first(number) + PER_ARCHIVE_PAGE]


def _archive_link(entries: Sequence[ChangeLogEntry], number: int, prefix: str = "") -> dict[str, Any]:
    """What a link to archive page `number` says: its entries, their dates, whether it is still filling."""
    held = _held(entries, number)
    first, last = _date_span(held)
    return {"href": Trusted(prefix + archive_page(number)), "span": _span(_first(number), len(held)), "first": first,
            "last": last, "filling": len(held) < PER_ARCHIVE_PAGE}


def _span(start: int, count: int) -> str:
    """'51–100': the entries' numbers in the log, counted from 1."""
    return f"{start + 1}–{start + count}" if count > 1 else str(start + 1)


def _date_span(entries: Iterable[ChangeLogEntry]) -> tuple[str | None, str | None]:
    dates = sorted(e.date for e in entries if e.date)
    return (f"{dates[0]:%Y-%m-%d}", f"{dates[-1]:%Y-%m-%d}") if dates else (None, None)


def recent_changes(kb: KnowledgeBase, code: str, prefix: str = "../") -> Trusted | None:
    """A jurisdiction page's list of the latest logged entries that changed its data or moved its results
    (Markdown), or None when none did."""
    shown = [r for r in (relevant(logged, code) for logged in newest_first(kb.change_log)) if r.changes or r.moves][:RECENT]
    if not shown:
        return None
    lines = []
    for r in shown:
        moved = "; ".join(f"{fmt.DOMAIN_TITLES[m.domain].lower()}: {move_text(m)}" for m in r.moves)
        lines.append(f"- [{r.entry.date:%Y-%m-%d}]({prefix}{r.logged.address()}): "
                     f"{tally(r.changes) if r.changes else 'results moved'}"
                     + (f" — {text(moved)}" if moved else ""))
    return Trusted("\n".join(lines))


def _entry_view(kb: KnowledgeBase, logged: Logged, prefix: str, permanent: bool = False) -> dict[str, Any]:
    """An entry as a page `prefix` away from the site's root shows it; `permanent`: with a link to its
    archive address (on the change-log page, which holds it only while it is among the newest)."""
    entry = logged.entry
    listed = sorted((c for c in entry.changes if c.kind != "editorial"), key=lambda c: KINDS.index(c.kind))  # law changes first
    editorial = len(entry.changes) - len(listed)
    rows = [[_kind_cell(c.kind), _where(kb, c, prefix), _what(c), html_text(c.law_date.isoformat() if c.law_date else "—"),
             str(c.facts)] for c in listed]
    moves = [[_jurisdiction_link(kb, m.jurisdiction, prefix), html_text(fmt.DOMAIN_TITLES[m.domain]),
              *(html_text(_figure(k, m.before[k], m.after[k])) for k in SCORE_FIGURES)] for m in entry.moves]
    heading = f"{entry.date:%Y-%m-%d} · {_places(kb, entry)}" if entry.date else "working tree"
    return {
        "heading": heading, "anchor": Trusted(entry_anchor(entry)), "commit": entry.commit[:12] if entry.commit else "",
        "permanent": Trusted(prefix + logged.address()) if permanent else None,
        "message": entry.message, "tally": tally(entry.changes), "as_of": entry.as_of.isoformat(),
        "changes": _folded(html_table(["Class", "Where", "What changed", "Law date", "Values"], rows,
                                      f"Changes of {heading}", searchable=False),
                           len(rows), "changes") if rows else None,
        "editorial": Trusted(f"And {editorial} {KIND_NAMES['editorial'][editorial != 1]} (notes, review records)." if rows else
                             "Only notes and review records changed.") if editorial else "",
        "moves": _folded(html_table(["Jurisdiction", "Domain", "Score", "Coverage", "Core maximum"], moves,
                                    f"Score moves of {heading}", searchable=False),
                         len(moves), "score moves") if moves else None,
    }


def _places(kb: KnowledgeBase, entry: ChangeLogEntry) -> str:
    """What an entry is about, for its heading: up to three jurisdictions by name, else how many; the
    standards or reference data when it touched no jurisdiction."""
    codes = sorted({c.jurisdiction for c in entry.changes if c.jurisdiction} | {m.jurisdiction for m in entry.moves})
    if len(codes) > PLACES_IN_HEADING:
        return f"{len(codes)} jurisdictions"
    if codes:
        return ", ".join(kb.jurisdictions[c].name if c in kb.jurisdictions else c for c in codes)
    return "standards" if any(c.kind == "method" for c in entry.changes) else "reference data"


def _folded(table: Trusted, rows: int, what: str) -> Trusted:
    """The table, folded when long; deferred (fragments), so the build checks its links to jurisdiction pages."""
    if rows <= OPEN_UP_TO:
        return deferred(table)
    return deferred(f"<details><summary>All {rows} {what}</summary>\n\n{table}\n\n</details>")


def _kind_cell(kind: str) -> str:
    name = html_text(KIND_NAMES[kind][0])
    return f"<strong>{name}</strong>" if kind == "law-change" else name


def _where(kb: KnowledgeBase, change: LoggedChange, prefix: str) -> str:
    if change.jurisdiction is None:
        return html_text(change.file)
    place = _jurisdiction_link(kb, change.jurisdiction, prefix)
    return place + (f"<br><small>{html_text(fmt.DOMAIN_TITLES[change.domain])}</small>" if change.domain else "")


def _what(change: LoggedChange) -> str:
    details = "".join(f"<br><small><code>{html_text(path.removeprefix('$.'))}</code>: {html_text(before)} → {html_text(after)}</small>"
                      for path, before, after in change.details)
    return html_text(change.item) + details


def _jurisdiction_link(kb: KnowledgeBase, code: str, prefix: str) -> str:
    jurisdiction = kb.jurisdictions.get(code)
    if jurisdiction is None:  # no longer in the data: no page to link to
        return html_text(code)
    return f'<a href="{prefix}jurisdictions/{code.lower()}.html">{html_text(jurisdiction.name)}</a>'


def _figure(key: str, before: Any, after: Any) -> str:
    return _shown(key, after) if before == after else f"{_shown(key, before)} → {_shown(key, after)}"


_ENV = Environment(loader=PackageLoader("lawgap.render.site", "templates"), undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False,
                   finalize=lambda value: value if isinstance(value, Trusted) else text(value))
