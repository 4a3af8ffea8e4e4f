"""`lawgap changelog BASE [HEAD]`: each change to the data between two commits, classified, with the
score moves it caused; `--append` logs it in reference/changelog.yaml, which the site's change-log
page and Atom feeds are built from.

It is built on `lawgap diff` (contribute.diff): both sides are taken from git and validated, the
engine assesses both as of the same date, and the results that differ are the score moves. The
classification then compares the two sides' data item by item, matching items by id, never by list
position (an inserted penalty version is one new version, not a shift of every later one).

Items. Each data file is split into items, and each item compared with the same item on the other side:
  jurisdiction file  the jurisdiction's own fields; each treaty (by key)
  domain file        the file's own fields; each instrument (by id); each offence (by id, without its
                     penalties and tiers); each aggravated tier (by offence and tier id, without its
                     penalties); each penalty history (an offence's basic penalty, or one tier's); each measure
  baseline           the standard's own fields; each requirement (by id)
  exchange rates     the file's own fields; each rate (by currency and year)
reference/changelog.yaml is the log itself and is never compared. An item's values are its leaves
(diff.fact_changes; null and absent both mean unknown, except a prison term's min_years: left out, the law
sets none; null, it was not read). A value is *editorial* when its path goes
through note, scope_note, last_reviewed, review, retrieved or schema_version; a *source* value when
it goes through source, see_also or absence (what a fact rests on); every other value is a *fact*.

Classes, one per changed item, decided in this order:
1. Whole files. A new jurisdiction.yaml: one *addition* for the jurisdiction, which takes in the
   domain files added with it. Any other new file: an *addition* (a baseline: *method*). A removed
   file: a *correction* (the data is withdrawn).
2. Standards. Any change to a baseline's items: *method* (what is measured changed, not the law or
   the data about it).
3. Penalty histories. Versions are matched by effective date. The unmatched versions of the two
   sides are then paired in order: each pair is a version whose date was fixed, a *correction*. A
   further new version is a *law change* when the history already had a version: the data now
   records an amendment (or, with a null penalty, a repeal), earlier or later than what it knew; its
   effective date, if it has one, is the law date. In a history that was empty, the new versions
   are an *addition* (the first penalty known of the offence). A further version gone is a *correction*.
4. New items. A new instrument is a *law change* when it made the change: a penalty version that is
   a law change under rule 3 cites it, or it came into force (else was enacted) after the file was
   last reviewed at BASE (last_reviewed), so the data could not have known it; law date: its in-force,
   else enactment, date. Any other new instrument is an *addition*: a law already in force that the
   data now cites (an 1861 Act cited for aiding and abetting is no change in the law). A new offence,
   tier, measure, treaty, requirement or rate is an *addition*, unless its only known values are
   editorial (a measure still unknown, with a note): *editorial*. Items within a new item (a new
   offence's tiers and penalties) are part of it. A removed item is a *correction*.
5. Changed items, by their changed values. Only editorial values: *editorial*. An instrument whose
   repeal date was set or changed: *law change* (the instrument was repealed; law date: that date).
   A treaty whose status changed from one known status to another: *law change* (law date: its
   in-force, else consent, date). Otherwise: a fact that was known and changed (to another value or
   to unknown): *correction*; else a fact that was unknown and is now known: *addition* (sources
   given with it are part of it; an in-force date found is one); else only sources changed: *correction*.

The classes describe what the data records, not why a coder changed it: a law change records an
event of the law, which may lie years before the commit that records it (its law date says when).
"""

from __future__ import annotations

import datetime
import os
import re
import stat
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lawgap.contribute.diff import FactChange, ResultChange, commit, diff, fact_changes, show_value
from lawgap.load.layout import BASELINES_DIR, CHANGELOG_FILE, DOMAINS, JURISDICTION_FILE, LAWS_DIR, display_name
from lawgap.model.types import SCORE_FIGURES, ChangeLogEntry, LoggedChange, ScoreMove
from lawgap.render.site.escape import text as escape_markdown
from lawgap.validate.pipeline import validate_paths
from lawgap.validate.schema_layer import SchemaSet

