"""How a jurisdiction's score and core penalty (basic and aggravated maximum) moved across the
dates its law changed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from lawgap.engine.as_of import change_dates
from lawgap.engine.assessment import assess
from lawgap.model.types import KnowledgeBase, Years


@dataclass(frozen=True)
class HistoryPoint:
    date: datetime.date
    score: float | None
    coverage: float
    max_prison_years: Years | None
    max_prison_years_aggravated: Years | None = None

    def changes_from(self, other: HistoryPoint) -> bool:
        return (self.score, self.coverage, self.max_prison_years, self.max_prison_years_aggravated) != \
            (other.score, other.coverage, other.max_prison_years, other.max_prison_years_aggravated)


def score_history(kb: KnowledgeBase, code: str, domain: str, until: datetime.date) -> list[HistoryPoint]:
    """One point per change date up to `until` (and `until` itself), dropping points that change nothing."""
    law = kb.laws.get((code, domain))
    dates = [d for d in change_dates(law) if d <= until] if law else []
    points: list[HistoryPoint] = []
    for day in [*dates, until]:
        result = assess(kb, code, domain, day)
        point = HistoryPoint(day, result.overall.score, result.overall.coverage, result.penalty.max_prison_years,
                             result.penalty.max_prison_years_aggravated)
        if not points or point.changes_from(points[-1]):
            points.append(point)
    return points
