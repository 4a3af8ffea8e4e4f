"""Property-based fuzzing (Hypothesis): no input makes the loader or the validator crash, and every
problem they report names a file and a real line."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawgap.load.strict_yaml import load_bytes
from lawgap.validate.pipeline import validate_paths
from lawgap.validate.schema_layer import SchemaSet

PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = SchemaSet(PROJECT / "schema")
VALID = (PROJECT / "tests/fixtures/valid/laws/ke/wildlife.yaml").read_bytes()
YAMLISH = st.text(alphabet=st.sampled_from(list("abcNOyes01:-[]{}&*!#'\"\n \t|>%@`?,.\\~") + ["\u00e9", "\ufeff", "\x00"]), max_size=400)
FAST = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_well_formed(result, text_lines: int) -> None:
    for problem in result.diagnostics:
        assert problem.file and 1 <= problem.line <= max(text_lines, 1) + 1, problem


@FAST
@given(st.binary(max_size=600))
def test_loader_survives_arbitrary_bytes(raw: bytes) -> None:
    result = load_bytes(raw, "fuzz.yaml")
    assert (result.data is None) == bool(result.diagnostics) or result.data is None
    assert_well_formed(result, raw.count(b"\n") + 1)


@FAST
@given(YAMLISH)
def test_loader_survives_yaml_like_text(text: str) -> None:
    raw = text.encode("utf-8")
    assert_well_formed(load_bytes(raw, "fuzz.yaml"), raw.count(b"\n") + 1)


@FAST
@given(st.data())
def test_loader_survives_mutations_of_a_valid_file(data) -> None:
    raw = bytearray(VALID)
    for _ in range(data.draw(st.integers(1, 5))):
        position = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = data.draw(st.sampled_from(list(b":-[]{}&*!#'\"\n \t|") + [0, 0xFF]))
        if action == "insert":
            raw.insert(position, byte)
        elif raw:
            position = min(position, len(raw) - 1)
            if action == "delete":
                del raw[position]
            else:
                raw[position] = byte
    assert_well_formed(load_bytes(bytes(raw), "fuzz.yaml"), raw.count(b"\n") + 1)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["schema_version", "jurisdiction", "domain", "last_reviewed", "instruments",
                                        "offences", "measures", "scope_note", "extra"]), JSONISH, max_size=8))
def test_validator_survives_arbitrary_documents(document) -> None:
    """Whatever shape a data file has, validation reports problems; it never raises."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "laws" / "ke" / "wildlife.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        report = validate_paths([Path(folder) / "laws"], SCHEMAS, today=datetime.date(2026, 1, 1))
    assert report.files_checked == 1
    for problem in report.diagnostics:
        assert problem.line >= 1 and problem.file.endswith("wildlife.yaml")
