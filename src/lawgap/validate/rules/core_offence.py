"""A domain file with offences marks exactly one as its core offence (the one measured against
the UNTOC serious-crime threshold)."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.load.layout import DOMAINS
from lawgap.validate.document import Context, Document

RULE = "core-offence"


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    if document.kind not in DOMAINS or not document.data["offences"]:
        return
    cores = [i for i, offence in enumerate(document.data["offences"]) if offence.get("core")]
    if not cores:
        yield document.problem(RULE, "$.offences", "no offence is marked `core: true`",
                               "mark the main trafficking offence of this domain with core: true")
    for index in cores[1:]:
        yield document.problem(RULE, f"$.offences[{index}].core", f"more than one core offence (also $.offences[{cores[0]}])",
                               "only the main trafficking offence is core: true")
