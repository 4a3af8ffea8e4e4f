"""A score history assesses a day only when the law as the figures read it differs from every day already
assessed (engine.history._state); its points are those of assessing every change date, on the bundled data
and on a synthetic tree whose offences have one to three dated penalties each."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

from lawgap.engine.as_of import change_dates, read_only_dates
from lawgap.engine.assessment import assess
from lawgap.engine.history import HistoryPoint, score_history
from lawgap.load.layout import DOMAINS
from lawgap.model.build import load_knowledge_base
from lawgap.model.types import KnowledgeBase

PROJECT = Path(__file__).resolve().parents[1]
DAYS = [datetime.date(1991, 3, 1), datetime.date(2000, 6, 1), datetime.date(2012, 1, 1), datetime.date(2026, 1, 1)]


def every_date_assessed(kb: KnowledgeBase, code: str, domain: str, until: datetime.date) -> list[HistoryPoint]:
    """The history as defined: every change date up to `until` assessed, points that change nothing dropped."""
    law = kb.laws.get((code, domain))
    read_only = read_only_dates(law) if law else set()
    points: list[HistoryPoint] = []
    for day in [*(d for d in (change_dates(law) if law else []) if d <= until), until]:
        result = assess(kb, code, domain, day)
        point = HistoryPoint(day, result.overall.score, result.overall.coverage, result.penalty.max_prison_years,
                             result.penalty.max_prison_years_aggravated, result.overall.scored,
                             "read" if day in read_only else "law")
        if not points or point.changes_from(points[-1]):
            points.append(point)
    return points


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from generate import generate
    return load_knowledge_base(generate(40, tmp_path_factory.mktemp("kb") / "kb"))


@pytest.mark.parametrize("which", ["bundled", "synthetic"])
def test_history_equals_assessing_every_change_date(which: str, synthetic: KnowledgeBase) -> None:
    kb = load_knowledge_base(PROJECT) if which == "bundled" else synthetic
    points = 0
    for until in DAYS:
        for code in sorted(kb.jurisdictions):
            for domain in DOMAINS:
                expected = every_date_assessed(kb, code, domain, until)
                assert score_history(kb, code, domain, until) == expected, (code, domain, until)
                assessed = assess(kb, code, domain, until)
                assert score_history(kb, code, domain, until, assessed) == expected, (code, domain, until)
                points += len(expected)
    assert points > 4 * len(kb.jurisdictions) * len(DOMAINS)  # the histories do move
