"""An aggravated tier stated as an uplift ("increased by one third") raises the offence's basic
prison term, so the offence must record one to raise: a basic maximum for `max_by`, a basic
minimum for `min_by`. Without it the aggravated term could never be worked out."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document

RULE = "uplift-basis"

_BASIC_TERM = {"max_by": "max_years", "min_by": "min_years"}


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    for o, offence in enumerate(document.data.get("offences", [])):
        stated = _basic_terms(offence)
        for t, tier in enumerate(offence.get("aggravated_tiers", [])):
            for v, version in enumerate(tier["penalty_history"]):
                path = f"$.offences[{o}].aggravated_tiers[{t}].penalty_history[{v}].uplift"
                for raise_key, term in _BASIC_TERM.items():
                    if raise_key in version.get("uplift", {}) and term not in stated:
                        yield document.problem(
                            RULE, f"{path}.{raise_key}",
                            f"uplift raises the basic {term}, but no basic penalty of offence {offence['id']!r} states one",
                            "record the basic penalty in the offence's penalty_history, or give this tier its own penalty")


def _basic_terms(offence: dict) -> set[str]:
    """The prison terms (max_years, min_years) that some basic penalty version of the offence states."""
    terms: set[str] = set()
    for version in offence.get("penalty_history", []):
        prison = (version["penalty"] or {}).get("prison")
        if isinstance(prison, dict):  # a minimum not read (null) counts: the raised minimum is then unknown
            terms |= set(prison)
    return terms
