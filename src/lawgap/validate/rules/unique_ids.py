"""Instrument, offence and requirement ids are each unique within their file."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document

RULE = "unique-ids"


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    for section in ("instruments", "offences", "requirements"):
        first_index: dict[str, int] = {}
        for index, item in enumerate(document.data.get(section, [])):
            item_id = item["id"]
            if item_id in first_index:
                first_line = document.loaded.line_of(f"$.{section}[{first_index[item_id]}].id")
                yield document.problem(RULE, f"$.{section}[{index}].id",
                                       f"id {item_id!r} is already used (line {first_line})", "give each entry its own id")
            else:
                first_index[item_id] = index
