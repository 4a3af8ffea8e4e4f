"""A schema-valid data file as the semantic rules see it, and what the rules share."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lawgap.diagnostics import Diagnostic
from lawgap.load.json_path import child_path
from lawgap.load.layout import DataFile
from lawgap.load.strict_yaml import LoadedFile
from lawgap.vocabulary import Vocabulary


@dataclass
class Document:
    """One loaded file whose data has passed its schema."""

    file: DataFile
    loaded: LoadedFile
    _nodes: list[tuple[str, str | int | None, Any]] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def data(self) -> dict[str, Any]:
        return self.loaded.data

    @property
    def kind(self) -> str:
        return self.file.kind

    def problem(self, rule: str, path: str, message: str, tip: str | None = None) -> Diagnostic:
        return Diagnostic(self.file.display, self.loaded.line_of(path), path, message, tip, rule)

    def nodes(self) -> list[tuple[str, str | int | None, Any]]:
        """Every value in the document as (path, key it sits under, value), depth first; walked once."""
        if self._nodes is None:
            self._nodes = []
            _walk("$", None, self.data, self._nodes.append)
        return self._nodes

    def release_lines(self) -> None:
        """Drop the per-node line map and walk; only the data is needed after validation."""
        self._nodes = None
        self.loaded.lines, self.loaded.raw = {}, None

    def sources(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(path, source) for every statute citation: offences, penalty versions, measures, see_also."""
        for path, _key, value in self.nodes():
            if isinstance(value, dict) and "provision" in value and "instrument" in value:
                yield path, value

    def penalty_histories(self) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """(path, versions) of every penalty history: each offence's basic penalty, then its aggravated tiers'."""
        for o, offence in enumerate(self.data.get("offences", [])):
            yield f"$.offences[{o}].penalty_history", offence.get("penalty_history", [])
            for t, tier in enumerate(offence.get("aggravated_tiers", [])):
                yield f"$.offences[{o}].aggravated_tiers[{t}].penalty_history", tier["penalty_history"]

    def instruments(self) -> dict[str, dict[str, Any]]:
        """Instruments of the file by id (the first one where an id is repeated)."""
        by_id: dict[str, dict[str, Any]] = {}
        for item in self.data.get("instruments", []):
            by_id.setdefault(item["id"], item)
        return by_id


def _walk(path: str, key: str | int | None, value: Any, add: Callable[[tuple[str, str | int | None, Any]], None]) -> None:
    """Document.nodes, depth first (recursion: the loader caps the depth). A plain function, not a closure
    that names itself: that would be a reference cycle holding the whole walk until the cycle collector runs."""
    add((path, key, value))
    if isinstance(value, dict):
        for member, item in value.items():
            _walk(child_path(path, member), member, item, add)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(f"{path}[{index}]", index, item, add)


def parse_date(text: str) -> datetime.date:
    """A schema-checked YYYY-MM-DD string as a date."""
    return datetime.date.fromisoformat(text)


@dataclass
class Context:
    """What cross-file rules need: the valid documents that rules read besides their own (rules.READ_BY_RULES:
    the baselines, the source-hosts table), the domain vocabularies, the files present, and today's date."""

    today: datetime.date
    vocabulary: dict[str, Vocabulary] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    present: set[tuple[str, str]] = field(default_factory=set)  # (folder, kind) of every file found, valid or not

    def of_kind(self, kind: str) -> list[Document]:
        """The documents of one kind. Only the few that rules read besides their own (rules.READ_BY_RULES) are
        in the context, so a scan is cheap."""
        return [d for d in self.documents if d.kind == kind]
