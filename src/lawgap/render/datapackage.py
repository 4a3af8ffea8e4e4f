"""datapackage.json: a Frictionless Data Package (v2) describing every download of a data folder, so
that tools can load and check the files without reading lawgap's code.

Field types and descriptions are not written here a second time: the results tables' fields come from
schema/results.schema.json (the JSON contract), the facts table's from render.facts.FACT_COLUMNS.
Only what neither holds is stated here: the status counts of results.csv, the provisions of
requirements.csv, the pairs columns and the units. Every resource carries its size and SHA-256, so a
copy can be checked against the package.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lawgap.render.citation import DATA_LICENCE, Citation
from lawgap.render.facts import FACT_COLUMNS, FACT_FILES, UNKNOWN, table_pattern
from lawgap.render.results_json import PAIR_COLUMNS
from lawgap.render.static_api import API_FOLDER, API_INDEX
from lawgap.render.tables import REQUIREMENT_COLUMNS, SCORE_COLUMNS

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
CSV_BOOLEAN = {"trueValues": ["yes"], "falseValues": ["no"]}  # how tables.csv_cell writes true and false
YEARS_OR_LIFE = r"life|[0-9]+(\.[0-9]+)?"  # Table Schema patterns are whole-value (XML Schema) patterns: no ^ $

# results.csv / requirements.csv columns that are not an entry property of the same name: where the
# results schema describes them.
SCHEMA_POINTERS = {
    "fine_status": ("entry", "fine", "status"), "fine_max_usd": ("entry", "fine", "max_usd"),
    "requirement": ("requirement", "id"), "baseline": ("requirement", "baseline"), "article": ("requirement", "article"),
    "status": ("requirement", "status"), "weight": ("requirement", "weight"),
}
# Columns the results schema does not hold (counts and joins made for the tables), per table.
STATUS_COUNTS = {"met": "met", "partial": "partial", "not_met": "not-met", "unknown": "unknown"}
RESULTS_OWN = {column: {"type": "integer", "description": f"How many of the domain's requirements have the status {status}.",
                        "constraints": {"required": True, "minimum": 0}} for column, status in STATUS_COUNTS.items()}
REQUIREMENTS_OWN = {"provisions": {"type": "string", "description": "The provisions cited by the evidence that decided the "
                                   "requirement (instrument title and provision), joined with '; '."}}
PAIRS_OWN = {
    "a": {"type": "string", "description": "The first jurisdiction of the pair (ISO code; a sorts before b)."},
    "b": {"type": "string", "description": "The second jurisdiction of the pair (ISO code)."},
    **{column: {"type": "integer", "description": f"How many of the domain's conducts {what}.", "constraints": {"minimum": 0}}
       for column, what in (("dual_criminality_holds", "are criminal in both with a penalty that clears the extradition "
                             "threshold"), ("dual_criminality_fails", "are known to fail dual criminality"),
                            ("unknown", "are undecided for want of data"))},
}
UNITS = {"score": "points of 100", "score_min": "points of 100", "score_max": "points of 100",
         "coverage": "percent of the requirement weight", "weight": "points of requirement weight"}


def data_package(folder: Path, version: str | None, results_schema: dict[str, Any], citation: Citation | None) -> dict[str, Any]:
    """The descriptor for the downloads found in `folder` (written after them: it records their hashes)."""
    package: dict[str, Any] = {
        "$schema": PROFILE,
        "name": "lawgap",
        "title": citation.title if citation else "lawgap",
        "description": (citation.abstract if citation and citation.abstract else results_schema.get("description", "")),
        "version": version,
        "licenses": [DATA_LICENCE],
        "contributors": [{"title": author, "roles": ["creator"]} for author in (citation.authors if citation else ("lawgap",))],
        "keywords": list(citation.keywords) if citation else [],
        "sources": [{"title": "The legislation cited fact by fact (facts.csv: instrument, provision, url) and the treaty "
                              "texts the baselines cite; cite them for the law itself."}],
        "resources": list(_resources(folder, results_schema)),
    }
    if citation and citation.url:
        package["homepage"] = citation.url
    return {key: value for key, value in package.items() if value is not None}


@dataclass(frozen=True)
class Download:
    """A file of the data folder, as the data package, the downloads page and its Dataset JSON-LD name it."""

    name: str  # the resource name
    path: str
    mediatype: str
    description: str

    @property
    def format(self) -> str:
        return self.path.rsplit(".", 1)[-1]


DOWNLOADS = (
    Download("results", "results.json", "application/json", "Every jurisdiction × domain with every figure, requirement "
             "(and the evidence that decided it), offence and penalty history, and the score history: the JSON contract "
             "(schema/results.schema.json)."),
    Download("results-table", "results.csv", "text/csv", "One row per jurisdiction × domain: score, coverage, range, "
             "penalties, fines, requirement counts."),
    Download("requirements", "requirements.csv", "text/csv", "One row per jurisdiction × domain × requirement: its "
             "status and the provisions that decided it."),
    Download("facts", FACT_FILES[0], "text/csv", "One row per fact recorded in the data files (an offence's facets, "
             "each penalty version's terms, each measure), with its value, unit and source: what a re-analysis needs."),
    Download("facts-json", FACT_FILES[1], "application/json", "The facts table as JSON: an array of row objects, null "
             "for unknown."),
    Download("api-index", API_INDEX, "application/json", f"Index of the static JSON API: one file per jurisdiction × "
             f"domain ({API_FOLDER}/<code>/<domain>.json) with its SHA-256 and size."),
    Download("pairs", "pairs.csv", "text/csv", "Every pair of jurisdictions per domain: conducts where dual criminality "
             "holds, fails or is unknown (lawgap export --pairs only)."),
    Download("pairs-json", "pairs.json", "application/json", "The pairs table as JSON (lawgap export --pairs only)."),
)


def _resources(folder: Path, results_schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    fact_fields = [_fact_field(column) for column in FACT_COLUMNS]
    pair_fields = _csv_fields(PAIR_COLUMNS, results_schema, PAIRS_OWN)
    tables = {  # name -> Table Schema and primary key (JSON tables: a schema only)
        "results-table": _schema(_csv_fields(SCORE_COLUMNS, results_schema, RESULTS_OWN), ["jurisdiction", "domain"]),
        "requirements": _schema(_csv_fields(REQUIREMENT_COLUMNS, results_schema, REQUIREMENTS_OWN),
                                ["jurisdiction", "domain", "requirement"]),
        "facts": _schema(fact_fields, missing=["", UNKNOWN]), "facts-json": _schema(fact_fields, missing=["", UNKNOWN]),
        "pairs": _schema(pair_fields, ["domain", "a", "b"]),
        "pairs-json": _schema(sorted(pair_fields, key=lambda f: f["name"])),  # export.write_json_array sorts the keys
    }
    for download in DOWNLOADS:
        file = folder / download.path
        if not file.is_file():  # pairs only when exported with --pairs
            continue
        with file.open("rb") as handle:  # in chunks: results.json and facts.json run to 100+ MB at 1,000 jurisdictions
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        resource: dict[str, Any] = {"name": download.name, "path": download.path, "format": download.format,
                                    "mediatype": download.mediatype, "encoding": "utf-8", "description": download.description}
        if download.name in tables:
            resource.update({"type": "table", "schema": tables[download.name]})
            if download.format == "csv":
                resource["dialect"] = {"header": True, "delimiter": ",", "lineTerminator": "\n"}
        elif download.name == "results":
            resource["jsonSchema"] = results_schema
        if not (download.name in tables and download.format == "json"):
            resource["bytes"] = file.stat().st_size  # frictionless streams JSON tables and cannot count them: it would call it wrong
        resource["hash"] = f"sha256:{digest}"
        yield resource


def _schema(fields: list[dict[str, Any]], key: list[str] | None = None, missing: list[str] | None = None) -> dict[str, Any]:
    """A Table Schema; an empty cell is a missing value (null in the JSON forms), and so is `missing`."""
    schema: dict[str, Any] = {"fields": fields, "missingValues": missing or [""]}
    if key:
        schema["primaryKey"] = key
    return schema


def _csv_fields(columns: tuple[str, ...], results_schema: dict[str, Any], own: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    fields = []
    for column in columns:
        if column in own:
            field = {"name": column, **own[column]}
        else:
            field = _from_schema(column, _property(results_schema, SCHEMA_POINTERS.get(column, ("entry", column))), results_schema)
        if column in UNITS or column.endswith(("_years", "_usd")):
            field["unit"] = UNITS.get(column) or ("years" if column.endswith("_years") else "US dollars")
        fields.append(field)
    return fields


def _property(schema: dict[str, Any], pointer: tuple[str, ...]) -> dict[str, Any]:
    definition, *path = pointer
    node = schema["$defs"][definition]
    for name in path:
        node = node["properties"][name]
    return node


def _from_schema(name: str, prop: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """A Table Schema field for a column written (by tables.csv_cell) from a results-schema property."""
    resolved = _resolve(prop, root)
    types = resolved.get("type", [])
    types = [types] if isinstance(types, str) else list(types)
    options = resolved.get("oneOf", [])
    field: dict[str, Any] = {"name": name, "type": "string", "description": prop.get("description") or resolved.get("description", "")}
    constraints: dict[str, Any] = {}
    if "enum" in resolved:
        constraints["enum"] = [value for value in resolved["enum"] if value is not None]
    elif any(option.get("const") == "life" for option in options):
        constraints["pattern"] = YEARS_OR_LIFE  # a number of years, or life
    elif resolved.get("format") == "date":
        field["type"] = "date"
    elif "integer" in types or "number" in types:
        field["type"] = "integer" if "integer" in types else "number"
        constraints.update({key: resolved[key] for key in ("minimum", "maximum") if key in resolved})
    elif "boolean" in types:
        field.update({"type": "boolean", **CSV_BOOLEAN})
    elif "array" in types:
        field["description"] += " Several are joined with '; '."
    elif "pattern" in resolved:
        constraints["pattern"] = table_pattern(resolved["pattern"])
    nullable = "null" in types or any(option.get("type") == "null" for option in options)
    if not nullable and "array" not in types:  # a list may be empty: an empty cell
        constraints["required"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def _resolve(prop: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    reference = prop.get("$ref")
    if not reference:
        return prop
    target = root
    for part in reference.removeprefix("#/").split("/"):
        target = target[part]
    return {**target, **{k: v for k, v in prop.items() if k != "$ref"}}


def _fact_field(column: Any) -> dict[str, Any]:
    field = {"name": column.name, "type": column.type, "description": column.description, **column.extra}
    if column.constraints:
        field["constraints"] = dict(column.constraints)
    return field
