"""The compiled schema validator (jsonschema-rs) only short-cuts documents jsonschema accepts too: on every
data file of the project and the fixtures, and on thousands of broken variants of them, it never accepts
what jsonschema rejects, and the schema layer's verdict is jsonschema's."""

from __future__ import annotations

import copy
import datetime
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lawgap.engine.report import report_all
from lawgap.load.layout import discover
from lawgap.load.strict_yaml import load_bytes, load_file
from lawgap.model.build import load_knowledge_base
from lawgap.render.results_json import published_results
from lawgap.validate.schema_layer import SchemaSet

PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = SchemaSet(PROJECT / "schema")
FOLDERS = [PROJECT / "laws", PROJECT / "baselines", PROJECT / "reference", PROJECT / "tests" / "fixtures"]
ODD_VALUES = [None, "", "x", "USD\n", "http://example.org", "2025-02-30", 1.5, -1, 10**30, True, [], {}, {"x": 1}]


def documents() -> Iterator[tuple[str, str, Any]]:
    """(name, kind, data) of every data file that loads, valid or not."""
    files, _ = discover([folder for folder in FOLDERS if folder.is_dir()])
    for data_file in files:
        loaded = load_file(data_file.path, data_file.display)
        if loaded.data is not None:
            yield data_file.display, data_file.kind, loaded.data


DOCUMENTS = list(documents())


def leaves(data: Any, path: tuple = ()) -> Iterator[tuple]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, (*path, index))
    yield path


def replaced(data: Any, path: tuple, value: Any) -> Any:
    changed = copy.deepcopy(data)
    if not path:
        return value
    parent = changed
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return changed


def variants(count: int, seed: int) -> Iterator[tuple[str, str, Any]]:
    """Broken copies of the documents: a value (leaf or subtree) swapped for an odd one, or a key dropped."""
    rng = random.Random(seed)
    for _ in range(count):
        name, kind, data = rng.choice(DOCUMENTS)
        path = rng.choice(list(leaves(data)))
        if path and isinstance(path[-1], str) and rng.random() < 0.3:
            changed = copy.deepcopy(data)
            parent = changed
            for part in path[:-1]:
                parent = parent[part]
            del parent[path[-1]]
            yield f"{name} without {path}", kind, changed
        else:
            odd = rng.choice(ODD_VALUES)
            yield f"{name} with {path} = {odd!r}", kind, replaced(data, path, odd)


def test_the_fixtures_hold_valid_and_invalid_documents() -> None:
    verdicts = {SCHEMAS.validator(kind).is_valid(data) for _, kind, data in DOCUMENTS}
    assert verdicts == {True, False}
    assert len(DOCUMENTS) > 150


@pytest.mark.parametrize("seed", range(4))
def test_compiled_validator_never_accepts_what_jsonschema_rejects(seed: int) -> None:
    cases = DOCUMENTS if seed == 0 else list(variants(600, seed))
    rejected = 0
    for name, kind, data in cases:
        reference = SCHEMAS.validator(kind).is_valid(data)
        rejected += not reference
        if SCHEMAS._compiled_accepts(kind, data):
            assert reference, f"{name}: the compiled validator accepts what jsonschema rejects"
        assert SCHEMAS.passes(kind, data) == reference, name
    assert rejected > (0 if seed == 0 else 300)  # the variants do break most documents


def test_compiled_validator_accepts_every_valid_data_file() -> None:
    """Else it saves nothing: every valid file of the project is accepted without jsonschema."""
    for name, kind, data in DOCUMENTS:
        if SCHEMAS.validator(kind).is_valid(data):
            assert SCHEMAS._compiled_accepts(kind, data), name


def test_where_the_compiled_validator_is_stricter_jsonschema_decides(tmp_path: Path) -> None:
    """Python's `$` also matches before a final newline: jsonschema accepts "USD\\n" as a currency code,
    jsonschema-rs does not; the schema layer reports what jsonschema reports (nothing)."""
    fixture = PROJECT / "tests/fixtures/valid/laws/ke/wildlife.yaml"
    loaded = load_bytes(fixture.read_bytes(), "wildlife.yaml")
    [(path, _)] = [(p, v) for p, v in _currencies(loaded.data)][:1]
    loaded.data = replaced(loaded.data, path, "USD\n")
    assert not SCHEMAS._compiled_accepts("wildlife", loaded.data)
    assert SCHEMAS.validator("wildlife").is_valid(loaded.data)
    assert SCHEMAS.check(loaded, "wildlife") == []
    loaded.data = replaced(loaded.data, path, "usd")
    [problem] = SCHEMAS.check(loaded, "wildlife")
    assert "'usd' does not have the expected form" in problem.message and problem.line > 1


def _currencies(data: Any) -> Iterator[tuple[tuple, str]]:
    for path in leaves(data):
        if path and path[-1] == "currency":
            value = data
            for part in path:
                value = value[part]
            yield path, value


def test_results_entries_pass_both_validators() -> None:
    kb = load_knowledge_base(PROJECT)
    entries = published_results(kb, report_all(kb, datetime.date(2026, 1, 1)))
    assert SCHEMAS._compiled_accepts("results", entries)
    assert SCHEMAS.validator("results").is_valid(entries)
    broken = replaced(entries, (0, "requirements", 0, "status"), "perhaps")
    assert not SCHEMAS._compiled_accepts("results", broken) and not SCHEMAS.passes("results", broken)
