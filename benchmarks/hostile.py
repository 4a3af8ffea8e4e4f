"""Time and memory of `lawgap validate` on each file of the hostile corpus (tests/hostile/), each in its own
process, against the target: every hostile file rejected in under 1 s and 64 MB.

The tests check that each file is rejected with file and line; how fast is measured here, not in the tests
(a loaded CI machine makes timed assertions flaky).

    .venv/bin/python benchmarks/hostile.py
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[1]
HOSTILE = PROJECT / "tests" / "hostile"
TARGET_SECONDS, TARGET_MB = 1.0, 64


def measure(name: str, target: str) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder)
        shutil.copytree(PROJECT / "schema", tree / "schema")
        shutil.copytree(PROJECT / "tests" / "fixtures" / "valid" / "laws", tree / "laws")
        (tree / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(HOSTILE / name, tree / target)
        lawgap = Path(sys.executable).with_name("lawgap")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        run = subprocess.run([str(lawgap), "validate", "--no-cache"], cwd=tree, capture_output=True, check=False)
        elapsed = time.perf_counter() - started
        peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
        return elapsed, peak_mb, run.returncode


def main() -> None:
    cases = yaml.safe_load((HOSTILE / "cases.yaml").read_text(encoding="utf-8"))
    rows = [(name, *measure(name, case["target"])) for name, case in sorted(cases.items())]
    print("| file | seconds (whole process) | peak RSS (MB) | exit |\n|---|---|---|---|")
    for name, seconds, peak, code in rows:
        print(f"| {name} | {seconds:.2f} | {peak:.0f} | {code} |")
    slowest = max(rows, key=lambda row: row[1])
    print(f"\n{len(rows)} files; slowest {slowest[0]} {slowest[1]:.2f} s (target {TARGET_SECONDS} s); "
          f"largest peak RSS so far {max(r[2] for r in rows):.0f} MB (target {TARGET_MB} MB, process incl. Python)")


if __name__ == "__main__":
    main()
