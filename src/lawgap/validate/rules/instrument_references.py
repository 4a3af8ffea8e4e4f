"""Every source cites an instrument that is listed under `instruments` in the same file."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document

RULE = "instrument-references"


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    known = list(document.instruments())
    for path, source in document.sources():
        if source["instrument"] not in known:
            tip = f"instruments in this file: {', '.join(known)}" if known else "add the instrument under `instruments:` first"
            yield document.problem(RULE, f"{path}.instrument", f"instrument {source['instrument']!r} is not defined in this file", tip)
