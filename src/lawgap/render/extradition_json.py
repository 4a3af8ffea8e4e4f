"""The engine's extradition verdicts as plain JSON-ready data (schema/results.schema.json, $defs
extradition_verdict): the output of `lawgap extradition --format json`. A jurisdiction's extradition
facts as recorded travel with its results entries (results_json.extradition_block_dict)."""

from __future__ import annotations

from typing import Any

from lawgap.engine.extradition import GROUNDS, ExtraditionVerdict, Fact, Ground
from lawgap.render.results_json import source_dict


def verdict_dict(verdict: ExtraditionVerdict) -> dict[str, Any]:
    return {
        "requesting": verdict.requesting,
        "requested": verdict.requested,
        "domain": verdict.domain,
        "conduct": verdict.conduct,
        "as_of": verdict.as_of.isoformat(),
        "status": verdict.status,
        "status_for_nationals": verdict.status_for_nationals,
        "conditions": list(verdict.conditions),
        "conditions_for_nationals": list(verdict.conditions_for_nationals),
        "missing": list(verdict.missing),
        "grounds": [ground_dict(g) for g in verdict.grounds],
        "nationals": ground_dict(verdict.nationals),
        "prosecution": fact_dict(verdict.prosecution) if verdict.prosecution else None,
    }


def ground_dict(ground: Ground) -> dict[str, Any]:
    return {"name": ground.name, "question": GROUNDS[ground.name], "outcome": ground.outcome, "reason": ground.reason,
            "facts": [fact_dict(f) for f in ground.facts], "missing": list(ground.missing), "conditions": list(ground.conditions)}


def fact_dict(fact: Fact) -> dict[str, Any]:
    source = None
    if fact.source:
        source = {**source_dict(fact.source, None), "instrument_title": fact.instrument_title or fact.source.instrument}
    return {"jurisdiction": fact.jurisdiction, "fact": fact.fact, "value": fact.value, "source": source, "url": fact.url,
            "note": fact.note}
