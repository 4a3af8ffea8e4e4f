"""A cache of files that passed the YAML and schema layers, keyed by their exact bytes.

Re-validating an unchanged file gives the same answer, so the second and later runs on a tree
(pre-commit, an editor, a local preview) skip the two slow layers for every unchanged file; the
semantic rules always run. Entries are JSON (never pickle: a cache is not trusted code) in the
user's cache folder, not in the repository, and the key covers the file's bytes, the schemas and
lawgap's own loader and schema code, so any change to those misses. Any problem with the cache
(unreadable, corrupt, read-only disk) just means a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from lawgap import __version__
from lawgap.load import strict_yaml
from lawgap.validate import schema_layer

CACHE_FORMAT = "1"


def default_folder() -> Path | None:
    """LAWGAP_CACHE_DIR, else $XDG_CACHE_HOME/lawgap or ~/.cache/lawgap; None when LAWGAP_NO_CACHE is set."""
    if os.environ.get("LAWGAP_NO_CACHE"):
        return None
    if os.environ.get("LAWGAP_CACHE_DIR"):
        return Path(os.environ["LAWGAP_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lawgap"


def fingerprint(schema_dir: Path) -> str:
    """What else, besides a file's bytes, decides whether it passes the first two layers."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{__version__}".encode())
    for source in (strict_yaml.__file__, schema_layer.__file__):
        digest.update(Path(source).read_bytes())
    for schema in sorted(schema_dir.glob("*.schema.json")):
        digest.update(schema.name.encode() + b"\0" + schema.read_bytes())
    return digest.hexdigest()


class ValidationCache:
    def __init__(self, folder: Path, key_prefix: str):
        self.folder, self.key_prefix = folder, key_prefix

    def _path(self, raw: bytes) -> Path:
        key = hashlib.sha256(self.key_prefix.encode() + b"\0" + raw).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, raw: bytes) -> tuple[Any, dict[str, int]] | None:
        try:
            entry = json.loads(self._path(raw).read_text(encoding="utf-8"))
            return entry["data"], entry["lines"]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, raw: bytes, data: Any, lines: dict[str, int]) -> None:
        path = self._path(raw)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as handle:
                json.dump({"data": data, "lines": lines}, handle, ensure_ascii=False)
            os.replace(handle.name, path)
        except OSError:
            pass  # a cache that cannot be written is only a slower run
