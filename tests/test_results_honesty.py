"""What the engine's JSON says about the bundled data is honest: a score is flagged as published only
where coverage carries it, a recommendation only where part of a requirement is known unmet, the
serious-crime figure and the requirement that reads it agree, and every fact says what it did."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from lawgap.engine.report import report_all
from lawgap.engine.thresholds import SCORE_COVERAGE_THRESHOLD
from lawgap.model.build import load_knowledge_base
from lawgap.render.results_json import published_results

PROJECT = Path(__file__).resolve().parents[1]
AS_OF = datetime.date(2026, 12, 1)


@pytest.fixture(scope="module")
def results() -> list[dict[str, Any]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAWGAP_NO_CACHE", "1")  # as every test: checked from scratch
        kb = load_knowledge_base(PROJECT)
    return published_results(kb, report_all(kb, AS_OF))


def requirements(results: list[dict[str, Any]]):
    return [(e, r) for e in results for r in e["requirements"]]


def test_scored_only_from_the_coverage_threshold(results) -> None:
    assert {e["score_threshold"] for e in results} == {SCORE_COVERAGE_THRESHOLD}
    for e in results:
        assert e["scored"] == (e["score"] is not None and e["coverage"] >= SCORE_COVERAGE_THRESHOLD), (e["jurisdiction"], e["domain"])
        for baseline in e["baselines"].values():
            assert baseline["scored"] == (baseline["score"] is not None and baseline["coverage"] >= SCORE_COVERAGE_THRESHOLD)
    assert any(e["scored"] for e in results) and any(not e["scored"] for e in results)


def test_recommendation_only_where_part_is_known_unmet(results) -> None:
    for e, r in requirements(results):
        assert (r["recommendation"] is not None) == (r["unmet"] > 0), (e["jurisdiction"], r["id"], r["status"], r["unmet"])
    # partial or not-met outcomes short only of unknown facts exist in the data, and get none
    assert any(r["status"] == "partial" and r["unmet"] == 0 and r["recommendation"] is None for _, r in requirements(results))


def test_serious_crime_and_its_requirement_agree(results) -> None:
    """The card ("serious crime: yes") and the requirement table (untoc-serious-crime) come from one rule."""
    expected = {True: "met", False: "not-met", None: "unknown"}
    for e, r in requirements(results):
        if r["id"] == "untoc-serious-crime":
            assert r["status"] == expected[e["serious_crime"]], (e["jurisdiction"], e["domain"], e["serious_crime"], r["status"])
    kenya = next(e for e in results if (e["jurisdiction"], e["domain"]) == ("KE", "human-trafficking"))
    assert kenya["max_prison_years"] is None and kenya["min_prison_years"] == 30  # at least 30 years, no maximum stated
    assert kenya["serious_crime"] is True


def test_every_fact_says_what_it_did(results) -> None:
    for e, r in requirements(results):
        verdicts = {f["verdict"] for f in r["evidence"]}
        assert all(f["path"] for f in r["evidence"]), r["id"]
        if r["status"] == "met":
            assert verdicts == {"met"}, (e["jurisdiction"], r["id"], verdicts)
        else:  # something kept it from being met: a fact known unmet or not known
            assert verdicts - {"met"}, (e["jurisdiction"], r["id"], verdicts)
        if r["unmet"] > 0:
            assert "unmet" in verdicts, (e["jurisdiction"], r["id"])


def test_history_marks_the_day_a_source_was_read(results) -> None:
    """Kenya's trafficking tiers are undated: known from the day they were read (2026-11-23), not changed then."""
    kenya = next(e for e in results if (e["jurisdiction"], e["domain"]) == ("KE", "human-trafficking"))
    read = [point for point in kenya["history"] if point["date_basis"] == "read"]
    assert [point["date"] for point in read] == ["2026-11-23"]
    assert all(point["date_basis"] == "law" for point in kenya["history"] if point not in read)


def test_notes_and_quotes_reach_the_results(results) -> None:
    """Kenya wildlife's scope note, its core offence's note and quote, as the data file records them."""
    kenya = next(e for e in results if (e["jurisdiction"], e["domain"]) == ("KE", "wildlife"))
    data = yaml.safe_load((PROJECT / "laws/ke/wildlife.yaml").read_text(encoding="utf-8"))
    assert kenya["scope_note"] == data["scope_note"] and "not read" in kenya["scope_note"]
    recorded = next(o for o in data["offences"] if o.get("core"))
    core = next(o for o in kenya["offences"] if o["core"])
    assert core["note"] == recorded["note"] and core["note"]
    assert core["source"]["quote"] == recorded["source"]["quote"] and core["source"]["quote"]
