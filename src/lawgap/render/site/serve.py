"""`lawgap serve`: serve the built site on the loopback interface and rebuild it when a source changes.

It runs MkDocs' own live-reload server, as `mkdocs serve` does: it polls the watched paths, calls the
rebuild after a burst of changes has settled, holds page requests while a rebuild runs, and reloads
open pages once it is done. The rebuild never raises: a failed one reports its errors and leaves the
last good site in place (build_site replaces its output only when complete), which is served on.
"""

from __future__ import annotations

import logging
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

HOST = "127.0.0.1"  # loopback only: a preview is not published
# What the build reads (lawgap.render.site.build and the files it publishes)
WATCHED = ("laws", "baselines", "reference", "schema", "site", "mkdocs.yml", "CONTRIBUTING.md", "CITATION.cff")
POLL_SECONDS = 0.5  # polling, not file-system events: the same on every system, cheap at this tree's size


class PortUnavailable(Exception):
    """The port could not be bound (in use, or not allowed)."""


def check_port(port: int) -> None:
    """Fail at once, before the first build, when the port cannot be bound (bound the way the server binds)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as error:
            raise PortUnavailable(f"cannot serve on {HOST}:{port}: {error.strerror or error}") from error


def watched_paths(root: Path) -> list[Path]:
    """The sources of the site that exist (a missing CONTRIBUTING.md is simply not watched)."""
    return [root / name for name in WATCHED if (root / name).exists()]


def serve_site(root: Path, site: Path, port: int, rebuild: Callable[[], None]) -> None:
    """Serve `site` on HOST:port until Ctrl-C, calling `rebuild` (which must not raise) after changes under
    the watched paths of `root`. MkDocs' server reports what it does ("Serving on ...", "Detected file
    changes", "Reloading browsers", requests that fail) on standard error, as under `mkdocs serve`."""
    _show_server_log()
    server = LiveReloadServer(builder=rebuild, host=HOST, port=port, root=str(site), polling_interval=POLL_SECONDS)
    server.error_handler = lambda code: _not_found_page(site) if code == 404 else None
    for path in watched_paths(root):
        server.watch(str(path))
    try:
        server.serve()  # binds first: an OSError out of it is the port (the rebuild loop keeps its own errors)
    except OSError as error:
        raise PortUnavailable(f"cannot serve on {HOST}:{port}: {error.strerror or error}") from error
    except KeyboardInterrupt:
        pass  # Ctrl-C: the normal way to stop
    finally:
        server.shutdown()


def _show_server_log() -> None:
    logger = logging.getLogger("mkdocs.livereload")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)  # lawgap build keeps the rest of MkDocs at warnings
    logger.propagate = False


def _not_found_page(site: Path) -> bytes | None:
    try:
        return (site / "404.html").read_bytes()
    except OSError:
        return None
