"""Helpers for tests that build the site: a throw-away copy of the project, and a local web server."""

from __future__ import annotations

import functools
import http.server
import shutil
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("schema", "baselines", "reference", "laws", "site", "mkdocs.yml", "CONTRIBUTING.md", "CITATION.cff")


def copy_project(target: Path) -> Path:
    for part in PROJECT_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)
    return target


_BUILT: dict[str, Path] = {}


def built_project(tmp_path_factory, as_of: str) -> Path:
    """A copy of the project with its site built into `public/` as of a date, built once per test session and
    date (site tests only read it)."""
    if as_of not in _BUILT:
        from click.testing import CliRunner  # imported here: helpers for the web server need neither

        from lawgap.cli import main

        project = copy_project(tmp_path_factory.mktemp("project"))
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(project)
            patch.setenv("LAWGAP_NO_CACHE", "1")
            result = CliRunner().invoke(main, ["build", "--out", "public", "--as-of", as_of])
        assert result.exit_code == 0, result.output
        _BUILT[as_of] = project
    return _BUILT[as_of]


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free localhost port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    with socketserver.TCPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
