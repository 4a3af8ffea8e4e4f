"""Harmonisation of one jurisdiction's law in one domain with every baseline that applies.

Score and coverage (both 0-100), over the requirements r of the domain with weight w_r and
outcome masses met_r, unmet_r (see rules.py):

    score    = 100 * sum(w * met) / sum(w * (met + unmet))     (None when nothing is known)
    coverage = 100 * sum(w * (met + unmet)) / sum(w)
    score_min = 100 * sum(w * met) / sum(w)                    (every unknown turns out unmet)
    score_max = 100 * sum(w * (1 - unmet)) / sum(w)            (every unknown turns out met)

The score is measured on what is known; coverage says how much that is; the range says how far
the unknowns could move it. A score counts as scored (published as a point) only from
SCORE_COVERAGE_THRESHOLD coverage on; below it only the range is meaningful.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from lawgap.engine.as_of import LawOnDay
from lawgap.engine.penalties import PenaltyAssessment, assess_penalty
from lawgap.engine.rules import LeafPath, Outcome, evaluate, leaves
from lawgap.engine.thresholds import SCORE_COVERAGE_THRESHOLD
from lawgap.model.types import Baseline, DomainLaw, KnowledgeBase, Requirement


@dataclass(frozen=True)
class RequirementResult:
    requirement: Requirement
    outcome: Outcome
    leaves: Mapping[LeafPath, Outcome] = field(default_factory=dict)  # each leaf of the rule, as read from the law

    @property
    def status(self) -> str:
        return self.outcome.status

    @property
    def recommended(self) -> bool:
        """Part of the requirement is known to be unmet: the law, not only the data, falls short."""
        return self.outcome.unmet > 0


@dataclass(frozen=True)
class Score:
    score: float | None
    coverage: float
    score_min: float
    score_max: float

    @property
    def scored(self) -> bool:
        """Enough of the standards is known for the point score to mean something (else: the range only)."""
        return self.score is not None and self.coverage >= SCORE_COVERAGE_THRESHOLD


@dataclass(frozen=True)
class DomainAssessment:
    jurisdiction: str
    domain: str
    as_of: datetime.date
    law: DomainLaw | None
    requirements: tuple[RequirementResult, ...]
    overall: Score
    by_baseline: dict[str, Score]
    penalty: PenaltyAssessment
    verification: dict[str, int]

    def recommendations(self) -> list[RequirementResult]:
        """Requirements with a part known to be unmet, heaviest first: what the law would need. A requirement
        that is short only of facts we do not know gets no recommendation (it is to confirm, not to change)."""
        return sorted((r for r in self.requirements if r.recommended), key=lambda r: (-r.requirement.weight, r.requirement.id))


def weighted_score(results: list[RequirementResult]) -> Score:
    total = sum(r.requirement.weight for r in results)
    if not total:
        return Score(None, 0.0, 0.0, 0.0)
    met = sum(r.requirement.weight * r.outcome.met for r in results)
    known = sum(r.requirement.weight * (r.outcome.met + r.outcome.unmet) for r in results)
    unmet = known - met
    return Score(
        round(100 * met / known, 1) if known else None,
        round(100 * known / total, 1),
        round(100 * met / total, 1),
        round(100 * (total - unmet) / total, 1),
    )


def assess(kb: KnowledgeBase, code: str, domain: str, day: datetime.date) -> DomainAssessment:
    law = kb.laws.get((code, domain))
    facts = LawOnDay.of(law, day) if law else None
    results = [_requirement(req, facts) for req in kb.requirements_for(domain)]
    by_baseline = {
        baseline.id: weighted_score([r for r in results if r.requirement.baseline == baseline.id])
        for baseline in _baselines_for(kb, domain)
    }
    verification = Counter(s.verification for s in law.sources()) if law else Counter()
    return DomainAssessment(code, domain, day, law, tuple(results), weighted_score(results), by_baseline,
                            assess_penalty(facts, day, kb.exchange_rates),
                            {level: verification.get(level, 0) for level in ("source-text", "secondary", "unverified")})


def _requirement(requirement: Requirement, facts: LawOnDay | None) -> RequirementResult:
    """Read each leaf once and combine them, keeping the leaves: engine.unknowns re-combines them with answers."""
    leaf_outcomes = {at: evaluate(leaf, facts) for at, leaf in leaves(requirement.rule)}
    return RequirementResult(requirement, evaluate(requirement.rule, facts, leaf_outcomes), leaf_outcomes)


def _baselines_for(kb: KnowledgeBase, domain: str) -> list[Baseline]:
    return [b for b in sorted(kb.baselines.values(), key=lambda b: b.id) if domain in b.domains]
