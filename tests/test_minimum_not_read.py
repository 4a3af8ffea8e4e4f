"""A prison minimum not read (`min_years: null`, the maximum read) is unknown in every layer, never "no
minimum": the model, the conduct status, the results JSON and its schema, the facts table, the site's
wording, `lawgap agreement` and `lawgap diff` / `changelog`. (The engine's decisions on it are YAML cases:
tests/engine_cases/minimum-not-read-*.yaml, tiers-uplift-on-minimum-not-read.yaml and
tests/extradition_cases/threshold-by-the-*-not-read*.yaml.)"""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from lawgap.contribute.agreement import compare
from lawgap.contribute.changelog import _edit_kind
from lawgap.contribute.diff import NO_MINIMUM, fact_changes
from lawgap.engine.conduct import conduct_statuses
from lawgap.engine.report import report_all
from lawgap.model.build import load_knowledge_base
from lawgap.model.types import MINIMUM_UNKNOWN, KnowledgeBase
from lawgap.render.facts import all_fact_rows
from lawgap.render.results_json import published_results
from lawgap.render.site import formatting as fmt

PROJECT = Path(__file__).resolve().parents[1]
FIXTURE_LAWS = Path(__file__).resolve().parent / "fixtures" / "valid" / "laws"
AS_OF = datetime.date(2026, 1, 1)
BASIC_NOW = "prison: {max_years: life}"  # the KE wildlife core offence's 2014 version in the fixtures
NOT_READ = "prison: {min_years: null, max_years: 8}"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The valid fixtures with the core offence's current minimum not read (its 1977 version sets none)."""
    root = tmp_path_factory.mktemp("minimum")
    for folder in ("schema", "baselines"):  # as test_changelog: the fixtures cite example.org, no source-hosts list
        shutil.copytree(PROJECT / folder, root / folder)
    shutil.copytree(FIXTURE_LAWS, root / "laws")
    wildlife = root / "laws" / "ke" / "wildlife.yaml"
    text = wildlife.read_text(encoding="utf-8")
    assert text.count(BASIC_NOW) == 1
    wildlife.write_text(text.replace(BASIC_NOW, NOT_READ), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAWGAP_NO_CACHE", "1")
        return load_knowledge_base(root)


def core_history(kb: KnowledgeBase):
    law = kb.laws[("KE", "wildlife")]
    return next(o for o in law.offences if o.core).penalty_history


def test_the_model_tells_a_minimum_not_read_from_none_set(kb: KnowledgeBase) -> None:
    old, current = (v.penalty.prison for v in core_history(kb))
    assert (old.min_years, old.max_years) == (None, 10)  # left out: the law sets none
    assert (current.min_years, current.max_years) == (MINIMUM_UNKNOWN, 8)


def test_a_conduct_whose_highest_minimum_may_be_the_one_not_read_has_it_unknown(kb: KnowledgeBase) -> None:
    statuses = conduct_statuses(kb, kb.laws[("KE", "wildlife")], "wildlife", AS_OF)
    trade = statuses["trade"]
    assert trade.criminal is True and trade.min_years == MINIMUM_UNKNOWN
    assert any(term is not None and term[0] == MINIMUM_UNKNOWN for term in trade.terms)
    assert trade.extraditable is True  # the maximum still decides


def test_results_json_says_unknown_and_keeps_to_its_schema(kb: KnowledgeBase) -> None:
    results = published_results(kb, report_all(kb, AS_OF))
    schema = json.loads((PROJECT / "schema" / "results.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(results, schema)
    entry = next(e for e in results if (e["jurisdiction"], e["domain"]) == ("KE", "wildlife"))
    assert (entry["min_prison_years"], entry["max_prison_years"], entry["serious_crime"]) == ("unknown", 8, True)
    assert entry["conduct"]["trade"]["min_prison_years"] == "unknown"
    prisons = [v["prison"] for o in entry["offences"] if o["core"] for v in o["penalty_history"]]
    assert prisons == [{"min_years": None, "max_years": 10}, {"min_years": "unknown", "max_years": 8}]
    # the contract rejects any other string
    entry["min_prison_years"] = "none"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(results, schema)


def test_the_facts_table_has_an_unknown_row_for_a_minimum_not_read_and_none_for_none_set(kb: KnowledgeBase) -> None:
    rows = [r for r in all_fact_rows(kb) if (r["jurisdiction"], r["domain"], r["tier"]) == ("KE", "wildlife", None)
            and r["fact"].startswith("prison.") and r["subject"] == "offence:endangered-species"]
    facts = {(r["effective"], r["fact"]): (r["value"], r["unit"]) for r in rows}
    assert facts[("2014-01-10", "prison.min_years")] == (None, "years")
    assert ("1977-01-01", "prison.min_years") not in facts
    assert facts[("1977-01-01", "prison.max_years")] == (10, "years")


def test_the_site_says_minimum_not_known() -> None:
    assert fmt.prison({"min_years": "unknown", "max_years": 3}) == "up to 3 years (minimum not known)"
    assert fmt.prison({"min_years": None, "max_years": 3}) == "up to 3 years"
    assert fmt.prison({"min_years": 1, "max_years": 3}) == "1 year – 3 years"


def _coding(prison: str) -> dict[str, Any]:
    data = yaml.safe_load((FIXTURE_LAWS / "ke" / "wildlife.yaml").read_text(encoding="utf-8").replace(BASIC_NOW, prison))
    return data


def test_agreement_counts_a_minimum_not_read_as_unknown_not_as_none_set() -> None:
    path = "offences[s. 92].penalty[2014-01-10].prison.min_years"  # offences are matched by provision
    not_read, none_set, stated = _coding(NOT_READ), _coding("prison: {max_years: 8}"), _coding("prison: {min_years: 2, max_years: 8}")
    both_unknown = compare(not_read, not_read)
    assert path not in {d.fact for d in both_unknown.divergences}
    unknown_vs_none = {d.fact: d for d in compare(not_read, none_set).divergences}[path]
    assert (unknown_vs_none.a.value, unknown_vs_none.b.value) == (None, "none set")
    assert {d.fact: d for d in compare(none_set, stated).divergences}[path].b.value == 2
    assert compare(not_read, not_read).facts_coded == compare(not_read, none_set).facts_coded - 1  # unknown on both: not coded


def _version(prison: dict[str, Any] | None) -> dict[str, Any]:
    return {"effective": "2014-01-10", "penalty": {"prison": prison}}


@pytest.mark.parametrize(("before", "after", "kind", "shown"), [
    ({"max_years": 8}, {"min_years": None, "max_years": 8}, "correction", (NO_MINIMUM, None)),  # none set -> not read
    ({"min_years": None, "max_years": 8}, {"min_years": 2, "max_years": 8}, "addition", (None, 2)),  # becomes known
    ({"min_years": None, "max_years": 8}, {"max_years": 8}, "addition", (None, NO_MINIMUM)),  # read: the law sets none
    ({"max_years": 8}, {"min_years": 2, "max_years": 8}, "correction", (NO_MINIMUM, 2)),  # a known fact changed
])
def test_diff_and_changelog_tell_a_minimum_not_read_from_none_set(before, after, kind, shown) -> None:
    edits = fact_changes("laws/ke/wildlife.yaml", _version(before), _version(after))
    assert [(e.path, e.before, e.after) for e in edits] == [("$.penalty.prison.min_years", *shown)]
    assert _edit_kind(None, None, edits)[0] == kind


def test_diff_counts_a_new_or_unchanged_term_as_before() -> None:
    assert fact_changes("f", _version({"max_years": 8}), _version({"max_years": 8})) == []
    added = fact_changes("f", {}, _version({"max_years": 8}))  # a new version: no "none set" value to count
    assert [e.path for e in added] == ["$.effective", "$.penalty.prison.max_years"]
