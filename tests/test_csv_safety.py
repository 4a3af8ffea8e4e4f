"""CSV files open in spreadsheets: contributor text must not run as a formula or split a row.

OWASP's rule (CSV injection): a text cell starting with =, +, -, @, tab or carriage return gets a
leading apostrophe. Numbers keep their sign. Cells holding line breaks are quoted.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import copy_project

from lawgap.cli import main
from lawgap.render.tables import to_csv

FORMULAS = {
    "=HYPERLINK(\"https://evil.example\",\"x\")": "'=HYPERLINK(\"https://evil.example\",\"x\")",
    "+1+cmd|' /C calc'!A0": "'+1+cmd|' /C calc'!A0",
    "-2+3": "'-2+3",
    "@SUM(1,1)": "'@SUM(1,1)",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\n=1+1",
}


def read_csv(content: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content, newline="")))


@pytest.mark.parametrize("hostile", sorted(FORMULAS))
def test_text_that_starts_like_a_formula_gets_an_apostrophe(hostile: str) -> None:
    [row] = read_csv(to_csv([{"name": hostile}]))
    assert row["name"] == FORMULAS[hostile]


def test_numbers_and_plain_text_are_unchanged() -> None:
    [row] = read_csv(to_csv([{"gap": -1.5, "count": -2, "zero": 0, "flag": False, "missing": None, "name": "Kenya",
                              "inner": "a=b", "years": "life"}]))
    assert row == {"gap": "-1.5", "count": "-2", "zero": "0", "flag": "no", "missing": "", "name": "Kenya",
                   "inner": "a=b", "years": "life"}


@pytest.mark.parametrize("line_break", ["\n", "\r", "\r\n"])
def test_a_cell_with_a_line_break_is_quoted_and_stays_one_row(line_break: str) -> None:
    content = to_csv([{"title": f"first{line_break}second", "next": "x"}])
    # Any reader that splits lines on CR or LF outside quotes must still see one header and one record
    assert content == 'title,next\n"first\nsecond",x\n'
    assert read_csv(content) == [{"title": "first\nsecond", "next": "x"}]


@pytest.fixture
def hostile_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled project with a formula in a jurisdiction name and in an instrument title."""
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    jurisdiction = project / "laws/ke/jurisdiction.yaml"
    jurisdiction.write_text(jurisdiction.read_text().replace("name: Kenya", 'name: "=1+1 Kenya"', 1))
    wildlife = project / "laws/ke/wildlife.yaml"
    title = "title: Wildlife Conservation and Management Act, 2013"
    assert title in wildlife.read_text()
    wildlife.write_text(wildlife.read_text().replace(title, f"title: {json.dumps('@SUM(1) Wildlife Act')}", 1))
    return project


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_export_and_score_csv_neutralise_formulas(hostile_project: Path) -> None:
    run("export", "out", "--as-of", "2026-01-01")
    results = read_csv((hostile_project / "out/results.csv").read_text(encoding="utf-8"))
    assert {r["name"] for r in results if r["jurisdiction"] == "KE"} == {"'=1+1 Kenya"}
    requirements = read_csv((hostile_project / "out/requirements.csv").read_text(encoding="utf-8"))
    provisions = [r["provisions"] for r in requirements if r["jurisdiction"] == "KE" and "Wildlife Act" in r["provisions"]]
    assert any(p.startswith("'@SUM(1) Wildlife Act") for p in provisions)
    scores = read_csv(run("score", "--format", "csv", "--as-of", "2026-01-01", "-j", "KE").stdout)
    assert scores and {r["name"] for r in scores} == {"'=1+1 Kenya"}
    every_cell = [cell for r in results + requirements + scores for cell in r.values()]
    assert not [cell for cell in every_cell if cell[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [cell for cell in every_cell if cell.startswith("-") and not _is_number(cell)]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
