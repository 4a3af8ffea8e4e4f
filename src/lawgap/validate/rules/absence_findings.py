"""Absence findings stand only behind false facts, and every false measure shows why it is false.

An absence finding (a source with `absence`: the part read, what was not found there) is the
evidence for a `false` that no provision can be quoted for. So it may only be cited by a measure
whose value is false, or in the see_also of an offence with a yes/no field that is false; the
provision creating an offence, or setting a penalty, is never an absence. Conversely a false
measure must be either an absence finding or quote the provision that excludes the fact.

The extradition facts of a jurisdiction file follow the same rule; for each, EXTRADITION_ABSENCE_VALUE
names the value that an absence of provision establishes (no bar found on surrendering nationals
means they are surrendered: `yes`). A fact with no such value (how dual criminality is judged) is
never an absence finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lawgap.diagnostics import Diagnostic
from lawgap.load.json_path import child_path
from lawgap.load.layout import DOMAINS
from lawgap.validate.document import Context, Document

RULE = "absence-findings"


EXTRADITION_ABSENCE_VALUE: dict[str, Any] = {
    "nationals": "yes", "penalty_threshold": False, "treaty_required": False, "untoc_legal_basis": False,
    "reciprocity": False, "death_penalty_refusal": False,
}


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    if document.kind == "jurisdiction":
        yield from _extradition(document)
        return
    if document.kind not in DOMAINS:
        return
    places = dict(_places(document, context))
    for path, source in document.sources():
        why_not = places.get(path, "a citation that supports no yes/no fact")
        if "absence" in source and why_not is not None:
            yield document.problem(RULE, f"{path}.absence", f"absence finding on {why_not}",
                                   "an absence finding supports only a false fact: a measure with value false, or a false "
                                   "yes/no field of an offence (cited in the offence's see_also)")
    for term, measure in document.data["measures"].items():
        source = measure.get("source") or {}
        if measure["value"] is False and "absence" not in source and "quote" not in source:
            yield document.problem(RULE, child_path(child_path("$.measures", term), "source"),
                                   f"measure {term} is false but its source is neither an absence finding nor a quote",
                                   "add absence: {read: <the part read>, looked_for: <what is missing>}, or quote the "
                                   "provision that excludes it")


def _extradition(document: Document) -> Iterator[Diagnostic]:
    for name, fact in (document.data.get("extradition") or {}).items():
        if not isinstance(fact, dict):  # the scope note
            continue
        path = child_path("$.extradition", name)
        established = name in EXTRADITION_ABSENCE_VALUE and _same(fact["value"], EXTRADITION_ABSENCE_VALUE[name])
        citations = [("source", fact["source"])] if "source" in fact else []
        citations += [(f"see_also[{i}]", cited) for i, cited in enumerate(fact.get("see_also", []))]
        for where, cited in citations:
            if "absence" in cited and not established:
                why = (f"extradition fact {name}, which a missing provision never decides" if name not in EXTRADITION_ABSENCE_VALUE
                       else f"extradition fact {name}, whose value is {_shown(fact['value'])}, not {_shown(EXTRADITION_ABSENCE_VALUE[name])}")
                yield document.problem(RULE, f"{path}.{where}.absence", f"absence finding on {why}",
                                       "an absence finding supports only the value a missing provision establishes")
        source = fact.get("source") or {}
        if established and "absence" not in source and "quote" not in source:
            yield document.problem(RULE, f"{path}.source", f"extradition fact {name} is {_shown(fact['value'])} but its source is "
                                   "neither an absence finding nor a quote",
                                   "add absence: {read: <the part read>, looked_for: <what is missing>}, or quote the "
                                   "provision that establishes it")


def _same(value: Any, expected: Any) -> bool:
    """Equal and of the same type: false is not 0, and "yes" is not true."""
    return type(value) is type(expected) and value == expected


def _places(document: Document, context: Context) -> Iterator[tuple[str, str | None]]:
    """(path of a source, None where it may be an absence finding, else what it supports in words)."""
    for term, measure in document.data["measures"].items():
        path = child_path("$.measures", term)
        why_not = None if measure["value"] is False else f"measure {term}, whose value is {_shown(measure['value'])}, not false"
        for cited in (f"{path}.source", *_see_also(path, measure)):
            yield cited, why_not
    flags = context.vocabulary[document.kind].facets["flags"] if document.kind in context.vocabulary else ()
    for index, offence in enumerate(document.data["offences"]):
        path = f"$.offences[{index}]"
        yield f"{path}.source", "the provision that creates an offence"
        any_false = any(offence.get(flag) is False for flag in flags)
        for cited in _see_also(path, offence):
            yield cited, None if any_false else f"offence {offence['id']}, none of whose yes/no fields is false"
        for version in range(len(offence.get("penalty_history", []))):
            yield f"{path}.penalty_history[{version}].source", "the provision that sets a penalty"
        for tier_index, tier in enumerate(offence.get("aggravated_tiers", [])):
            for version in range(len(tier.get("penalty_history", []))):
                yield f"{path}.aggravated_tiers[{tier_index}].penalty_history[{version}].source", "the provision that sets a penalty"


def _see_also(path: str, holder: dict[str, Any]) -> list[str]:
    return [f"{path}.see_also[{i}]" for i in range(len(holder.get("see_also", [])))]


def _shown(value: Any) -> str:
    return "null" if value is None else str(value).lower()
