"""Second layer: check each document against the JSON Schema of its kind.

Two validators per kind, both built once and resolving `$ref`s within the local schema folder only
(nothing is fetched). jsonschema is the reference: it decides every document it sees, and its
errors are rewritten for contributors, each placed on the line of the offending key rather than its
parent. A compiled validator (jsonschema-rs, ~70x faster: 0.15 s for 4,000 files against jsonschema's
11 s) sees each document first, and a document it accepts is not shown to jsonschema; one it rejects,
or cannot read, goes to jsonschema, whose verdict stands. So the compiled validator only ever saves
time on documents that pass, and only where it is at least as strict: where the two differ it rejects
(its `$` is the end of the text, Python's also matches before a final newline; it has no Python
integers beyond 64 bits), and tests/test_schema_fast_path.py holds them to the same verdicts on every
fixture and on the bundled data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from lawgap.diagnostics import Diagnostic
from lawgap.load.json_path import child_path, path_of
from lawgap.load.layout import DOMAINS
from lawgap.load.regular_files import NotRegularFile, open_regular_file
from lawgap.load.strict_yaml import LoadedFile
from lawgap.vocabulary import Vocabulary, vocabulary_from_schema

_BRANCH_MISMATCH = {"type", "const"}


class UnreadableSchema(Exception):
    """A schema file that is a symlink, a special file or not JSON: lawgap cannot check anything with it."""


def _read_schema(path: Path) -> dict[str, Any]:
    # Through the same gate as data files: a schema that is a link or a FIFO would leak or hang.
    try:
        with open_regular_file(path) as stream:
            return json.loads(stream.read().decode("utf-8"))
    except NotRegularFile as refused:
        raise UnreadableSchema(f"{path}: {refused.reason}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableSchema(f"{path}: not a readable JSON schema ({error})") from None


class SchemaSet:
    """The JSON Schemas of one schema folder, with a reusable validator per file kind."""

    def __init__(self, schema_dir: Path):
        self.schema_dir = schema_dir
        self._inlined_cache: dict[str, dict[str, Any]] = {}
        self.documents: dict[str, dict[str, Any]] = {}
        for path in sorted(schema_dir.glob("*.schema.json")):
            self.documents[path.name.removesuffix(".schema.json")] = _read_schema(path)

    @cached_property
    def registry(self) -> Registry:
        return Registry().with_resources(
            (schema["$id"], Resource.from_contents(schema)) for schema in self.documents.values()
        )

    @cached_property
    def _validators(self) -> dict[str, Draft202012Validator]:
        return {
            kind: Draft202012Validator(self.inlined(kind), registry=self.registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
            for kind in self.documents
        }

    @cached_property
    def _compiled(self) -> dict[str, Any]:
        registry = jsonschema_rs.Registry([(schema["$id"], schema) for schema in self.documents.values()])
        return {kind: jsonschema_rs.validator_for(schema, registry=registry, validate_formats=True)
                for kind, schema in self.documents.items()}

    def passes(self, kind: str, data: Any) -> bool:
        """Whether `data` is valid against the schema of `kind`: the compiled validator's yes, else jsonschema's."""
        return self._compiled_accepts(kind, data) or self.validator(kind).is_valid(data)

    def errors(self, kind: str, data: Any) -> list[ValidationError]:
        """jsonschema's errors for `data` against the schema of `kind`, by path (none if the compiled validator accepts it)."""
        if self._compiled_accepts(kind, data):
            return []
        return sorted(self.validator(kind).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])

    def _compiled_accepts(self, kind: str, data: Any) -> bool:
        try:
            return self._compiled[kind].is_valid(data)
        except (ValueError, TypeError, OverflowError):  # a value it cannot convert: jsonschema decides
            return False

    def inlined(self, kind: str) -> dict[str, Any]:
        """The schema of `kind` with its $refs in-lined (see _inline)."""
        if kind not in self._inlined_cache:
            self._inlined_cache[kind] = self._inline(self.documents[kind])
        return self._inlined_cache[kind]

    def _inline(self, schema: dict[str, Any]) -> dict[str, Any]:
        """The schema with each non-recursive $ref replaced by its target (resolved through the registry).

        Same meaning, half the validation time: jsonschema spends ~40% of it looking up $refs.
        """
        def inline(node: Any, resolver: Any, seen: tuple[str, ...]) -> Any:
            if isinstance(node, list):
                return [inline(item, resolver, seen) for item in node]
            if not isinstance(node, dict):
                return node
            if "$ref" in node and node["$ref"] not in seen:
                resolved = resolver.lookup(node["$ref"])
                target = inline(resolved.contents, resolved.resolver, (*seen, node["$ref"]))
                siblings = {k: inline(v, resolver, seen) for k, v in node.items() if k != "$ref"}
                return {**siblings, "allOf": [target]} if siblings else target
            return {k: inline(v, resolver, seen) for k, v in node.items()}

        return inline(schema, self.registry.resolver(base_uri=schema["$id"]), ())

    def vocabularies(self) -> dict[str, Vocabulary]:
        """The controlled vocabulary of each domain schema present."""
        return {kind: vocabulary_from_schema(kind, self.documents[kind]) for kind in DOMAINS if kind in self.documents}

    def validator(self, kind: str) -> Draft202012Validator:
        return self._validators[kind]

    def check(self, loaded: LoadedFile, kind: str) -> list[Diagnostic]:
        """Problems of one loaded document against the schema of `kind`."""
        if self._compiled_accepts(kind, loaded.data):
            return []
        problems: list[Diagnostic] = []
        for error in self.validator(kind).iter_errors(loaded.data):
            problems.extend(_explain(_most_relevant(error), loaded))
        return problems


