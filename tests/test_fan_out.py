"""Per-jurisdiction work on worker processes (lawgap.fan_out): results come back in order, an error in a worker
stops the caller, and `lawgap score --format json` and `lawgap export` write the same bytes with workers as
without them."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixture_support import add_project_references
from lawgap import fan_out
from lawgap.cli import main
from lawgap.load.layout import DataFile
from lawgap.load.strict_yaml import LoadedFile
from lawgap.validate.document import Document

AS_OF = "2026-06-01"
MANY_CORES = pytest.mark.skipif((os.cpu_count() or 1) < 2 or not fan_out.sys.platform.startswith("linux"),
                                reason="workers are forked only on Linux with two cores or more")


def _pid_and_code(code: str) -> tuple[int, str]:
    return os.getpid(), code


@MANY_CORES
def test_work_runs_on_workers_and_comes_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fan_out, "PARALLEL_FROM", 1)
    codes = [f"C{index:03d}" for index in range(300)]
    done = list(fan_out.for_each_jurisdiction(codes, _pid_and_code))
    assert [code for _, code in done] == codes
    assert os.getpid() not in {pid for pid, _ in done}


def test_few_jurisdictions_stay_in_this_process() -> None:
    assert list(fan_out.for_each_jurisdiction(["KE", "TZ"], _pid_and_code)) == [(os.getpid(), "KE"), (os.getpid(), "TZ")]


def _fails_on_tz(code: str) -> str:
    if code == "TZ":
        raise ValueError(f"no result for {code}")
    return code


@pytest.mark.parametrize("parallel_from", [1, 10**9])
def test_an_error_in_the_work_is_raised_to_the_caller(monkeypatch: pytest.MonkeyPatch, parallel_from: int) -> None:
    monkeypatch.setattr(fan_out, "PARALLEL_FROM", parallel_from)
    done = fan_out.for_each_jurisdiction(["KE", "TZ", "UG"], _fails_on_tz)
    assert next(done) == "KE"
    with pytest.raises(ValueError, match="no result for TZ"):
        next(done)


def _outputs(tree: Path, folder: str) -> dict[str, bytes]:
    runner = CliRunner()
    scored = runner.invoke(main, ["score", "--format", "json", "--as-of", AS_OF])
    assert scored.exit_code == 0, scored.output
    exported = runner.invoke(main, ["export", folder, "--as-of", AS_OF])
    assert exported.exit_code == 0, exported.output
    files = {path.relative_to(tree / folder).as_posix(): path.read_bytes() for path in (tree / folder).rglob("*") if path.is_file()}
    return {"score.json": scored.stdout_bytes, **files}


def test_score_and_export_write_the_same_bytes_with_workers_as_without(kb_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_project_references(kb_tree)
    monkeypatch.setattr(fan_out, "PARALLEL_FROM", 10**9)
    alone = _outputs(kb_tree, "alone")
    monkeypatch.setattr(fan_out, "PARALLEL_FROM", 1)
    with_workers = _outputs(kb_tree, "with-workers")
    assert len(alone) > 10 and alone["score.json"].startswith(b"[\n  {")
    assert with_workers == alone


def test_walking_a_document_leaves_no_reference_cycle() -> None:
    """Validation pauses the cycle collector (pipeline._cycle_collection_paused): a cycle made meanwhile would
    keep its objects until the end, so the walk every rule shares must not make one."""
    document = Document(DataFile("laws/ke/wildlife.yaml", Path("laws/ke/wildlife.yaml"), "wildlife", "ke"),
                        LoadedFile("laws/ke/wildlife.yaml", {"offences": [{"id": "a", "source": {"url": "u"}}], "measures": {}}))
    gc.collect()
    assert len(document.nodes()) == 7
    del document
    assert gc.collect() == 0
