"""Flat rows for CSV files and terminal tables."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TextIO

SCORE_COLUMNS = ("jurisdiction", "name", "domain", "as_of", "score", "coverage", "score_min", "score_max", "scored",
                 "max_prison_years", "serious_crime", "penalty_gap_years", "max_prison_years_aggravated",
                 "aggravated_circumstances", "death_penalty", "fine_status", "fine_max_usd", "met", "partial", "not_met",
                 "unknown", "file", "data_version")
HISTORY_COLUMNS = ("domain", "date", "date_basis", "score", "scored", "coverage", "max_prison_years", "max_prison_years_aggravated")


def score_row(entry: dict[str, Any]) -> dict[str, Any]:
    statuses = Counter(r["status"] for r in entry["requirements"])
    return {
        **{k: entry[k] for k in ("jurisdiction", "name", "domain", "as_of", "score", "coverage", "score_min", "score_max", "scored",
                                 "max_prison_years", "serious_crime", "penalty_gap_years", "max_prison_years_aggravated",
                                 "death_penalty", "file", "data_version")},
        "aggravated_circumstances": "; ".join(entry["aggravated_circumstances"]),
        "fine_status": entry["fine"]["status"], "fine_max_usd": entry["fine"]["max_usd"],
        "met": statuses["met"], "partial": statuses["partial"], "not_met": statuses["not-met"], "unknown": statuses["unknown"],
    }


REQUIREMENT_COLUMNS = ("jurisdiction", "domain", "requirement", "baseline", "article", "status", "weight", "provisions",
                       "data_version")


def requirement_rows(entry: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        dict(zip(REQUIREMENT_COLUMNS, (
            entry["jurisdiction"], entry["domain"], r["id"], r["baseline"], r["article"], r["status"], r["weight"],
            "; ".join(sorted({f"{e['source']['instrument_title']} {e['source']['provision']}" for e in r["evidence"] if "source" in e})),
            entry["data_version"])))
        for r in entry["requirements"]
    ]


# OWASP "CSV injection": spreadsheets run a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def to_csv(rows: list[dict[str, Any]], columns: tuple[str, ...] | None = None) -> str:
    """CSV text of `rows` (columns: the first row's keys unless given); see write_csv."""
    buffer = io.StringIO()
    write_csv(buffer, rows, columns or tuple(rows[0].keys() if rows else ()))
    return buffer.getvalue()


def write_csv(handle: TextIO, rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> None:
    """Rows are written as they come, so a generator of a million rows is never held in memory."""
    write_row = csv_writer(handle, columns)
    for row in rows:
        write_row(row)


def csv_writer(handle: TextIO, columns: tuple[str, ...]) -> Callable[[dict[str, Any]], None]:
    """Writes the header, and returns the function that writes one row. Every CSV lawgap writes goes
    through here or csv_bytes, so contributor text cannot act as a formula."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    return lambda row: writer.writerow(csv_cells(row, columns))


def csv_bytes(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], header: bool = False) -> bytes:
    """The lines csv_writer writes for `rows` (and the header first if asked), in UTF-8: a piece of a table
    made in one process (a worker: see fan_out) and written as it is by another."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(columns)
    writer.writerows(csv_cells(row, columns) for row in rows)
    return buffer.getvalue().encode("utf-8")


def csv_cells(row: dict[str, Any], columns: tuple[str, ...]) -> list[str]:
    return [csv_cell(row.get(k)) for k in columns]


def csv_cell(value: Any) -> str:
    """A value for a CSV cell. Text that a spreadsheet would run as a formula gets OWASP's leading
    apostrophe; numbers keep their sign (-1.5 stays a number). Line breaks become LF, the writer's
    line terminator, so the csv module quotes the cell (it does not quote a lone CR). Numbers are written
    exactly (1/12 of a year is 0.08333333333333333, not plain()'s rounded 0.0833333), so a table reads back
    what the data holds."""
    if value is None:  # empty and text cells first: most cells are (a facts table has 5 million at 1,000 jurisdictions)
        return ""
    if isinstance(value, str):
        shown = "'" + value if value.startswith(FORMULA_TRIGGERS) else value
        return shown.replace("\r\n", "\n").replace("\r", "\n") if "\r" in shown else shown
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return plain(value)


def to_table(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    """A plain aligned text table for terminals."""
    cells = [[plain(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    return "\n".join(lines)


def plain(value: Any, missing: str = "", limit: int | None = None) -> str:
    """A value as people read it in a table or message: yes/no, 12.5, `missing` for None."""
    if value is None:
        return missing
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    shown = str(value)
    return shown if limit is None or len(shown) <= limit else shown[: limit - 3] + "..."


