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
from lawgap.load.limits import max_file_bytes
from lawgap.load.strict_yaml import LoadedFile, load_bytes, read_file
from lawgap.validate.cache import ValidationCache, fingerprint
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


def validate_paths(paths: Iterable[Path], schemas: SchemaSet, today: datetime.date | None = None,
                   cache_folder: Path | None = None) -> ValidationReport:
    """Validate the data files under `paths` (files or folders); `cache_folder` keeps files that passed
    the YAML and schema layers so unchanged files skip them next time (see cache.py)."""
    files, problems = discover(paths)
    report = ValidationReport(diagnostics=problems, files_checked=len(files))
    present = {(f.folder, f.kind) for f in files}
    # a single domain file given alone still has its jurisdiction.yaml beside it on disk
    present |= {(f.folder, "jurisdiction") for f in files if (f.path.parent / JURISDICTION_FILE).is_file()}
    context = Context(today=today or datetime.date.today(), vocabulary=schemas.vocabularies(), present=present)
    store = ValidationCache(cache_folder, fingerprint(schemas.schema_dir)) if cache_folder else None
    wrote_entries = False
    for data_file, loaded, schema_problems, stored in _load_and_check(files, schemas, store):
        wrote_entries |= stored
        if loaded.diagnostics or schema_problems:
            report.diagnostics.extend(loaded.diagnostics or schema_problems)
            continue
        document = Document(data_file, loaded)
        report.documents.append(document)
        context.documents.append(document)
    if store is not None and wrote_entries:
        store.evict()  # the cache grew: once per run, after every entry of this run (workers' too) is written
    for document in report.documents:
        for rule in ALL_RULES:
            report.diagnostics.extend(rule.check(document, context))
        document.release_lines()  # every rule has run on it; line maps are ~half of a large tree's memory
    report.diagnostics.sort()
    return report


PARALLEL_FROM = 150  # files; below this, starting worker processes costs more than it saves


def _load_and_check(files: list[DataFile], schemas: SchemaSet,
                    store: ValidationCache | None) -> Iterator[tuple[DataFile, LoadedFile, list[Diagnostic], bool]]:
    """Layers 1 and 2 for each file, and whether its cache entry was written; independent per file, so
    large trees use every core."""
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2:
        for data_file in files:
            yield (data_file, *_check_one(data_file, schemas, store))
        return
    chunk = max(1, len(files) // (workers * 4))
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(schemas.schema_dir, store)) as pool:
        for data_file, outcome in zip(files, pool.map(_check_in_worker, files, chunksize=chunk)):
            yield (data_file, *outcome)


def _check_one(data_file: DataFile, schemas: SchemaSet, store: ValidationCache | None,
               light: bool = False) -> tuple[LoadedFile, list[Diagnostic], bool]:
    """Layers 1 and 2 for one file; `light`: a file that passes comes without its line map (see
    LoadedFile.without_lines)."""
    limit = max_file_bytes(data_file.kind)
    raw = read_file(data_file.path, data_file.display, limit)
    if isinstance(raw, LoadedFile):  # not read: too large, or not a regular file
        return raw, [], False
    hit = store.get(raw, data_file.kind) if store is not None else None
    if hit is not None:
        loaded = LoadedFile(data_file.display, hit[0], hit[1], [])
        return (loaded.without_lines(raw) if light else loaded), [], False
    loaded = load_bytes(raw, data_file.display, limit)
    problems = [] if loaded.diagnostics else schemas.check(loaded, data_file.kind)
    if loaded.diagnostics or problems:
        return loaded, problems, False
    if store is not None:
        store.put(raw, data_file.kind, loaded.data, loaded.lines)
    return (loaded.without_lines(raw) if light else loaded), problems, store is not None


_worker: tuple[SchemaSet, ValidationCache | None] | None = None


def _start_worker(schema_dir: Path, store: ValidationCache | None) -> None:
    global _worker
    _worker = (SchemaSet(schema_dir), store)


def _check_in_worker(data_file: DataFile) -> tuple[LoadedFile, list[Diagnostic], bool]:
    assert _worker is not None
    return _check_one(data_file, *_worker, light=True)
