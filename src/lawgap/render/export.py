"""Write the full results to a folder: JSON validated against its schema, and CSV — deterministically
(same data, same bytes) and as they are computed: one jurisdiction × domain, or one pair, at a time,
so that neither all entries nor all pairs are ever held in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

from lawgap.engine.all_pairs import PairMatrix
from lawgap.render.results_json import PAIR_COLUMNS, published_pairs
from lawgap.render.tables import REQUIREMENT_COLUMNS, SCORE_COLUMNS, csv_writer, requirement_rows, score_row, write_csv

# Sorted keys for byte-identical output; compact for large files (only then is json's C encoder used).
COMPACT_JSON = {"ensure_ascii": False, "sort_keys": True, "separators": (",", ":")}
RESULT_FILES = ("results.json", "results.csv", "requirements.csv")
PAIR_FILES = ("pairs.json", "pairs.csv")


def dumps(data: Any, compact: bool = False) -> str:
    if compact:
        return json.dumps(data, **COMPACT_JSON) + "\n"
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_json_array(handle: TextIO, items: Iterable[Any]) -> int:
    """The bytes of dumps(list(items), compact=True), written one item at a time; returns the count."""
    count = 0
    handle.write("[")
    for count, item in enumerate(items, 1):
        if count > 1:
            handle.write(",")
        handle.write(json.dumps(item, **COMPACT_JSON))
    handle.write("]\n")
    return count


def write_results(folder: Path, entries: Iterable[dict[str, Any]]) -> int:
    """results.json, results.csv and requirements.csv in one pass over `entries` (which may be a
    generator: each entry is dropped once written); returns the number of entries."""
    folder.mkdir(parents=True, exist_ok=True)
    with ExitStack() as files:
        results_json, scores, requirements = (files.enter_context((folder / name).open("w", encoding="utf-8"))
                                              for name in RESULT_FILES)
        write_score, write_requirement = csv_writer(scores, SCORE_COLUMNS), csv_writer(requirements, REQUIREMENT_COLUMNS)

        def tabulated(entries: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
            for entry in entries:  # the two tables take their rows as results.json takes the entry
                write_score(score_row(entry))
                for row in requirement_rows(entry):
                    write_requirement(row)
                yield entry

        return write_json_array(results_json, tabulated(entries))


def write_pairs(folder: Path, pairs: dict[str, PairMatrix]) -> None:
    """pairs.json and pairs.csv: every pair of every domain (domain -> matrix), streamed."""
    json_file, csv_file = PAIR_FILES
    with (folder / json_file).open("w", encoding="utf-8") as handle:
        write_json_array(handle, published_pairs(pairs))
    with (folder / csv_file).open("w", encoding="utf-8") as handle:
        write_csv(handle, published_pairs(pairs), PAIR_COLUMNS)


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
