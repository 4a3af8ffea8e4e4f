"""A review record's counts fit together: divergences <= facts compared, resolved <= divergences,
and a single coding compared nothing."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.load.layout import DOMAINS
from lawgap.validate.document import Context, Document

RULE = "review-record"


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    review = document.data.get("review") if document.kind in DOMAINS else None
    if not review:
        return
    compared, divergences, resolved = review["facts_compared"], review["divergences"], review["resolved"]
    if divergences > compared:
        yield document.problem(RULE, "$.review.divergences", f"{divergences} divergences among {compared} facts compared",
                               "divergences are counted among the facts compared (lawgap agreement reports both)")
    if resolved > divergences:
        yield document.problem(RULE, "$.review.resolved", f"{resolved} divergences resolved, but only {divergences} found")
    if review["method"] == "single" and compared:
        yield document.problem(RULE, "$.review.facts_compared", f"method is single but {compared} facts were compared",
                               "a comparison with a second coding is method double or spot-check")