KINDS = ("law-change", "correction", "addition", "method", "editorial")
KIND_TITLES = {"law-change": "Law changes", "correction": "Corrections", "addition": "Additions",
               "method": "Method changes", "editorial": "Editorial changes"}
EDITORIAL_KEYS = frozenset({"note", "scope_note", "last_reviewed", "review", "earlier_reviews", "retrieved", "schema_version"})
SOURCE_KEYS = frozenset({"source", "see_also", "absence"})
MAX_DETAILS = 3
_FIRST_DETAILS = ("$.title", "$.value", "$.status")  # what names a new instrument, measure or treaty
_PATH_KEY = re.compile(r"\.([A-Za-z_][A-Za-z0-9_-]*)")
_HEADER = ("# yaml-language-server: $schema=../schema/changelog.schema.json\n"
           "# Written by `lawgap changelog BASE HEAD --append` (one entry per logged commit, oldest first); do not edit by hand.\n")


class ChangelogError(Exception):
    """The change log file is invalid, or the entry cannot be logged."""


def changelog(root: Path, base: str, head: str | None, as_of: datetime.date | None = None) -> ChangeLogEntry:
    """The classified changes from `base` to `head` (the working tree when None), with the score moves
    as of `as_of` (default: the head commit's date, so a logged entry never depends on the day it is run)."""
    base_commit = commit(root, base)
    head_commit = commit(root, head) if head is not None else None
    day = as_of or (head_commit.committed.date() if head_commit else datetime.date.today())
    change = diff(root, base, head, day)
    return ChangeLogEntry(
        commit=head_commit.sha if head_commit else None, base=base_commit.sha,
        date=head_commit.committed if head_commit else None,
        message=head_commit.subject if head_commit else "working tree", as_of=day,
        changes=tuple(classify(change.before, change.after)), moves=tuple(score_moves(change.results)))


def score_moves(results: list[ResultChange]) -> Iterator[ScoreMove]:
    for result in results:
        if any(result.before[key] != result.after[key] for key in SCORE_FIGURES):
            yield ScoreMove(result.jurisdiction, result.domain, {k: result.before[k] for k in SCORE_FIGURES},
                            {k: result.after[k] for k in SCORE_FIGURES})


# -- classification -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    label: str
    what: str  # fields, instrument, offence, tier, history, measure, treaty, requirement, rate
    own: Any  # the item's values without the items inside it (a history: its list of versions)
    whole: Any  # everything the item holds, for counting a new or removed item
    parent: tuple | None = None


@dataclass(frozen=True)
class _Place:
    jurisdiction: str | None
    domain: str | None

    def change(self, kind: str, name: str, item: str, facts: int, details: tuple = (),
               law_date: str | None = None) -> LoggedChange:
        return LoggedChange(kind, name, item, facts, self.jurisdiction, self.domain,  # type: ignore[arg-type]
                            datetime.date.fromisoformat(law_date) if law_date else None, details)


def classify(before: dict[str, Any], after: dict[str, Any]) -> list[LoggedChange]:
    """The classified changes between two sides' data (repository-relative file -> loaded data)."""
    new_jurisdictions = {_folder(name) for name in after if name.endswith("/" + JURISDICTION_FILE) and name not in before}
    changes: list[LoggedChange] = []
    for name in sorted(set(before) | set(after)):
        if name == CHANGELOG_FILE:
            continue
        old, new = before.get(name), after.get(name)
        place = _place(name)
        if old is None and _folder(name) in new_jurisdictions:
            if name.endswith("/" + JURISDICTION_FILE):  # the jurisdiction with every file added with it
                folder = _folder(name)
                facts = sum(_known(after[f]) for f in after if f not in before and _folder(f) == folder)
                changes.append(place.change("addition", name, f"new jurisdiction {place.jurisdiction}", facts))
        elif old is None:
            kind = "method" if name.startswith(BASELINES_DIR + "/") else "addition"
            changes.append(place.change(kind, name, f"new file {name}", _known(new)))
        elif new is None:
            changes.append(place.change("correction", name, f"file {name} removed", _known(old)))
        else:
            changes += _item_changes(name, place, old, new)
    return changes


