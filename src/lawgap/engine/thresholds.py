"""The legal thresholds the engine measures against, and how a term in years compares with them."""

from __future__ import annotations

from lawgap.model.types import Years

SERIOUS_CRIME_YEARS = 4.0  # UNTOC Art. 2(b): maximum deprivation of liberty of at least four years
EXTRADITION_YEARS = 1.0  # typical extradition threshold (UNTOC Art. 16 leaves it to treaties; one year is usual)


def years_at_least(max_years: Years, threshold: float) -> bool:
    """Life imprisonment clears every threshold; the death penalty is never counted here."""
    return max_years == "life" or max_years >= threshold


def years_for_sorting(max_years: Years | None) -> float:
    """Order terms (life above any number); unknown sorts as -1 so it is never mistaken for strong."""
    if max_years is None:
        return -1.0
    return float("inf") if max_years == "life" else float(max_years)
