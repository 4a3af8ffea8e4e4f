"""No date lies in the future, except the dates of an instrument marked `announced: true`
(enacted, not yet in force) and penalty versions that such an instrument sets."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document, parse_date

RULE = "future-dates"

_DATE_KEYS = {"retrieved", "last_reviewed", "enacted", "in_force", "repealed", "effective", "signed", "consent"}


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    announced = {i for i, item in document.instruments().items() if item.get("announced")}
    for path, key, value, owner in _dated_values(document):
        if parse_date(value) <= context.today:
            continue
        if key in ("enacted", "in_force", "repealed") and owner.get("announced"):
            continue
        if key == "effective" and owner["source"]["instrument"] in announced:
            continue
        yield document.problem(RULE, path, f"{key} {value} is in the future",
                               "future dates are allowed only for an instrument marked `announced: true` and the penalties it sets"
                               if key not in ("retrieved", "last_reviewed") else "use the date you actually read or reviewed it")


def _dated_values(document: Document) -> Iterator[tuple[str, str, str, dict]]:
    owners: dict[str, dict] = {}
    for path, key, value in document.nodes():
        if isinstance(value, dict):
            owners[path] = value
        elif key in _DATE_KEYS and isinstance(value, str):
            yield path, key, value, owners[path.rsplit(".", 1)[0]]
