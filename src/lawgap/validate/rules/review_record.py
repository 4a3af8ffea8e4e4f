"""A review record's counts fit together: divergences <= facts compared, resolved <= divergences,
and a single coding compared nothing; earlier records (earlier_reviews) likewise, and dated before the newest."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.load.layout import DOMAINS
from lawgap.validate.document import Context, Document

RULE = "review-record"


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    if document.kind not in DOMAINS:
        return
    newest, earlier = document.data.get("review"), document.data.get("earlier_reviews", [])
    if earlier and not newest:
        yield document.problem(RULE, "$.earlier_reviews", "earlier_reviews without a review",
                               "the newest comparison is `review`; earlier_reviews keeps the records it replaced")
    records = [(f"$.earlier_reviews[{i}]", r) for i, r in enumerate(earlier)] + ([("$.review", newest)] if newest else [])
    for path, review in records:
        yield from _counts(document, path, review)
    dates = [review["date"] for _, review in records]
    if dates != sorted(dates):
        yield document.problem(RULE, "$.earlier_reviews", "earlier_reviews are not oldest first, before review",
                               "list the earlier records by date, oldest first; `review` is the newest")


def _counts(document: Document, path: str, review: dict) -> Iterator[Diagnostic]:
    compared, divergences, resolved = review["facts_compared"], review["divergences"], review["resolved"]
    if divergences > compared:
        yield document.problem(RULE, f"{path}.divergences", f"{divergences} divergences among {compared} facts compared",
                               "divergences are counted among the facts compared (lawgap agreement reports both)")
    if resolved > divergences:
        yield document.problem(RULE, f"{path}.resolved", f"{resolved} divergences resolved, but only {divergences} found")
    if review["method"] == "single" and compared:
        yield document.problem(RULE, f"{path}.facts_compared", f"method is single but {compared} facts were compared",
                               "a comparison with a second coding is method double or spot-check")
