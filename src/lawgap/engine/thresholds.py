"""The legal thresholds the engine measures against, and how a term in years compares with them."""

from __future__ import annotations

from lawgap.model.types import Years

SERIOUS_CRIME_YEARS = 4.0  # UNTOC Art. 2(b): maximum deprivation of liberty of at least four years
EXTRADITION_YEARS = 1.0  # typical extradition threshold (UNTOC Art. 16 leaves it to treaties; one year is usual)
# A score is published only from this share (0-100) of requirement weight known: below it the score rests on
# a minority of the standards, so an entry researched for one requirement would show 100 or 0.
SCORE_COVERAGE_THRESHOLD = 60.0


def years_at_least(max_years: Years, threshold: float) -> bool:
    """Life imprisonment clears every threshold; the death penalty is never counted here."""
    return max_years == "life" or max_years >= threshold


def term_at_least(min_years: float | None, max_years: Years | None, threshold: float) -> bool | None:
    """Whether a prison term clears `threshold`: by its maximum; where no maximum is stated, a minimum at the
    threshold or above clears it (the maximum cannot be lower); otherwise unknown. The serious-crime test,
    the requirement that reads it and dual criminality all decide through here, so they never disagree."""
    if max_years is not None:
        return years_at_least(max_years, threshold)
    if min_years is not None and min_years >= threshold:
        return True
    return None


def measured_at_least(terms: tuple[tuple[float, Years | None] | None, ...], measure: str, threshold: float) -> bool | None:
    """Whether any of the (minimum, maximum) prison terms clears `threshold` read by its minimum or by the mean
    of minimum and maximum (a life maximum clears by the mean); None when none clears and a term or a
    maximum the mean needs is not known. (By the maximum, see term_at_least.)"""
    clears: list[bool | None] = []
    for term in terms:
        if term is None:
            clears.append(None)
        elif measure == "minimum":
            clears.append(term[0] >= threshold)
        elif term[1] is None:
            clears.append(None)
        else:
            clears.append(term[1] == "life" or (term[0] + term[1]) / 2 >= threshold)
    if any(c is True for c in clears):
        return True
    return None if any(c is None for c in clears) or not clears else False


def years_for_sorting(max_years: Years | None) -> float:
    """Order terms (life above any number); unknown sorts as -1 so it is never mistaken for strong."""
    if max_years is None:
        return -1.0
    return float("inf") if max_years == "life" else float(max_years)
