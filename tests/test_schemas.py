"""The JSON Schemas themselves: valid Draft 2020-12, closed, documented, every $ref resolvable offline."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from lawgap.validate.schema_layer import SchemaSet

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schema"
SCHEMAS = SchemaSet(SCHEMA_DIR)
FILE_KINDS = ["jurisdiction", "wildlife", "human-trafficking", "organ-trafficking"]


def walk(node: Any, pointer: str = "#") -> Iterator[tuple[str, Any]]:
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{pointer}/{index}")


def test_every_file_kind_has_a_schema() -> None:
    assert set(FILE_KINDS) <= set(SCHEMAS.documents)


@pytest.mark.parametrize("name", sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")))
def test_schema_is_valid_draft_2020_12_with_an_id(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / name).read_text())
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/" + name)


@pytest.mark.parametrize("kind", sorted(SCHEMAS.documents))
def test_every_ref_resolves_without_network(kind: str) -> None:
    schema = SCHEMAS.documents[kind]
    resolver = SCHEMAS.registry.resolver(base_uri=schema["$id"])
    refs = [node["$ref"] for _, node in walk(schema) if isinstance(node, dict) and "$ref" in node]
    for ref in refs:
        resolved = resolver.lookup(ref).contents  # raises Unresolvable on a dangling $ref
        assert isinstance(resolved, dict), ref
    assert refs or kind == "common"


@pytest.mark.parametrize("kind", sorted(SCHEMAS.documents))
def test_objects_are_closed_and_properties_described(kind: str) -> None:
    for pointer, node in walk(SCHEMAS.documents[kind]):
        if isinstance(node, dict) and "properties" in node and not pointer.endswith(("/properties", "/if")):
            assert node.get("additionalProperties") is False, f"{kind} {pointer} is open"
            for name, prop in node["properties"].items():
                described = "description" in prop or ("$ref" in prop and _ref_has_description(prop["$ref"], kind))
                assert described, f"{kind} {pointer}/properties/{name} has no description"


def _ref_has_description(ref: str, kind: str) -> bool:
    resolver = SCHEMAS.registry.resolver(base_uri=SCHEMAS.documents[kind]["$id"])
    return "description" in resolver.lookup(ref).contents


def test_a_dangling_ref_is_caught(tmp_path: Path) -> None:
    (tmp_path / "broken.schema.json").write_text(json.dumps({
        "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://lawgap.org/schema/broken.schema.json",
        "properties": {"a": {"$ref": "common.schema.json#/$defs/nope"}}}))
    schemas = SchemaSet(tmp_path)
    resolver = schemas.registry.resolver(base_uri=schemas.documents["broken"]["$id"])
    with pytest.raises(Exception, match="nope|Unresolvable|common"):
        resolver.lookup("common.schema.json#/$defs/nope")
