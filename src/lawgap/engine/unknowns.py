"""The coders' work queue: unknown facts ranked by how far answering each would narrow a score range.

A fact is what one or more leaves of the baseline rules read (rules.fact_of). For a fact the data
leaves unknown, each possible answer (rules.answers) settles its leaves (rules.verdict); the rule
evaluator itself then says how much of each requirement stays unknown, so the shares `all` and `any`
give are never worked out a second time here. The score range is 100 × Σ w·unknown / Σ w
(assessment.py), so answering the fact narrows it by

    narrowing = 100 × Σ_r w_r × (unknown_r now − unknown_r after the answer) / Σ_all w

over the requirements r the fact decides: `narrowing` for the answer that narrows most,
`narrowing_at_least` whatever the answer (in an `any`, a `false` may leave the requirement open).
`weight_share` is the same without the scaling: weight × share of the requirement. Ties rank the fact
that any answer narrows more first, then the one that bears on more dual-criminality questions.

Dual criminality (conduct.py, compare.py) is unknown for a conduct when no offence is known to cover
or exclude it, or when the offences covering it have no known maximum: the conduct element, or those
offences' maximum terms, are then facts that bear on it even where no baseline rule reads them.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lawgap.engine.as_of import LawOnDay, penalty_on
from lawgap.engine.assessment import DomainAssessment, RequirementResult, assess
from lawgap.engine.conduct import CONDUCT_FACET, ConductStatus, conduct_statuses
from lawgap.engine.rules import CORE_MAX_PRISON, LeafPath, Outcome, answers, evaluate, fact_of, leaves, verdict
from lawgap.load.layout import DOMAINS
from lawgap.model.types import KnowledgeBase, Offence


@dataclass(frozen=True)
class UnknownFact:
    jurisdiction: str
    domain: str
    fact: str  # where it is recorded in the domain file (rules.fact_of)
    requirements: tuple[str, ...]  # ids of the requirements it decides
    weight_share: float  # Σ weight × share of the requirement the best answer settles
    narrowing: float  # points of the 0-100 score range the best answer removes
    narrowing_at_least: float  # points any answer removes
    dual_criminality: tuple[str, ...]  # conducts whose dual-criminality status is unknown and rests on it
    file: str | None  # the domain file, None when there is none yet


@dataclass
class _Reads:
    """The leaves of each requirement that read one unknown fact."""

    by_requirement: dict[str, dict[LeafPath, dict[str, Any]]]
    dual_criminality: set[str]


def unknown_facts(kb: KnowledgeBase, code: str, domain: str, day: datetime.date) -> list[UnknownFact]:
    """The unknown facts of one jurisdiction and domain that move its score range or its dual criminality."""
    return assessment_unknowns(kb, assess(kb, code, domain, day))


def assessment_unknowns(kb: KnowledgeBase, assessment: DomainAssessment,
                        conduct: dict[str, ConductStatus] | None = None) -> list[UnknownFact]:
    """The same, from an assessment already made (its leaf outcomes are re-combined, not read again) and,
    when known, the conduct statuses of that law on that day."""
    law, day, domain = assessment.law, assessment.as_of, assessment.domain
    facts = LawOnDay.of(law, day) if law else None
    results = {r.requirement.id: r for r in assessment.requirements}
    total_weight = sum(r.requirement.weight for r in results.values())
    reads: dict[str, _Reads] = defaultdict(lambda: _Reads(defaultdict(dict), set()))
    for result in results.values():
        for at, leaf in leaves(result.requirement.rule):
            if result.leaves[at].status == "unknown":
                reads[fact_of(leaf)].by_requirement[result.requirement.id][at] = leaf
    statuses = conduct if conduct is not None else conduct_statuses(kb, law, domain, day)
    for fact, term in _dual_criminality_facts(statuses, CONDUCT_FACET[domain], day):
        reads[fact].dual_criminality.add(term)

    found = []
    for fact, read in reads.items():
        gains = _gains(read, results, facts)
        best, least = max(gains, default=0.0), min(gains, default=0.0)
        if best <= 0 and not read.dual_criminality:
            continue  # the requirement is settled by other facts: answering changes nothing
        found.append(UnknownFact(
            assessment.jurisdiction, domain, fact, tuple(sorted(read.by_requirement)), round(best, 4),
            round(100 * best / total_weight, 2) if total_weight else 0.0,
            round(100 * least / total_weight, 2) if total_weight else 0.0,
            tuple(sorted(read.dual_criminality)), law.file if law else None))
    return sorted(found, key=_rank_key)


def ranked_unknowns(kb: KnowledgeBase, codes: Iterable[str], domains: Iterable[str], day: datetime.date,
                    limit: int | None = None) -> list[UnknownFact]:
    """Unknown facts of several jurisdictions and domains in one queue, most useful first."""
    found = [f for code in codes for domain in domains for f in unknown_facts(kb, code, domain, day)]
    ranked = sorted(found, key=_rank_key)
    return ranked[:limit] if limit is not None else ranked


def _gains(read: _Reads, results: dict[str, RequirementResult], facts: LawOnDay | None) -> list[float]:
    """For each possible answer: Σ weight × unknown share removed, over the requirements the fact decides."""
    all_leaves = [leaf for paths in read.by_requirement.values() for leaf in paths.values()]
    candidates = sorted({value for leaf in all_leaves for value in answers(leaf)})  # one kind per fact: all yes/no or all years
    gains = []
    for value in candidates:
        gain = 0.0
        for requirement_id, paths in read.by_requirement.items():
            result = results[requirement_id]
            answered = {at: verdict(leaf, value) for at, leaf in paths.items()}
            after = evaluate(result.requirement.rule, facts, {**result.leaves, **answered})
            gain += result.requirement.weight * (_unknown(result.outcome) - _unknown(after))
        gains.append(gain)
    return gains


def _dual_criminality_facts(statuses: dict[str, ConductStatus], facet: str, day: datetime.date) -> Iterable[tuple[str, str]]:
    """(fact, conduct) for each conduct whose dual-criminality status is unknown, and the fact that would settle it."""
    for term, status in statuses.items():
        if status.extraditable is not None:
            continue
        if status.criminal is None:
            yield f"offences[].{facet}.{term}", term
        else:  # criminal, but no covering offence has a known maximum term
            for offence in status.offences:
                if _maximum_unknown(offence, day):
                    yield _max_prison_fact(offence), term


def _maximum_unknown(offence: Offence, day: datetime.date) -> bool:
    penalty = penalty_on(offence, day).penalty
    prison = penalty.prison if penalty else None
    return prison is None or (prison is not False and prison.max_years is None)


def _max_prison_fact(offence: Offence) -> str:
    return CORE_MAX_PRISON if offence.core else CORE_MAX_PRISON.replace("offences[core]", f"offences[{offence.id}]")


def _unknown(outcome: Outcome) -> float:
    return 1.0 - outcome.met - outcome.unmet


def _rank_key(fact: UnknownFact) -> tuple[Any, ...]:
    return (-fact.narrowing, -fact.narrowing_at_least, -len(fact.dual_criminality), fact.jurisdiction,
            DOMAINS.index(fact.domain) if fact.domain in DOMAINS else len(DOMAINS), fact.domain, fact.fact)
