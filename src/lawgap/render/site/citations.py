"""A citation as readers see it: the instrument and provision, linked, with the host of the copy read
(a GitHub or Scribd copy is visible as such) and the fact's verification level."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from lawgap.render.site.escape import html_link, html_text, link


def source_host(url: str) -> str:
    """The host a source was read on, without "www.": "legislation.gov.uk", "github.com"."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _label(source: dict[str, Any]) -> str:
    host = source_host(source["url"])
    return f"{source['instrument_title']}, {source['provision']}" + (f" ({host})" if host else "")


def html_cite(source: dict[str, Any]) -> str:
    """The citation as an HTML link (raw-HTML tables)."""
    return html_link(_label(source), source["url"])


def markdown_cite(source: dict[str, Any]) -> str:
    """The citation as a Markdown link."""
    return link(_label(source), source["url"])


def verification_badge(level: str) -> str:
    """source-text, secondary or unverified, as a badge (the level is schema vocabulary)."""
    return f'<span class="lawgap-verification {html_text(level)}">{html_text(level.replace("-", " "))}</span>'


