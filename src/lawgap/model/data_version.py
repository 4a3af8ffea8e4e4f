"""The data version: a date-based label (`2026.11.30`) for the state of the data, stamped into every
download, the site footer and the results contract, so that a citation names what it cites.

It is the date of the last change to the data, never the build time: the newest commit that touched
laws/, baselines/ or reference/ (UTC date; appending to the change log does not count), and where git cannot tell — no git, not a repository, or
a shallow clone cut at that commit — the newest date recorded in the data itself (a file's
last_reviewed, a review record's date, a source's retrieval date). The same data gives the same
version on every machine.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

from lawgap.load.layout import BASELINES_DIR, CHANGELOG_FILE, LAWS_DIR, REFERENCE_DIR
from lawgap.model.types import KnowledgeBase

# The change log (reference/changelog.yaml) records changes to the data; logging one is not one.
DATA_PATHS = (LAWS_DIR, BASELINES_DIR, REFERENCE_DIR, f":(exclude){CHANGELOG_FILE}")
FORMAT = "%Y.%m.%d"
PATTERN = r"^[0-9]{4}\.[0-9]{2}\.[0-9]{2}$"  # the results schema's data_version pattern says the same


def data_version(kb: KnowledgeBase, root: Path | None = None) -> str | None:
    """The data version of `kb`, loaded from `root` (None: no repository to ask). None only when
    neither git nor the data holds any date (e.g. baselines alone)."""
    committed = _last_data_commit(root) if root is not None else None
    if committed is not None:
        return committed.strftime(FORMAT)
    newest = max(_recorded_dates(kb), default=None)
    return newest.strftime(FORMAT) if newest else None


def _last_data_commit(root: Path) -> datetime.date | None:
    """The UTC date of the newest commit touching the data folders, or None when git cannot say."""
    found = _git(root, "log", "-1", "--format=%H %cd", "--date=format-local:%Y-%m-%d", "--", *DATA_PATHS)
    if not found:
        return None
    commit, day = found.split()
    if _shallow_boundary(root, commit):  # a shallow clone shows its oldest commit as adding every file
        return None
    return datetime.date.fromisoformat(day)


def _shallow_boundary(root: Path, commit: str) -> bool:
    if _git(root, "rev-parse", "--is-shallow-repository") != "true":
        return False
    shallow = _git(root, "rev-parse", "--path-format=absolute", "--git-path", "shallow")
    try:
        return commit in Path(shallow).read_text(encoding="ascii").split()
    except OSError:
        return True  # shallow, but the boundary cannot be read: do not trust the date


def _git(root: Path, *args: str) -> str | None:
    """git's output in `root`, stripped; None when git is missing or fails (not a repository...)."""
    environment = {**os.environ, "TZ": "UTC", "LC_ALL": "C"}  # format-local dates in UTC on every machine
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, env=environment,
                              check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _recorded_dates(kb: KnowledgeBase) -> Iterator[datetime.date]:
    for jurisdiction in kb.jurisdictions.values():
        yield jurisdiction.last_reviewed
    for law in kb.laws.values():
        yield law.last_reviewed
        if law.review:
            yield law.review.date
        yield from (source.retrieved for source in law.sources())
