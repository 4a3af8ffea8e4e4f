"""How figures read on the site: years, fines, statuses, scores.

Most output is lawgap's own text (Trusted). Penalties (`prison`, `fine`) are plain text that holds
schema vocabulary and currency codes: the caller escapes them once, for the context it writes into
(escaping here as well showed "day&#45;fines" in HTML table cells).
"""

from __future__ import annotations

from typing import Any

from lawgap.engine.term_words import term_words
from lawgap.model.types import MINIMUM_UNKNOWN
from lawgap.render.site.escape import Trusted

DOMAIN_TITLES = {"wildlife": "Wildlife trafficking", "human-trafficking": "Human trafficking", "organ-trafficking": "Organ trafficking"}
STATUS_LABELS = {"met": "met", "partial": "partial", "not-met": "not met", "unknown": "unknown"}


def years(value: Any) -> Trusted:
    if value is None:
        return Trusted("unknown")
    if value is False:
        return Trusted("no prison")
    return Trusted(term_words(value))


def prison(value: Any) -> str:
    if value is None:
        return "unknown"
    if value is False:
        return "no prison"
    low, high = value.get("min_years"), value.get("max_years")
    if low == MINIMUM_UNKNOWN:  # the maximum was read, the minimum not: never shown as "no minimum"
        return f"up to {years(high)} (minimum not known)"
    if low and high is not None:
        return f"{years(low)} – {years(high)}"
    if low:
        return f"at least {years(low)} (no maximum stated)"
    return f"up to {years(high)}"


def bound(value: dict[str, Any] | None) -> str:
    if value is None:
        return ""
    if "multiple" in value:
        return f"{value['multiple']:g} × {value['of']}"
    return f"{value['amount']:,.0f} {value['currency']}"


def fine(value: Any) -> str:
    if value is None:
        return "unknown"
    if value is False:
        return "no fine"
    parts = []
    if value.get("min"):
        parts.append(f"at least {bound(value['min'])}")
    if value.get("max"):
        parts.append(f"up to {bound(value['max'])}")
    if value.get("unlimited"):
        parts.append("unlimited")
    if value.get("amount_unspecified") and not parts:
        parts.append("amount not stated")
    return ", ".join(parts) or "unknown"


def usd(amount: float | None) -> Trusted:
    return Trusted("—" if amount is None else f"US${amount:,.0f}")


def yes_no(value: bool | None) -> Trusted:
    return Trusted("unknown" if value is None else "yes" if value else "no")


def score(value: float | None) -> Trusted:
    return Trusted("—" if value is None else f"{value:g}")


NOT_ENOUGH_DATA = "not enough data to score"


def published_score(entry: dict[str, Any]) -> Trusted:
    """The score where coverage carries it (engine: scored); otherwise "not enough data" with the range."""
    if entry["scored"]:
        return score(entry["score"])
    return Trusted(f"{NOT_ENOUGH_DATA} (range {entry['score_min']:g}–{entry['score_max']:g})")


def status(value: str) -> Trusted:
    """A status badge (raw HTML; the status is one of four engine values)."""
    return Trusted(f'<span class="lawgap-status {value}">{STATUS_LABELS[value]}</span>')
