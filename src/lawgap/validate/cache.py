"""A cache of files that passed the YAML and schema layers, keyed by their exact bytes and kind.

Re-validating an unchanged file gives the same answer, so the second and later runs on a tree
(pre-commit, an editor, a local preview) skip the two slow layers for every unchanged file; the
semantic rules always run. Entries live in the user's cache folder, not in the repository. The key
covers the file's kind (the schema its place picks: the same bytes can be a valid wildlife file and
an invalid jurisdiction file), its bytes, the schemas and lawgap's own loader and schema code, so any
change to those misses.

An entry is two lines of JSON (never pickle: a cache is not trusted code): a header naming the key,
the kind and the SHA-256 of the second line, then the data and line map. An entry that does not
match its key, kind or checksum exactly (hand-edited, truncated, copied from another entry) is a
miss, never a pass. Entries are written to a temporary file beside them and renamed into place, so
a reader never sees half an entry and a failed write leaves nothing behind. The least recently used
entries are evicted once the cache passes its size cap. Any problem with the cache (unreadable,
corrupt, read-only or full disk) just means a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

from lawgap import __version__
from lawgap.load import strict_yaml
from lawgap.validate import schema_layer

CACHE_FORMAT = "2"
MAX_CACHE_BYTES = 100_000_000  # ~19 KB an entry: a 1,000-jurisdiction tree (~78 MB) fits
STALE_TEMP_SECONDS = 3600  # a temporary file this old belongs to a run that was killed mid-write

_SUBFOLDER = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"[0-9a-f]{64}\.jsonl?")  # .json: entries of cache format 1, evicted like the rest
_TEMP = re.compile(r"\.[0-9a-f]{64}\.[^/]*\.tmp")

Hit = tuple[dict[str, Any], dict[str, int]]


def default_folder() -> Path | None:
    """LAWGAP_CACHE_DIR, else $XDG_CACHE_HOME/lawgap or ~/.cache/lawgap; None when LAWGAP_NO_CACHE is set."""
    if os.environ.get("LAWGAP_NO_CACHE"):
        return None
    if os.environ.get("LAWGAP_CACHE_DIR"):
        return Path(os.environ["LAWGAP_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lawgap"


def fingerprint(schema_dir: Path) -> str:
    """What else, besides a file's bytes and kind, decides whether it passes the first two layers."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{__version__}".encode())
    for source in (strict_yaml.__file__, schema_layer.__file__):
        digest.update(Path(source).read_bytes())
    for schema in sorted(schema_dir.glob("*.schema.json")):
        digest.update(schema.name.encode() + b"\0" + schema.read_bytes())
    return digest.hexdigest()


class ValidationCache:
    """Entries under `folder`, for one fingerprint, evicted least recently used beyond `max_bytes`."""

    def __init__(self, folder: Path, key_prefix: str, max_bytes: int | None = None):
        self.folder, self.key_prefix = folder, key_prefix
        self.max_bytes = MAX_CACHE_BYTES if max_bytes is None else max_bytes

    def _key(self, raw: bytes, kind: str) -> str:
        return hashlib.sha256(b"\0".join((self.key_prefix.encode(), kind.encode(), raw))).hexdigest()

    def entry_path(self, raw: bytes, kind: str) -> Path:
        key = self._key(raw, kind)
        return self.folder / key[:2] / f"{key}.jsonl"

    def get(self, raw: bytes, kind: str) -> Hit | None:
        """The data and line map of a file of `kind` with these bytes that passed before, or None."""
        path = self.entry_path(raw, kind)
        try:
            content = path.read_bytes()
        except OSError:
            return None
        hit = _read_entry(content, path.stem, kind)
        if hit is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # a hit is a use: eviction goes by modification time
        return hit

    def put(self, raw: bytes, kind: str, data: dict[str, Any], lines: dict[str, int]) -> None:
        path = self.entry_path(raw, kind)
        payload = json.dumps({"data": data, "lines": lines}, ensure_ascii=False).encode()
        content = json.dumps(_header(path.stem, kind, payload)).encode() + b"\n" + payload
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(path, content)
        except OSError:
            pass  # a cache that cannot be written is only a slower run

    def evict(self) -> None:
        """Delete the least recently used entries until the cache fits `max_bytes`, and temporary
        files left by killed runs. Only files named as this cache names them are touched."""
        entries: list[tuple[float, Path, int]] = []  # (last use, path, size)
        stale_before = time.time() - STALE_TEMP_SECONDS
        for path, info in _own_files(self.folder):
            if _ENTRY.fullmatch(path.name):
                entries.append((info.st_mtime, path, info.st_size))
            elif info.st_mtime < stale_before:
                _remove(path)
        total = sum(size for _, _, size in entries)
        for _, path, size in sorted(entries):
            if total <= self.max_bytes:
                break
            _remove(path)
            total -= size


def _header(key: str, kind: str, payload: bytes) -> dict[str, str]:
    return {"format": CACHE_FORMAT, "key": key, "kind": kind, "sha256": hashlib.sha256(payload).hexdigest()}


def _read_entry(content: bytes, key: str, kind: str) -> Hit | None:
    """The entry's data and line map if it is exactly what `put` wrote for this key and kind."""
    header_line, _, payload = content.partition(b"\n")
    try:
        if json.loads(header_line) != _header(key, kind, payload):
            return None
        body = json.loads(payload)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested past the parser's depth
        return None
    if not isinstance(body, dict) or body.keys() != {"data", "lines"}:
        return None
    data, lines = body["data"], body["lines"]
    if not isinstance(data, dict) or not isinstance(lines, dict) or not all(type(line) is int for line in lines.values()):
        return None
    return data, lines


def _write_atomically(path: Path, content: bytes) -> None:
    """Write `content` to `path` through a temporary file in the same folder, removed on any failure."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with open(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _own_files(folder: Path) -> list[tuple[Path, os.stat_result]]:
    """Regular files named as entries or temporary files, in the cache's two-hex-digit subfolders."""
    found: list[tuple[Path, os.stat_result]] = []
    try:
        subfolders = [Path(e.path) for e in os.scandir(folder) if _SUBFOLDER.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]
    except OSError:
        return found
    for subfolder in subfolders:
        try:
            items = list(os.scandir(subfolder))
        except OSError:
            continue
        for item in items:
            if not (_ENTRY.fullmatch(item.name) or _TEMP.fullmatch(item.name)):
                continue
            with contextlib.suppress(OSError):
                info = item.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode):
                    found.append((Path(item.path), info))
    return found


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # another run may have removed or replaced it already
        path.unlink()
