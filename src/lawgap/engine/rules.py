"""Evaluate a baseline rule against one domain file on one day.

An outcome is a pair of masses in [0, 1]: how much of the requirement is known to be met and
how much known to be unmet; the rest is unknown. A leaf is (1, 0) met, (0, 1) not met or
(0, 0) unknown. `all` averages its children (partial credit); `any` is met as far as its
best child is met and unmet only as far as every child is unmet. So unknown never counts as
met, and never silently as unmet.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lawgap.engine.as_of import LawOnDay, penalty_on
from lawgap.engine.term_words import term_words
from lawgap.engine.thresholds import floor_years, term_at_least, years_at_least
from lawgap.model.types import DomainLaw, Offence, Source, Years


@dataclass(frozen=True)
class Evidence:
    """A fact that decided (part of) a requirement, with the provision it rests on."""

    fact: str
    value: str  # "true", "false", "unknown", or a penalty such as "life"
    source: Source | None
    subject: str  # the offence id or measure term the fact belongs to
    path: str = ""  # where the fact is recorded in the domain file (fact_of), the codebook's name for the question
    verdict: str = "unknown"  # what this fact does for the requirement: "met", "unmet" or "unknown"
    note: str | None = None  # the coder's note on the fact (the measure's, or the offence's)


@dataclass(frozen=True)
class Outcome:
    met: float
    unmet: float
    evidence: tuple[Evidence, ...]

    @property
    def status(self) -> str:
        if self.met >= 1.0:
            return "met"
        if self.met > 0:
            return "partial"
        if self.unmet > 0:
            return "not-met"
        return "unknown"


MET, UNMET = (1.0, 0.0), (0.0, 1.0)
UNKNOWN = (0.0, 0.0)


LeafPath = tuple[int, ...]  # child indices from the root of a rule down to one leaf


def leaves(rule: dict[str, Any], at: LeafPath = ()) -> Iterator[tuple[LeafPath, dict[str, Any]]]:
    """Every leaf of a rule (measure, offence element, core maximum) with its path."""
    for combinator in ("all", "any"):
        if combinator in rule:
            for index, child in enumerate(rule[combinator]):
                yield from leaves(child, (*at, index))
            return
    yield at, rule


def evaluate(rule: dict[str, Any], facts: LawOnDay | None, settled: Mapping[LeafPath, Outcome] | None = None) -> Outcome:
    """Evaluate against a law as it stood on a day (None: no data file for the domain). `settled` replaces the
    outcome of the leaves at those paths: what the requirement would be if those facts were answered."""
    return _evaluate(rule, facts, settled or {}, ())


def _evaluate(rule: dict[str, Any], facts: LawOnDay | None, settled: Mapping[LeafPath, Outcome], at: LeafPath) -> Outcome:
    if at in settled:
        return settled[at]
    if "all" in rule:
        children = [_evaluate(child, facts, settled, (*at, i)) for i, child in enumerate(rule["all"])]
        return Outcome(sum(c.met for c in children) / len(children), sum(c.unmet for c in children) / len(children),
                       tuple(e for c in children for e in c.evidence))
    if "any" in rule:
        children = [_evaluate(child, facts, settled, (*at, i)) for i, child in enumerate(rule["any"])]
        best = max(children, key=lambda c: (c.met, -c.unmet))
        met, unmet = best.met, min(c.unmet for c in children)
        evidence = best.evidence if met >= 1.0 else tuple(e for c in children for e in c.evidence)
        return Outcome(met, unmet, evidence)
    if facts is None:
        return Outcome(*UNKNOWN, (Evidence("no data file for this domain", "unknown", None, "", fact_of(rule)),))
    if "measure" in rule:
        return _measure(rule["measure"], facts.law, facts.day, fact_of(rule))
    if "offence" in rule:
        return _offence_element(rule["offence"], facts.offences, fact_of(rule))
    if "core_max_prison_at_least" in rule:
        return _core_prison(rule["core_max_prison_at_least"], facts.core, facts.day)
    raise ValueError(f"unknown rule {sorted(rule)}")  # the baseline schema makes this unreachable


CORE_MAX_PRISON = "offences[core].penalty_history[].penalty.prison.max_years"


def fact_of(leaf: dict[str, Any]) -> str:
    """Where in a domain file the fact a leaf reads is recorded, e.g. `measures.attempt.value`,
    `offences[].conduct.trade` (any offence in force), `offences[core].means_required_children`."""
    if "measure" in leaf:
        return f"measures.{leaf['measure']}.value"
    if "offence" in leaf:
        spec = leaf["offence"]
        where = "offences[core]" if spec.get("core_only") else "offences[]"
        return f"{where}.{spec['term']}" if spec["facet"] == "flags" else f"{where}.{spec['facet']}.{spec['term']}"
    return CORE_MAX_PRISON


def answers(leaf: dict[str, Any]) -> tuple[bool | float, ...]:
    """Values the leaf's fact could take that between them give every verdict (with those of the other
    leaves reading the same fact): yes/no, or a term in years at and below the threshold."""
    if "core_max_prison_at_least" in leaf:
        return (0.0, float(leaf["core_max_prison_at_least"]))
    return (True, False)


def verdict(leaf: dict[str, Any], value: bool | Years) -> Outcome:
    """The leaf's outcome once its fact has `value`."""
    if "measure" in leaf:
        met = bool(value)
    elif "offence" in leaf:
        met = value == leaf["offence"].get("equals", True)
    else:
        met = years_at_least(value, leaf["core_max_prison_at_least"])
    return Outcome(*(MET if met else UNMET), ())


