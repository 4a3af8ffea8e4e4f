"""A YAML loader that cannot be fooled: plain data only, every value with its line.

PyYAML's own loaders accept duplicate keys, expand aliases (billion laughs), apply YAML 1.1
implicit typing (`NO` -> False, `012` -> 10, `1:30` -> 90) and build Python objects from tags.
This loader walks libyaml's event stream instead and builds plain dicts, lists and scalars
itself, so each of those traps becomes an error with a line number, never a silent change.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lawgap.diagnostics import Diagnostic
from lawgap.load import yaml_errors
from lawgap.load.json_path import child_path
from lawgap.load.limits import MAX_DEPTH, MAX_FILE_BYTES
from lawgap.load.regular_files import TIP, NotRegularFile, open_regular_file

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "LoadedFile", "load_bytes", "load_file", "read_file"]


try:  # libyaml's C parser is ~13x faster; the pure-Python one gives the same events.
    _EventLoader = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - only on a PyYAML built without libyaml
    _EventLoader = yaml.BaseLoader

_NULL = {"null", "~", ""}
_BOOL = {"true": True, "false": False}
# YAML 1.1 booleans (and case variants of the 1.2 ones) that other tools read differently.
_AMBIGUOUS_BOOL = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|True|TRUE|False|FALSE)$")
_AMBIGUOUS_NULL = re.compile(r"^(Null|NULL)$")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_OTHER_BASE = re.compile(r"^[-+]?0([xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)$")  # hex, octal, binary digits only: 0b5675f... is text
_UNDERSCORE_NUMBER = re.compile(r"^[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
# C0 and C1 control characters and DEL, except tab and newline: they rewrite terminals and split CSV rows.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPECIAL_FLOAT = re.compile(r"^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$")


@dataclass
class LoadedFile:
    """The outcome of loading one file: data (None when unusable), line per JSON path, problems."""

    file: str
    data: Any = None
    lines: dict[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw: bytes | None = field(default=None, repr=False, compare=False)  # kept by without_lines()

    def without_lines(self, raw: bytes) -> LoadedFile:
        """This file (loaded from `raw`, without problems) with its line map dropped and its bytes kept: the
        map is worked out again from them if a line is asked for. Validation workers send files so: a process
        boundary carries bytes far faster than the map (unpickling 4,000 files: 0.6 s against 1.5 s)."""
        return LoadedFile(self.file, self.data, {}, [], raw)

    def line_of(self, path: str) -> int:
        """Line of the value at `path`, or of its nearest recorded ancestor."""
        if not self.lines and self.raw is not None:  # only when a problem is reported: see without_lines
            self.lines = load_bytes(self.raw, self.file).lines
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return self.lines.get("$", 1)


class _Stop(Exception):
    """A problem after which the rest of the file cannot be trusted."""

    def __init__(self, line: int, message: str, tip: str | None = None):
        super().__init__(message)
        self.line, self.message, self.tip = line, message, tip


def load_file(path: Path, display: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> LoadedFile:
    """Read and strictly parse one YAML file. Never raises for bad content; see `.diagnostics`."""
    shown = display or str(path)
    raw = read_file(path, shown, max_bytes)
    return raw if isinstance(raw, LoadedFile) else load_bytes(raw, shown, max_bytes)


def read_file(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> bytes | LoadedFile:
    """The bytes of a data file, or a LoadedFile saying why it was not read: too large, or not a regular
    file (a symlink is never followed, a FIFO never opened for a blocking read; see regular_files)."""
    try:
        with open_regular_file(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                return _fail(display, 1, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                             "split it, or shorten long quotes; data files are normally under 100 KB")
            return handle.read(max_bytes + 1)  # a file that grows past its stat size is caught by load_bytes
    except NotRegularFile as refused:
        return _fail(display, 1, refused.reason, TIP)
    except OSError as error:
        return _fail(display, 1, f"cannot read file: {error.strerror or error}")


def load_bytes(raw: bytes, display: str, max_bytes: int = MAX_FILE_BYTES) -> LoadedFile:
    """Strictly parse YAML from bytes (which must be UTF-8 without a byte-order mark)."""
    if len(raw) > max_bytes:
        return _fail(display, 1, f"file is {len(raw):,} bytes, over the {max_bytes:,}-byte limit")
    if raw.startswith(b"\xef\xbb\xbf"):
        return _fail(display, 1, "file starts with a byte-order mark (BOM)",
                     "save the file as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return _fail(display, line, f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
                     "save the file as UTF-8")
    if "\x00" in text:
        return _fail(display, text[: text.index("\x00")].count("\n") + 1, "file contains a NUL byte (binary data)")
    return _Builder(display).build(text)


def _fail(display: str, line: int, message: str, tip: str | None = None) -> LoadedFile:
    return LoadedFile(display, None, {}, [Diagnostic(display, line, "", message, tip, "yaml")])


_Scalar, _SequenceStart, _SequenceEnd = yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MappingStart, _MappingEnd, _Alias = yaml.MappingStartEvent, yaml.MappingEndEvent, yaml.AliasEvent
_NUMBER_OR_TRAP_START = frozenset("+-.0123456789")  # every number, and every trap but the words below, starts so
_TRAP_WORDS = frozenset(
    "y Y yes Yes YES n N no No NO on On ON off Off OFF True TRUE False FALSE Null NULL".split())


class _Builder:
    """Builds the data from libyaml's events (read one by one from the parser: this walk is the loader's
    hot path, ~60% of a cold `lawgap validate`), recording the line of every key and item."""

    def __init__(self, display: str):
        self.result = LoadedFile(display)
        self.next_event: Any = None

    def problem(self, line: int, path: str, message: str, tip: str | None = None) -> None:
        self.result.diagnostics.append(Diagnostic(self.result.file, line, path, message, tip, "yaml"))

    def build(self, text: str) -> LoadedFile:
        parser = _EventLoader(text)
        self.next_event = parser.get_event
        try:
            data = self._stream()
        except _Stop as stop:
            self.problem(stop.line, "", stop.message, stop.tip)
            data = None
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else 1
            lines = text.split("\n")
            source_line = lines[line - 1] if 0 < line <= len(lines) else ""
            self.problem(line, "", *yaml_errors.describe(error, source_line))
            data = None
        except yaml.reader.ReaderError as error:  # control characters: a position, not a mark
            line = text[: error.position].count("\n") + 1
            self.problem(line, "", f"character U+{error.character:04X} is not allowed in YAML",
                         "remove control characters; data files are plain text")
            data = None
        finally:
            parser.dispose()
        if data is None and not self.result.diagnostics:
            self.problem(1, "", "file is empty", "a data file starts with `schema_version: 1`")
        self.result.data = None if self.result.diagnostics else data
        return self.result

    def _stream(self) -> Any:
        documents = 0
        data = None
        while (event := self.next_event()) is not None:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Stop(event.start_mark.line + 1, "more than one YAML document in the file",
                                "remove the `---` line; one file holds one document")
                self.result.lines["$"] = event.start_mark.line + 1
            elif isinstance(event, (yaml.NodeEvent, yaml.CollectionStartEvent)):
                self.result.lines["$"] = event.start_mark.line + 1
                data = self._node(event, "$", 0)
        return data

    def _node(self, event: yaml.Event, path: str, depth: int) -> Any:
        kind = event.__class__
        if kind is _Alias:
            raise _Stop(event.start_mark.line + 1, f"alias *{event.anchor} is not allowed", "write the value out in full")
        if event.anchor is not None:
            raise _Stop(event.start_mark.line + 1, f"anchor &{event.anchor} is not allowed",
                        "write each value out in full; anchors and aliases are not supported")
        if event.tag is not None and event.tag != "!":
            raise _Stop(event.start_mark.line + 1, f"tag {event.tag} is not allowed",
                        "remove the tag; lawgap files hold plain text, numbers, true/false/null, lists and mappings")
        if depth > MAX_DEPTH:
            raise _Stop(event.start_mark.line + 1, f"nesting deeper than {MAX_DEPTH} levels")
        if kind is _Scalar:
            return self._scalar(event, path)
        if kind is _SequenceStart:
            return self._sequence(path, depth)
        if kind is _MappingStart:
            return self._mapping(path, depth)
        raise _Stop(event.start_mark.line + 1, f"unexpected YAML event {kind.__name__}")  # pragma: no cover

    def _sequence(self, path: str, depth: int) -> list[Any]:
        items: list[Any] = []
        lines, next_event, node = self.result.lines, self.next_event, self._node
        while (item_event := next_event()).__class__ is not _SequenceEnd:
            item_path = f"{path}[{len(items)}]"
            lines[item_path] = item_event.start_mark.line + 1
            items.append(node(item_event, item_path, depth + 1))
        return items

    def _mapping(self, path: str, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        lines, next_event, node = self.result.lines, self.next_event, self._node
        while (key_event := next_event()).__class__ is not _MappingEnd:
            key_line = key_event.start_mark.line + 1
            if key_event.__class__ is not _Scalar or key_event.anchor or key_event.tag not in (None, "!"):
                raise _Stop(key_line, "a mapping key must be plain text", "keys are simple names such as `title:`")
            key = self._scalar(key_event, path)
            value_event = next_event()
            if key.__class__ is not str:
                self.problem(key_line, path, f"key {key_event.value!r} is not text", f"quote it: '{key_event.value}'")
                key = key_event.value
            member_path = child_path(path, key)
            if key in first_line:
                self.problem(key_line, member_path, f"duplicate key {key!r} (first defined on line {first_line[key]})",
                             "YAML keeps only one of them; merge the two entries")
                node(value_event, member_path + "#duplicate", depth + 1)
                continue
            first_line[key] = key_line
            lines[member_path] = key_line
            mapping[key] = node(value_event, member_path, depth + 1)
        return mapping

    def _scalar(self, event: yaml.ScalarEvent, path: str) -> Any:
        value = event.value
        control = _CONTROL.search(value)
        if control:  # double-quoted escapes (\e, \r, \0, \x85) put what the reader refused back in
            self.problem(event.start_mark.line + 1, path, f"text contains the control character U+{ord(control.group()):04X}",
                         "remove escapes such as \\e, \\r, \\0 or \\a; text holds printable characters, "
                         "newlines and tabs only")
        if not event.implicit[0]:  # quoted or block scalars are always text
            return value
        if value in _NULL:
            return None
        if value in _BOOL:
            return _BOOL[value]
        if value[0] not in _NUMBER_OR_TRAP_START and value not in _TRAP_WORDS:
            return value  # plain text: no number pattern or YAML 1.1 trap can match it
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
        trap = _yaml11_trap(value)
        if trap:
            tip = f"write true or false, or quote it: '{value}'" if _AMBIGUOUS_BOOL.match(value) else f"quote it: '{value}'"
            self.problem(event.start_mark.line + 1, path, f"{value} is ambiguous: {trap}", tip)
        return value


def _yaml11_trap(value: str) -> str | None:
    """Why an unquoted scalar means something else to YAML 1.1 tools, or None."""
    if _AMBIGUOUS_BOOL.match(value):
        return "YAML 1.1 tools read it as a boolean; lawgap accepts only lower-case true/false"
    if _AMBIGUOUS_NULL.match(value):
        return "null must be written in lower case"
    if _LEADING_ZERO.match(value) or _OTHER_BASE.match(value):
        return "YAML 1.1 tools read a leading 0 / 0x / 0o as another base (012 -> 10)"
    if _SEXAGESIMAL.match(value):
        return "YAML 1.1 tools read it as a base-60 number (1:30 -> 90)"
    if _UNDERSCORE_NUMBER.match(value):
        return "YAML 1.1 tools read it as a number with the underscores dropped"
    if _SPECIAL_FLOAT.match(value):
        return "infinity and not-a-number are not valid data values"
    return None
