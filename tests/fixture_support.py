"""Helpers for tests that put the fixture data beside the project's reference files."""

from __future__ import annotations

from pathlib import Path

FIXTURE_HOST = "- {host: example.org, class: official, publisher: 'lawgap test fixtures (synthetic law)'}\n"


def list_fixture_host(root: Path) -> None:
    """The fixtures cite example.org as `source-text`: in a tree that carries the project's
    reference/source-hosts.yaml, list that host so the source-text-hosts rule accepts them."""
    with (root / "reference" / "source-hosts.yaml").open("a", encoding="utf-8") as table:
        table.write(FIXTURE_HOST)
