"""The three layers in order: YAML, then schema, then semantic rules; all problems collected."""

from __future__ import annotations

import datetime
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lawgap.diagnostics import Diagnostic
from lawgap.load.layout import JURISDICTION_FILE, DataFile, discover
from lawgap.load.limits import max_file_bytes
from lawgap.load.strict_yaml import LoadedFile, load_bytes, read_file
from lawgap.validate.cache import ValidationCache, fingerprint
from lawgap.validate.document import Context, Document
from lawgap.validate.rules import ALL_RULES, READ_BY_RULES
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
                   cache_folder: Path | None = None, passed_rules: Callable[[Document], None] | None = None) -> ValidationReport:
    """Validate the data files under `paths` (files or folders); `cache_folder` keeps files that passed
    the YAML and schema layers so unchanged files skip them next time (see cache.py). `passed_rules` is
    given each document whose rules found nothing, as soon as they have run (the model is built meanwhile)."""
    with _cycle_collection_paused():
        return _validate(paths, schemas, today, cache_folder, passed_rules)


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Validation keeps every document (and, loading, the model) and makes no reference cycles: Python's cycle
    collector would only walk the growing heap again and again, 1.5 of the main process's 3.8 CPU seconds at
    1,000 jurisdictions. Reference counting still frees what is dropped."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # and back: what was made meanwhile joins the oldest generation without being walked (re-enabled,
        gc.unfreeze()  # the collector would walk all of it at once, 0.6 s, only to find it all still in use)
        if enabled:
            gc.enable()


def _validate(paths: Iterable[Path], schemas: SchemaSet, today: datetime.date | None, cache_folder: Path | None,
              passed_rules: Callable[[Document], None] | None) -> ValidationReport:
    files, problems = discover(paths)
    report = ValidationReport(diagnostics=problems, files_checked=len(files))
    present = {(f.folder, f.kind) for f in files}
    # a single domain file given alone still has its jurisdiction.yaml beside it on disk
    present |= {(f.folder, "jurisdiction") for f in files if (f.path.parent / JURISDICTION_FILE).is_file()}
    context = Context(today=today or datetime.date.today(), vocabulary=schemas.vocabularies(), present=present)
    store = ValidationCache(cache_folder, fingerprint(schemas.schema_dir)) if cache_folder else None
    # The documents some rules read besides their own (the baselines, the source-hosts table) are checked
    # first, here; then each other file gets all three layers on its own, in worker processes where there are
    # many (each with that context), so that the main process only collects them.
    first = [index for index, data_file in enumerate(files) if data_file.kind in READ_BY_RULES]
    rest = [index for index, data_file in enumerate(files) if data_file.kind not in READ_BY_RULES]
    passed: list[tuple[int, Document]] = []
    wrote_entries = False
    for index, (data_file, loaded, file_problems, _, stored) in zip(first, _load_and_check([files[i] for i in first], schemas, store)):
        wrote_entries |= stored
        if file_problems:
            report.diagnostics.extend(file_problems)
            continue
        passed.append((index, Document(data_file, loaded)))
        context.documents.append(passed[-1][1])
    for document in list(context.documents):
        _accept(document, _rule_problems(document, context), report, passed_rules)
    checked = _load_and_check([files[i] for i in rest], schemas, store, context)
    for index, (data_file, loaded, file_problems, rule_problems, stored) in zip(rest, checked):
        wrote_entries |= stored
        if file_problems:
            report.diagnostics.extend(file_problems)
            continue
        passed.append((index, Document(data_file, loaded)))
        _accept(passed[-1][1], rule_problems or [], report, passed_rules)
    if store is not None and wrote_entries:
        store.evict()  # the cache grew: once per run, after every entry of this run (workers' too) is written
    report.documents = [document for _, document in sorted(passed, key=lambda found: found[0])]  # in discovery order
    report.diagnostics.sort()
    return report


def _rule_problems(document: Document, context: Context) -> list[Diagnostic]:
    """Every semantic rule on `document`; its line map is dropped afterwards (~half of a large tree's memory)."""
    problems = [problem for rule in ALL_RULES for problem in rule.check(document, context)]
    document.release_lines()
    return problems


def _accept(document: Document, rule_problems: list[Diagnostic], report: ValidationReport,
            passed_rules: Callable[[Document], None] | None) -> None:
    report.diagnostics.extend(rule_problems)
    if passed_rules is not None and not rule_problems:
        passed_rules(document)


PARALLEL_FROM = 150  # files; below this, starting worker processes costs more than it saves


def _load_and_check(files: list[DataFile], schemas: SchemaSet, store: ValidationCache | None,
                    context: Context | None = None) -> Iterator[tuple[DataFile, LoadedFile, list[Diagnostic], list[Diagnostic] | None, bool]]:
    """For each file: its YAML or schema problems, the semantic rules' problems (with a `context`; None
    without, or when the file did not load), and whether its cache entry was written. Independent per
    file, so large trees use every core; the workers are forked with the context."""
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2:
        for data_file in files:
            yield (data_file, *_check_one(data_file, schemas, store, context))
        return
    chunk = max(1, min(len(files) // (workers * 4), 40))  # small: the main process builds the model as they come
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(schemas.schema_dir, store, context)) as pool:
        for data_file, outcome in zip(files, pool.map(_check_in_worker, files, chunksize=chunk)):
            yield (data_file, *outcome)


def _check_one(data_file: DataFile, schemas: SchemaSet, store: ValidationCache | None, context: Context | None,
               light: bool = False) -> tuple[LoadedFile, list[Diagnostic], list[Diagnostic] | None, bool]:
    """The layers for one file: YAML and schema (skipped when the cache knows the bytes), then the rules
    if there is a `context`. `light`: a file that loads comes without its line map (see
    LoadedFile.without_lines)."""
    limit = max_file_bytes(data_file.kind)
    raw = read_file(data_file.path, data_file.display, limit)
    if isinstance(raw, LoadedFile):  # not read: too large, or not a regular file
        return raw, raw.diagnostics, None, False
    hit = store.get(raw, data_file.kind) if store is not None else None
    stored = False
    if hit is not None:
        loaded = LoadedFile(data_file.display, hit[0], hit[1], [])
    else:
        loaded = load_bytes(raw, data_file.display, limit)
        problems = loaded.diagnostics or schemas.check(loaded, data_file.kind)
        if problems:
            return loaded, problems, None, False
        if store is not None:
            store.put(raw, data_file.kind, loaded.data, loaded.lines)
            stored = True
    rule_problems = _rule_problems(Document(data_file, loaded), context) if context is not None else None
    return (loaded.without_lines(raw) if light else loaded), [], rule_problems, stored


_worker: tuple[SchemaSet, ValidationCache | None, Context | None] | None = None


def _start_worker(schema_dir: Path, store: ValidationCache | None, context: Context | None) -> None:
    global _worker
    _worker = (SchemaSet(schema_dir), store, context)


def _check_in_worker(data_file: DataFile) -> tuple[LoadedFile, list[Diagnostic], list[Diagnostic] | None, bool]:
    assert _worker is not None
    return _check_one(data_file, *_worker, light=True)
