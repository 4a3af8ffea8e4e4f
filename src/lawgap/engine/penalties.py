"""The penalty gap: the core offence's basic maximum prison term against the UNTOC serious-crime
threshold, the death penalty flagged (never counted as stronger law), fines in USD, and the
aggravated tiers reported beside the basic penalty."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from lawgap.engine.aggravated import TierOnDay, highest_maximum, tiers_on
from lawgap.engine.as_of import LawOnDay, penalty_on
from lawgap.engine.money import UsdAmount, to_usd
from lawgap.engine.thresholds import SERIOUS_CRIME_YEARS, term_at_least
from lawgap.model.types import ExchangeRate, MinYears, Offence, Source, Years


@dataclass(frozen=True)
class FineAssessment:
    status: str  # converted | not-comparable | unlimited | none | unknown
    min: UsdAmount | None
    max: UsdAmount | None


@dataclass(frozen=True)
class PenaltyAssessment:
    core_offence: Offence | None
    source: Source | None
    max_prison_years: Years | None
    min_prison_years: MinYears  # None: none set (or the term is not known); MINIMUM_UNKNOWN: not read
    no_prison: bool
    death_penalty: bool | None
    serious_crime: bool | None
    penalty_gap_years: float | None
    fine: FineAssessment
    aggravated_tiers: tuple[TierOnDay, ...] = ()
    max_prison_years_aggravated: Years | None = None  # highest maximum over the aggravated tiers in force
    aggravated_circumstances: tuple[str, ...] = ()  # the circumstances of the tier(s) reaching it


def assess_penalty(facts: LawOnDay | None, day: datetime.date, rates: dict[str, tuple[ExchangeRate, ...]]) -> PenaltyAssessment:
    offence = facts.core if facts else None
    on_day = penalty_on(offence, day) if offence else None
    penalty = on_day.penalty if on_day else None
    tiers = tiers_on(offence, day) if offence else ()
    aggravated = highest_maximum(tiers)
    aggravation = (tiers, aggravated.max_prison_years, aggravated.circumstances)
    if penalty is None:
        unknown = FineAssessment("unknown", None, None)
        return PenaltyAssessment(offence, offence.source if offence else None, None, None, False, None, None, None, unknown, *aggravation)
    prison = penalty.prison
    max_years = prison.max_years if prison else None
    min_years = prison.min_years if prison else None
    if prison is False:
        serious, gap = False, SERIOUS_CRIME_YEARS
    else:
        serious = term_at_least(min_years, max_years, SERIOUS_CRIME_YEARS)
        gap = 0.0 if serious else None if serious is None else round(SERIOUS_CRIME_YEARS - float(max_years), 2)
    return PenaltyAssessment(offence, on_day.version.source, max_years, min_years, prison is False,
                             penalty.death_penalty, serious, gap, _fine(penalty.fine, day, rates), *aggravation)


def _fine(fine, day: datetime.date, rates) -> FineAssessment:
    if fine is None:
        return FineAssessment("unknown", None, None)
    if fine is False:
        return FineAssessment("none", None, None)
    low, high = to_usd(fine.min, day, rates), to_usd(fine.max, day, rates)
    if fine.unlimited:
        return FineAssessment("unlimited", low, None)
    if fine.max is None and fine.min is None:
        return FineAssessment("unknown", None, None)
    stated = [b for b in (low, high) if b.reason != "not set"]
    status = "converted" if all(b.usd is not None for b in stated) else "not-comparable"
    return FineAssessment(status, low, high)
