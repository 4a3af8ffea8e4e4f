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


def rate_for(currency: str, day: datetime.date, rates: dict[str, tuple[ExchangeRate, ...]]) -> ExchangeRate | None:
    """The latest annual rate not after `day`'s year; failing that the earliest one (closest in time)."""
    known = rates.get(currency, ())
    before = [r for r in known if r.year <= day.year]
    if before:
        return before[-1]
    return known[0] if known else None


def to_usd(bound: FineBound | None, day: datetime.date, rates: dict[str, tuple[ExchangeRate, ...]]) -> UsdAmount:
    if bound is None:
        return UsdAmount(None, "not set")
    if bound.multiple is not None:
        return UsdAmount(None, f"not comparable: {bound.multiple:g} x {bound.of}")
    if bound.currency == "USD":
        return UsdAmount(float(bound.amount), "stated in USD")
    rate = rate_for(bound.currency, day, rates)
    if rate is None:
        return UsdAmount(None, f"not comparable: no exchange rate for {bound.currency}")
    usd = round(bound.amount / rate.units_per_usd, 2)
    return UsdAmount(usd, f"{bound.currency} {bound.amount:,.0f} at {rate.units_per_usd:g} {bound.currency} per USD, {rate.year} average", rate)
