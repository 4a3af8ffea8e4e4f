"""The compare page works extradition out in the browser (site/assets/extradition.js) from data/compare.json.
Here Node runs that script on the compare data the site build writes, and every verdict - each ground's
outcome, reason, facts read, missing facts and conditions - must equal the engine's (engine/extradition.py),
on the YAML cases and on generated States. Without Node the test skips (LAWGAP_REQUIRE_NODE=1: fails)."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from extradition_support import knowledge_base
from hypothesis import given, settings
from hypothesis import strategies as st
from test_extradition_properties import CONDUCT, state

from lawgap.engine.extradition import ExtraditionVerdict, Ground, route_extradition
from lawgap.engine.report import report_all
from lawgap.render.results_json import published_results
from lawgap.render.site.pages import compare_data

PROJECT = Path(__file__).resolve().parents[1]
SCRIPT = PROJECT / "site" / "assets" / "extradition.js"
CASES = sorted((Path(__file__).resolve().parent / "extradition_cases").glob("*.yaml"))
NODE = shutil.which("node")
RUNNER = """
const api = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.queries.map(([domain, requesting, requested, conduct]) => api.verdict(input.data, domain, requesting, requested, conduct));
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(autouse=True)
def node_available() -> None:
    if not NODE:
        if os.environ.get("LAWGAP_REQUIRE_NODE") == "1":
            pytest.fail("node is needed to check site/assets/extradition.js")
        pytest.skip("node is not installed")


def shape_ground(ground: Any) -> dict[str, Any]:
    """A ground as both sides can state it (the engine's Ground, or the script's object)."""
    if isinstance(ground, Ground):
        return {"name": ground.name, "outcome": ground.outcome, "reason": ground.reason, "missing": list(ground.missing),
                "conditions": list(ground.conditions), "facts": [[f.jurisdiction, f.fact, f.value] for f in ground.facts]}
    return {"name": ground["name"], "outcome": ground["outcome"], "reason": ground["reason"], "missing": ground["missing"],
            "conditions": ground["conditions"], "facts": [[f["jurisdiction"], f["fact"], f["value"]] for f in ground["facts"]]}


def shape(verdict: Any) -> dict[str, Any]:
    if isinstance(verdict, ExtraditionVerdict):
        return {"status": verdict.status, "status_for_nationals": verdict.status_for_nationals, "missing": list(verdict.missing),
                "conditions_for_nationals": list(verdict.conditions_for_nationals), "prosecution": verdict.prosecution.value,
                "grounds": [shape_ground(g) for g in (*verdict.grounds, verdict.nationals)]}
    return {"status": verdict["status"], "status_for_nationals": verdict["status_for_nationals"], "missing": verdict["missing"],
            "conditions_for_nationals": verdict["conditions_for_nationals"], "prosecution": verdict["prosecution"]["value"],
            "grounds": [shape_ground(g) for g in (*verdict["grounds"], verdict["nationals"])]}


def compare_both(kb, day: datetime.date, domains: list[str]) -> None:
    data = json.loads(compare_data(kb, published_results(kb, report_all(kb, day)), day.isoformat()))
    codes = sorted(kb.jurisdictions)
    expected = [v for domain in domains for v in route_extradition(kb, codes, domain, day)]
    queries = [[v.domain, v.requesting, v.requested, v.conduct] for v in expected]
    run = subprocess.run([NODE, "-e", RUNNER, str(SCRIPT)], input=json.dumps({"data": data, "queries": queries}),
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    for engine, browser in zip(expected, json.loads(run.stdout), strict=True):
        assert shape(browser) == shape(engine), (engine.requested, engine.requesting, engine.conduct)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_the_browser_agrees_with_the_engine_on_each_case(path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    compare_both(knowledge_base(case["jurisdictions"], case["domain"]), datetime.date.fromisoformat(str(case["as_of"])), [case["domain"]])


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(CONDUCT)), st.data())
def test_the_browser_agrees_with_the_engine_on_generated_states(domain: str, draw) -> None:
    specs = {"KE": draw.draw(state(domain, "TZ")), "TZ": draw.draw(state(domain, "KE")), "UG": draw.draw(state(domain, "KE"))}
    compare_both(knowledge_base(specs, domain), datetime.date(2026, 1, 1), [domain])


def test_the_browser_agrees_on_the_bundled_data() -> None:
    from lawgap.model.build import load_knowledge_base

    kb = load_knowledge_base(PROJECT)
    codes = sorted(kb.jurisdictions)[:6]
    kb.jurisdictions = {c: kb.jurisdictions[c] for c in codes}
    compare_both(kb, datetime.date(2026, 1, 1), ["wildlife", "human-trafficking", "organ-trafficking"])
