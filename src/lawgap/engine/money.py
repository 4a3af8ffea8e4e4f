"""Fines in US dollars, at a dated and sourced rate, or an honest 'not comparable'."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from lawgap.model.types import ExchangeRate, FineBound


@dataclass(frozen=True)
class UsdAmount:
    """usd None means not comparable; `reason` says why, or which rate was used."""

    usd: float | None
    reason: str
    rate: ExchangeRate | None = None


MAX_RATE_AGE_YEARS = 3  # older annual averages misstate volatile currencies (CDF, LAK, NGN lost 50-70% in a few years)


def rate_for(currency: str, day: datetime.date, rates: dict[str, tuple[ExchangeRate, ...]]) -> ExchangeRate | None:
    """The latest annual rate of the assessment year or up to MAX_RATE_AGE_YEARS before it; else the
    earliest rate if it lies at most that far after (for dates before the series starts); else none."""
    known = rates.get(currency, ())
    before = [r for r in known if day.year - MAX_RATE_AGE_YEARS <= r.year <= day.year]
    if before:
        return before[-1]
    after = [r for r in known if day.year < r.year <= day.year + MAX_RATE_AGE_YEARS]
    return after[0] if after else None


def to_usd(bound: FineBound | None, day: datetime.date, rates: dict[str, tuple[ExchangeRate, ...]]) -> UsdAmount:
    if bound is None:
        return UsdAmount(None, "not set")
    if bound.multiple is not None:
        return UsdAmount(None, f"not comparable: {bound.multiple:g} x {bound.of}")
    if bound.currency == "USD":
        return UsdAmount(float(bound.amount), "stated in USD")
    rate = rate_for(bound.currency, day, rates)
    if rate is None:
        years = sorted(r.year for r in rates.get(bound.currency, ()))
        known = f" (rates only for {', '.join(map(str, years))})" if years else ""
        return UsdAmount(None, f"not comparable: no {bound.currency} rate within {MAX_RATE_AGE_YEARS} years of {day.year}{known}")
    usd = round(bound.amount / rate.units_per_usd, 2)
    return UsdAmount(usd, f"{bound.currency} {bound.amount:,.0f} at {rate.units_per_usd:g} {bound.currency} per USD, {rate.year} average", rate)
