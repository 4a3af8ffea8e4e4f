"""How a jurisdiction's score and core penalty (basic and aggravated maximum) moved across the
dates its law changed. A point dated only by the day an undated source was read says what the law
was known to be from then, not that it changed then (date_basis "read")."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from lawgap.engine.as_of import change_dates, read_only_dates
from lawgap.engine.assessment import assess
from lawgap.model.types import KnowledgeBase, Years


@dataclass(frozen=True)
class HistoryPoint:
    date: datetime.date
    score: float | None
    coverage: float
    max_prison_years: Years | None
    max_prison_years_aggravated: Years | None = None
    scored: bool = False  # coverage carries the score (see assessment.Score.scored)
    date_basis: str = "law"  # "law": a date the law took effect, was enacted or repealed; "read": the day a source was read

    def changes_from(self, other: HistoryPoint) -> bool:
        return (self.score, self.coverage, self.max_prison_years, self.max_prison_years_aggravated) != \
            (other.score, other.coverage, other.max_prison_years, other.max_prison_years_aggravated)


def score_history(kb: KnowledgeBase, code: str, domain: str, until: datetime.date) -> list[HistoryPoint]:
    """One point per change date up to `until` (and `until` itself), dropping points that change nothing."""
    law = kb.laws.get((code, domain))
    dates = [d for d in change_dates(law) if d <= until] if law else []
    read_only = read_only_dates(law) if law else set()
    points: list[HistoryPoint] = []
    for day in [*dates, until]:
        result = assess(kb, code, domain, day)
        point = HistoryPoint(day, result.overall.score, result.overall.coverage, result.penalty.max_prison_years,
                             result.penalty.max_prison_years_aggravated, result.overall.scored,
                             "read" if day in read_only else "law")
        if not points or point.changes_from(points[-1]):
            points.append(point)
    return points
