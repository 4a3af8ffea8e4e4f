"""Each broken fixture file is reported by `lawgap validate` at its file and line, with a clear message."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from lawgap.cli import main

INVALID = Path(__file__).resolve().parent / "fixtures" / "invalid"
CASES = yaml.safe_load((INVALID / "cases.yaml").read_text(encoding="utf-8"))


def run_validate(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def test_valid_fixture_tree_passes(kb_tree: Path) -> None:
    result = run_validate()
    assert result.exit_code == 0, result.output
    assert "4 file(s) valid" in result.output


def test_every_case_has_its_fixture() -> None:
    assert len(CASES) >= 50
    for name, case in CASES.items():
        assert (INVALID / name / case["file"]).is_file(), name


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file_is_reported_at_its_line(name: str, kb_tree: Path) -> None:
    case = CASES[name]
    shutil.copytree(INVALID / name, kb_tree, dirs_exist_ok=True)
    result = run_validate("--format", "json")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    problems = json.loads(result.stdout)
    assert problems, "no problem reported"
    assert {p["file"] for p in problems} == {case["file"]}, f"problems outside the broken file: {problems}"
    at_line = [p for p in problems if p["line"] == case["line"]]
    assert at_line, f"nothing reported on line {case['line']}: {problems}"
    assert any(all(word in f"{p['path']} {p['message']} {p['tip']}" for word in case["words"]) for p in at_line), at_line


def test_text_format_names_file_line_and_path(kb_tree: Path) -> None:
    shutil.copytree(INVALID / "http-url", kb_tree, dirs_exist_ok=True)
    result = run_validate()
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("laws/ke/wildlife.yaml:13: $.instruments[0].url: 'http://example.org/old-act' is not an https:// address")
    assert "tip: links must start with https://" in result.stdout


def test_github_format_emits_annotations(kb_tree: Path) -> None:
    shutil.copytree(INVALID / "unknown-field", kb_tree, dirs_exist_ok=True)
    result = run_validate("--format", "github")
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=laws/ke/wildlife.yaml,line=")
    assert "unknown field 'titel'" in result.stdout


def test_all_errors_are_collected_across_files(kb_tree: Path) -> None:
    for name in ("http-url", "unknown-currency", "no-core-offence"):
        shutil.copytree(INVALID / name, kb_tree, dirs_exist_ok=True)
    problems = json.loads(run_validate("--format", "json").stdout)
    assert {p["file"] for p in problems} == {"laws/ke/wildlife.yaml", "laws/ke/jurisdiction.yaml", "laws/ke/human-trafficking.yaml"}


def test_validate_a_single_file(kb_tree: Path) -> None:
    result = run_validate("laws/ke/wildlife.yaml")
    assert result.exit_code == 0, result.output
    assert "1 file(s) valid" in result.output


def test_missing_path_is_an_error_not_a_traceback(kb_tree: Path) -> None:
    result = run_validate("laws/zz")
    assert result.exit_code == 1
    assert "laws/zz:1: no such file or folder" in result.stdout
