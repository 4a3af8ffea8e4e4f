"""`lawgap serve`: a real server process on a free loopback port builds the site, serves it, rebuilds
it when a data file changes, keeps the last good site when a rebuild fails, and stops cleanly on Ctrl-C.

Every wait is a bounded poll; nothing but 127.0.0.1 is contacted.
"""

from __future__ import annotations

import datetime
import html
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import copy_project

from lawgap.cli import main

WAIT_SECONDS = 90  # a build takes a few seconds; a loaded CI machine gets generous room


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=WAIT_SECONDS) as response:  # held while a rebuild runs
            return html.unescape(response.read().decode("utf-8"))
    except OSError:  # refused (not up yet, or stopped), reset, timed out: URLError is an OSError
        return None


def _wait_for(condition: Callable[[], bool], what: str, log: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    pytest.fail(f"gave up waiting for {what}; the server said:\n{log.read_text()}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen, Path]]:
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    port = _free_port()
    with log.open("w") as output:
        # SIGINT as at a terminal, even when this run inherited it ignored (a background job of a script)
        process = subprocess.Popen([sys.executable, "-m", "lawgap.cli", "serve", "--port", str(port)], cwd=project,
                                   stdout=output, stderr=subprocess.STDOUT,
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        yield f"http://127.0.0.1:{port}", project, process, log
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def test_serve_builds_serves_rebuilds_and_stops(server) -> None:
    base_url, project, process, log = server
    country = f"{base_url}/jurisdictions/ke.html"
    _wait_for(lambda: _fetch(country) is not None or process.poll() is not None, "the first page", log)
    assert process.poll() is None, log.read_text()
    assert "Where trafficking law falls short" in _fetch(f"{base_url}/")

    data = project / "laws" / "ke" / "jurisdiction.yaml"
    original = data.read_text()
    reviewed = re.search(r"^last_reviewed: '(\d{4}-\d{2}-\d{2})'$", original, re.MULTILINE)
    line = original[:reviewed.start()].count("\n") + 1
    assert f"data last reviewed {reviewed[1]}" in _fetch(country)
    # the day before, not after: the data may have been reviewed today, and a future date is invalid
    other_day = (datetime.date.fromisoformat(reviewed[1]) - datetime.timedelta(days=1)).isoformat()
    data.write_text(original.replace(reviewed[0], f"last_reviewed: '{other_day}'"))
    _wait_for(lambda: f"data last reviewed {other_day}" in (_fetch(country) or ""), "the rebuilt page", log)

    data.write_text(original.replace(reviewed[0], "last_reviewed: 'last week'"))
    _wait_for(lambda: "still serving the last good site" in log.read_text(), "the failed rebuild", log)
    assert f"laws/ke/jurisdiction.yaml:{line}: $.last_reviewed: 'last week'" in log.read_text()
    assert f"data last reviewed {other_day}" in _fetch(country)  # the last good site, still served

    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=WAIT_SECONDS) == 0
    said = log.read_text()
    assert said.rstrip().endswith("stopped") and "Traceback" not in said, said
    assert _fetch(country) is None  # the port is closed


def test_serve_refuses_a_busy_port_before_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy_project(tmp_path / "project"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot serve on 127.0.0.1:{port}" in result.output and "choose another port with --port" in result.output
    assert time.monotonic() - started < 5  # refused before the build, not after it
