"""The extradition block of jurisdiction.yaml: every fact described, guided for coders, with an example
that validates, and checked by the same citation rules as any fact."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from lawgap.contribute.codebook import PARTS
from lawgap.validate.rules.absence_findings import EXTRADITION_ABSENCE_VALUE
from lawgap.validate.schema_layer import SchemaSet

PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = SchemaSet(PROJECT / "schema")
BLOCK = SCHEMAS.documents["jurisdiction"]["$defs"]["extradition"]
FACTS = [name for name, prop in BLOCK["properties"].items() if name != "scope_note"]


def fact_validator(name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"{SCHEMAS.documents['jurisdiction']['$id']}#/$defs/extradition/properties/{name}"},
                                registry=SCHEMAS.registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_block_holds_the_facts_the_issue_names() -> None:
    assert set(FACTS) == {"nationals", "penalty_threshold", "treaty_required", "untoc_legal_basis", "reciprocity",
                          "death_penalty_refusal", "dual_criminality_test"}
    assert SCHEMAS.documents["jurisdiction"]["properties"]["extradition"] == {"$ref": "#/$defs/extradition"}


@pytest.mark.parametrize("name", FACTS)
def test_every_fact_is_described_guided_and_has_an_example_that_validates(name: str) -> None:
    prop = BLOCK["properties"][name]
    assert len(prop["description"]) > 60
    assert all(len(prop["x-codebook"][part]) >= 20 for part in PARTS), name
    assert prop["examples"], name
    for example in prop["examples"]:
        assert not list(fact_validator(name).iter_errors(example)), (name, example)


@pytest.mark.parametrize("name", FACTS)
def test_every_fact_can_be_unknown_and_a_known_value_needs_a_source(name: str) -> None:
    validator = fact_validator(name)
    assert not list(validator.iter_errors({"value": None, "note": "Not read yet."}))
    known = {k: v for k, v in BLOCK["properties"][name]["examples"][0].items() if k != "source"}
    assert any("source" in error.message for error in validator.iter_errors(known)), name


def test_conditional_surrender_of_nationals_needs_its_condition() -> None:
    validator = fact_validator("nationals")
    source = BLOCK["properties"]["nationals"]["examples"][0]["source"]
    assert any("condition" in e.message for e in validator.iter_errors({"value": "conditional", "source": source}))
    assert not list(validator.iter_errors({"value": "no", "source": source}))
    assert list(validator.iter_errors({"value": "sometimes", "source": source}))


def test_the_threshold_is_a_term_and_where_it_is_judged() -> None:
    validator = fact_validator("penalty_threshold")
    source = BLOCK["properties"]["penalty_threshold"]["examples"][0]["source"]
    assert not list(validator.iter_errors({"value": False, "source": source}))
    assert list(validator.iter_errors({"value": {"years": 1}, "source": source}))  # whose law is judged is required
    assert list(validator.iter_errors({"value": {"years": 0, "judged_in": "both"}, "source": source}))
    assert list(validator.iter_errors({"value": True, "source": source}))


def test_absence_values_name_real_facts_and_values() -> None:
    """The absence rule's table refers to facts of the schema, with a value each fact can take."""
    for name, value in EXTRADITION_ABSENCE_VALUE.items():
        assert name in FACTS
        source = BLOCK["properties"][name]["examples"][0]["source"]
        assert not list(fact_validator(name).iter_errors({"value": value, "source": source})), name
    assert "dual_criminality_test" not in EXTRADITION_ABSENCE_VALUE  # no missing provision decides how it is judged
