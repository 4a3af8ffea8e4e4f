"""`lawgap diff BASE [HEAD]`: which facts a change touches, and how every affected result moves.

BASE and HEAD are git refs; without HEAD the working tree is compared. Each side's data folders
are taken from git (`git archive`), validated and assessed exactly as `lawgap score` would; the
engine runs on both and the results are compared, so the diff shows what readers of the site
would see change.
"""

from __future__ import annotations

import datetime
import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgap.engine.assessment import DomainAssessment, assess
from lawgap.load.json_path import child_path
from lawgap.load.layout import (
    BASELINES_DIR,
    DOMAINS,
    LAWS_DIR,
    REFERENCE_DIR,
    SCHEMA_DIR,
    default_targets,
    schema_dir,
)
from lawgap.load.regular_files import SYMLINK
from lawgap.model.build import build_knowledge_base
from lawgap.model.types import KnowledgeBase
from lawgap.render.site.escape import text as escape_markdown
from lawgap.render.tables import plain
from lawgap.validate.pipeline import validate_paths
from lawgap.validate.rules import source_text_hosts
from lawgap.validate.schema_layer import SchemaSet

DATA_FOLDERS = (LAWS_DIR, BASELINES_DIR, REFERENCE_DIR, SCHEMA_DIR)
MAX_FACTS_PER_FILE = 25


class DiffError(Exception):
    """A ref could not be read, or one side's data is invalid."""


@dataclass
class FactChange:
    file: str
    path: str
    before: Any
    after: Any


@dataclass
class ResultChange:
    jurisdiction: str
    domain: str
    before: dict[str, Any]
    after: dict[str, Any]
    requirements: list[tuple[str, str, str]] = field(default_factory=list)  # (id, before, after)


@dataclass
class Diff:
    base: str
    head: str
    facts: list[FactChange]
    results: list[ResultChange]
    # each side's data, repository-relative file -> loaded data (contribute.changelog matches its facts by id)
    before: dict[str, Any] = field(default_factory=dict, repr=False)
    after: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class Commit:
    sha: str
    committed: datetime.datetime  # the committer date, in UTC
    subject: str


@dataclass
class _Side:
    kb: KnowledgeBase
    data: dict[str, Any]  # repository-relative file -> loaded data


def diff(root: Path, base: str, head: str | None, day: datetime.date) -> Diff:
    with _tree(root, base) as base_root, _tree(root, head) as head_root:
        before, after = _side(base_root, base), _side(head_root, head or "working tree")
    facts = [change for name in sorted(set(before.data) | set(after.data))
             for change in fact_changes(name, before.data.get(name), after.data.get(name))]
    return Diff(base, head or "working tree", facts, _result_changes(before.kb, after.kb, day), before.data, after.data)


def commit(root: Path, ref: str) -> Commit:
    """The commit `ref` names: its full hash, committer date and subject line."""
    sha, committed, subject = _git(root, "show", "-s", "--format=%H%x00%cI%x00%s", f"{ref}^{{commit}}").rstrip("\n").split("\0")
    return Commit(sha, datetime.datetime.fromisoformat(committed).astimezone(datetime.timezone.utc), subject)


@contextmanager
def _tree(root: Path, ref: str | None) -> Iterator[Path]:
    """The data folders as they are at `ref` (the working tree itself when ref is None)."""
    if ref is None:
        yield root
        return
    wanted = [name for name in DATA_FOLDERS if _git(root, "ls-tree", "--name-only", ref, name).strip()]
    archive = _git_bytes(root, "archive", "--format=tar", ref, *wanted) if wanted else b""
    with tempfile.TemporaryDirectory(prefix="lawgap-diff-") as folder:
        if archive:
            _unpack(archive, Path(folder), ref)
        yield Path(folder)


def _unpack(archive: bytes, folder: Path, ref: str) -> None:
    """Files and folders only: a symlink committed in the data is refused by name, as `lawgap validate`
    refuses it (see load.regular_files), instead of tarfile's filter stopping with a traceback."""
    try:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            for member in tar.getmembers():
                if not (member.isfile() or member.isdir()):
                    what = SYMLINK if member.issym() else "is not a regular file or folder"
                    raise DiffError(f"{member.name} at {ref} {what}")
            tar.extractall(folder, filter="data")
    except tarfile.TarError as error:
        raise DiffError(f"cannot unpack the data at {ref}: {error}") from error


