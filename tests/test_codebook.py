"""The codebook: generated from baselines/ and schema/, complete for every leaf of every baseline rule."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from lawgap.cli import main
from lawgap.contribute.codebook import (
    PARTS,
    SHARED_MEASURE_GUIDANCE,
    CodebookError,
    build_codebook,
    codebook_markdown,
    missing_guidance,
)
from lawgap.engine.rules import fact_of, leaves
from lawgap.load.layout import DOMAINS
from lawgap.model.build import baseline_from_data
from lawgap.model.types import Baseline
from lawgap.validate.schema_layer import SchemaSet

PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = SchemaSet(PROJECT / "schema")
BASELINES = [baseline_from_data(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted((PROJECT / "baselines").glob("*.yaml"))]


def _baseline(rule: dict, domain: str = "wildlife") -> Baseline:
    return baseline_from_data({"id": "probe", "title": "Probe", "short_title": "Probe", "domains": [domain],
                               "url": "https://example.org/probe", "requirements": [
                                   {"id": "probe-1", "article": "Art. 1", "text": "t", "obligation": "shall", "weight": 1,
                                    "rule": rule, "recommendation": "r"}]})


def test_every_leaf_of_every_baseline_rule_is_a_question_with_complete_guidance() -> None:
    codebook = build_codebook(SCHEMAS, BASELINES)
    for domain in DOMAINS:
        expected = {fact_of(leaf) for b in BASELINES if domain in b.domains for r in b.requirements for _, leaf in leaves(r.rule)}
        assert {q.fact for q in codebook.questions[domain]} == expected
        for question in codebook.questions[domain]:
            assert question.meaning.strip() and question.decides, question.fact
            assert all(len(question.guidance[part]) >= 20 for part in PARTS), (domain, question.fact, question.guidance)
    assert missing_guidance(codebook) == []


def test_a_requirement_on_a_term_without_guidance_is_reported(tmp_path: Path) -> None:
    """Remove the guidance of conduct `trade`: the requirements reading it now leave its question half-written."""
    shutil.copytree(PROJECT / "schema", tmp_path / "schema")
    path = tmp_path / "schema" / "wildlife.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    del schema["$defs"]["offence"]["properties"]["conduct"]["properties"]["trade"]["x-codebook"]
    path.write_text(json.dumps(schema), encoding="utf-8")
    [problem] = missing_guidance(build_codebook(SchemaSet(tmp_path / "schema"), BASELINES))
    assert problem.startswith("wildlife offences[].conduct.trade: true, false (add them at ")
    assert "conduct/properties/trade/x-codebook" in problem


def test_a_rule_on_a_term_the_schema_lacks_is_a_clear_error() -> None:
    with pytest.raises(CodebookError, match="'poaching'.*wildlife.schema.json"):
        build_codebook(SCHEMAS, [_baseline({"measure": "poaching"})])


def test_shared_measure_guidance_is_written_once() -> None:
    """A measure every domain has is explained once, in common.schema.json; no domain repeats it."""
    shared = SCHEMAS.documents["common"][SHARED_MEASURE_GUIDANCE]
    for domain in DOMAINS:
        measures = SCHEMAS.documents[domain]["properties"]["measures"]["properties"]
        for term, prop in measures.items():
            assert not ("x-codebook" in prop and term in shared), f"{domain} {term}: guidance in two places"
    for term in shared:
        assert sum(term in SCHEMAS.documents[d]["properties"]["measures"]["properties"] for d in DOMAINS) >= 2, term


def test_general_rules_are_rendered_from_the_schema_descriptions() -> None:
    markdown = codebook_markdown(build_codebook(SCHEMAS, BASELINES), ["wildlife"])
    defs = SCHEMAS.documents["common"]["$defs"]
    for name in ("tri_state", "verification", "core", "penalty_history", "source"):
        assert markdown.count(defs[name]["description"]) == 1, name
    assert "## Wildlife (`wildlife.yaml`)" in markdown and "Human trafficking" not in markdown


def test_cli_codebook_for_one_domain() -> None:
    result = CliRunner().invoke(main, ["codebook", "wildlife"])
    assert result.exit_code == 0, result.output
    assert "### `measures.management-authority.value`" in result.output
    assert "- `cites-authorities` (CITES Art. IX; Res. Conf. 8.4 (Rev. CoP15) req. 1; shall, weight 2)" in result.output
    assert "### `offences[core].penalty_history[].penalty.prison.max_years`" in result.output
    assert "offences[].acts.recruitment" not in result.output


def test_cli_codebook_json() -> None:
    result = CliRunner().invoke(main, ["codebook", "human-trafficking", "--format", "json"])
    assert result.exit_code == 0, result.output
    book = json.loads(result.output)
    assert list(book["domains"]) == ["human-trafficking"]
    question = next(q for q in book["domains"]["human-trafficking"] if q["fact"] == "offences[].means.abuse-of-vulnerability")
    assert [d["requirement"] for d in question["decides"]] == ["palermo-means"]
    assert question["decides"][0]["weight"] == 2 and "no real and acceptable alternative" in question["true"]
    assert {g["title"] for g in book["general"]} >= {"True, false or unknown", "Citing the source of a fact"}


def test_the_extradition_questions_are_in_the_codebook_with_how_the_verdict_reads_them() -> None:
    from lawgap.engine.extradition import READS

    codebook = build_codebook(SCHEMAS, BASELINES)
    facts = [name for name in SCHEMAS.documents["jurisdiction"]["$defs"]["extradition"]["properties"] if name != "scope_note"]
    assert [q.fact for q in codebook.extradition] == [f"extradition.{name}.value" for name in facts]
    for question in codebook.extradition:
        name = question.fact.split(".")[1]
        assert question.reads == READS[name] and question.meaning.strip()
        assert all(len(question.guidance[part]) >= 20 for part in PARTS), question.fact
    markdown = codebook_markdown(codebook)
    assert "## Extradition (`jurisdiction.yaml`)" in markdown
    assert "### `extradition.nationals.value`" in markdown and "- **yes or conditional means**: yes - neither" in markdown
    assert "**How lawgap reads it.** " + READS["untoc_legal_basis"] in markdown
    assert "Extradition" not in codebook_markdown(codebook, ["wildlife"], extradition=False)


def test_an_extradition_question_without_guidance_is_reported(tmp_path: Path) -> None:
    shutil.copytree(PROJECT / "schema", tmp_path / "schema")
    path = tmp_path / "schema" / "jurisdiction.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    del schema["$defs"]["extradition"]["properties"]["reciprocity"]["x-codebook"]["pitfalls"]
    path.write_text(json.dumps(schema), encoding="utf-8")
    [problem] = missing_guidance(build_codebook(SchemaSet(tmp_path / "schema"), BASELINES))
    assert problem.startswith("jurisdiction extradition.reciprocity.value: pitfalls (add them at schema/jurisdiction.schema.json#")


def test_cli_codebook_shows_extradition_only_for_the_whole_codebook() -> None:
    whole = CliRunner().invoke(main, ["codebook", "--format", "json"])
    assert whole.exit_code == 0, whole.output
    book = json.loads(whole.output)
    nationals = next(q for q in book["extradition"] if q["fact"] == "extradition.nationals.value")
    assert nationals["answers"] == {"true": "yes or conditional", "false": "no"} and "aut dedere" in nationals["false"]
    one = CliRunner().invoke(main, ["codebook", "wildlife"])
    assert one.exit_code == 0 and "extradition." not in one.output