def _item_changes(name: str, place: _Place, old: dict[str, Any], new: dict[str, Any]) -> Iterator[LoggedChange]:
    standard = name.startswith(BASELINES_DIR + "/")
    old_items, new_items = _items(name, old), _items(name, new)
    amending = {version["source"]["instrument"] for key, item in new_items.items() if item.what == "history" and key in old_items
                for version in _versions(old_items[key].own, item.own).amendments if version.get("source")}
    newer_than = old.get("last_reviewed")  # an instrument in force after this date is news to the data
    for key in [*new_items, *(k for k in old_items if k not in new_items)]:
        a, b = old_items.get(key), new_items.get(key)
        if (a is None and b.parent and b.parent not in old_items) or (b is None and a.parent and a.parent not in new_items):
            continue  # part of a new or removed item
        if b is not None and b.what == "history":
            yield from _history_changes(name, place, b.label, a.own if a else [], b.own)
        elif a is None:
            yield _new_item(name, place, b, standard, amending, newer_than)
        elif b is None:
            yield place.change("method" if standard else "correction", name, f"{a.label} removed", _known(a.whole))
        else:
            edits = fact_changes(name, a.own, b.own)
            if edits:
                kind, law_date = _edit_kind(a, b, edits)
                yield place.change("method" if standard and kind != "editorial" else kind, name, b.label, len(edits),
                                   _details(edits), law_date)


def _new_item(name: str, place: _Place, item: _Item, standard: bool, amending: set[str], newer_than: str | None) -> LoggedChange:
    values = fact_changes(name, {}, item.whole)
    details = _details(values)
    if standard:
        return place.change("method", name, f"new {item.label}", len(values), details)
    if all(_is_editorial(v.path) for v in values):
        return place.change("editorial", name, f"new {item.label}", len(values), details)
    if item.what == "instrument":
        started = item.own.get("in_force") or item.own.get("enacted")
        if item.own["id"] in amending or (started and newer_than and started > newer_than):
            return place.change("law-change", name, f"new {item.label}", len(values), details, started)
    return place.change("addition", name, f"new {item.label}", len(values), details)


@dataclass(frozen=True)
class _Versions:
    """Rule 3's matching of one penalty history's versions."""

    matched: list[tuple[dict, dict]]  # same effective date
    redated: list[tuple[dict, dict]]  # unmatched, paired in order: a date fixed
    amendments: list[dict]  # further new versions in a history that had one: law changes
    first: list[dict]  # new versions in a history that was empty: additions
    gone: list[dict]


def _versions(old: list[dict], new: list[dict]) -> _Versions:
    by_date_old = {v.get("effective"): v for v in old}
    by_date_new = {v.get("effective"): v for v in new}
    gone = [v for v in old if v.get("effective") not in by_date_new]
    came = [v for v in new if v.get("effective") not in by_date_old]
    further = came[len(gone):]
    return _Versions([(by_date_old[d], v) for d, v in by_date_new.items() if d in by_date_old], list(zip(gone, came)),
                     further if old else [], [] if old else further, gone[len(came):])


def _history_changes(name: str, place: _Place, label: str, old: list[dict], new: list[dict]) -> Iterator[LoggedChange]:
    """Rule 3, for one penalty history."""
    versions = _versions(old, new)
    for was, now in versions.matched:
        edits = fact_changes(name, was, now)
        if edits:
            kind, _ = _edit_kind(None, None, edits)
            yield place.change(kind, name, f"{label}, version {_dated(now.get('effective'))}", len(edits), _details(edits))
    for was, now in versions.redated:
        edits = fact_changes(name, was, now)
        yield place.change("correction", name, f"{label}, version {_dated(was.get('effective'))} "
                           f"now {_dated(now.get('effective'))}", len(edits), _details(edits))
    for kind, added in (("law-change", versions.amendments), ("addition", versions.first)):
        for now in added:
            values = fact_changes(name, {}, now)
            yield place.change(kind, name, f"{label}, new version {_dated(now.get('effective'))}", len(values),
                               _details(values), now.get("effective") if kind == "law-change" else None)
    for was in versions.gone:
        yield place.change("correction", name, f"{label}, version {_dated(was.get('effective'))} removed", _known(was))


