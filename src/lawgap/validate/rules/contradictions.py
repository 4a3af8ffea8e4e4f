"""Facts that are each schema-valid but cannot all be true together."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document, parse_date

RULE = "contradictions"

_NEEDS_PRISON = {"prison-only", "prison-and-fine", "prison-and-optional-fine"}
_NEEDS_FINE = {"fine-only", "prison-and-fine"}


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    if document.kind == "jurisdiction":
        yield from _treaties(document)
        return
    instruments = document.instruments()
    for history_path, history in document.penalty_histories():
        for v, version in enumerate(history):
            path = f"{history_path}[{v}]"
            penalty = version.get("penalty")  # an aggravated tier's version may give an uplift instead
            if penalty:
                yield from _penalty(document, f"{path}.penalty", penalty)
            repeals = "uplift" not in version and penalty is None
            repealed = instruments.get(version["source"]["instrument"], {}).get("repealed")
            if repealed and "effective" in version and not repeals and parse_date(version["effective"]) >= parse_date(repealed):
                yield document.problem(RULE, f"{path}.effective",
                                       f"penalty takes effect on {version['effective']}, after its instrument was repealed ({repealed})",
                                       "cite the instrument in force on that date")


def _penalty(document: Document, path: str, penalty: dict) -> Iterator[Diagnostic]:
    combination = penalty.get("combination")
    if combination in _NEEDS_PRISON and penalty.get("prison") is False:
        yield document.problem(RULE, f"{path}.combination", f"combination {combination!r} but prison is false (no imprisonment)")
    if combination in _NEEDS_FINE and penalty.get("fine") is False:
        yield document.problem(RULE, f"{path}.combination", f"combination {combination!r} but fine is false (no fine)")
    if penalty.get("prison") is False and penalty.get("fine") is False and penalty.get("death_penalty") is not True:
        yield document.problem(RULE, path, "no prison, no fine and no death penalty: the offence would carry no sanction",
                               "if the offence was repealed, write penalty: null")


def _treaties(document: Document) -> Iterator[Diagnostic]:
    for name, participation in (document.data.get("treaties") or {}).items():
        if not participation:
            continue
        status = participation["status"]
        if status in ("not-party", "signatory"):
            for key in ("consent", "in_force"):
                if key in participation:
                    yield document.problem(RULE, f"$.treaties.{name}.{key}",
                                           f"status is {status!r} but a {key} date is given",
                                           "a consent or entry-into-force date means the jurisdiction is a party")
        if status == "not-party" and "signed" in participation:
            yield document.problem(RULE, f"$.treaties.{name}.signed", "status is 'not-party' but a signature date is given",
                                   "a State that signed but is not bound is a 'signatory'")
