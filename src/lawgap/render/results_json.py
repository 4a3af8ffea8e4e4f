"""Engine results as plain JSON-ready data: the contract the site, CI and other tools rely on
(schema/results.schema.json)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from lawgap.engine.aggravated import TierOnDay
from lawgap.engine.all_pairs import PairMatrix, PairSummary
from lawgap.engine.assessment import DomainAssessment, Score
from lawgap.engine.compare import Comparison, WeakestLink
from lawgap.engine.conduct import ConductStatus
from lawgap.engine.history import HistoryPoint
from lawgap.engine.money import UsdAmount
from lawgap.engine.report import DomainReport, Report
from lawgap.engine.thresholds import SCORE_COVERAGE_THRESHOLD
from lawgap.model.types import (
    EXTRADITION_FACTS,
    DomainLaw,
    ExtraditionFact,
    ExtraditionLaw,
    FineBound,
    KnowledgeBase,
    Offence,
    Penalty,
    PenaltyThreshold,
    PenaltyVersion,
    Review,
    Source,
    Uplift,
)


def assessment_dict(kb: KnowledgeBase, result: DomainAssessment, history: list[HistoryPoint] | None = None,
                    conduct: dict[str, ConductStatus] | None = None) -> dict[str, Any]:
    law, penalty = result.law, result.penalty
    jurisdiction = kb.jurisdictions.get(result.jurisdiction)
    entry: dict[str, Any] = {
        "jurisdiction": result.jurisdiction,
        "name": jurisdiction.name if jurisdiction else result.jurisdiction,
        "extradition": extradition_block_dict(jurisdiction.extradition if jurisdiction else ExtraditionLaw()),
        "domain": result.domain,
        "as_of": result.as_of.isoformat(),
        **score_dict(result.overall),
        "score_threshold": SCORE_COVERAGE_THRESHOLD,
        "baselines": {baseline: score_dict(score) for baseline, score in result.by_baseline.items()},
        "max_prison_years": penalty.max_prison_years,
        "min_prison_years": penalty.min_prison_years,
        "no_prison": penalty.no_prison,
        "death_penalty": penalty.death_penalty,
        "serious_crime": penalty.serious_crime,
        "penalty_gap_years": penalty.penalty_gap_years,
        "max_prison_years_aggravated": penalty.max_prison_years_aggravated,
        "aggravated_circumstances": list(penalty.aggravated_circumstances),
        "aggravated_tiers": [tier_on_day_dict(tier, law) for tier in penalty.aggravated_tiers],
        "core_offence": None,
        "penalty_source": source_dict(penalty.source, law) if penalty.source else None,
        "fine": {
            "status": penalty.fine.status,
            "min_usd": _usd(penalty.fine.min), "min_detail": _detail(penalty.fine.min),
            "max_usd": _usd(penalty.fine.max), "max_detail": _detail(penalty.fine.max),
        },
        "requirements": [
            {
                "id": r.requirement.id,
                "baseline": r.requirement.baseline,
                "article": r.requirement.article,
                "obligation": r.requirement.obligation,
                "weight": r.requirement.weight,
                "status": r.status,
                "met": round(r.outcome.met, 3),
                "unmet": round(r.outcome.unmet, 3),
                "evidence": [
                    {"fact": e.fact, "path": e.path, "value": e.value, "verdict": e.verdict, "subject": e.subject, "note": e.note,
                     "absence_finding": bool(e.source and e.source.absence),
                     **({"source": source_dict(e.source, law)} if e.source else {})}
                    for e in r.outcome.evidence
                ],
                "recommendation": r.requirement.recommendation if r.recommended else None,
            }
            for r in result.requirements
        ],
        "verification": result.verification,
        "last_reviewed": law.last_reviewed.isoformat() if law else None,
        "file": law.file if law else None,
        "data_version": kb.data_version,
        "review": review_dict(law.review) if law and law.review else None,
        "earlier_reviews": [review_dict(r) for r in law.earlier_reviews] if law else [],
        "scope_note": law.scope_note if law else None,
    }
    if penalty.core_offence:
        entry["core_offence"] = {"id": penalty.core_offence.id, "title": penalty.core_offence.title,
                                 "source": source_dict(penalty.core_offence.source, law)}
    if history is not None:
        entry["history"] = [history_dict(point) for point in history]
    if conduct is not None:
        entry["conduct"] = {term: conduct_dict(status) for term, status in conduct.items()}
    entry["offences"] = [offence_dict(o, law) for o in law.offences] if law else []
    return entry


def offence_dict(offence: Offence, law: DomainLaw) -> dict[str, Any]:
    return {
        "id": offence.id,
        "title": offence.title,
        "core": offence.core,
        "note": offence.note,
        "source": source_dict(offence.source, law),
        "penalty_history": [version_dict(v, law) for v in offence.penalty_history],
        "aggravated_tiers": [
            {"id": tier.id, "circumstances": list(tier.circumstances), "circumstance_note": tier.circumstance_note,
             "penalty_history": [version_dict(v, law) for v in tier.penalty_history]}
            for tier in offence.aggravated_tiers
        ],
    }


def version_dict(version: PenaltyVersion, law: DomainLaw) -> dict[str, Any]:
    """A penalty version as recorded (an uplift as stated, not worked out)."""
    return {"effective": version.effective.isoformat() if version.effective else None,
            "repealed": version.repeals,
            "note": version.note,
            **(penalty_dict(version.penalty) if version.penalty else {}),
            **({"uplift": uplift_dict(version.uplift)} if version.uplift else {}),
            "source": source_dict(version.source, law)}


def uplift_dict(uplift: Uplift) -> dict[str, str | None]:
    return {key: str(fraction) if fraction is not None else None
            for key, fraction in (("max_by", uplift.max_by), ("min_by", uplift.min_by))}


def tier_on_day_dict(tier: TierOnDay, law: DomainLaw | None) -> dict[str, Any]:
    """An aggravated tier of the core offence as it stood on the assessment date, terms worked out."""
    version = tier.version
    return {"id": tier.tier.id, "circumstances": list(tier.tier.circumstances), "circumstance_note": tier.tier.circumstance_note,
            "max_prison_years": tier.max_prison_years, "min_prison_years": tier.min_prison_years, "no_prison": tier.no_prison,
            "death_penalty": tier.death_penalty, "uplift": uplift_dict(version.uplift) if version.uplift else None,
            "effective": version.effective.isoformat() if version.effective else None,
            "source": source_dict(version.source, law)}


def penalty_dict(penalty: Penalty) -> dict[str, Any]:
    prison = penalty.prison
    fine = penalty.fine
    return {
        "prison": None if prison is None else False if prison is False else {"min_years": prison.min_years, "max_years": prison.max_years},
        "fine": None if fine is None else False if fine is False else {
            "min": _bound_dict(fine.min), "max": _bound_dict(fine.max), "unlimited": fine.unlimited,
            "amount_unspecified": fine.amount_unspecified},
        "death_penalty": penalty.death_penalty,
        "penalty_note": penalty.note,
    }


def _bound_dict(bound: FineBound | None) -> dict[str, Any] | None:
    if bound is None:
        return None
    if bound.multiple is not None:
        return {"multiple": bound.multiple, "of": bound.of}
    return {"amount": bound.amount, "currency": bound.currency}


def published_results(kb: KnowledgeBase, report: Report) -> list[dict[str, Any]]:
    """The results as export and the site publish them."""
    return list(published_entries(kb, report.domains))


def published_entries(kb: KnowledgeBase, reports: Iterable[DomainReport]) -> Iterator[dict[str, Any]]:
    """The results one entry (jurisdiction × domain) at a time."""
    for r in reports:
        yield assessment_dict(kb, r.assessment, r.history, r.conduct)


def published_pairs(matrices: dict[str, PairMatrix]) -> Iterator[dict[str, Any]]:
    """Every pair of every domain, one at a time: at 1,000 jurisdictions there are 1.5 million."""
    for domain, matrix in matrices.items():
        for pair in matrix.pairs():
            yield pair_dict(domain, pair)


def score_dict(score: Score) -> dict[str, Any]:
    return {"score": score.score, "scored": score.scored, "coverage": score.coverage, "score_min": score.score_min,
            "score_max": score.score_max}


def source_dict(source: Source, law: DomainLaw | ExtraditionLaw | None) -> dict[str, Any]:
    instrument = law.instruments.get(source.instrument) if law else None
    return {
        "instrument": source.instrument,
        "instrument_title": instrument.title if instrument else source.instrument,
        "provision": source.provision,
        "url": source.url,
        "retrieved": source.retrieved.isoformat(),
        "verification": source.verification,
        **({"quote": source.quote} if source.quote else {}),
        **({"note": source.note} if source.note else {}),
        **({"absence": {"read": source.absence.read, "looked_for": source.absence.looked_for}} if source.absence else {}),
    }


def extradition_block_dict(law: ExtraditionLaw) -> dict[str, Any]:
    """A jurisdiction's extradition facts as recorded: every fact of the block (value null where unknown), each
    with its source like any fact; the same in each of the jurisdiction's entries."""
    block: dict[str, Any] = {name: _recorded(getattr(law, name), law) for name in EXTRADITION_FACTS}
    block["scope_note"] = law.scope_note
    return block


