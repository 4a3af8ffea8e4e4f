"""Which class of publisher a cited address belongs to (reference/source-hosts.yaml): a State's own
publication, an intergovernmental body, a legal information institute, or - any host not listed - a
third-party copy. One table serves the validation rule (source-text only on a listed host) and the
`lawgap sources` report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

LISTED_CLASSES = ("official", "intergovernmental", "legal-information-institute")
OTHER = "other"  # any host the table does not list: a third-party copy
HOST_CLASSES = (*LISTED_CLASSES, OTHER)


@dataclass(frozen=True)
class HostEntry:
    host: str  # a host name or a domain: it covers itself and every host below it
    host_class: str
    publisher: str


@dataclass(frozen=True)
class SourceHosts:
    entries: tuple[HostEntry, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> SourceHosts:
        return cls(tuple(HostEntry(h["host"], h["class"], h["publisher"]) for h in data["hosts"]))

    def entry_for(self, url: str) -> HostEntry | None:
        """The longest listed host or domain the URL's host equals or lies below; None when unlisted."""
        labels = host_of(url).split(".")
        by_host = self._by_host()
        # a.b.gov.uk: try a.b.gov.uk, then b.gov.uk, gov.uk, uk - the first found is the longest match
        return next((by_host[".".join(labels[i:])] for i in range(len(labels)) if ".".join(labels[i:]) in by_host), None)

    def _by_host(self) -> dict[str, HostEntry]:
        if "_index" not in self.__dict__:  # built once per table; a validation run looks up every citation
            object.__setattr__(self, "_index", {e.host: e for e in self.entries})
        return self.__dict__["_index"]

    def host_class(self, url: str) -> str:
        entry = self.entry_for(url)
        return entry.host_class if entry else OTHER


def host_of(url: str) -> str:
    """The URL's host in lower case, without a port or a trailing dot."""
    return (urlsplit(url).hostname or "").rstrip(".").lower()
