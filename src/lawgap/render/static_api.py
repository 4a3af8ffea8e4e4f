"""The static JSON API: one file per jurisdiction × domain at a stable address,
api/v1/<code>/<domain>.json (code in lower case, as in the site's page addresses), holding that entry of
results.json and the facts table's rows of its data file; and api/v1/index.json, listing every file
with its SHA-256 and size and the data version, so a mirror can fetch only what changed. v1 changes
only compatibly: fields may be added, none is removed or changes meaning.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from lawgap.model.types import KnowledgeBase
from lawgap.render.citation import DATA_LICENCE
from lawgap.render.export import dumps, encode

API_FOLDER = "api/v1"
API_INDEX = f"{API_FOLDER}/index.json"


class StaticApi:
    """The index of the API files (each written by write_api_file as its entry comes), written last."""

    def __init__(self, folder: Path, kb: KnowledgeBase):
        self.folder, self.kb = folder, kb
        self.listed: list[dict[str, Any]] = []  # each file's line of the index, as written

    def write_index(self, as_of: str) -> None:
        index = {"data_version": self.kb.data_version, "as_of": as_of, "licence": DATA_LICENCE,
                 "files": sorted(self.listed, key=lambda f: f["path"])}
        (self.folder / API_INDEX).parent.mkdir(parents=True, exist_ok=True)
        (self.folder / API_INDEX).write_text(dumps(index), encoding="utf-8")


def write_api_file(folder: Path, kb: KnowledgeBase, entry: dict[str, Any], facts: list[dict[str, Any]]) -> dict[str, Any]:
    """Write the API file of one entry (its own file: worker processes write theirs side by side) and
    return its line of the index."""
    code, domain = entry["jurisdiction"], entry["domain"]
    path = f"{code.lower()}/{domain}.json"
    content = encode({"data_version": kb.data_version, "licence": DATA_LICENCE, "jurisdiction": code, "domain": domain,
                      "result": entry, "facts": facts}, compact=True) + b"\n"
    target = folder / API_FOLDER / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return {"jurisdiction": code, "domain": domain, "path": path, "bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}
