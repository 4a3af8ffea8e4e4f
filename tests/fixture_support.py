"""Helpers for tests that put the fixture data beside the project's baselines and reference files."""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
FIXTURE_HOST = "- {host: example.org, class: official, publisher: 'lawgap test fixtures (synthetic law)'}\n"


def add_project_references(tree: Path) -> Path:
    """Copy the project's baselines/ and reference/ into a fixture tree, so requirements have evidence
    and every kind of file is present. The fixtures cite example.org as `source-text`: it is listed in
    the copy of reference/source-hosts.yaml, so the source-text-hosts rule accepts them."""
    for part in ("baselines", "reference"):
        shutil.copytree(PROJECT / part, tree / part)
    return list_fixture_host(tree)


def list_fixture_host(tree: Path) -> Path:
    """List example.org (the fixtures' synthetic law) as an official host in the tree's copy of
    reference/source-hosts.yaml."""
    with (tree / "reference" / "source-hosts.yaml").open("a", encoding="utf-8") as table:
        table.write(FIXTURE_HOST)
    return tree
