"""The unknowns ranking on a hand-made knowledge base (tests/unknowns_case/), worked out by hand.

Baseline `queue` (wildlife), total weight 6; the score range is 100 × Σ w·unknown / 6:
- q-authorities, weight 2: all(management-authority, scientific-authority); each part is half of it.
- q-trade, weight 3: any(measure trade-prohibited-without-permit, offence conduct trade).
- q-serious, weight 1: core maximum prison term >= 4 years.

KE knows management-authority only; its core offence covers import (true), leaves trade null and has no
penalty. TZ knows scientific-authority and the trade prohibition; its core offence (max 2 years) also
leaves trade null.

KE: scientific-authority settles half of q-authorities whatever the answer: 2 × 1/2 = 1 -> 16.67 points.
    trade-prohibited-without-permit: `true` meets q-trade (3 -> 50 points), `false` leaves it open (0).
    conduct trade: the same 50 / 0, and trade's dual criminality is open -> ranks first on the tie.
    core maximum: q-serious either way (1 -> 16.67); import is criminal with no known maximum, so its
    dual criminality waits on it -> ranks before scientific-authority on the tie.
TZ: management-authority: 2 × 1/2 -> 16.67 (after KE's on the tie: jurisdiction order).
    conduct trade: q-trade is already met, so no points, but trade's dual criminality is open.
"""

from __future__ import annotations

import datetime
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawgap.cli import main
from lawgap.engine.assessment import assess
from lawgap.engine.unknowns import ranked_unknowns, unknown_facts
from lawgap.model.build import load_knowledge_base
from lawgap.model.types import KnowledgeBase, Measure

PROJECT = Path(__file__).resolve().parents[1]
CASE = Path(__file__).resolve().parent / "unknowns_case"
DAY = datetime.date(2026, 2, 1)
CORE_MAX = "offences[core].penalty_history[].penalty.prison.max_years"

EXPECTED = [  # jurisdiction, fact, requirements, weight share, narrowing, at least, dual criminality
    ("KE", "offences[].conduct.trade", ("q-trade",), 3.0, 50.0, 0.0, ("trade",)),
    ("KE", "measures.trade-prohibited-without-permit.value", ("q-trade",), 3.0, 50.0, 0.0, ()),
    ("KE", CORE_MAX, ("q-serious",), 1.0, 16.67, 16.67, ("import",)),
    ("KE", "measures.scientific-authority.value", ("q-authorities",), 1.0, 16.67, 16.67, ()),
    ("TZ", "measures.management-authority.value", ("q-authorities",), 1.0, 16.67, 16.67, ()),
    ("TZ", "offences[].conduct.trade", ("q-trade",), 0.0, 0.0, 0.0, ("trade",)),
]


@pytest.fixture
def case_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CASE / "baselines", tmp_path / "baselines")
    shutil.copytree(CASE / "laws", tmp_path / "laws")
    shutil.copytree(PROJECT / "schema", tmp_path / "schema")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def kb(case_tree: Path) -> KnowledgeBase:
    return load_knowledge_base(case_tree)


def test_ranking_matches_the_hand_computed_order(kb: KnowledgeBase) -> None:
    ranked = ranked_unknowns(kb, ["KE", "TZ"], ["wildlife"], DAY)
    assert [(f.jurisdiction, f.fact, f.requirements, f.weight_share, f.narrowing, f.narrowing_at_least, f.dual_criminality)
            for f in ranked] == EXPECTED
    assert {f.file for f in ranked} == {"laws/ke/wildlife.yaml", "laws/tz/wildlife.yaml"}


def test_narrowing_is_what_the_score_range_loses_once_answered(kb: KnowledgeBase) -> None:
    """Cross-check against the assessment: recording scientific-authority shrinks KE's range by 16.67."""
    before = assess(kb, "KE", "wildlife", DAY).overall
    law = kb.laws[("KE", "wildlife")]
    answered = replace(law, measures={**law.measures, "scientific-authority": Measure(False, law.measures["management-authority"].source)})
    kb.laws[("KE", "wildlife")] = answered
    after = assess(kb, "KE", "wildlife", DAY).overall
    assert round((before.score_max - before.score_min) - (after.score_max - after.score_min), 1) == 16.7
    assert "measures.scientific-authority.value" not in [f.fact for f in unknown_facts(kb, "KE", "wildlife", DAY)]


def test_limit_keeps_the_top_of_the_queue(kb: KnowledgeBase) -> None:
    assert [f.fact for f in ranked_unknowns(kb, ["KE", "TZ"], ["wildlife"], DAY, limit=2)] == [e[1] for e in EXPECTED[:2]]


def test_cli_json(case_tree: Path) -> None:
    result = CliRunner().invoke(main, ["unknowns", "ke", "TZ", "--domain", "wildlife", "--as-of", "2026-02-01",
                                       "--format", "json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    entries = json.loads(result.output)
    assert [e["rank"] for e in entries] == [1, 2, 3]
    assert entries[2] == {"rank": 3, "jurisdiction": "KE", "domain": "wildlife", "fact": CORE_MAX,
                          "requirements": ["q-serious"], "weight_share": 1.0, "narrowing": 16.67,
                          "narrowing_at_least": 16.67, "dual_criminality": ["import"], "file": "laws/ke/wildlife.yaml"}


def test_cli_table_and_unknown_jurisdiction(case_tree: Path) -> None:
    table = CliRunner().invoke(main, ["unknowns", "--domain", "wildlife", "--as-of", "2026-02-01"])
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    assert lines[0].split()[:4] == ["rank", "jurisdiction", "domain", "fact"]
    assert lines[2].split() == ["1", "KE", "wildlife", "offences[].conduct.trade", "q-trade", "50", "0", "trade"]
    refused = CliRunner().invoke(main, ["unknowns", "XX"])
    assert refused.exit_code == 2 and "no data for XX" in refused.output