def _most_relevant(error: ValidationError) -> ValidationError:
    """For a oneOf/anyOf failure, the error inside the branch the contributor evidently meant.

    Branches that fail only because the value has another type ("is not of type null") say
    nothing useful; among the rest, the deepest error is the most specific. When every branch
    fails on type, the oneOf error itself stands (reworded in `_explain`).
    """
    while error.context:
        meant = [e for e in error.context if e.relative_path or e.validator not in _BRANCH_MISMATCH]
        if not meant:
            break
        error = max(meant, key=lambda e: (len(e.absolute_path), e.validator not in _BRANCH_MISMATCH))
    return error


def _explain(error: ValidationError, loaded: LoadedFile) -> Iterator[Diagnostic]:
    path = path_of(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    validator = error.validator

    def at(where: str, message: str, tip: str | None = None) -> Diagnostic:
        return Diagnostic(loaded.file, loaded.line_of(where), where, message, tip, "schema")

    if validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            yield at(child_path(path, key), f"unknown field {key!r}", _list_tip("allowed here", allowed))
    elif validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        yield at(path, f"missing required field {missing!r}")
    elif validator == "enum":
        yield at(path, f"{_show(error.instance)} is not an allowed value", _list_tip("allowed values", error.validator_value))
    elif validator == "const":
        yield at(path, f"{_show(error.instance)} must be {_show(error.validator_value)}")
    elif validator == "format" and error.validator_value == "date":
        yield at(path, f"{_show(error.instance)} is not a real calendar date", "write dates as \"YYYY-MM-DD\"")
    elif validator == "pattern" and str(error.validator_value).startswith("^https://"):
        yield at(path, f"{_show(error.instance)} is not an https:// address", "links must start with https:// (no http, javascript: or data: links)")
    elif validator == "pattern":
        yield at(path, f"{_show(error.instance)} does not have the expected form", schema.get("description"))
    elif validator in ("type", "enum") and error.instance is None:
        yield at(path, "has no value yet (null)", f"fill in: {schema.get('description') or _types(error.validator_value)}")
    elif validator == "type":
        expected = error.validator_value
        tip = "write true or false (lower case), or null if unknown" if "boolean" in str(expected) else None
        yield at(path, f"{_show(error.instance)} is not of type {_types(expected)}", tip)
    elif validator == "not" and schema.get("description"):  # the schema states the exclusion in words
        yield at(path, schema["description"])
    elif validator in ("oneOf", "anyOf"):
        yield at(path, f"{_show(error.instance)} is not a valid value here", schema.get("description"))
    else:
        yield at(path, error.message)


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _types(expected: Any) -> str:
    return " or ".join(expected) if isinstance(expected, list) else str(expected)


def _list_tip(label: str, values: Any) -> str:
    shown = [("null" if v is None else str(v).lower() if isinstance(v, bool) else str(v)) for v in values]
    return f"{label}: {', '.join(shown)}"
