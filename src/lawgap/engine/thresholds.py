"""The legal thresholds the engine measures against, and how a term in years compares with them."""

from __future__ import annotations

from lawgap.model.types import MINIMUM_UNKNOWN, MinYears, Years

SERIOUS_CRIME_YEARS = 4.0  # UNTOC Art. 2(b): maximum deprivation of liberty of at least four years
EXTRADITION_YEARS = 1.0  # typical extradition threshold (UNTOC Art. 16 leaves it to treaties; one year is usual)
# A score is published only from this share (0-100) of requirement weight known: below it the score rests on
# a minority of the standards, so an entry researched for one requirement would show 100 or 0.
SCORE_COVERAGE_THRESHOLD = 60.0


def years_at_least(max_years: Years, threshold: float) -> bool:
    """Life imprisonment clears every threshold; the death penalty is never counted here."""
    return max_years == "life" or max_years >= threshold


def term_at_least(min_years: MinYears, max_years: Years | None, threshold: float) -> bool | None:
    """Whether a prison term clears `threshold`: by its maximum (whether or not its minimum is known); where
    no maximum is stated, a minimum at the threshold or above clears it (the maximum cannot be lower);
    otherwise unknown. The serious-crime test, the requirement that reads it and dual criminality all decide
    through here, so they never disagree."""
    if max_years is not None:
        return years_at_least(max_years, threshold)
    if min_years is not None and min_years != MINIMUM_UNKNOWN and min_years >= threshold:
        return True
    return None


def floor_years(min_years: MinYears) -> float:
    """The least a prison term can be: its minimum; 0 where the law sets none or the minimum was not read."""
    return 0.0 if min_years is None or min_years == MINIMUM_UNKNOWN else min_years


def measured_at_least(terms: tuple[tuple[MinYears, Years | None] | None, ...], measure: str, threshold: float) -> bool | None:
    """Whether any of the (minimum, maximum) prison terms clears `threshold` read by its minimum (none set
    counts as 0) or by the mean of minimum and maximum (a life maximum clears by the mean); None when none
    clears and for some term the known facts do not decide: the term or the maximum the mean needs is not
    known, or its minimum was not read and the maximum does not settle it (a minimum lies between 0 and the
    maximum). (By the maximum, see term_at_least.)"""
    clears: list[bool | None] = []
    for term in terms:
        bounds = None if term is None else _measured_bounds(term, measure)
        if bounds is None:
            clears.append(None)
        elif bounds[0] >= threshold:
            clears.append(True)
        else:
            clears.append(False if bounds[1] < threshold else None)
    if any(c is True for c in clears):
        return True
    return None if any(c is None for c in clears) or not clears else False


def _measured_bounds(term: tuple[MinYears, Years | None], measure: str) -> tuple[float, float] | None:
    """The lowest and highest the measured figure (minimum, or mean of minimum and maximum) can be; None
    when nothing bounds it."""
    low, high = term
    if high == "life":
        top = float("inf")
    elif high is None:
        top = None
    else:
        top = float(high)
    if measure == "minimum":
        if low != MINIMUM_UNKNOWN:
            return floor_years(low), floor_years(low)
        return None if top is None else (0.0, top)
    if top is None:
        return None
    if low == MINIMUM_UNKNOWN:
        return top / 2, top
    mean = (floor_years(low) + top) / 2
    return mean, mean


def years_for_sorting(max_years: Years | None) -> float:
    """Order terms (life above any number); unknown sorts as -1 so it is never mistaken for strong."""
    if max_years is None:
        return -1.0
    return float("inf") if max_years == "life" else float(max_years)
