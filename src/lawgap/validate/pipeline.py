"""The three layers in order: YAML, then schema, then semantic rules; all problems collected."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lawgap.diagnostics import Diagnostic
from lawgap.load.layout import JURISDICTION_FILE, discover
from lawgap.load.strict_yaml import load_file
from lawgap.validate.document import Context, Document
from lawgap.validate.rules import ALL_RULES
from lawgap.validate.schema_layer import SchemaSet


@dataclass
class ValidationReport:
    """Every problem found, and the documents that passed YAML and schema checks."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    files_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def validate_paths(paths: Iterable[Path], schemas: SchemaSet, today: datetime.date | None = None) -> ValidationReport:
    """Validate the data files under `paths` (files or folders)."""
    files, problems = discover(paths)
    report = ValidationReport(diagnostics=problems, files_checked=len(files))
    present = {(f.folder, f.kind) for f in files}
    # a single domain file given alone still has its jurisdiction.yaml beside it on disk
    present |= {(f.folder, "jurisdiction") for f in files if (f.path.parent / JURISDICTION_FILE).is_file()}
    context = Context(today=today or datetime.date.today(), vocabulary=schemas.vocabularies(), present=present)
    for data_file in files:
        loaded = load_file(data_file.path, data_file.display)
        if loaded.diagnostics:
            report.diagnostics.extend(loaded.diagnostics)
            continue
        schema_problems = schemas.check(loaded, data_file.kind)
        if schema_problems:
            report.diagnostics.extend(schema_problems)
            continue
        document = Document(data_file, loaded)
        report.documents.append(document)
        context.documents.append(document)
    for document in report.documents:
        for rule in ALL_RULES:
            report.diagnostics.extend(rule.check(document, context))
    report.diagnostics.sort()
    return report
