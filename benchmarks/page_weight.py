"""Page weight of a built site: what a browser downloads to show each page, measured in Chromium.

    /tmp/venv/bin/lawgap build --out /tmp/site
    /tmp/venv/bin/python benchmarks/page_weight.py /tmp/site [page.html ...]

Serves the folder on 127.0.0.1, opens each page at 1366 px (and at 390 px with --mobile), waits
until the network is idle (so images, the search index and scripts count) and sums the bodies of
every response. The local server sends no compression, so the first figure is the uncompressed
bytes; the second is what a host that gzips text (GitHub Pages, Netlify, most servers) would send,
each response gzipped at level 6. Prints a Markdown table; the heaviest resources per page last.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from site_support import serve  # noqa: E402  (the tests' quiet local server)

PAGES = ("index.html", "jurisdictions/ke.html", "domains/wildlife.html", "baselines/palermo-protocol.html",
         "compare.html", "methodology.html", "downloads.html", "codebook/index.html")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync"]


def weigh(site: Path, pages: list[str], width: int) -> list[tuple[str, int, int, list[tuple[int, str]]]]:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("LAWGAP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        for name in pages:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            loaded: list[tuple[int, str]] = []
            zipped: list[int] = []

            def count(response) -> None:
                if response.ok:
                    body = response.body()
                    loaded.append((len(body), response.url[len(base):]))
                    zipped.append(len(gzip.compress(body, 6)))

            page.on("response", count)
            page.goto(f"{base}/{name}", wait_until="networkidle")
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images count too
            page.wait_for_timeout(500)
            rows.append((name, sum(size for size, _ in loaded), sum(zipped), sorted(loaded, reverse=True)))
            context.close()
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="*", default=list(PAGES))
    parser.add_argument("--mobile", action="store_true", help="390 px wide instead of 1366")
    parser.add_argument("--top", type=int, default=3, help="heaviest resources to list per page")
    args = parser.parse_args()
    rows = weigh(args.site, args.pages, 390 if args.mobile else 1366)
    print("| page | KB | KB gzipped | requests | heaviest (KB) |\n|---|---|---|---|---|")
    for name, total, zipped, loaded in rows:
        heaviest = ", ".join(f"{url} {size / 1000:.0f}" for size, url in loaded[:args.top])
        print(f"| {name} | {total / 1000:.0f} | {zipped / 1000:.0f} | {len(loaded)} | {heaviest} |")


if __name__ == "__main__":
    main()
