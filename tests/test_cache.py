"""The validation cache: unchanged files skip the YAML and schema layers; anything else is a miss."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawgap.cli import main
from lawgap.load.strict_yaml import load_file
from lawgap.validate import cache, pipeline
from lawgap.validate.cache import ValidationCache, fingerprint
from lawgap.validate.schema_layer import SchemaSet

WILDLIFE = "laws/ke/wildlife.yaml"


@pytest.fixture
def cached(kb_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.delenv("LAWGAP_NO_CACHE")
    monkeypatch.setenv("LAWGAP_CACHE_DIR", str(folder))
    return folder


def validate(*args: str):
    result = CliRunner().invoke(main, ["validate", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.jsonl"))


def leftovers(folder: Path) -> list[Path]:
    """Every file in the cache folder that is not a finished entry (temporary files above all)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".jsonl")


def store_of(folder: Path, kb_tree: Path, **options: int) -> ValidationCache:
    return ValidationCache(folder, fingerprint(kb_tree / "schema"), **options)


def refuse_to_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("parsed a file that should have come from the cache")

    monkeypatch.setattr(pipeline, "load_bytes", fail)


def record_parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = pipeline.load_bytes

    def load_bytes(raw: bytes, display: str, *limit: int):
        parsed.append(display)
        return real(raw, display, *limit)

    monkeypatch.setattr(pipeline, "load_bytes", load_bytes)
    return parsed