def _edit_kind(a: _Item | None, b: _Item | None, edits: list[FactChange]) -> tuple[str, str | None]:
    """Rule 5: the class of a changed item, and the law date of a law change."""
    substantive = [e for e in edits if not _is_editorial(e.path)]
    if not substantive:
        return "editorial", None
    changed = {_keys(e.path)[-1] for e in substantive if _keys(e.path)}
    if b is not None and b.what == "instrument" and "repealed" in changed and b.own.get("repealed"):
        return "law-change", b.own["repealed"]
    if b is not None and a is not None and b.what == "treaty" and a.own.get("status") and b.own.get("status") \
            and a.own["status"] != b.own["status"]:
        return "law-change", b.own.get("in_force") or b.own.get("consent")
    facts = [e for e in substantive if not set(_keys(e.path)) & SOURCE_KEYS]
    if any(e.before is not None for e in facts):
        return "correction", None
    return ("addition" if facts else "correction"), None


def _items(name: str, data: dict[str, Any]) -> dict[tuple, _Item]:
    """The file's items in file order (see the module's doc)."""
    if name.endswith("/" + JURISDICTION_FILE):
        items = {("fields",): _Item("jurisdiction details", "fields", _without(data, "treaties"), data)}
        for key, treaty in (data.get("treaties") or {}).items():
            items[("treaty", key)] = _Item(f"treaty {key}", "treaty", treaty or {}, treaty or {})
        return items
    if name.startswith(LAWS_DIR + "/"):
        return _domain_items(data)
    if name.startswith(BASELINES_DIR + "/"):
        items = {("fields",): _Item(f"standard {data.get('id')}", "fields", _without(data, "requirements"), data)}
        for requirement in data.get("requirements", []):
            items[("requirement", requirement["id"])] = _Item(f"requirement {requirement['id']}", "requirement", requirement, requirement)
        return items
    if "rates" in data:
        items = {("fields",): _Item("exchange rates", "fields", _without(data, "rates"), data)}
        for rate in data["rates"]:
            items[("rate", rate["currency"], rate["year"])] = _Item(f"exchange rate {rate['currency']} {rate['year']}", "rate", rate, rate)
        return items
    return {("fields",): _Item(name, "fields", data, data)}


def _domain_items(data: dict[str, Any]) -> dict[tuple, _Item]:
    fields = _without(data, "instruments", "offences", "measures")
    items = {("fields",): _Item("file details", "fields", fields, fields)}
    for instrument in data.get("instruments", []):
        items[("instrument", instrument["id"])] = _Item(f"instrument {instrument['id']}", "instrument", instrument, instrument)
    for offence in data.get("offences", []):
        offence_key, label = ("offence", offence["id"]), f"offence {offence['id']}"
        items[offence_key] = _Item(label, "offence", _without(offence, "penalty_history", "aggravated_tiers"), offence)
        items[("history", offence["id"])] = _Item(f"basic penalty of {label}", "history", offence.get("penalty_history", []),
                                                 offence.get("penalty_history", []), offence_key)
        for tier in offence.get("aggravated_tiers", []):
            tier_key, tier_label = ("tier", offence["id"], tier["id"]), f"aggravated tier {tier['id']} of {label}"
            items[tier_key] = _Item(tier_label, "tier", _without(tier, "penalty_history"), tier, offence_key)
            items[("history", offence["id"], tier["id"])] = _Item(f"penalty of {tier_label}", "history", tier["penalty_history"],
                                                                 tier["penalty_history"], tier_key)
    for measure, value in (data.get("measures") or {}).items():
        items[("measure", measure)] = _Item(f"measure {measure}", "measure", value, value)
    return items


