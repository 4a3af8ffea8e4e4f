"""The three layers in order: YAML, then schema, then semantic rules; all problems collected."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lawgap.diagnostics import Diagnostic
from lawgap.load.layout import JURISDICTION_FILE, DataFile, discover
from lawgap.load.strict_yaml import LoadedFile, load_file
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
    for data_file, loaded, schema_problems in _load_and_check(files, schemas):
        if loaded.diagnostics or schema_problems:
            report.diagnostics.extend(loaded.diagnostics or schema_problems)
            continue
        document = Document(data_file, loaded)
        report.documents.append(document)
        context.documents.append(document)
    for document in report.documents:
        for rule in ALL_RULES:
            report.diagnostics.extend(rule.check(document, context))
        document.release_lines()  # every rule has run on it; line maps are ~half of a large tree's memory
    report.diagnostics.sort()
    return report


PARALLEL_FROM = 150  # files; below this, starting worker processes costs more than it saves


def _load_and_check(files: list[DataFile], schemas: SchemaSet) -> Iterator[tuple[DataFile, LoadedFile, list[Diagnostic]]]:
    """Layers 1 and 2 for each file; independent per file, so large trees use every core."""
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2:
        for data_file in files:
            yield (data_file, *_check_one(data_file, schemas))
        return
    chunk = max(1, len(files) // (workers * 4))
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(schemas.schema_dir,)) as pool:
        for data_file, outcome in zip(files, pool.map(_check_in_worker, files, chunksize=chunk)):
            yield (data_file, *outcome)


def _check_one(data_file: DataFile, schemas: SchemaSet) -> tuple[LoadedFile, list[Diagnostic]]:
    loaded = load_file(data_file.path, data_file.display)
    return loaded, ([] if loaded.diagnostics else schemas.check(loaded, data_file.kind))


_worker_schemas: SchemaSet | None = None


def _start_worker(schema_dir: Path) -> None:
    global _worker_schemas
    _worker_schemas = SchemaSet(schema_dir)


def _check_in_worker(data_file: DataFile) -> tuple[LoadedFile, list[Diagnostic]]:
    assert _worker_schemas is not None
    return _check_one(data_file, _worker_schemas)
