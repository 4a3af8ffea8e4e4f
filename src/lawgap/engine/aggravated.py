"""Aggravated tiers of an offence on a day: each tier's prison terms (an uplift worked out from the
basic penalty in force that day) and the highest aggravated maximum with the circumstances behind it.

The basic penalty stays what the serious-crime test, the penalty gap and dual criminality use; the
aggravated maximum is reported beside it so that countries are compared like with like."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction

from lawgap.engine.as_of import penalty_on, version_on
from lawgap.engine.thresholds import years_for_sorting
from lawgap.model.types import MINIMUM_UNKNOWN, AggravatedTier, MinYears, Offence, PenaltyVersion, Uplift, Years


@dataclass(frozen=True)
class TierOnDay:
    """One aggravated tier in force on a day; max None = not known (or, with no_prison, none); min None = none
    set or not known (as max), MINIMUM_UNKNOWN = a minimum not read (or raised from one)."""

    tier: AggravatedTier
    version: PenaltyVersion
    max_prison_years: Years | None
    min_prison_years: MinYears
    no_prison: bool
    death_penalty: bool | None


@dataclass(frozen=True)
class AggravatedMaximum:
    """The highest maximum over the tiers in force (None when no tier's maximum is known) and the
    circumstances of every tier that reaches it."""

    max_prison_years: Years | None
    circumstances: tuple[str, ...]


def tiers_on(offence: Offence, day: datetime.date) -> tuple[TierOnDay, ...]:
    """The offence's aggravated tiers in force on `day` (a tier not yet in force, repealed, or undated
    before its source was read is left out)."""
    found = []
    for tier in offence.aggravated_tiers:
        on_day = version_on(tier.penalty_history, day)
        if on_day.version is None or on_day.repealed:
            continue
        if on_day.version.uplift is not None:
            found.append(_uplifted(tier, on_day.version, offence, day))
            continue
        penalty = on_day.version.penalty
        prison = penalty.prison
        found.append(TierOnDay(tier, on_day.version, prison.max_years if prison else None, prison.min_years if prison else None,
                               prison is False, penalty.death_penalty))
    return tuple(found)


def _uplifted(tier: AggravatedTier, version: PenaltyVersion, offence: Offence, day: datetime.date) -> TierOnDay:
    """A tier stated as a raise of the basic prison limits in force on `day`; without a basic term to
    raise, the raised term is unknown (never guessed)."""
    basic = penalty_on(offence, day).penalty
    prison = basic.prison if basic else None
    if not prison:
        return TierOnDay(tier, version, None, None, False, basic.death_penalty if basic else None)
    uplift: Uplift = version.uplift
    return TierOnDay(tier, version, raised(prison.max_years, uplift.max_by), raised(prison.min_years, uplift.min_by),
                     False, basic.death_penalty)


def raised(years: Years | MinYears, by: Fraction | None) -> Years | MinYears:
    """`years` x (1 + by), to the nearest hundredth of a year; life stays life, a minimum not read stays not
    known; no fraction: unchanged."""
    if years is None or years == "life" or years == MINIMUM_UNKNOWN or by is None:
        return years
    value = Fraction(str(years)) * (1 + by)
    return int(value) if value.denominator == 1 else round(float(value), 2)


def highest_maximum(tiers: tuple[TierOnDay, ...]) -> AggravatedMaximum:
    known = [t for t in tiers if t.max_prison_years is not None]
    if not known:
        return AggravatedMaximum(None, ())
    top = max(years_for_sorting(t.max_prison_years) for t in known)
    reaching = [t for t in known if years_for_sorting(t.max_prison_years) == top]
    circumstances = tuple(dict.fromkeys(c for t in reaching for c in t.tier.circumstances))
    return AggravatedMaximum(reaching[0].max_prison_years, circumstances)
