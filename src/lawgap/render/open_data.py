"""The open-data files beside the results (results.json, results.csv, requirements.csv): the facts table,
the static JSON API's index, the citation stamped with the data version, and datapackage.json
describing them all. `lawgap export` and the site's data/ folder get the same set from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawgap.model.types import KnowledgeBase
from lawgap.render.citation import CITATION_FILE, Citation
from lawgap.render.datapackage import data_package
from lawgap.render.export import dumps
from lawgap.render.facts import write_fact_tables
from lawgap.render.static_api import StaticApi

DATA_PACKAGE = "datapackage.json"


def write_open_data(folder: Path, kb: KnowledgeBase, api: StaticApi, as_of: str, results_schema: dict[str, Any],
                    citation: Citation | None) -> None:
    """After the results (and any pairs) are in `folder`: the facts table, the API index, the stamped
    citation, and last the data package, which records every file's hash."""
    write_fact_tables(folder, kb)
    api.write_index(as_of)
    if citation is not None:
        (folder / CITATION_FILE).write_text(citation.stamped(kb.data_version), encoding="utf-8")
    (folder / DATA_PACKAGE).write_text(dumps(data_package(folder, kb.data_version, results_schema, citation)), encoding="utf-8")
