"""Write the full results to a folder: JSON validated against its schema, and CSV — deterministically
(same data, same bytes) and as they are computed: one jurisdiction × domain, or one pair, at a time,
so that neither all entries nor all pairs are ever held in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from lawgap.engine.all_pairs import PairMatrix
from lawgap.render.results_json import PAIR_COLUMNS, published_pairs
from lawgap.render.tables import REQUIREMENT_COLUMNS, SCORE_COLUMNS, csv_bytes, requirement_rows, score_row, write_csv

# Sorted keys for byte-identical output, UTF-8 unescaped; indented by two spaces unless compact.
COMPACT_JSON = {"ensure_ascii": False, "sort_keys": True, "separators": (",", ":")}
INDENTED_JSON = {"ensure_ascii": False, "sort_keys": True, "indent": 2}
# orjson writes the same bytes as json.dumps with the settings above, 10-15x faster (json indents in pure
# Python: 3.3 s for score --format json at 1,000 jurisdictions). What orjson refuses rather than writes the
# same (keys that are not text, integers beyond 64 bits, dates, dataclasses) is left to json, which writes
# it or raises as it always did. The one difference: orjson writes NaN and infinity as null (json writes
# NaN, which is not JSON); the engine produces neither.
_ORJSON = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS
RESULT_FILES = ("results.json", "results.csv", "requirements.csv")
PAIR_FILES = ("pairs.json", "pairs.csv")


def encode(data: Any, compact: bool = False, sort_keys: bool = True) -> bytes:
    """`data` as lawgap writes JSON, in UTF-8, without a final newline; keys in their order if not `sort_keys`."""
    options = _ORJSON if compact else _ORJSON | orjson.OPT_INDENT_2
    settings = COMPACT_JSON if compact else INDENTED_JSON
    if not sort_keys:
        options, settings = options & ~orjson.OPT_SORT_KEYS, {**settings, "sort_keys": False}
    try:
        return orjson.dumps(data, option=options)
    except TypeError:  # orjson.JSONEncodeError: see _ORJSON
        return json.dumps(data, **settings).encode("utf-8")


def dumps(data: Any, compact: bool = False) -> str:
    return encode(data, compact).decode("utf-8") + "\n"


def array_item(item: Any, compact: bool = True) -> bytes:
    """One item of a JSON array as write_json_array writes it. An indented item is its own indented text
    shifted two spaces right (JSON text holds no raw line breaks, so every line break in it is the indentation's)."""
    return encode(item, compact=True) if compact else encode(item).replace(b"\n", b"\n  ")


def write_json_array(handle: BinaryIO, items: Iterable[Any], compact: bool = True) -> int:
    """The bytes of dumps(list(items), compact), written one item at a time (so never all held); returns
    the count."""
    return write_encoded_array(handle, (array_item(item, compact) for item in items), compact)


def write_encoded_array(handle: BinaryIO, items: Iterable[bytes], compact: bool = True) -> int:
    """write_json_array of items already encoded by array_item (in worker processes, say)."""
    count = 0
    for count, item in enumerate(items, 1):
        if compact:
            handle.write(b"[" if count == 1 else b",")
        else:
            handle.write(b"[\n  " if count == 1 else b",\n  ")
        handle.write(item)
    handle.write(b"[]\n" if count == 0 else b"]\n" if compact else b"\n]\n")
    return count


@dataclass(frozen=True)
class ResultPieces:
    """One entry as results.json, results.csv and requirements.csv hold it."""

    json: bytes
    score_row: bytes  # CSV lines in UTF-8
    requirement_rows: bytes


def result_pieces(entry: dict[str, Any]) -> ResultPieces:
    return ResultPieces(array_item(entry), csv_bytes([score_row(entry)], SCORE_COLUMNS),
                        csv_bytes(requirement_rows(entry), REQUIREMENT_COLUMNS))


class ResultFiles:
    """results.json, results.csv and requirements.csv, written one entry at a time."""

    def __init__(self, folder: Path):
        self.folder = folder

    def __enter__(self) -> ResultFiles:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.files = ExitStack()
        self.results_json = self.files.enter_context((self.folder / RESULT_FILES[0]).open("wb"))
        # binary, as every piece comes encoded: the main process only copies bytes while workers make them
        self.scores, self.requirements = (self.files.enter_context((self.folder / name).open("wb")) for name in RESULT_FILES[1:])
        self.scores.write(csv_bytes([], SCORE_COLUMNS, header=True))
        self.requirements.write(csv_bytes([], REQUIREMENT_COLUMNS, header=True))
        return self

    def write(self, entries: Iterable[ResultPieces]) -> int:
        """Every entry (which may come from a generator: each is dropped once written); returns their number."""
        def tabulated() -> Iterator[bytes]:
            for pieces in entries:  # the two tables take their rows as results.json takes the entry
                self.scores.write(pieces.score_row)
                self.requirements.write(pieces.requirement_rows)
                yield pieces.json

        return write_encoded_array(self.results_json, tabulated())

    def __exit__(self, *failure: object) -> None:
        self.files.close()


def write_pairs(folder: Path, pairs: dict[str, PairMatrix]) -> None:
    """pairs.json and pairs.csv: every pair of every domain (domain -> matrix), streamed."""
    json_file, csv_file = PAIR_FILES
    with (folder / json_file).open("wb") as handle:
        write_json_array(handle, published_pairs(pairs))
    with (folder / csv_file).open("w", encoding="utf-8") as handle:
        write_csv(handle, published_pairs(pairs), PAIR_COLUMNS)


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
