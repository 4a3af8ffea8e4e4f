"""The data version: the UTC date of the last commit to the data, else the newest date in the data."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from lawgap.model.build import load_knowledge_base
from lawgap.model.data_version import PATTERN

PROJECT = Path(__file__).resolve().parents[1]
FIXTURE_NEWEST_DATE = "2026.01.15"  # the newest last_reviewed / retrieved date in tests/fixtures/valid


def git(folder: Path, *args: str, when: str = "2026-01-01T12:00:00+00:00") -> str:
    environment = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
                   "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.org",
                           "-c", "init.defaultBranch=main", *args], capture_output=True, text=True, env=environment, check=True)
    return done.stdout


def commit_all(folder: Path, when: str) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "change", when=when)


def test_without_git_the_version_is_the_newest_date_recorded_in_the_data(kb_tree: Path) -> None:
    assert load_knowledge_base(kb_tree).data_version == FIXTURE_NEWEST_DATE
    wildlife = kb_tree / "laws/ke/wildlife.yaml"
    text = wildlife.read_text(encoding="utf-8")
    wildlife.write_text(text.replace('retrieved: "2026-01-15"', 'retrieved: "2026-02-01"', 1), encoding="utf-8")
    assert load_knowledge_base(kb_tree).data_version == "2026.02.01"  # the newest, wherever it is


def test_in_a_repository_the_version_is_the_utc_date_of_the_last_commit_to_the_data(kb_tree: Path) -> None:
    git(kb_tree, "init", "-q")
    commit_all(kb_tree, "2026-03-02T01:00:00+02:00")  # 2026-03-01 23:00 UTC
    assert load_knowledge_base(kb_tree).data_version == "2026.03.01"
    (kb_tree / "README.md").write_text("not data\n", encoding="utf-8")
    commit_all(kb_tree, "2026-04-10T12:00:00+00:00")
    assert load_knowledge_base(kb_tree).data_version == "2026.03.01"  # a change outside the data moves nothing
    (kb_tree / "reference").mkdir()
    (kb_tree / "reference/changelog.yaml").write_text("schema_version: 1\nentries: []\n", encoding="utf-8")
    git(kb_tree, "add", "-A")
    git(kb_tree, "commit", "-q", "-m", "log", when="2026-04-20T12:00:00+00:00")
    assert load_knowledge_base(kb_tree).data_version == "2026.03.01"  # nor does logging one
    (kb_tree / "laws/ke/wildlife.yaml").write_text((kb_tree / "laws/ke/wildlife.yaml").read_text() + "\n", encoding="utf-8")
    commit_all(kb_tree, "2026-05-05T09:00:00+00:00")
    version = load_knowledge_base(kb_tree).data_version
    assert version == "2026.05.05" and re.match(PATTERN, version)


def test_a_shallow_clone_cut_at_the_data_commit_falls_back_to_the_data(kb_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    git(kb_tree, "init", "-q")
    commit_all(kb_tree, "2026-02-01T12:00:00+00:00")
    (kb_tree / "laws/ke/wildlife.yaml").write_text((kb_tree / "laws/ke/wildlife.yaml").read_text() + "\n", encoding="utf-8")
    commit_all(kb_tree, "2026-03-01T12:00:00+00:00")
    (kb_tree / "README.md").write_text("not data\n", encoding="utf-8")
    commit_all(kb_tree, "2026-04-10T12:00:00+00:00")
    clones = tmp_path_factory.mktemp("clones")
    for depth, version in ((1, FIXTURE_NEWEST_DATE), (2, FIXTURE_NEWEST_DATE), (3, "2026.03.01")):
        # cut at or before the last data commit, git shows the cut commit as adding every file: not trusted
        clone = clones / f"depth-{depth}"
        subprocess.run(["git", "clone", "-q", "--depth", str(depth), f"file://{kb_tree}", str(clone)], check=True)
        assert load_knowledge_base(clone).data_version == version, depth


def test_without_a_git_program_the_data_decides(kb_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git(kb_tree, "init", "-q")
    commit_all(kb_tree, "2026-03-01T12:00:00+00:00")
    monkeypatch.setenv("PATH", str(kb_tree / "no-programs-here"))
    assert load_knowledge_base(kb_tree).data_version == FIXTURE_NEWEST_DATE


def test_the_results_contract_states_the_same_pattern() -> None:
    schema = json.loads((PROJECT / "schema/results.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["entry"]["properties"]["data_version"]["pattern"] == PATTERN
    assert "data_version" in schema["$defs"]["entry"]["required"]
