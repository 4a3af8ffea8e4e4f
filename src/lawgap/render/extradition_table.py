"""`lawgap extradition A B` as text: a table of verdicts per conduct in both directions, then for each
direction the grounds, each reason once with the conducts it applies to, what is missing and the conditions."""

from __future__ import annotations

from collections.abc import Iterable

from lawgap.engine.extradition import GROUNDS, ExtraditionVerdict
from lawgap.model.types import KnowledgeBase
from lawgap.render.tables import to_table


def arrow(requested: str, requesting: str) -> str:
    """A direction as the person travels: from the requested State to the requesting one."""
    return f"{requested} → {requesting}"


def extradition_text(kb: KnowledgeBase, domain: str, verdicts: Iterable[ExtraditionVerdict]) -> str:
    by_direction: dict[tuple[str, str], list[ExtraditionVerdict]] = {}
    for verdict in verdicts:
        by_direction.setdefault((verdict.requested, verdict.requesting), []).append(verdict)
    directions = list(by_direction)
    first = by_direction[directions[0]][0]
    conducts = [v.conduct for v in by_direction[directions[0]]]
    lines = [f"{domain}, as of {first.as_of.isoformat()}: "
             + " and ".join(f"{kb.jurisdictions[c].name} ({c})" for c in dict.fromkeys(c for d in directions for c in d)),
             "A → B: surrender by A, where the person is, to B, which asks; 'nationals': if the person is a national of A."]
    columns = ["conduct"]
    for requested, requesting in directions:
        columns += [arrow(requested, requesting), f"{arrow(requested, requesting)} nationals"]
    rows = []
    for index, conduct in enumerate(conducts):
        row = {"conduct": conduct}
        for requested, requesting in directions:
            verdict = by_direction[(requested, requesting)][index]
            row[arrow(requested, requesting)] = verdict.status
            row[f"{arrow(requested, requesting)} nationals"] = verdict.status_for_nationals
        rows.append(row)
    lines.append(to_table(rows, tuple(columns)))
    for (requested, requesting), group in by_direction.items():
        lines += ["", f"{arrow(requested, requesting)}: can {kb.jurisdictions[requested].name} surrender to "
                      f"{kb.jurisdictions[requesting].name}?"]
        lines += _grounds(group, conducts)
        conditions = list(dict.fromkeys(c for v in group for c in v.conditions_for_nationals))
        if conditions:
            lines.append("  conditions lawgap cannot check: " + "; ".join(conditions))
        lines += _missing(group)
    return "\n".join(lines) + "\n"


def _missing(group: list[ExtraditionVerdict]) -> list[str]:
    """The facts that would settle the unknowns: the extradition and treaty facts by name, the conduct facts
    (coverage, maximum, death penalty) counted per State, as `lawgap unknowns` ranks them."""
    missing = dict.fromkeys(m for v in group for m in (*v.missing, *(v.nationals.missing if v.nationals.outcome == "unknown" else ())))
    named = [m for m in missing if " conduct " not in m]
    conducts: dict[str, set[str]] = {}
    for fact in missing:
        if " conduct " in fact:
            code, rest = fact.split(" conduct ", 1)
            conducts.setdefault(code, set()).add(rest.split(":")[0])
    lines = []
    if named:
        lines.append("  facts that would settle the unknowns: " + ", ".join(named))
    if conducts:
        lines.append("  and conduct facts (coverage, maximum, death penalty) of " + ", ".join(
            f"{len(terms)} conduct{'s' if len(terms) != 1 else ''} in {code}" for code, terms in conducts.items())
            + " (lawgap unknowns ranks them)")
    return lines


def _grounds(group: list[ExtraditionVerdict], conducts: list[str]) -> list[str]:
    lines = []
    for name in GROUNDS:
        reasons: dict[tuple[str, str], list[str]] = {}
        for verdict in group:
            ground = next(g for g in (*verdict.grounds, verdict.nationals) if g.name == name)
            reasons.setdefault((ground.outcome, ground.reason), []).append(verdict.conduct)
        for (outcome, reason), which in reasons.items():
            applies = "every conduct" if len(which) == len(conducts) else ", ".join(which)
            lines.append(f"  {name:<18} {outcome:<8} {applies}: {reason}")
    return lines
