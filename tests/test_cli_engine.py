"""The engine's command line on the bundled knowledge base: output contract, determinism, atomic export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawgap.cli import main
from lawgap.render.output_folder import MARKER
from lawgap.validate.schema_layer import SchemaSet

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def test_score_json_matches_the_results_schema() -> None:
    result = run("score", "--format", "json", "--as-of", "2026-01-01")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert not list(SchemaSet(PROJECT / "schema").validator("results").iter_errors(entries))
    keys = {"jurisdiction", "domain", "score", "coverage", "max_prison_years", "serious_crime", "penalty_gap_years", "requirements"}
    assert keys <= set(entries[0])
    assert {"id", "status", "evidence"} <= set(entries[0]["requirements"][0])


def test_score_filters_and_formats() -> None:
    table = run("score", "--domain", "wildlife", "-j", "ke", "-j", "GB")
    assert table.exit_code == 0
    assert [line.split()[0] for line in table.stdout.splitlines()[2:]] == ["KE", "GB"]
    csv_lines = run("score", "--format", "csv", "--domain", "organ-trafficking").stdout.splitlines()
    assert csv_lines[0].startswith("jurisdiction,name,domain,as_of,score,coverage")


def test_unknown_jurisdiction_is_a_usage_error() -> None:
    result = run("compare", "KE", "XX")
    assert result.exit_code == 2 and "no data for XX" in result.output


def test_compare_and_route_json() -> None:
    comparison = json.loads(run("compare", "KE", "GB", "--domain", "wildlife", "--format", "json").stdout)[0]
    assert comparison["jurisdictions"] == ["KE", "GB"]
    assert {d["conduct"] for d in comparison["dual_criminality"]} >= {"trade", "import", "export", "possession"}
    route = json.loads(run("route", "KE", "AE", "CN", "--domain", "wildlife", "--format", "json").stdout)[0]
    assert route["route"] == ["KE", "AE", "CN"] and route["weakest_links"]


def test_export_is_deterministic_and_validated(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert run("export", str(first), "--as-of", "2026-01-01").exit_code == 0
    assert run("export", str(second), "--as-of", "2026-01-01").exit_code == 0
    names = sorted(p.name for p in first.iterdir() if p.name != MARKER)  # the marker: test_output_safety.py
    assert names == ["CITATION.cff", "api", "datapackage.json", "facts.csv", "facts.json", "requirements.csv",
                     "results.csv", "results.json"]  # pairs only with --pairs
    files = sorted(str(p.relative_to(first)) for p in first.rglob("*") if p.is_file() and p.name != MARKER)
    assert len(files) > 90  # an API file per jurisdiction and domain
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    results = json.loads((first / "results.json").read_text())
    assert all("history" in entry for entry in results)


def test_export_replaces_the_folder_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out"
    assert run("export", str(target)).exit_code == 0
    before = (target / "results.json").read_bytes()

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("lawgap.render.export.Path.write_text", fail)
    result = run("export", str(target))
    assert result.exit_code == 1 and "previous export is unchanged" in result.output
    assert (target / "results.json").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")], "staging folder left behind"


def test_history_follows_amendments() -> None:
    points = json.loads(run("history", "VN", "--domain", "wildlife", "--format", "json").stdout)["wildlife"]
    dates = [p["date"] for p in points]
    assert dates == sorted(dates)
    maxima = {p["date"]: p["max_prison_years"] for p in points}
    aggravated = {p["date"]: p["max_prison_years_aggravated"] for p in points}
    # The core offence is the 2015 Penal Code's art. 234 (other wild animals, CITES Appendix II/III: 6 months to
    # 3 years), a crime only since 2018-01-01, with art. 244's Appendix I brackets (up to 15 years) as its tiers;
    # before it, Viet Nam had no offence of that form (art. 190 of 1999 was for precious species only)
    assert maxima.get("2000-07-01") is None and maxima.get("2018-01-01") == 3
    assert aggravated.get("2000-07-01") is None and aggravated.get("2018-01-01") == 15
