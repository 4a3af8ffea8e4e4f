"""The open-data files: the results (results.json, results.csv, requirements.csv), the facts table, the
static JSON API, the citation stamped with the data version, and datapackage.json describing them all.
`lawgap export` and the site's data/ folder get the same set from here, in one pass over the entries:

    with OpenData(folder, kb, as_of, results_schema, citation) as open_data:
        open_data.write(map(open_data.prepare, entries))   # prepare may run in worker processes
        ...                                                  # pairs, when asked
    # on leaving: the API index, CITATION.cff, and last datapackage.json, over the closed files

Each entry's facts are worked out once, for its API file and for the facts table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lawgap.model.types import KnowledgeBase
from lawgap.render.citation import CITATION_FILE, Citation
from lawgap.render.datapackage import data_package
from lawgap.render.export import ResultFiles, ResultPieces, dumps, result_pieces
from lawgap.render.facts import FactPieces, FactTables, fact_pieces, fact_rows
from lawgap.render.static_api import StaticApi, write_api_file

DATA_PACKAGE = "datapackage.json"


@dataclass(frozen=True)
class PreparedEntry:
    """What the open-data files take from one results entry; its API file is written already."""

    results: ResultPieces
    facts: FactPieces
    api_file: dict[str, Any]  # its line of the API index


class OpenData:
    def __init__(self, folder: Path, kb: KnowledgeBase, as_of: str, results_schema: dict[str, Any],
                 citation: Citation | None):
        self.folder, self.kb, self.as_of = folder, kb, as_of
        self.results_schema, self.citation = results_schema, citation
        self.api = StaticApi(folder, kb)
        self.tables = FactTables(folder)

    def __enter__(self) -> OpenData:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.tables.__enter__()
        return self

    def prepare(self, entry: dict[str, Any]) -> PreparedEntry:
        """Write the entry's API file and make its pieces of the shared files. It writes no other file, so
        worker processes prepare entries side by side (see fan_out)."""
        law = self.kb.laws.get((entry["jurisdiction"], entry["domain"]))
        facts = list(fact_rows(self.kb, law)) if law else []
        return PreparedEntry(result_pieces(entry), fact_pieces(facts), write_api_file(self.folder, self.kb, entry, facts))

    def write(self, entries: Iterable[PreparedEntry]) -> int:
        """The results and facts tables from prepared entries (by jurisdiction, then domain), each dropped once
        written; returns their number."""
        def written() -> Iterator[ResultPieces]:
            for entry in entries:
                self.tables.add_pieces(entry.facts)
                self.api.listed.append(entry.api_file)
                yield entry.results

        with ResultFiles(self.folder) as results:
            return results.write(written())

    def __exit__(self, failure: type[BaseException] | None, *details: object) -> None:
        self.tables.__exit__(failure, *details)
        if failure is not None:
            return  # the caller's staging folder is dropped: no index or package over half the files
        self.api.write_index(self.as_of)
        if self.citation is not None:
            (self.folder / CITATION_FILE).write_text(self.citation.stamped(self.kb.data_version), encoding="utf-8")
        package = data_package(self.folder, self.kb.data_version, self.results_schema, self.citation)
        (self.folder / DATA_PACKAGE).write_text(dumps(package), encoding="utf-8")