def _without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in keys}


def _keys(path: str) -> list[str]:
    return _PATH_KEY.findall(path)


def _is_editorial(path: str) -> bool:
    return bool(set(_keys(path)) & EDITORIAL_KEYS)


def _known(data: Any) -> int:
    """How many values `data` records (null and absent values are not counted)."""
    return len(fact_changes("", {}, data)) if isinstance(data, dict) else sum(_known(v) for v in data or ())


def _details(edits: list[FactChange]) -> tuple[tuple[str, str, str], ...]:
    """The first changed values to show: facts, then sources (editorial values are counted, not shown:
    a note cut to 80 characters says little, and they would be most of the log)."""
    shown = [e for e in edits if not _is_editorial(e.path) and e.path != "$.id"]  # a new item's id is in its label
    shown.sort(key=lambda edit: (bool(set(_keys(edit.path)) & SOURCE_KEYS), edit.path not in _FIRST_DETAILS))
    return tuple((e.path, show_value(e.before), show_value(e.after)) for e in shown[:MAX_DETAILS])


def _dated(effective: str | None) -> str:
    return f"from {effective}" if effective else "undated"


def _folder(name: str) -> str | None:
    parts = name.split("/")
    return parts[1] if parts[0] == LAWS_DIR and len(parts) == 3 else None


def _place(name: str) -> _Place:
    folder = _folder(name)
    stem = name.rsplit("/", 1)[-1].removesuffix(".yaml")
    return _Place(folder.upper() if folder else None, stem if folder and stem in DOMAINS else None)


# -- the log file ---------------------------------------------------------------------------------


def entry_data(entry: ChangeLogEntry) -> dict[str, Any]:
    """The entry as stored in reference/changelog.yaml (and printed by --format json)."""
    def change(c: LoggedChange) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": c.kind, "file": c.file}
        data.update({k: v for k, v in (("jurisdiction", c.jurisdiction), ("domain", c.domain)) if v})
        data.update({"item": c.item, "facts": c.facts})
        if c.law_date:
            data["law_date"] = c.law_date.isoformat()
        if c.details:
            data["details"] = [{"path": p, "before": b, "after": a} for p, b, a in c.details]
        return data

    return {
        "commit": entry.commit, "base": entry.base,
        "date": entry.date.strftime("%Y-%m-%dT%H:%M:%SZ") if entry.date else None,
        "message": entry.message, "as_of": entry.as_of.isoformat(),
        "changes": [change(c) for c in entry.changes],
        "moves": [{"jurisdiction": m.jurisdiction, "domain": m.domain,
                   **{k: {"before": m.before[k], "after": m.after[k]} for k in SCORE_FIGURES}} for m in entry.moves],
    }


def append(root: Path, entry: ChangeLogEntry, schemas: SchemaSet) -> str:
    """Log `entry` at the end of root/reference/changelog.yaml (created when missing) and say so; an entry
    that changed no data and moved nothing (a commit of code, or of the log itself) is not logged. The
    file is validated before and after, as `lawgap validate` would, and replaced atomically: an error
    changes nothing."""
    if entry.commit is None:
        raise ChangelogError("only a commit can be logged: give HEAD as a commit, not the working tree")
    if not entry.changes and not entry.moves:
        return f"nothing logged: no data changed between {entry.base[:12]} and {entry.commit[:12]}"
    path = root / CHANGELOG_FILE
    data = _load(path, schemas) if os.path.lexists(path) else {"schema_version": 1, "entries": []}
    if any(logged["commit"] == entry.commit for logged in data["entries"]):
        raise ChangelogError(f"{display_name(path)}: commit {entry.commit[:12]} is already logged")
    data["entries"].append(entry_data(entry))
    written = (_HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="lawgap-changelog-") as scratch:
        trial = Path(scratch) / CHANGELOG_FILE
        trial.parent.mkdir()
        trial.write_bytes(written)
        problems = validate_paths([trial], schemas).diagnostics
    if problems:  # the new entry, not the data, is at fault (e.g. markup in a commit subject): nothing is written
        raise ChangelogError(f"the new entry would make {display_name(path)} invalid: {problems[0].path}: {problems[0].message}")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".changelog-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(written)
        os.chmod(temporary, _file_mode(path))  # mkstemp makes it private; the log is an ordinary data file
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return f"logged {entry.commit[:12]} in {CHANGELOG_FILE} ({len(data['entries'])} entries)"


