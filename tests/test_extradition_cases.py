"""Extradition cases as YAML: two States' facts in, the verdict and each ground's outcome out.

Each file under tests/extradition_cases/ holds one case: the jurisdictions (treaties, extradition block,
domain facts: see extradition_support), who requests and who is requested, a conduct, a date, and what
must come out: the verdict for anyone who is not a national of the requested State, the verdict for its
nationals, each ground's outcome, and optionally the missing facts, the conditions and words the reasons
must contain.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from extradition_support import knowledge_base

from lawgap.engine.extradition import GROUNDS, extradition

CASES = sorted((Path(__file__).resolve().parent / "extradition_cases").glob("*.yaml"))


def test_there_are_extradition_cases_for_every_ground_and_outcome() -> None:
    seen = set()
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        seen |= set(case["expect"]["grounds"].items())
        seen.add(("verdict", case["expect"]["status"]))
    for ground in GROUNDS:
        assert {(ground, "clears"), (ground, "bars"), (ground, "unknown")} <= seen, ground
    assert {("verdict", "extraditable"), ("verdict", "barred"), ("verdict", "unknown")} <= seen


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_extradition_case(path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    kb = knowledge_base(case["jurisdictions"], case["domain"])
    day = datetime.date.fromisoformat(str(case["as_of"]))
    verdicts = {v.conduct: v for v in extradition(kb, case["requesting"], case["requested"], case["domain"], day)}
    result, expect = verdicts[case["conduct"]], case["expect"]
    grounds = {g.name: g for g in (*result.grounds, result.nationals)}
    assert {name: g.outcome for name, g in grounds.items()} == expect["grounds"]
    assert result.status == expect["status"]
    assert result.status_for_nationals == expect["status_for_nationals"]
    if "missing" in expect:
        assert list(result.missing) == expect["missing"]
    if "conditions" in expect:
        assert list(result.conditions_for_nationals) == expect["conditions"]
    for name, words in expect.get("reasons", {}).items():
        for word in words:
            assert word in grounds[name].reason, (name, word, grounds[name].reason)
    for ground in grounds.values():  # every ground shows what it read: the requested State's fact at least
        assert any(f.jurisdiction == case["requested"] for f in ground.facts), ground
