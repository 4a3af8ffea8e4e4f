"""Contributor text is untrusted: it reaches pages only through these functions.

Markdown has no complete escaping syntax and HTML-escaping does not stop Markdown (a `|` drops a
table cell, `[x](javascript:...)` makes a link, `{ onclick=... }` adds attributes), so every
character that means something to Markdown, its extensions or HTML becomes a numeric character
reference, which both render as the literal character. Newlines fold to spaces so text cannot start
a new block. URLs must be https and are percent-encoded so they cannot leave the link syntax.
"""

from __future__ import annotations

import html
import json
from urllib.parse import quote

# Markdown/extension syntax and HTML specials; letters, digits and spaces pass through unchanged.
_SPECIAL = set("&<>\"'\\`*_{}[]()#+-.!|~:=^$@%")


class Trusted(str):
    """Text produced by lawgap itself (templates, numbers, vocabulary), inserted as is."""


def text(value: object) -> str:
    """Untrusted text for Markdown and HTML alike: literal characters, one line."""
    if isinstance(value, Trusted):
        return value
    folded = " ".join(str(value).split())
    return "".join(f"&#{ord(c)};" if c in _SPECIAL or ord(c) < 32 else c for c in folded)


def front_matter(value: object) -> Trusted:
    """A page title for YAML front matter: one line, HTML-escaped (MkDocs themes insert titles into
    <title> and navigation without escaping), double-quoted."""
    return Trusted(json.dumps(html_text(value), ensure_ascii=False))


def html_text(value: object) -> str:
    """Untrusted text for places that take HTML but not Markdown (navigation titles)."""
    return html.escape(" ".join(str(value).split()), quote=True)


def url(value: object) -> str | None:
    """An https URL safe inside Markdown link syntax and an HTML attribute, or None."""
    address = str(value).strip()
    if not address.lower().startswith("https://"):
        return None
    return quote(address, safe=":/?#@!$&*+,;=%-._~")


def link(label: object, address: object) -> str:
    """A Markdown link with an escaped label, or the escaped label alone when the URL is not https."""
    safe = url(address)
    return f"[{text(label)}]({safe})" if safe else text(label)


def html_link(label: object, address: object) -> str:
    """An HTML link with escaped label and https-only, percent-encoded address; the label alone otherwise."""
    safe = url(address)
    return f'<a href="{html.escape(safe, quote=True)}">{html_text(label)}</a>' if safe else html_text(label)


def html_table(headers: list[str], rows: list[list[str]], label: str, css_class: str = "lawgap-table",
               searchable: bool = True) -> Trusted:
    """A raw-HTML table (cells already safe HTML). Raw HTML blocks skip Markdown's inline parsing,
    which is what makes big tables slow to build. Unsearchable tables stay out of the search index.

    The table sits in a scroll box named `label`, focusable so keyboard users can scroll it: a table
    wider than the page scrolls inside the box instead of being clipped. Each cell carries its
    column's heading (data-label), which phones show when the rows are stacked (lawgap.css)."""
    names = [html_text(h) for h in headers]
    head = "".join(f'<th scope="col">{name}</th>' for name in names)
    body = "".join("<tr>" + "".join(f'<td data-label="{name}">{cell}</td>' for name, cell in zip(names, row, strict=True)) + "</tr>\n"
                   for row in rows)
    exclude = "" if searchable else " data-search-exclude"
    return Trusted(f'<div class="lawgap-scroll lawgap-stack" role="region" tabindex="0" aria-label="{html_text(label)}">\n'
                   f'<table class="{css_class}"{exclude}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n</div>')
