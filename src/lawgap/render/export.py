"""Write the full results to a folder: JSON validated against its schema, and CSV — atomically
(a staging folder renamed into place, see output_folder) and deterministically (same data, same bytes)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from lawgap.engine.all_pairs import PairMatrix
from lawgap.render.output_folder import replacing
from lawgap.render.results_json import PAIR_COLUMNS, published_pairs
from lawgap.render.tables import SCORE_COLUMNS, requirement_rows, score_row, to_csv, write_csv

# Sorted keys for byte-identical output; compact for large files (only then is json's C encoder used).
COMPACT_JSON = {"ensure_ascii": False, "sort_keys": True, "separators": (",", ":")}

# A file's content: its text, or a function that writes it into the open file (for files too large to hold).
Content = str | Callable[[TextIO], None]


def dumps(data: Any, compact: bool = False) -> str:
    if compact:
        return json.dumps(data, **COMPACT_JSON) + "\n"
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_json_array(handle: TextIO, items: Iterable[Any]) -> None:
    """The bytes of dumps(list(items), compact=True), written one item at a time."""
    handle.write("[")
    for index, item in enumerate(items):
        if index:
            handle.write(",")
        handle.write(json.dumps(item, **COMPACT_JSON))
    handle.write("]\n")


def export_files(results: list[dict[str, Any]], pairs: dict[str, PairMatrix] | None = None) -> dict[str, Content]:
    """File name -> content for an export folder. Pairs files only when `pairs` (domain -> matrix) is
    given: they grow with the square of the jurisdictions, so they are streamed, never held."""
    requirement_table = [row for entry in results for row in requirement_rows(entry)]
    files: dict[str, Content] = {
        "results.json": lambda handle: write_json_array(handle, results),
        "results.csv": to_csv([score_row(e) for e in results], SCORE_COLUMNS),
        "requirements.csv": to_csv(requirement_table),
    }
    if pairs is not None:
        files["pairs.json"] = lambda handle: write_json_array(handle, published_pairs(pairs))
        files["pairs.csv"] = lambda handle: write_csv(handle, published_pairs(pairs), PAIR_COLUMNS)
    return files


def write_files(folder: Path, files: dict[str, Content]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            with path.open("w", encoding="utf-8") as handle:
                content(handle)


def write_folder_atomically(target: Path, files: dict[str, str], root: Path) -> None:
    """Write every file into a staging folder, then swap it in (lawgap.render.output_folder says where
    that is allowed); on failure the old folder stays."""
    with replacing(target, root) as staging:
        write_files(staging.output, files)
        staging.publish()
