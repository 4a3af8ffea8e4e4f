"""Lighthouse (mobile) performance and accessibility of the built site. Run by hand, not in CI:

    /tmp/venv/bin/python benchmarks/lighthouse.py                  # build, then home, Kenya, wildlife ranking
    /tmp/venv/bin/python benchmarks/lighthouse.py --site /tmp/site --runs 5 compare.html

Builds the site into a temporary folder (or takes --site), serves it on 127.0.0.1 with gzip as a
static host such as GitHub Pages does (--no-gzip to serve plain bytes), and runs Lighthouse 12.2.3
(`npx --yes lighthouse@12.2.3`: the npm registry is the only download; Lighthouse 13 needs Node 22)
with its default mobile settings (simulated slow 4G, 4x CPU slowdown, 412 px screen) in Debian's
Chromium (CHROME_PATH, default /usr/bin/chromium). Each page runs --runs times and the median
performance run is reported, with its metrics, its heaviest downloads, and every accessibility audit
that failed. Prints a Markdown table; --json DIR keeps Lighthouse's reports.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
PAGES = ("index.html", "jurisdictions/ke.html", "domains/wildlife.html")
LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "npx --yes lighthouse@12.2.3").split()
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
METRICS = (("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"), ("total-blocking-time", "TBT"),
           ("cumulative-layout-shift", "CLS"), ("speed-index", "SI"))


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped on request for text types (as a static host would), no request log."""

    use_gzip = True

    def log_message(self, *args) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.use_gzip and wants_gzip and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@contextmanager
def serve(folder: Path, use_gzip: bool) -> Iterator[str]:
    handler = type("Handler", (_Handler,), {"use_gzip": use_gzip})
    with _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder))) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()


def build(out: Path) -> None:
    lawgap = Path(sys.executable).with_name("lawgap")
    subprocess.run([str(lawgap), "build", "--out", str(out)], cwd=PROJECT, check=True)


def run_lighthouse(url: str, report: Path) -> dict:
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [*LIGHTHOUSE, url, "--only-categories=performance,accessibility", "--output=json",
               f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}", "--quiet"]
    completed = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=600)
    if completed.returncode != 0 or not report.is_file():
        raise SystemExit(f"lighthouse failed on {url} (exit {completed.returncode}):\n{completed.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def summary(report: dict, base: str) -> dict:
    audits, categories = report["audits"], report["categories"]
    failed = [audit_id for audit_ref in categories["accessibility"]["auditRefs"]
              if (audit_id := audit_ref["id"]) in audits and audits[audit_id]["score"] == 0 and audit_ref["weight"] > 0]
    downloads = audits["network-requests"]["details"]["items"]
    heaviest = sorted(downloads, key=lambda item: -item.get("transferSize", 0))[:3]
    return {
        "performance": round(100 * categories["performance"]["score"]),
        "accessibility": round(100 * categories["accessibility"]["score"]),
        "metrics": {label: audits[audit_id]["displayValue"] for audit_id, label in METRICS},
        "weight_kb": round(audits["total-byte-weight"]["numericValue"] / 1024),
        "heaviest": [f"{item['url'].removeprefix(base)} {item.get('transferSize', 0) / 1024:.0f} KB" for item in heaviest],
        "failed_accessibility": failed,
    }


def measure(site: Path, pages: list[str], runs: int, use_gzip: bool, keep: Path | None) -> list[tuple[str, dict]]:
    rows = []
    with serve(site, use_gzip) as base, tempfile.TemporaryDirectory(prefix="lawgap-lighthouse-") as scratch:
        for page in pages:
            results = []
            for run in range(runs):
                report_path = (keep or Path(scratch)) / f"{page.replace('/', '_')}.{run}.json"
                results.append(summary(run_lighthouse(f"{base}/{page}", report_path), base + "/"))
            median = statistics.median_low(r["performance"] for r in results)
            chosen = next(r for r in results if r["performance"] == median)
            chosen["performance_runs"] = [r["performance"] for r in results]
            rows.append((page, chosen))
    return rows


def table(rows: list[tuple[str, dict]]) -> str:
    lines = ["| page | performance (runs) | accessibility | FCP | LCP | TBT | CLS | transferred | heaviest downloads | failed accessibility audits |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for page, row in rows:
        metrics = row["metrics"]
        lines.append(f"| {page} | {row['performance']} ({', '.join(map(str, row['performance_runs']))}) | {row['accessibility']} "
                     f"| {metrics['FCP']} | {metrics['LCP']} | {metrics['TBT']} | {metrics['CLS']} | {row['weight_kb']} KB "
                     f"| {'; '.join(row['heaviest'])} | {', '.join(row['failed_accessibility']) or 'none'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", default=list(PAGES), help="pages relative to the site root")
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median performance run is reported")
    parser.add_argument("--no-gzip", action="store_true", help="serve uncompressed, as a bare http.server does")
    parser.add_argument("--json", type=Path, help="keep Lighthouse's JSON reports in this folder")
    options = parser.parse_args()
    if shutil.which("npx") is None:
        raise SystemExit("needs Node.js and npx (Debian: apt-get install nodejs npm)")
    if options.json:
        options.json.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lawgap-lighthouse-site-") as folder:
        site = options.site
        if site is None:
            site = Path(folder) / "site"
            build(site)
        print(table(measure(site, options.pages, options.runs, not options.no_gzip, options.json)))


if __name__ == "__main__":
    main()
