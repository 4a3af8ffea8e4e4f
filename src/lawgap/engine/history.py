"""How a jurisdiction's score and core penalty (basic and aggravated maximum) moved across the
dates its law changed. A point dated only by the day an undated source was read says what the law
was known to be from then, not that it changed then (date_basis "read")."""

from __future__ import annotations

import datetime
from collections.abc import Hashable
from dataclasses import dataclass

from lawgap.engine.as_of import LawOnDay, change_dates, penalty_on, read_only_dates, version_on
from lawgap.engine.assessment import DomainAssessment, assess
from lawgap.model.types import DomainLaw, KnowledgeBase, Years


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


def score_history(kb: KnowledgeBase, code: str, domain: str, until: datetime.date,
                  assessed: DomainAssessment | None = None) -> list[HistoryPoint]:
    """One point per change date up to `until` (and `until` itself), dropping points that change nothing;
    `assessed` is the assessment on `until` where the caller has it already."""
    law = kb.laws.get((code, domain))
    dates = [d for d in change_dates(law) if d <= until] if law else []
    read_only = read_only_dates(law) if law else set()
    points: list[HistoryPoint] = []
    figures: dict[Hashable, tuple] = {}  # law state -> the figures a point shows
    if assessed is not None:
        figures[_state(law, until) if law else None] = _figures(assessed)
    for day in [*dates, until]:
        state = _state(law, day) if law else None
        if state not in figures:
            figures[state] = _figures(assess(kb, code, domain, day))
        point = HistoryPoint(day, *figures[state], "read" if day in read_only else "law")
        if not points or point.changes_from(points[-1]):
            points.append(point)
    return points


def _figures(result: DomainAssessment) -> tuple:
    return (result.overall.score, result.overall.coverage, result.penalty.max_prison_years,
            result.penalty.max_prison_years_aggravated, result.overall.scored)


def _state(law: DomainLaw, day: datetime.date) -> Hashable:
    """All that a point's figures read from `law` and that can differ from day to day: the offences in force
    (offence elements), the instruments in force (a measure counts while its instrument is in force) and the
    penalty versions of the core offence and its tiers (prison terms, uplifts). Many change dates change none
    of it (a new penalty for an offence that is not the core one), and a day in the same state as one already
    assessed has the same figures: assessing it again was 80% of an export's engine time."""
    offences = LawOnDay.of(law, day).offences
    core = next((o for o in offences if o.core), None)
    versions = (penalty_on(core, day).version, *(version_on(t.penalty_history, day).version for t in core.aggravated_tiers)) if core else ()
    in_force = frozenset(name for name, instrument in law.instruments.items() if instrument.in_force_on(day))
    return tuple(map(id, offences)), in_force, tuple(map(id, versions))
