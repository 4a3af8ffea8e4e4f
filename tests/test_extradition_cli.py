"""`lawgap extradition` on the valid fixture tree (Kenya) and a second State written here (Tanzania): the
table in both directions, the JSON contract, and usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from lawgap.cli import main
from lawgap.validate.schema_layer import SchemaSet

CITE = '{instrument: extradition-act, provision: "s. 2", url: "https://example.org/tz-act", retrieved: "2026-01-15", verification: source-text}'
TANZANIA = f"""schema_version: 1
code: TZ
name: Fixture Tanzania
un_region: Africa
currency: TZS
legal_systems: [common-law]
last_reviewed: "2026-01-15"
treaties: {{}}
instruments:
  - {{id: extradition-act, title: Fixture Extradition Act of Tanzania, url: "https://example.org/tz-act"}}
extradition:
  nationals: {{value: "no", source: {CITE}}}
  penalty_threshold: {{value: {{years: 2, judged_in: requested}}, source: {CITE}}}
  treaty_required: {{value: true, source: {CITE}}}
  untoc_legal_basis:
    value: false
    source: {{instrument: extradition-act, provision: "s. 2", url: "https://example.org/tz-act", retrieved: "2026-01-15", verification: source-text, quote: Only under a treaty}}
"""


@pytest.fixture
def two_states(kb_tree: Path) -> Path:
    (kb_tree / "laws/tz").mkdir()
    (kb_tree / "laws/tz/jurisdiction.yaml").write_text(TANZANIA)
    wildlife = (kb_tree / "laws/ke/wildlife.yaml").read_text().replace("\njurisdiction: KE\n", "\njurisdiction: TZ\n")
    (kb_tree / "laws/tz/wildlife.yaml").write_text(wildlife)
    return kb_tree


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def test_the_table_reads_both_directions_with_reasons(two_states: Path) -> None:
    result = run("extradition", "ke", "tz", "--domain", "wildlife", "--as-of", "2026-01-01")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("conduct"))
    assert header.split() == ["conduct", "KE", "→", "TZ", "KE", "→", "TZ", "nationals", "TZ", "→", "KE", "TZ", "→", "KE", "nationals"]
    assert next(line for line in lines if line.startswith("trade ")).split() == ["trade", "extraditable", "extraditable", "barred", "barred"]
    tanzania = result.stdout[result.stdout.index("TZ → KE: can Fixture Tanzania surrender"):]
    assert "legal-basis        bars     every conduct: Fixture Tanzania extradites only under a treaty" in tanzania
    assert "lawgap does not record those" in tanzania and "art. 16(10)" in tanzania
    kenya = result.stdout[result.stdout.index("KE → TZ"):result.stdout.index("TZ → KE: can")]
    assert "conditions lawgap cannot check: Fixture Tanzania assures reciprocity; Only to another member of a fixture regional scheme" in kenya


def test_json_follows_the_results_contract(two_states: Path) -> None:
    result = run("extradition", "KE", "TZ", "--format", "json", "--as-of", "2026-01-01")
    assert result.exit_code == 0, result.output
    verdicts = json.loads(result.stdout)
    schemas = SchemaSet(two_states / "schema")
    contract = Draft202012Validator({"$ref": f"{schemas.documents['results']['$id']}#/$defs/extradition_verdict"},
                                    registry=schemas.registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for verdict in verdicts:
        assert not list(contract.iter_errors(verdict)), verdict
    conducts = {d: len(v.facets["conduct" if d != "human-trafficking" else "purposes"]) for d, v in schemas.vocabularies().items()}
    assert len(verdicts) == 2 * sum(conducts.values())
    trade = next(v for v in verdicts if v["requested"] == "KE" and v["requesting"] == "TZ" and v["conduct"] == "trade")
    assert (trade["status"], trade["status_for_nationals"]) == ("extraditable", "extraditable")
    nationals = trade["nationals"]["facts"][0]
    assert nationals["fact"] == "extradition.nationals" and nationals["source"]["instrument_title"] == "Fixture Constitution"
    assert nationals["source"]["quote"].startswith("No citizen shall be surrendered")


def test_a_route_gives_every_ordered_pair(two_states: Path) -> None:
    (two_states / "laws/ug").mkdir()
    (two_states / "laws/ug/jurisdiction.yaml").write_text(TANZANIA.replace("code: TZ", "code: UG").replace("Tanzania", "Uganda"))
    result = run("extradition", "TZ", "KE", "UG", "--format", "json", "--domain", "wildlife")
    assert result.exit_code == 0, result.output
    directions = {(v["requested"], v["requesting"]) for v in json.loads(result.stdout)}
    assert directions == {(a, b) for a in ("KE", "TZ", "UG") for b in ("KE", "TZ", "UG") if a != b}
    repeated = run("extradition", "KE", "TZ", "KE")
    assert repeated.exit_code == 2 and "KE given twice" in repeated.output


def test_usage_errors(two_states: Path) -> None:
    assert run("extradition", "KE").exit_code == 2
    unknown = run("extradition", "KE", "XX")
    assert unknown.exit_code == 2 and "no data for XX" in unknown.output
