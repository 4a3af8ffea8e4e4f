"""One coder's domain file, read for `lawgap agreement`: strict YAML and its domain schema.

A second coding usually lives outside laws/ (e.g. a reviewer's copy, coding-b.yaml), so the file's
kind comes from its own `domain` field, not from its name or folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lawgap.diagnostics import Diagnostic
from lawgap.load.layout import DOMAINS, display_name
from lawgap.load.strict_yaml import load_file
from lawgap.validate.schema_layer import SchemaSet


class InvalidCoding(Exception):
    """One or more codings could not be read or are not valid domain files."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{len(diagnostics)} problem(s) in the files compared; fix them (lawgap validate) first")
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class Coding:
    file: str  # as shown to the user
    data: dict[str, Any]


def load_codings(paths: list[Path], schemas: SchemaSet) -> list[Coding]:
    """Every file read and checked; all problems of all files reported together."""
    codings, problems = [], []
    for path in paths:
        coding, found = _load(path, schemas)
        problems += found
        if coding:
            codings.append(coding)
    if problems:
        raise InvalidCoding(sorted(problems))
    return codings


def _load(path: Path, schemas: SchemaSet) -> tuple[Coding | None, list[Diagnostic]]:
    shown = display_name(path)
    loaded = load_file(path, shown)
    if loaded.diagnostics:
        return None, loaded.diagnostics
    domain = loaded.data.get("domain") if isinstance(loaded.data, dict) else None
    if domain not in DOMAINS:
        where = "$.domain" if isinstance(loaded.data, dict) and "domain" in loaded.data else "$"
        return None, [Diagnostic(shown, loaded.line_of(where), where, "not a domain file",
                                 f"a coding has domain: one of {', '.join(DOMAINS)}", "agreement")]
    problems = schemas.check(loaded, domain)
    return (None, problems) if problems else (Coding(shown, loaded.data), [])