def _file_mode(path: Path) -> int:
    """The log's present permissions, or those a new file gets under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _load(path: Path, schemas: SchemaSet) -> dict[str, Any]:
    """The change log's data, validated as `lawgap validate` validates it."""
    report = validate_paths([path], schemas)
    if report.diagnostics:
        raise ChangelogError(f"{report.diagnostics[0].as_text()}\n(fix it, or restore it from git, before logging more)")
    return report.documents[0].data


# -- output ---------------------------------------------------------------------------------------


def counts(entry: ChangeLogEntry) -> Counter:
    return Counter(c.kind for c in entry.changes)


def as_text(entry: ChangeLogEntry) -> str:
    head = entry.commit[:12] if entry.commit else "working tree"
    lines = [f"lawgap changelog {entry.base[:12]} → {head} (results as of {entry.as_of.isoformat()})"]
    if not entry.changes:
        lines += ["", "No data changed."]
    for kind in KINDS:
        changes = [c for c in entry.changes if c.kind == kind]
        if changes:
            lines += ["", f"{KIND_TITLES[kind]} ({len(changes)}):"]
            for c in changes:
                lines.append(f"  {_where(c)}{c.item}{f' [law date {c.law_date}]' if c.law_date else ''} ({c.facts} values)")
                lines += [f"      {path}: {before} → {after}" for path, before, after in c.details]
    lines += ["", "Score moves:"]
    lines += [f"  {m.jurisdiction} {m.domain}: {', '.join(_moved(m))}" for m in entry.moves] or ["  none"]
    return "\n".join(lines) + "\n"


def as_markdown(entry: ChangeLogEntry) -> str:
    head = f"`{entry.commit[:12]}`" if entry.commit else "the working tree"
    tally = counts(entry)
    lines = ["### lawgap: what this change records", "",
             f"Compared `{entry.base[:12]}` with {head}; results as of {entry.as_of.isoformat()}.", "",
             ", ".join(f"{KIND_TITLES[k]}: {tally[k]}" for k in KINDS if tally[k]) or "No data changed.", ""]
    if entry.changes:
        lines += ["| Class | Where | What | Law date | Values |", "|---|---|---|---|---|"]
        lines += [f"| {KIND_TITLES[c.kind]} | {_where(c).strip() or '—'} | {escape_markdown(c.item)} | "
                  f"{c.law_date or '—'} | {c.facts} |" for c in entry.changes]
        lines.append("")
    if entry.moves:
        lines += ["| Jurisdiction | Domain | Score | Coverage | Max prison |", "|---|---|---|---|---|"]
        lines += [f"| {m.jurisdiction} | {m.domain} | " + " | ".join(_arrow(m, k) for k in SCORE_FIGURES) + " |"
                  for m in entry.moves]
    else:
        lines.append("No score, coverage or maximum prison term moved.")
    return "\n".join(lines) + "\n"


def _where(change: LoggedChange) -> str:
    return " ".join(filter(None, (change.jurisdiction, change.domain))) + " " if change.jurisdiction else ""


def _moved(move: ScoreMove) -> list[str]:
    labels = {"score": "score", "coverage": "coverage", "max_prison_years": "max prison"}
    return [f"{labels[k]} {show_value(move.before[k])} → {show_value(move.after[k])}"
            for k in SCORE_FIGURES if move.before[k] != move.after[k]]


def _arrow(move: ScoreMove, key: str) -> str:
    old, new = move.before[key], move.after[key]
    return show_value(new) if old == new else f"{show_value(old)} → **{show_value(new)}**"
