"""Shared fixtures: a throw-away copy of the project's schemas with the valid fixture tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def no_validation_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see every file checked from scratch; test_cache.py switches the cache on deliberately."""
    monkeypatch.setenv("LAWGAP_NO_CACHE", "1")


@pytest.fixture
def kb_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary knowledge base (real schemas, valid fixture data) that is also the cwd."""
    shutil.copytree(PROJECT / "schema", tmp_path / "schema")
    shutil.copytree(FIXTURES / "valid" / "laws", tmp_path / "laws")
    monkeypatch.chdir(tmp_path)
    return tmp_path
