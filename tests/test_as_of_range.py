"""Every date option accepts 1900-01-01 to 2100-12-31, and every command works at both ends
(before: build died in gzip before 1970 and after 2106-02-07, while score and export accepted any date)."""

from __future__ import annotations

import datetime
import html
import struct
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import copy_project

from lawgap.cli import main
from lawgap.render.site.build import source_date_epoch

PROJECT = Path(__file__).resolve().parents[1]
RANGE = "(1900-01-01 to 2100-12-31)"


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_project(tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path / "project"


def gzip_stamp(path: Path) -> int:
    """MTIME of a gzip member (RFC 1952: bytes 4-7, little-endian)."""
    return struct.unpack("<L", path.read_bytes()[4:8])[0]


@pytest.mark.parametrize("day", ["1899-12-31", "2101-01-01", "0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("command", [["score"], ["export", "out"], ["compare", "KE", "GB"], ["route", "KE", "GB"],
                                     ["diff", "HEAD"]])
def test_dates_outside_the_range_are_usage_errors(command: list[str], day: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)
    if command[0] == "export":
        command = ["export", str(tmp_path / "out")]
    result = run(*command, "--as-of", day)
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '--as-of': {day} is outside the dates lawgap assesses {RANGE}" in result.output
    assert not (tmp_path / "out").exists()


def test_history_until_has_the_same_range(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)
    result = run("history", "KE", "--until", "1899-12-31")
    assert result.exit_code == 2 and RANGE in result.output
    assert run("history", "KE", "--until", "1900-01-01").exit_code == 0


@pytest.mark.parametrize(("day", "beyond"), [("1900-01-01", "1899-12-31"), ("2100-12-31", "2101-01-01")])
def test_score_and_export_work_at_each_end_and_refuse_the_day_beyond(day: str, beyond: str, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)
    score = run("score", "--as-of", day, "--format", "csv", "--domain", "wildlife")
    assert score.exit_code == 0, score.output
    assert f",{day}," in score.output.splitlines()[1]
    assert run("score", "--as-of", beyond).exit_code == 2
    export = run("export", str(tmp_path / "out"), "--as-of", day)
    assert export.exit_code == 0, export.output
    assert f'"as_of":"{day}"' in (tmp_path / "out" / "results.json").read_text()
    before = (tmp_path / "out" / "results.json").read_bytes()
    assert run("export", str(tmp_path / "out"), "--as-of", beyond).exit_code == 2
    assert (tmp_path / "out" / "results.json").read_bytes() == before


def test_build_at_the_first_date_clamps_the_gzip_stamp_and_refuses_the_day_before(project: Path) -> None:
    result = run("build", "--out", "public", "--as-of", "1900-01-01")
    assert result.exit_code == 0, result.output
    downloads = html.unescape((project / "public" / "downloads.html").read_text())
    assert "Assessed as of 1900-01-01." in downloads  # the assessment keeps its date; only the stamp is clamped
    assert gzip_stamp(project / "public" / "sitemap.xml.gz") == 0  # gzip's earliest time: 1970-01-01
    before = (project / "public" / "index.html").read_bytes()
    refused = run("build", "--out", "public", "--as-of", "1899-12-31")
    assert refused.exit_code == 2 and RANGE in refused.output
    assert (project / "public" / "index.html").read_bytes() == before


def test_build_at_the_last_date_and_refuses_the_day_after(project: Path) -> None:
    result = run("build", "--out", "public", "--as-of", "2100-12-31")
    assert result.exit_code == 0, result.output
    assert gzip_stamp(project / "public" / "sitemap.xml.gz") == source_date_epoch(datetime.date(2100, 12, 31))
    refused = run("build", "--out", "public", "--as-of", "2101-01-01")
    assert refused.exit_code == 2 and RANGE in refused.output


def test_the_source_date_stamp_stays_within_what_gzip_records() -> None:
    assert source_date_epoch(datetime.date(2026, 1, 1)) == 1767225600
    assert source_date_epoch(datetime.date(1970, 1, 1)) == 0
    assert source_date_epoch(datetime.date(1969, 12, 31)) == 0
    assert source_date_epoch(datetime.date(1, 1, 1)) == 0
    assert source_date_epoch(datetime.date(2106, 2, 7)) == 4294944000  # that day's midnight still fits
    assert source_date_epoch(datetime.date(2106, 2, 8)) == 2**32 - 1
    assert source_date_epoch(datetime.date(9999, 12, 31)) == 2**32 - 1
