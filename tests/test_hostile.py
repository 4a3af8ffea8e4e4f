"""Hostile and broken input: every file in tests/hostile/ makes `lawgap validate` exit 1 with a
message naming the file (and line), quickly, in bounded memory, never with a traceback."""

from __future__ import annotations

import json
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from lawgap.cli import main
from lawgap.load.strict_yaml import MAX_FILE_BYTES

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = yaml.safe_load((HOSTILE / "cases.yaml").read_text(encoding="utf-8"))
# A hang guard, not a speed target: how fast hostile files are rejected is measured by benchmarks/hostile.py
# (timed assertions fail on a loaded CI machine). Memory is measured by tracemalloc and does not depend on load.
HANG_GUARD_SECONDS, MEGABYTES = 30.0, 64


def validate_measured() -> tuple[object, float, float]:
    tracemalloc.start()
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["validate", "--format", "json"])
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return result, elapsed, peak


def test_the_corpus_is_large_and_covers_every_kind() -> None:
    assert len(CASES) >= 50
    names = " ".join(CASES)
    for kind in ("duplicate", "alias", "nesting", "python", "norway", "date", "bom", "utf", "tab", "mismatch",
                 "xss", "javascript", "data-url", "dangling", "no-sanction", "not-party"):
        assert kind in names, kind


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_is_rejected_with_file_and_line(name: str, kb_tree: Path) -> None:
    case = CASES[name]
    target = kb_tree / case["target"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HOSTILE / name, target)
    result, elapsed, peak = validate_measured()
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    problems = json.loads(result.stdout)
    mine = [p for p in problems if p["file"] == case["target"]]
    assert mine, f"nothing reported for {case['target']}: {problems}"
    if case["line"] is not None:
        mine = [p for p in mine if p["line"] == case["line"]]
        assert mine, f"nothing on line {case['line']}: {problems}"
    assert any(all(w in f"{p['path']} {p['message']} {p['tip']}" for w in case["words"]) for p in mine), mine
    assert elapsed < HANG_GUARD_SECONDS, f"took {elapsed:.2f} s"
    assert peak < MEGABYTES, f"peak memory {peak:.0f} MB"


def test_huge_file_is_refused_without_reading_it(kb_tree: Path) -> None:
    huge = kb_tree / "laws/ke/wildlife.yaml"
    with huge.open("wb") as handle:
        handle.write(b"schema_version: 1\nnote: ")
        handle.write(b"x" * (MAX_FILE_BYTES * 8))
    result, elapsed, peak = validate_measured()
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)
    assert (problem["file"], problem["line"]) == ("laws/ke/wildlife.yaml", 1) and "limit" in problem["message"]
    assert elapsed < HANG_GUARD_SECONDS and peak < MEGABYTES
