"""Write the full results to a folder: JSON validated against its schema, and CSV — atomically
(a staging folder renamed into place, see output_folder) and deterministically (same data, same bytes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lawgap.render.output_folder import replacing
from lawgap.render.tables import SCORE_COLUMNS, requirement_rows, score_row, to_csv


def dumps(data: Any, compact: bool = False) -> str:
    """Sorted keys for byte-identical output; compact for large files (only then is json's C encoder used)."""
    if compact:
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def export_files(results: list[dict[str, Any]], pairs: list[dict[str, Any]]) -> dict[str, str]:
    """File name -> content for an export folder."""
    requirement_table = [row for entry in results for row in requirement_rows(entry)]
    return {
        "results.json": dumps(results, compact=True),
        "results.csv": to_csv([score_row(e) for e in results], SCORE_COLUMNS),
        "requirements.csv": to_csv(requirement_table),
        "pairs.json": dumps(pairs, compact=True),
        "pairs.csv": to_csv(pairs),
    }


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def write_folder_atomically(target: Path, files: dict[str, str], root: Path) -> None:
    """Write every file into a staging folder, then swap it in (lawgap.render.output_folder says where
    that is allowed); on failure the old folder stays."""
    with replacing(target, root) as staging:
        write_files(staging.output, files)
        staging.publish()
