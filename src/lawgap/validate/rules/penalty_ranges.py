"""Penalty bounds make sense: prison minimum <= maximum (life is the longest); a minimum not read
(min_years: null) sits beside a maximum that was read; a fine's minimum <= maximum when both are in the
same unit; an unlimited fine has no maximum."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document

RULE = "penalty-ranges"


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    for history_path, history in document.penalty_histories():
        for version_index, version in enumerate(history):
            penalty = version.get("penalty")  # an aggravated tier's version may give an uplift instead
            if not penalty:
                continue
            path = f"{history_path}[{version_index}].penalty"
            yield from _prison(document, f"{path}.prison", penalty.get("prison"))
            yield from _fine(document, f"{path}.fine", penalty.get("fine"))


def _prison(document: Document, path: str, prison: Any) -> Iterator[Diagnostic]:
    if not isinstance(prison, dict) or "min_years" not in prison:
        return
    if prison["min_years"] is None:  # a term with neither limit known is an unknown prison term
        if "max_years" not in prison:
            yield document.problem(RULE, f"{path}.min_years", "a minimum not read (null) needs the maximum that was read",
                                   "record max_years, or write prison: null when the term could not be read at all")
        return
    if "max_years" not in prison:
        return
    maximum = prison["max_years"]
    if maximum != "life" and prison["min_years"] > maximum:
        yield document.problem(RULE, f"{path}.min_years", f"minimum {prison['min_years']} years is more than the maximum {maximum}")


def _fine(document: Document, path: str, fine: Any) -> Iterator[Diagnostic]:
    if not isinstance(fine, dict):
        return
    low, high = fine.get("min"), fine.get("max")
    if fine.get("unlimited") and high:
        yield document.problem(RULE, f"{path}.unlimited", "an unlimited fine cannot also have a maximum", "remove max, or set unlimited: false")
    if low and high and _unit(low) == _unit(high) and _size(low) > _size(high):
        yield document.problem(RULE, f"{path}.min", f"minimum fine {_size(low):,} is more than the maximum {_size(high):,} ({_unit(low)})")


def _unit(bound: dict[str, Any]) -> str:
    return bound.get("currency") or bound["of"]


def _size(bound: dict[str, Any]) -> float:
    return bound["amount"] if "amount" in bound else bound["multiple"]
