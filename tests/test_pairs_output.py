"""Pairs of jurisdictions grow with the square of the data: `lawgap export --pairs` streams them on
request; a plain export and the site build write none (the compare page pairs in the browser).
Export writes results and pairs as they are computed, and still replaces the folder only when done."""

from __future__ import annotations

import csv
import datetime
import html
import io
import itertools
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import copy_project, tree_bytes

from lawgap.cli import main
from lawgap.engine.all_pairs import all_pairs
from lawgap.load.layout import DOMAINS
from lawgap.model.build import load_knowledge_base
from lawgap.render.export import dumps, encode, write_json_array
from lawgap.render.results_json import published_entries, published_pairs

PROJECT = Path(__file__).resolve().parents[1]
AS_OF = "2026-01-01"


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    return result


OPEN_DATA = ["CITATION.cff", "api", "datapackage.json", "facts.csv", "facts.json"]  # test_open_data.py


def data_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def expected_pairs() -> list[dict]:
    """Straight from the engine, in the order export writes them: domain, then the upper triangle."""
    kb = load_knowledge_base(PROJECT)
    day = datetime.date.fromisoformat(AS_OF)
    return [{"domain": domain, "a": p.a, "b": p.b, "dual_criminality_holds": p.holds,
             "dual_criminality_fails": p.fails, "unknown": p.unknown}
            for domain in DOMAINS for p in all_pairs(kb, domain, day).pairs()]


def test_export_writes_no_pairs_files_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)
    result = run("export", str(tmp_path / "out"), "--as-of", AS_OF)
    assert data_files(tmp_path / "out") == sorted(["requirements.csv", "results.csv", "results.json", *OPEN_DATA])
    assert re.fullmatch(r"wrote \d+ results, the facts table, .* to \S+\n", result.output), result.output


def test_export_pairs_equal_what_the_engine_computes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)
    expected = expected_pairs()
    jurisdictions = len(load_knowledge_base(PROJECT).jurisdictions)
    assert len(expected) == len(DOMAINS) * jurisdictions * (jurisdictions - 1) // 2 > 1000
    result = run("export", str(tmp_path / "out"), "--as-of", AS_OF, "--pairs")
    assert f"and {len(expected)} pairs" in result.output
    out = tmp_path / "out"
    assert data_files(out) == sorted(["pairs.csv", "pairs.json", "requirements.csv", "results.csv", "results.json", *OPEN_DATA])
    assert json.loads((out / "pairs.json").read_text(encoding="utf-8")) == expected
    with (out / "pairs.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(expected[0])
    counts = ("dual_criminality_holds", "dual_criminality_fails", "unknown")
    assert [{k: int(v) if k in counts else v for k, v in row.items()} for row in rows] == expected
    # the results files are the same with or without pairs
    run("export", str(tmp_path / "plain"), "--as-of", AS_OF)
    for name in ("requirements.csv", "results.csv", "results.json"):
        assert (out / name).read_bytes() == (tmp_path / "plain" / name).read_bytes(), name


def test_a_failure_while_pairs_stream_leaves_the_previous_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)
    target = tmp_path / "out"
    run("export", str(target), "--as-of", AS_OF)
    before = tree_bytes(target)

    def disk_full_after_100_pairs(matrices):
        yield from itertools.islice(published_pairs(matrices), 100)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("lawgap.render.export.published_pairs", disk_full_after_100_pairs)
    result = CliRunner().invoke(main, ["export", str(target), "--as-of", AS_OF, "--pairs"])
    assert result.exit_code == 1, result.output
    assert "No space left on device" in result.output and "the previous export is unchanged" in result.output
    assert tree_bytes(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder or lock left behind


def test_a_broken_results_contract_found_midway_leaves_the_previous_export(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries are checked against schema/results.schema.json as they are written, not all beforehand."""
    monkeypatch.chdir(PROJECT)
    target = tmp_path / "out"
    run("export", str(target), "--as-of", AS_OF)
    before = tree_bytes(target)

    def one_broken(kb, reports):
        for entry in published_entries(kb, reports):
            yield {**entry, "score": "high"} if (entry["jurisdiction"], entry["domain"]) == ("KE", "wildlife") else entry

    monkeypatch.setattr("lawgap.cli.published_entries", one_broken)
    result = CliRunner().invoke(main, ["export", str(target), "--as-of", AS_OF])
    assert result.exit_code == 1, result.output
    assert "results do not match schema/results.schema.json" in result.output and "(KE wildlife)" in result.output
    assert tree_bytes(target) == before


@pytest.mark.parametrize("compact", [True, False])
def test_streamed_json_array_has_the_bytes_of_a_whole_dump(compact: bool) -> None:
    for items in ([], [{"b": 1, "a": "Côte d’Ivoire"}], [{"x": [1, 2], "y": {}, "z": []}, None, "z", 1.5, [[]]],
                  [{"text": "two\nlines", "nested": {"deeper": [{"a": None}]}}]):
        handle = io.BytesIO()
        assert write_json_array(handle, iter(items), compact=compact) == len(items)
        assert handle.getvalue().decode("utf-8") == dumps(items, compact=compact)
        standard = json.dumps(items, ensure_ascii=False, sort_keys=True, **({"separators": (",", ":")} if compact else {"indent": 2}))
        assert handle.getvalue().decode("utf-8") == standard + "\n"  # orjson writes what json writes


def test_keys_keep_their_order_when_not_sorted() -> None:
    rows = [{"z": 1, "a": [{"y": None, "b": 0.1}], "m": "Côte d’Ivoire"}, {2: "int key"}]
    assert encode(rows[:1], compact=True, sort_keys=False) == json.dumps(rows[:1], ensure_ascii=False, separators=(",", ":")).encode()
    assert encode(rows, compact=True, sort_keys=False) == json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()


def test_what_orjson_refuses_is_written_as_json_writes_it() -> None:
    data = {2: "int key", 10: [2**70]}  # keys that are not text, an integer beyond 64 bits
    assert dumps(data) == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    with pytest.raises(TypeError):
        dumps({"day": datetime.date(2026, 1, 1)})  # as json.dumps always did


def test_the_site_publishes_no_pairs_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_project(tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    run("build", "--out", "public", "--as-of", AS_OF)
    site = tmp_path / "project" / "public"
    assert not list(site.rglob("pairs.*"))
    assert {"compare.json", "results.json"} <= set(data_files(site / "data"))
    downloads = html.unescape((site / "downloads.html").read_text(encoding="utf-8"))
    assert "data/pairs" not in downloads
    assert "lawgap export --pairs" in downloads