def _git(root: Path, *args: str) -> str:
    return _git_bytes(root, *args).decode("utf-8", "replace")


def _git_bytes(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise DiffError("git is not installed") from error
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        # git's own reason ("fatal: ambiguous argument 'x': unknown revision ..."), not the usage hint after it
        message = next((line for line in lines if line.startswith(("fatal:", "error:"))), lines[-1] if lines else "unknown error")
        raise DiffError(f"git {' '.join(args[:2])} failed: {message}")
    return done.stdout


# Rules about how a citation is labelled, not about what the data says: a commit made before such a rule
# (or before its reference table was complete) is still compared, so history stays readable when the
# rule tightens. The working tree is held to them by lawgap validate and CI.
LABEL_RULES = frozenset({source_text_hosts.RULE})


def _side(tree: Path, label: str) -> _Side:
    schemas = SchemaSet(schema_dir(tree))
    if not any((tree / name).is_dir() for name in DATA_FOLDERS if name != SCHEMA_DIR):
        return _Side(build_knowledge_base([], schemas), {})  # a commit from before the first data file
    report = validate_paths(default_targets(tree), schemas)
    problems = [d for d in report.diagnostics if d.rule not in LABEL_RULES]
    if problems:
        first = problems[0]
        where = os.path.relpath(os.path.abspath(first.file), tree)  # the file as it is in the repository
        raise DiffError(f"the data at {label} is invalid ({len(problems)} problem(s), first: "
                        f"{where}:{first.line}: {first.path + ': ' if first.path else ''}{first.message}); "
                        "run lawgap validate there first")
    data = {document.file.path.resolve().relative_to(tree.resolve()).as_posix(): document.data for document in report.documents}
    return _Side(build_knowledge_base(report.documents, schemas), data)


def fact_changes(name: str, before: Any, after: Any) -> list[FactChange]:
    """The leaf facts that differ between two versions of one file's data (or of a part of it)."""
    old, new = dict(_leaves(before)), dict(_leaves(after))
    _minimum_left_out_is_none_set(old, new)
    # absent and null both mean "unknown", so a null added where nothing was is no change
    changes = [FactChange(name, path, old.get(path), new.get(path))
               for path in sorted(set(old) | set(new), key=_path_order) if old.get(path) != new.get(path)]
    if before is None or after is None:  # a whole file added or removed: one line says it
        return [FactChange(name, "$", "(no file)" if before is None else "(file)", "(no file)" if after is None else "(file)")]
    return changes


NO_MINIMUM = "none set"  # a prison term's min_years left out: the law sets no minimum


def _minimum_left_out_is_none_set(old: dict[str, Any], new: dict[str, Any]) -> None:
    """The one exception to "absent = unknown": a prison term's min_years left out says the law sets none,
    and null says the minimum was not read. Where both sides record a maximum, a minimum left out becomes
    the value NO_MINIMUM, so that none set -> not read is a change (a correction) and not read -> N years
    an addition. (A new term, with nothing to compare, keeps its count of values.)"""
    for path in set(old) & set(new):
        if path.endswith(".prison.max_years"):
            minimum = path.removesuffix("max_years") + "min_years"
            for leaves in (old, new):
                leaves.setdefault(minimum, NO_MINIMUM)


def _leaves(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, child_path(path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, child_path(path, index))
    elif value is not None or path != "$":
        yield path, value


def _path_order(path: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in path.replace("[", ".").replace("]", "").split(".")]


def _result_changes(before: KnowledgeBase, after: KnowledgeBase, day: datetime.date) -> list[ResultChange]:
    changes = []
    for code in sorted(set(before.jurisdictions) | set(after.jurisdictions)):
        for domain in DOMAINS:
            old = _summary(assess(before, code, domain, day)) if code in before.jurisdictions else {}
            new = _summary(assess(after, code, domain, day)) if code in after.jurisdictions else {}
            requirements = [(rid, old.get("statuses", {}).get(rid, "—"), status)
                            for rid, status in new.get("statuses", {}).items() if old.get("statuses", {}).get(rid) != status]
            requirements += [(rid, status, "—") for rid, status in old.get("statuses", {}).items() if rid not in new.get("statuses", {})]
            figures = ("score", "coverage", "max_prison_years", "serious_crime", "penalty_gap_years")
            if requirements or any(old.get(k) != new.get(k) for k in figures):
                changes.append(ResultChange(code, domain, {k: old.get(k) for k in figures}, {k: new.get(k) for k in figures}, requirements))
    return changes


def _summary(result: DomainAssessment) -> dict[str, Any]:
    return {"score": result.overall.score, "coverage": result.overall.coverage,
            "max_prison_years": result.penalty.max_prison_years, "serious_crime": result.penalty.serious_crime,
            "penalty_gap_years": result.penalty.penalty_gap_years,
            "statuses": {r.requirement.id: r.status for r in result.requirements}}


# -- output -----------------------------------------------------------------------------------


def as_text(change: Diff) -> str:
    lines = [f"lawgap diff {change.base} → {change.head}", "", "Results:"]
    if not change.results:
        lines.append("  No score, coverage, penalty gap or requirement status changes.")
    for result in change.results:
        lines.append(f"  {result.jurisdiction} {result.domain}: " + ", ".join(_moves(result)))
        lines += [f"      {rid}: {old} → {new}" for rid, old, new in result.requirements]
    lines += ["", "Facts:"]
    lines += [f"  {line}" for line in _fact_lines(change, show_value)]
    return "\n".join(lines) + "\n"


def as_markdown(change: Diff) -> str:
    lines = ["### lawgap: how this change moves the results", "",
             f"Compared `{escape_markdown(change.base)}` with `{escape_markdown(change.head)}`.", ""]
    if change.results:
        lines += ["| Jurisdiction | Domain | Score | Coverage | Max prison | Serious crime | Requirements changed |",
                  "|---|---|---|---|---|---|---|"]
        for r in change.results:
            lines.append(f"| {r.jurisdiction} | {r.domain} | {_arrow(r, 'score')} | {_arrow(r, 'coverage')} | "
                         f"{_arrow(r, 'max_prison_years')} | {_arrow(r, 'serious_crime')} | {len(r.requirements)} |")
        lines.append("")
        for r in change.results:
            if r.requirements:
                lines += [f"<details><summary>{r.jurisdiction} {r.domain}: requirement statuses</summary>", ""]
                lines += [f"- `{rid}`: {old} → **{new}**" for rid, old, new in r.requirements]
                lines += ["", "</details>", ""]
    else:
        lines += ["No score, coverage, penalty gap or requirement status changes.", ""]
    lines += ["<details><summary>Facts changed</summary>", ""]
    lines += [f"- {line}" for line in _fact_lines(change, lambda value: escape_markdown(show_value(value)))]
    lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def _fact_lines(change: Diff, show) -> list[str]:
    if not change.facts:
        return ["No data facts changed."]
    lines, shown_per_file = [], {}
    for fact in change.facts:
        shown_per_file[fact.file] = shown_per_file.get(fact.file, 0) + 1
        if shown_per_file[fact.file] > MAX_FACTS_PER_FILE:
            continue
        lines.append(f"{fact.file} {fact.path}: {show(fact.before)} → {show(fact.after)}")
    for name, count in shown_per_file.items():
        if count > MAX_FACTS_PER_FILE:
            lines.append(f"{name}: and {count - MAX_FACTS_PER_FILE} more changes")
    return lines


def _moves(result: ResultChange) -> list[str]:
    labels = {"score": "score", "coverage": "coverage", "max_prison_years": "max prison", "serious_crime": "serious crime",
              "penalty_gap_years": "penalty gap"}
    moves = [f"{label} {show_value(result.before[key])} → {show_value(result.after[key])}" for key, label in labels.items()
             if result.before[key] != result.after[key]]
    return moves or ["requirement statuses only"]


def _arrow(result: ResultChange, key: str) -> str:
    old, new = result.before[key], result.after[key]
    return show_value(new) if old == new else f"{show_value(old)} → **{show_value(new)}**"


def show_value(value: Any) -> str:
    """A value as the diff shows it: yes/no, numbers, — for unknown, at most 80 characters."""
    return plain(value, missing="—", limit=80)
