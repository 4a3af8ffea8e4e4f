"""Penalty tiers through every output: the results contract, CSV, history, export, the country page
and the `lawgap new` example. The valid fixture's core offence has a protected-species /
organised-group tier (10 years to life from 2014-01-10); its export offence has an uplift tier."""

from __future__ import annotations

import csv
import datetime
import html
import io
import json
import re
from pathlib import Path

from click.testing import CliRunner

from lawgap.cli import main
from lawgap.contribute.scaffold import Scaffold
from lawgap.engine.report import report_all
from lawgap.load.strict_yaml import load_bytes
from lawgap.model.build import load_knowledge_base
from lawgap.render.results_json import published_results
from lawgap.render.site.pages import SitePages
from lawgap.validate.schema_layer import SchemaSet

CORE_TIER = ["protected-species", "organised-criminal-group"]


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    return result


def results_errors(kb_tree: Path, entries: list) -> list[str]:
    return [e.message for e in SchemaSet(kb_tree / "schema").validator("results").iter_errors(entries)]


def test_score_json_reports_the_basic_and_the_aggravated_maximum(kb_tree: Path) -> None:
    entries = json.loads(run("score", "--format", "json", "--domain", "wildlife", "--as-of", "2026-01-01").stdout)
    assert results_errors(kb_tree, entries) == []
    [entry] = entries
    assert entry["max_prison_years"] == "life" and entry["serious_crime"] is True
    assert entry["max_prison_years_aggravated"] == "life"
    assert entry["aggravated_circumstances"] == CORE_TIER
    [tier] = entry["aggravated_tiers"]
    assert (tier["id"], tier["min_prison_years"], tier["uplift"]) == ("appendix-i", 10, None)
    assert tier["source"]["provision"] == "s. 92(2)" and tier["source"]["instrument_title"] == "Example Wildlife Act 2013 (fixture)"
    uplift_tier = entry["offences"][1]["aggravated_tiers"][0]  # recorded as stated, on a non-core offence
    assert uplift_tier["penalty_history"][0]["uplift"] == {"max_by": "1", "min_by": "1/2"}


def test_before_the_tier_took_effect_there_is_no_aggravated_maximum(kb_tree: Path) -> None:
    [entry] = json.loads(run("score", "--format", "json", "--domain", "wildlife", "--as-of", "2013-06-01").stdout)
    assert results_errors(kb_tree, [entry]) == []
    assert (entry["max_prison_years"], entry["max_prison_years_aggravated"], entry["aggravated_circumstances"]) == (10, None, [])
    assert entry["aggravated_tiers"] == []


def test_csv_and_table_carry_both_maxima(kb_tree: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("score", "--format", "csv", "--domain", "wildlife", "--as-of", "2026-01-01").stdout)))
    assert rows[0]["max_prison_years"] == "life" and rows[0]["max_prison_years_aggravated"] == "life"
    assert rows[0]["aggravated_circumstances"] == "protected-species; organised-criminal-group"
    table = run("score", "--domain", "wildlife", "--as-of", "2026-01-01").stdout
    assert "max_prison_years_aggravated" in table.splitlines()[0]
    assert "protected-species; organised-criminal-group" in table


def test_history_includes_the_aggravated_maximum(kb_tree: Path) -> None:
    points = json.loads(run("history", "KE", "--domain", "wildlife", "--until", "2026-01-01", "--format", "json").stdout)["wildlife"]
    assert [(p["date"], p["max_prison_years"], p["max_prison_years_aggravated"]) for p in points] == [
        ("1977-01-01", 10, None), ("2014-01-10", "life", "life")]
    table = run("history", "KE", "--domain", "wildlife", "--until", "2026-01-01").stdout
    assert table.splitlines()[0].split()[-1] == "max_prison_years_aggravated"


def test_export_output_matches_the_results_schema(kb_tree: Path) -> None:
    run("export", "out", "--as-of", "2026-01-01")
    results = json.loads((kb_tree / "out/results.json").read_text())
    assert results_errors(kb_tree, results) == []
    wildlife = next(r for r in results if r["domain"] == "wildlife")
    assert wildlife["history"][-1]["max_prison_years_aggravated"] == "life"
    header = (kb_tree / "out/results.csv").read_text().splitlines()[0].split(",")
    assert {"max_prison_years_aggravated", "aggravated_circumstances"} <= set(header)


def test_country_page_labels_the_basic_offence_and_each_tier(kb_tree: Path) -> None:
    kb = load_knowledge_base(kb_tree)
    results = published_results(kb, report_all(kb, datetime.date(2026, 1, 1)))
    page = SitePages(kb, results, "2026-01-01", None, {}).jurisdiction("KE")
    rows = re.findall(r"<tr>.*?</tr>", page, flags=re.S)
    basic = [r for r in rows if "Dealing in endangered species<br><small>basic offence</small>" in r]
    aggravated = [r for r in rows if "<small>aggravated: protected species, organised criminal group</small>" in r]
    assert len(basic) == 2 and len(aggravated) == 1  # two dated basic versions, one tier version
    assert "10 years – life" in aggravated[0] and "s. 92(2)" in aggravated[0]
    uplift = next(r for r in rows if "<small>aggravated: repeat offence</small>" in r)
    assert "basic penalty raised: maximum by 1, minimum by 1/2" in uplift
    assert ("**Aggravated maximum:** life (aggravated: protected species, organised criminal group — "
            "[Example Wildlife Act 2013 (fixture), s. 92(2) (example.org)](https://example.org/new-act#s92))") in html.unescape(page)


def test_new_file_example_tiers_are_valid_once_uncommented(kb_tree: Path) -> None:
    schemas = SchemaSet(kb_tree / "schema")
    text = Scaffold(schemas).domain("AT", "Austria", "human-trafficking")
    text = text.replace("instruments: []", "instruments:").replace("offences: []", "offences:")
    uncommented = "\n".join(re.sub(r"^# ", "", line) if re.match(r"^# ( |-)", line) else line for line in text.splitlines())
    loaded = load_bytes(uncommented.encode(), "human-trafficking.yaml")
    assert loaded.diagnostics == [], loaded.diagnostics
    tiers = loaded.data["offences"][0]["aggravated_tiers"]
    assert [t["id"] for t in tiers] == ["child-victim", "organised-group"]
    assert tiers[1]["penalty_history"][0]["uplift"] == {"max_by": "1/3", "min_by": "1/3"}
    assert [d for d in schemas.check(loaded, "human-trafficking") if "aggravated_tiers" in d.path] == []
