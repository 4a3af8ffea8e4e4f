"""The open-data files beside the results (results.json, results.csv, requirements.csv): the facts table,
the static JSON API, the citation stamped with the data version, and datapackage.json describing them
all. `lawgap export` and the site's data/ folder get the same set from here, in the same pass as the
results:

    with OpenData(folder, kb, as_of, results_schema, citation) as open_data:
        write_results(folder, open_data.passing(entries))   # every entry must pass
        ...                                                  # pairs, when asked
    # on leaving: the API index, CITATION.cff, and last datapackage.json, over the closed files

Each entry's facts are worked out once, for its API file and for the facts table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lawgap.model.types import KnowledgeBase
from lawgap.render.citation import CITATION_FILE, Citation
from lawgap.render.datapackage import data_package
from lawgap.render.export import dumps
from lawgap.render.facts import FactTables, fact_rows
from lawgap.render.static_api import StaticApi

DATA_PACKAGE = "datapackage.json"


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

    def passing(self, entries: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """`entries` (by jurisdiction, then domain), each written to the API and its facts to the facts
        table before it is passed on."""
        for entry in entries:
            law = self.kb.laws.get((entry["jurisdiction"], entry["domain"]))
            facts = list(fact_rows(self.kb, law)) if law else []
            self.api.add(entry, facts)
            self.tables.add(facts)
            yield entry

    def __exit__(self, failure: type[BaseException] | None, *details: object) -> None:
        self.tables.__exit__(failure, *details)
        if failure is not None:
            return  # the caller's staging folder is dropped: no index or package over half the files
        self.api.write_index(self.as_of)
        if self.citation is not None:
            (self.folder / CITATION_FILE).write_text(self.citation.stamped(self.kb.data_version), encoding="utf-8")
        package = data_package(self.folder, self.kb.data_version, self.results_schema, self.citation)
        (self.folder / DATA_PACKAGE).write_text(dumps(package), encoding="utf-8")
