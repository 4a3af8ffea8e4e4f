"""The validation cache: unchanged files skip the YAML and schema layers; anything else is a miss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawgap.cli import main
from lawgap.validate import pipeline


@pytest.fixture
def cached(kb_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.delenv("LAWGAP_NO_CACHE")
    monkeypatch.setenv("LAWGAP_CACHE_DIR", str(folder))
    return folder


def validate(*args: str):
    return CliRunner().invoke(main, ["validate", "--format", "json", *args])


def refuse_to_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("parsed a file that should have come from the cache")

    monkeypatch.setattr(pipeline, "load_bytes", fail)


def test_unchanged_files_come_from_the_cache(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert validate().exit_code == 0
    assert len(list(cached.rglob("*.json"))) == 4
    refuse_to_parse(monkeypatch)
    assert validate().exit_code == 0  # every file a hit: nothing parsed


def test_a_changed_file_is_checked_again(cached: Path, kb_tree: Path) -> None:
    assert validate().exit_code == 0
    path = kb_tree / "laws/ke/wildlife.yaml"
    path.write_text(path.read_text().replace("core: true", "core: maybe", 1))
    result = validate()
    assert result.exit_code == 1 and "core" in result.stdout


def test_broken_files_are_never_cached(cached: Path, kb_tree: Path) -> None:
    path = kb_tree / "laws/ke/wildlife.yaml"
    path.write_text(path.read_text() + "extra: 1\n")
    assert validate().exit_code == 1
    assert validate().exit_code == 1
    assert len(list(cached.rglob("*.json"))) == 3


def test_corrupt_entries_are_misses(cached: Path) -> None:
    assert validate().exit_code == 0
    for entry in cached.rglob("*.json"):
        entry.write_text("{not json")
    assert validate().exit_code == 0
    assert all(json.loads(e.read_text()) for e in cached.rglob("*.json"))


def test_a_schema_change_invalidates_everything(cached: Path, kb_tree: Path) -> None:
    assert validate().exit_code == 0
    schema = kb_tree / "schema/wildlife.schema.json"
    schema.write_text(schema.read_text() + "\n")  # any change to a schema's bytes changes the fingerprint
    before = set(cached.rglob("*.json"))
    assert validate().exit_code == 0
    assert set(cached.rglob("*.json")) - before  # new entries under the new fingerprint


def test_no_cache_flag_and_unwritable_folder(cached: Path) -> None:
    assert validate("--no-cache").exit_code == 0
    assert not cached.exists()
    cached.write_text("a file where the folder should be")  # the cache cannot be created: still valid
    assert validate().exit_code == 0
    cached.unlink()
