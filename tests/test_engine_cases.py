"""Engine cases as YAML: facts in, expected statuses, score (and whether it is published), coverage,
penalty gap, aggravated tiers, the requirements that get a recommendation and (optionally) the history out.

Each file under tests/engine_cases/ holds one case: a domain file's facts (checked against the
real schema first, so cases cannot drift from the format), optional requirements (default: the
project's baselines), optional exchange rates, an as_of date and the expected results.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from lawgap.engine.assessment import assess
from lawgap.engine.history import score_history
from lawgap.model.build import (
    baseline_from_data,
    domain_law_from_data,
    exchange_rates_from_data,
)
from lawgap.model.types import KnowledgeBase
from lawgap.validate.schema_layer import SchemaSet

PROJECT = Path(__file__).resolve().parents[1]
CASES_DIR = Path(__file__).resolve().parent / "engine_cases"
SCHEMAS = SchemaSet(PROJECT / "schema")
CASES = sorted(CASES_DIR.glob("*.yaml"))

SOURCE = {"instrument": "act", "provision": "s. 1", "url": "https://example.org/act", "retrieved": "2026-01-01",
          "verification": "source-text"}


def knowledge_base(case: dict[str, Any]) -> KnowledgeBase:
    domain = case["domain"]
    facts = {"schema_version": 1, "jurisdiction": "KE", "domain": domain, "last_reviewed": "2026-01-01",
             "instruments": [{"id": "act", "title": "Example Act", "url": "https://example.org/act"}],
             "offences": [], "measures": {}, **_with_default_sources(case["law"])}
    errors = list(SCHEMAS.validator(domain).iter_errors(facts))
    assert not errors, f"case facts do not match the {domain} schema: {errors[0].message} at {list(errors[0].absolute_path)}"
    kb = KnowledgeBase(vocabulary=SCHEMAS.vocabularies())
    kb.laws[("KE", domain)] = domain_law_from_data(facts, "case.yaml")
    if "requirements" in case:
        requirements = [{"article": "Art. 1", "text": "t", "obligation": "shall", "recommendation": "r", **r} for r in case["requirements"]]
        baseline = {"id": "case", "title": "Case baseline", "short_title": "Case", "domains": [domain],
                    "url": "https://example.org/treaty", "requirements": requirements}
        kb.baselines["case"] = baseline_from_data(baseline)
    else:
        for path in sorted((PROJECT / "baselines").glob("*.yaml")):
            data = yaml.safe_load(path.read_text())
            kb.baselines[data["id"]] = baseline_from_data(data)
    if "rates" in case:
        kb.exchange_rates = exchange_rates_from_data({"rates": case["rates"]})
    return kb


def _with_default_sources(law: dict[str, Any]) -> dict[str, Any]:
    """Cases may write `source: default` to keep them short."""
    def fill(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: (dict(SOURCE) if k == "source" and v == "default" else fill(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [fill(item) for item in node]
        return node
    return fill(law)


def test_there_are_engine_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_engine_case(path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    kb = knowledge_base(case)
    day = datetime.date.fromisoformat(str(case["as_of"]))
    result = assess(kb, "KE", case["domain"], day)
    expect = case["expect"]
    statuses = {r.requirement.id: r.status for r in result.requirements}
    for requirement_id, status in expect.get("statuses", {}).items():
        assert statuses[requirement_id] == status, f"{requirement_id}: {statuses[requirement_id]} != {status}"
    scalar = {
        "score": result.overall.score, "scored": result.overall.scored, "coverage": result.overall.coverage,
        "score_min": result.overall.score_min, "score_max": result.overall.score_max,
        "max_prison_years": result.penalty.max_prison_years, "min_prison_years": result.penalty.min_prison_years,
        "serious_crime": result.penalty.serious_crime,
        "penalty_gap_years": result.penalty.penalty_gap_years, "death_penalty": result.penalty.death_penalty,
        "fine_status": result.penalty.fine.status,
        "fine_max_usd": result.penalty.fine.max.usd if result.penalty.fine.max else None,
        "fine_min_usd": result.penalty.fine.min.usd if result.penalty.fine.min else None,
        "max_prison_years_aggravated": result.penalty.max_prison_years_aggravated,
        "aggravated_circumstances": list(result.penalty.aggravated_circumstances),
        "aggravated_tiers": {t.tier.id: {"max_prison_years": t.max_prison_years, "min_prison_years": t.min_prison_years}
                             for t in result.penalty.aggravated_tiers},
    }
    recommended = sorted(r.requirement.id for r in result.recommendations())
    for key, value in expect.items():
        if key == "recommended":
            assert recommended == sorted(value), f"recommended: {recommended} != {sorted(value)}"
        elif key not in ("statuses", "history"):
            assert scalar[key] == value, f"{key}: {scalar[key]!r} != {value!r}"
    if "history" in expect:  # the points of `lawgap history` up to as_of (date_basis where a case states it)
        with_basis = any("date_basis" in point for point in expect["history"])
        points = [{"date": p.date.isoformat(), "max_prison_years": p.max_prison_years,
                   "max_prison_years_aggravated": p.max_prison_years_aggravated,
                   **({"date_basis": p.date_basis} if with_basis else {})}
                  for p in score_history(kb, "KE", case["domain"], day)]
        assert points == expect["history"]