def test_unchanged_files_come_from_the_cache(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert validate().exit_code == 0
    assert len(entries(cached)) == 4
    refuse_to_parse(monkeypatch)
    assert validate().exit_code == 0  # every file a hit: nothing parsed


def test_a_changed_file_is_checked_again(cached: Path, kb_tree: Path) -> None:
    assert validate().exit_code == 0
    path = kb_tree / WILDLIFE
    path.write_text(path.read_text().replace("core: true", "core: maybe", 1))
    result = validate()
    assert result.exit_code == 1 and "core" in result.stdout


def test_broken_files_are_never_cached(cached: Path, kb_tree: Path) -> None:
    path = kb_tree / WILDLIFE
    path.write_text(path.read_text() + "extra: 1\n")
    assert validate().exit_code == 1
    assert validate().exit_code == 1
    assert len(entries(cached)) == 3


def test_a_schema_change_invalidates_everything(cached: Path, kb_tree: Path) -> None:
    assert validate().exit_code == 0
    schema = kb_tree / "schema/wildlife.schema.json"
    schema.write_text(schema.read_text() + "\n")  # any change to a schema's bytes changes the fingerprint
    before = set(entries(cached))
    assert validate().exit_code == 0
    assert set(entries(cached)) - before  # new entries under the new fingerprint


def test_no_cache_flag_and_unwritable_folder(cached: Path) -> None:
    assert validate("--no-cache").exit_code == 0
    assert not cached.exists()
    cached.write_text("a file where the folder should be")  # the cache cannot be created: still valid
    assert validate().exit_code == 0
    cached.unlink()


# --- the key covers the file's kind --------------------------------------------------------------

def test_the_same_bytes_in_another_kind_of_place_miss(cached: Path, kb_tree: Path) -> None:
    store = store_of(cached, kb_tree)
    raw = (kb_tree / WILDLIFE).read_bytes()
    loaded = load_file(kb_tree / WILDLIFE, WILDLIFE)
    store.put(raw, "wildlife", loaded.data, loaded.lines)
    assert store.get(raw, "wildlife") == (loaded.data, loaded.lines)
    assert store.get(raw, "jurisdiction") is None
    assert store.entry_path(raw, "wildlife") != store.entry_path(raw, "jurisdiction")


# --- an entry is used only if it is exactly what was written for its key and kind -----------------

def split(content: bytes) -> tuple[dict, bytes]:
    header, _, payload = content.partition(b"\n")
    return json.loads(header), payload


def join(header: dict, payload: bytes) -> bytes:
    return json.dumps(header).encode() + b"\n" + payload


def with_header(change: Callable[[dict], None]) -> Callable[[bytes], bytes]:
    def edit(content: bytes) -> bytes:
        header, payload = split(content)
        change(header)
        return join(header, payload)
    return edit


def forged(change: Callable[[dict], object]) -> Callable[[bytes], bytes]:
    """A body changed by `change` (to an object, or to raw bytes), under a header whose checksum
    was recomputed to match it."""
    def edit(content: bytes) -> bytes:
        header, payload = split(content)
        body = change(json.loads(payload))
        payload = body if isinstance(body, bytes) else json.dumps(body).encode()
        return join({**header, "sha256": hashlib.sha256(payload).hexdigest()}, payload)
    return edit


def data_of(body: dict) -> dict:
    return {**body, "data": [body["data"]]}


def line_as_text(body: dict) -> dict:
    return {**body, "lines": {path: str(line) for path, line in body["lines"].items()}}


def line_as_boolean(body: dict) -> dict:
    return {**body, "lines": {path: True for path in body["lines"]}}


EDITS: dict[str, Callable[[bytes], bytes]] = {
    "not JSON": lambda content: b"{not json",
    "empty": lambda content: b"",
    "truncated": lambda content: content[: len(content) // 2],
    "not UTF-8": lambda content: content.replace(b"wildlife", b"wild\xfflife", 1),
    "value edited by hand": lambda content: content.replace(b'"core": true', b'"core": "maybe"', 1),
    "header with an extra key": with_header(lambda h: h.update(note="trust me")),
    "header without its checksum": with_header(lambda h: h.pop("sha256")),
    "kind recorded as a list": with_header(lambda h: h.update(kind=[h["kind"]])),
    "kind recorded differs": with_header(lambda h: h.update(kind="jurisdiction")),
    "key recorded differs": with_header(lambda h: h.update(key="0" * 64)),
    "older format": with_header(lambda h: h.update(format="1")),
    "body not an object": forged(lambda body: [body]),
    "body with an extra key": forged(lambda body: {**body, "valid": True}),
    "body without lines": forged(lambda body: {"data": body["data"]}),
    "data not an object": forged(data_of),
    "line numbers as text": forged(line_as_text),
    "line numbers as booleans": forged(line_as_boolean),
    "nested past the parser's depth": forged(lambda body: b"[" * 100_000 + b"]" * 100_000),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_an_edited_entry_is_a_miss(cached: Path, kb_tree: Path, monkeypatch: pytest.MonkeyPatch,
                                   edit: Callable[[bytes], bytes]) -> None:
    assert validate().exit_code == 0
    raw = (kb_tree / WILDLIFE).read_bytes()
    store = store_of(cached, kb_tree)
    entry = store.entry_path(raw, "wildlife")
    edited = edit(entry.read_bytes())
    entry.write_bytes(edited)
    parsed = record_parsing(monkeypatch)

    report = pipeline.validate_paths([kb_tree / "laws"], SchemaSet(kb_tree / "schema"), cache_folder=cached)

    assert report.ok and parsed == [WILDLIFE]  # the edited entry was not used: the file was parsed again
    [wildlife] = [d for d in report.documents if d.kind == "wildlife"]
    assert wildlife.data == load_file(kb_tree / WILDLIFE, WILDLIFE).data
    assert entry.read_bytes() != edited and store.get(raw, "wildlife") is not None  # and re-cached


def test_an_entry_copied_to_a_broken_files_key_does_not_pass_it(cached: Path, kb_tree: Path) -> None:
    """Copying a valid file's entry to where the broken version's entry would be must not make it valid."""
    assert validate().exit_code == 0
    path = kb_tree / WILDLIFE
    store = store_of(cached, kb_tree)
    valid_entry = store.entry_path(path.read_bytes(), "wildlife")
    path.write_text(path.read_text().replace("core: true", "core: maybe", 1))
    forged_entry = store.entry_path(path.read_bytes(), "wildlife")
    forged_entry.parent.mkdir(parents=True, exist_ok=True)
    forged_entry.write_bytes(valid_entry.read_bytes())

    result = validate()

    assert result.exit_code == 1
    assert any(d["file"] == WILDLIFE and d["path"].endswith(".core") for d in json.loads(result.stdout))


# --- size cap: least recently used entries go first -----------------------------------------------

def fill(store: ValidationCache, kb_tree: Path, names: list[str]) -> dict[str, Path]:
    """An entry per fixture file, the first oldest (a minute apart), as {name: entry path}."""
    made = {}
    for age, name in zip(range(len(names), 0, -1), names):
        path = kb_tree / "laws/ke" / f"{name}.yaml"
        loaded = load_file(path, name)
        raw = path.read_bytes()
        store.put(raw, name, loaded.data, loaded.lines)
        made[name] = store.entry_path(raw, name)
        stamp = made[name].stat().st_mtime - 60 * age
        os.utime(made[name], (stamp, stamp))
    return made


def test_eviction_removes_the_least_recently_used_entries(cached: Path, kb_tree: Path) -> None:
    store = store_of(cached, kb_tree)
    made = fill(store, kb_tree, ["jurisdiction", "wildlife", "human-trafficking"])
    # reading the oldest entry counts as a use: the second oldest is now the least recently used
    raw = (kb_tree / "laws/ke/jurisdiction.yaml").read_bytes()
    assert store.get(raw, "jurisdiction") is not None
    keep = made["jurisdiction"].stat().st_size + made["human-trafficking"].stat().st_size

    store_of(cached, kb_tree, max_bytes=keep).evict()

    assert entries(cached) == sorted([made["jurisdiction"], made["human-trafficking"]])
    store_of(cached, kb_tree, max_bytes=keep - 1).evict()
    assert entries(cached) == [made["jurisdiction"]]


@pytest.mark.parametrize("parallel", [False, True], ids=["one-process", "worker-processes"])
def test_a_run_keeps_the_cache_under_its_cap(cached: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool) -> None:
    cap = 12_000  # room for some of the four fixture files' entries, not all
    monkeypatch.setattr(cache, "MAX_CACHE_BYTES", cap)
    if parallel:
        monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    for _ in range(2):
        assert validate().exit_code == 0
        sizes = [entry.stat().st_size for entry in entries(cached)]
        assert 0 < len(sizes) < 4 and sum(sizes) <= cap
    assert not leftovers(cached)


def test_only_a_run_that_wrote_entries_looks_for_some_to_evict(cached: Path, kb_tree: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Scanning the whole cache costs ~15 ms per 1,000 entries: a run of hits (one file through
    pre-commit, say) must not pay it."""
    assert validate().exit_code == 0
    scans: list[int] = []
    monkeypatch.setattr(ValidationCache, "evict", lambda store: scans.append(len(entries(store.folder))))
    assert validate().exit_code == 0 and validate(WILDLIFE).exit_code == 0
    assert scans == []
    path = kb_tree / WILDLIFE
    path.write_text(path.read_text() + "# reviewed again\n")
    assert validate().exit_code == 0
    assert scans == [5]  # once, after the new entry was written


def test_eviction_touches_only_the_caches_own_files(cached: Path, kb_tree: Path) -> None:
    [entry] = fill(store_of(cached, kb_tree), kb_tree, ["wildlife"]).values()
    foreign = [cached / "notes.txt", cached / "ab" / "readme.md", cached / "ab" / ("c" * 64 + ".yaml"),
               cached / "not-hex" / ("d" * 64 + ".jsonl")]
    for path in foreign:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("not the cache's")
    fresh_temp = cached / "ab" / f".{'a' * 64}.x1y2z3.tmp"  # another run writing right now
    stale_temp = cached / "ab" / f".{'b' * 64}.q8r9s0.tmp"  # left by a run that was killed
    for path in (fresh_temp, stale_temp):
        path.write_text("{")
    stale = stale_temp.stat().st_mtime - cache.STALE_TEMP_SECONDS - 1
    os.utime(stale_temp, (stale, stale))

    store_of(cached, kb_tree, max_bytes=0).evict()

    assert not entry.exists() and not stale_temp.exists()
    assert fresh_temp.exists() and all(path.read_text() == "not the cache's" for path in foreign)


# --- a failed write leaves nothing behind ---------------------------------------------------------

def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_no_temporary_files(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "replace", disk_full)
    assert validate().exit_code == 0  # a cache that cannot be written is only a slower run
    assert validate().exit_code == 0
    assert cached.is_dir() and not entries(cached) and not leftovers(cached)


def test_a_write_the_system_refuses_leaves_no_temporary_files(cached: Path) -> None:
    """A real failed write(2), not a stand-in: the file size limit makes it fail with EFBIG."""
    resource = pytest.importorskip("resource")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, hard))  # Python ignores SIGXFSZ, so write() fails instead
    try:
        result = validate()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert result.exit_code == 0
    assert cached.is_dir() and not entries(cached) and not leftovers(cached)


def test_an_interrupted_write_leaves_no_temporary_file(cached: Path, kb_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    store = store_of(cached, kb_tree)
    loaded = load_file(kb_tree / WILDLIFE, WILDLIFE)
    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):  # not swallowed: Ctrl-C still stops the run
        store.put((kb_tree / WILDLIFE).read_bytes(), "wildlife", loaded.data, loaded.lines)
    assert not entries(cached) and not leftovers(cached)
