"""Files validated in worker processes come back without their line maps (only their bytes), yet every
problem the semantic rules find in them names the same line as when the tree is validated in one process."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

from lawgap.validate import pipeline
from lawgap.validate.schema_layer import SchemaSet

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from generate import generate
    root = generate(40, tmp_path_factory.mktemp("kb") / "kb")  # 160 files: validated in worker processes
    files = sorted((root / "laws").glob("*/wildlife.yaml"))
    for path in files[3:6]:  # a source read in the future and a currency that is not ISO 4217, far down each file
        text = path.read_text(encoding="utf-8").replace("retrieved: '2025-06-01'", "retrieved: '2031-02-03'")
        path.write_text(text.replace("currency: USD", "currency: XQQ"), encoding="utf-8")
    return root


def test_problems_in_files_checked_by_workers_name_the_same_lines(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    targets, schemas, today = [tree / "laws", tree / "baselines"], SchemaSet(tree / "schema"), datetime.date(2026, 1, 1)
    assert len(list((tree / "laws").rglob("*.yaml"))) >= pipeline.PARALLEL_FROM
    in_workers = pipeline.validate_paths(targets, schemas, today)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 10**9)
    in_one_process = pipeline.validate_paths(targets, schemas, today)
    assert in_workers.diagnostics == in_one_process.diagnostics
    rules = {d.rule for d in in_workers.diagnostics}
    assert {"future-dates", "iso-codes"} <= rules
    assert all(d.line > 20 for d in in_workers.diagnostics)  # real lines, not the file's first