def _recorded(fact: ExtraditionFact, law: ExtraditionLaw) -> dict[str, Any]:
    value = fact.value
    if isinstance(value, PenaltyThreshold):
        value = {"years": value.years, "judged_in": value.judged_in, "measure": value.measure}
    return {"value": value, "condition": fact.condition, "only_to": list(fact.only_to), "note": fact.note,
            "source": source_dict(fact.source, law) if fact.source else None}


def review_dict(review: Review) -> dict[str, Any]:
    return {"method": review.method, "date": review.date.isoformat(), "facts_compared": review.facts_compared,
            "divergences": review.divergences, "resolved": review.resolved, "note": review.note}


def history_dict(point: HistoryPoint) -> dict[str, Any]:
    return {"date": point.date.isoformat(), "date_basis": point.date_basis, "score": point.score, "scored": point.scored,
            "coverage": point.coverage, "max_prison_years": point.max_prison_years,
            "max_prison_years_aggravated": point.max_prison_years_aggravated}


def conduct_dict(status: ConductStatus) -> dict[str, Any]:
    return {"criminal": status.criminal, "max_prison_years": status.max_years, "min_prison_years": status.min_years,
            "extraditable": status.extraditable,
            "offences": [o.id for o in status.offences]}


def comparison_dict(kb: KnowledgeBase, comparison: Comparison) -> dict[str, Any]:
    codes = [a.jurisdiction for a in comparison.assessments]
    return {
        "domain": comparison.domain,
        "as_of": comparison.as_of.isoformat(),
        "jurisdictions": codes,
        "assessments": [assessment_dict(kb, a) for a in comparison.assessments],
        "penalty_disparity_years": comparison.penalty_disparity_years,
        "dual_criminality": [
            {"conduct": d.term, "holds": d.holds, "by_jurisdiction": dict(zip(codes, map(conduct_dict, d.statuses)))}
            for d in comparison.dual_criminality
        ],
        "requirement_differences": [
            {"requirement": d.requirement_id, "statuses": dict(zip(codes, d.statuses))} for d in comparison.requirement_differences
        ],
    }


def route_dict(route: list[str], domain: str, links: list[WeakestLink]) -> dict[str, Any]:
    return {
        "domain": domain,
        "route": route,
        "weakest_links": [
            {"conduct": link.term, "weakest": list(link.weakest), "could_be_weaker": list(link.could_be_weaker), "reason": link.reason,
             "by_jurisdiction": dict(zip(route, map(conduct_dict, link.statuses)))}
            for link in links
        ],
    }


PAIR_COLUMNS = ("domain", "a", "b", "dual_criminality_holds", "dual_criminality_fails", "unknown")


def pair_dict(domain: str, pair: PairSummary) -> dict[str, Any]:
    return dict(zip(PAIR_COLUMNS, (domain, pair.a, pair.b, pair.holds, pair.fails, pair.unknown)))


def _usd(amount: UsdAmount | None) -> float | None:
    return amount.usd if amount else None


def _detail(amount: UsdAmount | None) -> str | None:
    return amount.reason if amount else None
