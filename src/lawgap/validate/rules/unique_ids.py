"""Instrument, offence and requirement ids are each unique within their file; aggravated tier ids
within their offence."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document

RULE = "unique-ids"


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    for section in ("instruments", "offences", "requirements"):
        yield from _unique(document, f"$.{section}", document.data.get(section, []))
    for index, offence in enumerate(document.data.get("offences", [])):
        yield from _unique(document, f"$.offences[{index}].aggravated_tiers", offence.get("aggravated_tiers", []))


def _unique(document: Document, path: str, items: list[dict]) -> Iterator[Diagnostic]:
    first_index: dict[str, int] = {}
    for index, item in enumerate(items):
        item_id = item["id"]
        if item_id in first_index:
            first_line = document.loaded.line_of(f"{path}[{first_index[item_id]}].id")
            yield document.problem(RULE, f"{path}[{index}].id",
                                   f"id {item_id!r} is already used (line {first_line})", "give each entry its own id")
        else:
            first_index[item_id] = index