def _measure(term: str, law: DomainLaw, day: datetime.date, path: str) -> Outcome:
    measure = law.measures.get(term)
    note = measure.note if measure else None
    if measure is None or measure.value is None:
        return Outcome(*UNKNOWN, (Evidence(f"measure {term}", "unknown", measure.source if measure else None, term, path, "unknown", note),))
    instrument = law.instruments.get(measure.source.instrument) if measure.source else None
    if instrument and not instrument.in_force_on(day):
        return Outcome(*UNKNOWN, (Evidence(f"measure {term} (instrument not in force on {day})", "unknown", measure.source, term,
                                           path, "unknown", note),))
    value = "true" if measure.value else "false"
    return Outcome(*(MET if measure.value else UNMET),
                   (Evidence(f"measure {term}", value, measure.source, term, path, "met" if measure.value else "unmet", note),))


def _offence_element(spec: dict[str, Any], offences: tuple[Offence, ...], path: str) -> Outcome:
    facet, term, wanted = spec["facet"], spec["term"], spec.get("equals", True)
    if spec.get("core_only"):
        offences = [o for o in offences if o.core]
    label = f"{facet}: {term}" if facet != "flags" else term

    def evidence(offence: Offence, value: bool | None) -> Evidence:
        verdict = "unknown" if value is None else "met" if value == wanted else "unmet"
        return Evidence(label, _show(value), offence.source, offence.id, path, verdict, offence.note)

    values = [(o, o.element(facet, term)) for o in offences]
    matching = [(o, v) for o, v in values if v == wanted]
    if matching:
        return Outcome(*MET, tuple(evidence(o, v) for o, v in matching))
    if values and all(v is not None for _, v in values):
        return Outcome(*UNMET, tuple(evidence(o, v) for o, v in values))
    return Outcome(*UNKNOWN, tuple(evidence(o, v) for o, v in values)
                   or (Evidence(label + " (no offence recorded)", "unknown", None, "", path),))


def _core_prison(threshold: float, offence: Offence | None, day: datetime.date) -> Outcome:
    """Decided like the penalty's serious-crime test (thresholds.term_at_least): a stated minimum at the
    threshold clears it even where the provision states no maximum."""
    fact = "maximum prison term of the core offence"
    if offence is None:
        return Outcome(*UNKNOWN, (Evidence("core offence", "unknown", None, "", CORE_MAX_PRISON),))
    on_day = penalty_on(offence, day)
    prison = on_day.penalty.prison if on_day.penalty else None
    source = on_day.version.source if on_day.version else offence.source
    note = offence.note
    if prison is False:
        return Outcome(*UNMET, (Evidence(fact, "no imprisonment", source, offence.id, CORE_MAX_PRISON, "unmet", note),))
    cleared = term_at_least(prison.min_years, prison.max_years, threshold) if prison else None
    if prison is None or cleared is None:
        shown = f"unknown (at least {term_words(prison.min_years)})" if prison and floor_years(prison.min_years) else "unknown"
        return Outcome(*UNKNOWN, (Evidence(fact, shown, source, offence.id, CORE_MAX_PRISON, "unknown", note),))
    shown = term_words(prison.max_years) if prison.max_years is not None else \
        f"at least {term_words(prison.min_years)} (no maximum stated)"
    return Outcome(*(MET if cleared else UNMET), (Evidence(fact, shown, source, offence.id, CORE_MAX_PRISON,
                                                           "met" if cleared else "unmet", note),))


def _show(value: bool | None) -> str:
    return "unknown" if value is None else str(value).lower()
