"""Big generated HTML (requirement and penalty tables, "To confirm" lists, rankings, maps, standards' lists)
reaches the page after MkDocs has rendered it, not through MkDocs.

Inside MkDocs, Python's HTML parser reads every raw-HTML block three times: Markdown's block extraction,
MkDocs' anchor scan and Material's search indexer (which then leaves most of these tables out of the
index anyway). At 1,000 jurisdictions that was a third of the build, and MkDocs held every table in
memory until the end. So pages mark such blocks (`deferred`); the build writes each page's marked blocks
to a file of their own and leaves a placeholder comment in the Markdown (`FragmentStore.defer`); the
plugin puts the blocks back into the finished HTML (`on_post_page`), reading one page's file at a time.
A deferred block is pure HTML (Markdown inside it would not be converted) and is not in the search index.

MkDocs no longer sees these blocks, so the plugin checks what it would: the ids in them count as the
page's anchors (a Markdown link to one still validates), and every relative link in them must reach a
file of the site and, where it names one, an anchor of that page (a warning, which fails the strict build).
"""

from __future__ import annotations

import html
import json
import logging
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from lawgap.render.site.escape import Trusted

# Contributor text cannot forge these: text() and html_text() escape "<", "!" and "-".
START, END = "<!--lawgap-deferred-->", "<!--/lawgap-deferred-->"
_PLACEHOLDER = "<!--lawgap-fragment {}-->"
_PLACEHOLDER_PATTERN = re.compile(r"<!--lawgap-fragment (\d+)-->")
# lawgap writes its attributes double-quoted (escape.py), so a pattern finds them without an HTML parser
_ID = re.compile(r'\sid="([^"]+)"')
_HREF = re.compile(r'\shref="([^"]*)"')

log = logging.getLogger("mkdocs.plugins.lawgap.fragments")


def deferred(html: str) -> Trusted:
    """Mark a block of lawgap's own HTML to reach the page after MkDocs (also a Jinja filter: `{% filter deferred %}`)."""
    return Trusted(f"{START}\n{html.strip()}\n{END}")


def inline(markdown: str) -> str:
    """The page with its deferred blocks in place (the markers dropped): what MkDocs alone would be given."""
    return markdown.replace(f"{START}\n", "").replace(f"\n{END}", "")


def split(markdown: str) -> tuple[str, list[str]]:
    """The page with a placeholder for each deferred block, and the blocks in order."""
    parts: list[str] = []
    blocks: list[str] = []
    position = 0
    while (start := markdown.find(START, position)) >= 0:
        end = markdown.find(END, start)
        if end < 0:
            raise ValueError("a deferred block has no end marker")
        parts += [markdown[position:start], _PLACEHOLDER.format(len(blocks))]
        blocks.append(markdown[start + len(START):end].strip("\n"))
        position = end + len(END)
    parts.append(markdown[position:])
    return "".join(parts), blocks


class FragmentStore:
    """The deferred blocks of every page, one JSON file per page under `folder` (outside the docs), and
    what the link check needs of them in memory: their ids and their distinct relative links."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.anchors: dict[str, set[str]] = {}  # page source path: ids in its deferred blocks
        self.links: dict[str, set[str]] = {}  # page source path: relative hrefs in its deferred blocks

    def defer(self, page: str, markdown: str) -> str:
        """The page's Markdown for MkDocs; its deferred blocks are stored for `blocks`."""
        shown, blocks = split(markdown)
        if blocks:
            joined = "\n".join(blocks)
            self.anchors[page] = {html.unescape(anchor) for anchor in _ID.findall(joined)}
            self.links[page] = {href for href in map(html.unescape, _HREF.findall(joined)) if _relative(href)}
            path = self._path(page)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(blocks, ensure_ascii=False), encoding="utf-8")
        return shown

    def blocks(self, page: str) -> list[str]:
        return json.loads(self._path(page).read_text(encoding="utf-8")) if page in self.anchors else []

    def _path(self, page: str) -> Path:
        return self.folder / f"{page}.json"


class FragmentsPlugin(BasePlugin):
    """Puts each page's deferred blocks into its finished HTML and checks their anchors and links."""

    def __init__(self, store: FragmentStore) -> None:
        super().__init__()
        self.store = store

    def on_page_content(self, html: str, *, page: Page, **_: Any) -> str:
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= self.store.anchors.get(page.file.src_uri, set())
        # MkDocs keeps every page's Markdown to the end of the build, though nothing reads it once rendered
        # (the title comes from the front matter or the rendered heading): 15-30 MB at 1,000 jurisdictions
        page.markdown = ""
        return html

    def on_env(self, env: Any, *, files: Files, **_: Any) -> Any:
        """Every page is rendered (its anchors known) before any is written: check the deferred blocks' links."""
        by_address = {file.dest_uri: file for file in files}
        for source, links in sorted(self.store.links.items()):
            for problem in broken_links(by_address, files.get_file_from_path(source), links):
                log.warning(f"Doc file '{source}' contains a link {problem} (in a generated table or list)")
        return env

    def on_post_page(self, output: str, *, page: Page, **_: Any) -> str:
        blocks = self.store.blocks(page.file.src_uri)
        if not blocks:
            return output
        filled, placed = _PLACEHOLDER_PATTERN.subn(lambda match: blocks[int(match[1])], output)
        if placed != len(blocks):
            raise PluginError(f"{page.file.src_uri}: {len(blocks)} generated tables, {placed} places for them in the page")
        return filled


def broken_links(by_address: Mapping[str, File], page_file: File | None, links: Iterable[str]) -> list[str]:
    """What is wrong with each link of a page (hrefs as written in its HTML, relative to its address);
    `by_address` holds every file of the site by its address in the built site."""
    if page_file is None:
        return []
    problems = []
    for href in sorted(links):
        _, _, path, _, anchor = urlsplit(href)
        target_path = posixpath.normpath(posixpath.join(posixpath.dirname(page_file.dest_uri), unquote(path))) if path else page_file.dest_uri
        target = by_address.get(target_path)
        if target is None:
            problems.append(f"'{href}', but the target '{target_path}' is not a file of the site")
        elif anchor and target.page is not None and unquote(anchor) not in (target.page.present_anchor_ids or set()):
            problems.append(f"'{href}', but '{target.src_uri}' has no anchor '#{unquote(anchor)}'")
    return problems


def _relative(href: str) -> bool:
    """A link within the site (no scheme such as https: or mailto:, no host)."""
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc
