"""The ranked unknown facts (engine.unknowns) as JSON entries and terminal-table rows."""

from __future__ import annotations

from typing import Any

from lawgap.engine.unknowns import UnknownFact

TABLE_COLUMNS = ("rank", "jurisdiction", "domain", "fact", "requirements", "narrowing", "at least", "dual criminality")


def unknown_dicts(facts: list[UnknownFact]) -> list[dict[str, Any]]:
    """One entry per fact, ranked (1 = answer first)."""
    return [{
        "rank": rank, "jurisdiction": fact.jurisdiction, "domain": fact.domain, "fact": fact.fact,
        "requirements": list(fact.requirements), "weight_share": fact.weight_share, "narrowing": fact.narrowing,
        "narrowing_at_least": fact.narrowing_at_least, "dual_criminality": list(fact.dual_criminality), "file": fact.file,
    } for rank, fact in enumerate(facts, 1)]


def unknown_rows(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for `to_table` with TABLE_COLUMNS: points of the score range, conducts whose dual criminality it settles."""
    return [{
        "rank": e["rank"], "jurisdiction": e["jurisdiction"], "domain": e["domain"], "fact": e["fact"],
        "requirements": ", ".join(e["requirements"]) or "-", "narrowing": f"{e['narrowing']:g}",
        "at least": f"{e['narrowing_at_least']:g}", "dual criminality": ", ".join(e["dual_criminality"]) or "-",
    } for e in entries]
