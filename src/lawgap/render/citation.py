"""How to cite lawgap: CITATION.cff (Citation File Format 1.2.0, what GitHub's "Cite this repository"
reads) is the one source of the title, authors, abstract and address. The repository's file carries no
version, as the data version is known only once the data is committed; every download gets a copy
stamped with it (version and date-released), and the downloads page cites it by that version.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lawgap.load.layout import display_name
from lawgap.load.regular_files import NotRegularFile, open_regular_file
from lawgap.model.data_version import FORMAT as VERSION_FORMAT

CITATION_FILE = "CITATION.cff"
DATA_LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                "path": "https://creativecommons.org/licenses/by/4.0/"}
CODE_LICENCE = {"name": "MIT", "title": "MIT License", "path": "https://opensource.org/license/mit"}
_STAMPED_KEYS = re.compile(r"^(version|date-released):.*\n?", re.MULTILINE)


class CitationError(Exception):
    """CITATION.cff cannot be read or lacks what a citation needs."""


@dataclass(frozen=True)
class Citation:
    title: str
    authors: tuple[str, ...]
    abstract: str
    url: str | None
    keywords: tuple[str, ...]
    cff: str  # the file's text, comments kept

    def stamped(self, version: str | None) -> str:
        """The CFF text with the data version as version and its date as date-released."""
        text = _STAMPED_KEYS.sub("", self.cff).rstrip("\n") + "\n"
        if version is None:
            return text
        return text + f"version: \"{version}\"\ndate-released: \"{_date(version).isoformat()}\"\n"

    def reference(self, version: str | None) -> str:
        """The citation as text, author-date style."""
        year = f" ({_date(version).year})" if version else ""
        edition = f" (data version {version})" if version else ""
        return f"{_names(self.authors)}{year}. {self.title}{edition} [Data set]." + (f" {self.url}" if self.url else "")

    def bibtex(self, version: str | None) -> str:
        fields = {"author": "{" + " and ".join(self.authors) + "}", "title": self.title,
                  "year": str(_date(version).year) if version else None, "version": version, "url": self.url,
                  "note": f"Data licensed {DATA_LICENCE['title']} ({DATA_LICENCE['name']})"}
        key = "lawgap" + (f"_{version.replace('.', '_')}" if version else "")
        lines = [f"  {name} = {{{value}}}," for name, value in fields.items() if value]
        return "@misc{" + key + ",\n" + "\n".join(lines) + "\n}"


def load_citation(root: Path) -> Citation | None:
    """The project's CITATION.cff, or None when it has none; CitationError when it is unusable."""
    path = root / CITATION_FILE
    try:
        with open_regular_file(path) as handle:
            text = handle.read().decode("utf-8")
    except FileNotFoundError:
        return None
    except NotRegularFile as refused:
        raise CitationError(f"{display_name(path)} {refused.reason}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CitationError(f"cannot read {display_name(path)}: {error}") from error
    return parse_citation(text, display_name(path))


def parse_citation(text: str, shown: str = CITATION_FILE) -> Citation:
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise CitationError(f"{shown} is not valid YAML: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("title"), str) or not data.get("authors"):
        raise CitationError(f"{shown}: a citation needs a title and authors (Citation File Format 1.2.0)")
    authors = tuple(_author(a, shown) for a in data["authors"])
    return Citation(data["title"], authors, str(data.get("abstract") or "").strip(),
                    data.get("url") or data.get("repository-code"), tuple(data.get("keywords") or ()), text)


def _author(author: Any, shown: str) -> str:
    if isinstance(author, dict):
        name = author.get("name") or " ".join(p for p in (author.get("given-names"), author.get("family-names")) if p)
        if name:
            return str(name)
    raise CitationError(f"{shown}: each author needs a name (an entity) or given-names and family-names")


def _names(authors: tuple[str, ...]) -> str:
    return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]


def _date(version: str) -> datetime.date:
    return datetime.datetime.strptime(version, VERSION_FORMAT).date()
