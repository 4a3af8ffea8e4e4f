"""The strict loader: plain data with a line per value, and every YAML trap turned into an error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lawgap.load.strict_yaml import MAX_FILE_BYTES, load_bytes, load_file


def load(text: str):
    return load_bytes(text.encode("utf-8"), "t.yaml")


def test_scalars_follow_yaml_1_2_core_without_surprises() -> None:
    result = load('a: 1\nb: 2.5\nc: null\nd: ~\ne: true\nf: false\ng: "012"\nh: 2014-01-10\ni: -3\nj: 1e3\nk:\n')
    assert result.diagnostics == []
    assert result.data == {"a": 1, "b": 2.5, "c": None, "d": None, "e": True, "f": False, "g": "012",
                           "h": "2014-01-10", "i": -3, "j": 1000.0, "k": None}


def test_quoted_and_block_scalars_stay_text() -> None:
    result = load("a: 'NO'\nb: \"true\"\nc: |\n  yes\n")
    assert result.data == {"a": "NO", "b": "true", "c": "yes\n"}


def test_every_value_has_its_line() -> None:
    result = load("a:\n  - b: 1\n    c:\n      d: x\n  - 2\n")
    assert result.lines == {"$": 1, "$.a": 1, "$.a[0]": 2, "$.a[0].b": 2, "$.a[0].c": 3, "$.a[0].c.d": 4, "$.a[1]": 5}
    assert result.line_of("$.a[0].c.d.missing") == 4


def test_odd_keys_get_bracketed_paths() -> None:
    result = load("measures:\n  corporate-liability: 1\n  'two words': 2\n")
    assert "$.measures.corporate-liability" in result.lines
    assert "$.measures['two words']" in result.lines


@pytest.mark.parametrize("value, words", [
    ("NO", "boolean"), ("yes", "boolean"), ("Off", "boolean"), ("True", "boolean"), ("y", "boolean"),
    ("012", "another base"), ("0x1F", "another base"), ("0o17", "another base"), ("0b1011", "another base"),
    ("1:30", "base-60"), ("190:20:30", "base-60"), ("1_000", "underscores"), (".inf", "not-a-number"),
    ("NULL", "lower case"),
])
def test_yaml_1_1_traps_are_errors_with_a_quoting_tip(value: str, words: str) -> None:
    result = load(f"a: 1\nkey: {value}\n")
    assert result.data is None
    [problem] = result.diagnostics
    assert (problem.line, problem.path) == (2, "$.key")
    assert words in problem.message
    assert f"'{value}'" in problem.tip


@pytest.mark.parametrize("value", ["0b5675f59411bbeab3a0328010e3e1a5daf9ad3e", "0o8", "0xZZ", "0b2"])
def test_text_that_only_starts_like_another_base_is_text(value: str) -> None:
    """A commit hash such as 0b5675f... is no binary number (binary digits are 0 and 1): nothing to quote."""
    result = load(f"key: {value}\n")
    assert result.diagnostics == [] and result.data == {"key": value}


def test_duplicate_keys_name_both_lines() -> None:
    [problem] = load("a: 1\nb: 2\na: 3\n").diagnostics
    assert (problem.line, problem.path) == (3, "$.a")
    assert "first defined on line 1" in problem.message


def test_billion_laughs_is_rejected_fast() -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    started = time.perf_counter()
    result = load("\n".join(levels))
    assert time.perf_counter() - started < 1.0  # a sanity bound, not a benchmark: expansion would take minutes
    assert result.data is None and "anchor &a" in result.diagnostics[0].message


@pytest.mark.parametrize("text, words", [
    ("a: !!python/object/apply:os.system ['ls']\n", "tag"),
    ("a: !custom 1\n", "tag"),
    ("? [1, 2]\n: x\n", "mapping key must be plain text"),
    ("a: 1\n---\nb: 2\n", "more than one YAML document"),
    ("a:\n\t- 1\n", "not valid YAML"),
    ("a: " + "[" * 50 + "]" * 50 + "\n", "nesting deeper"),
])
def test_structural_traps_are_errors(text: str, words: str) -> None:
    result = load(text)
    assert result.data is None
    assert words in result.diagnostics[0].message


@pytest.mark.parametrize("raw, words", [
    (b"", "empty"), (b"# only a comment\n", "empty"), (b"\xef\xbb\xbfa: 1\n", "byte-order mark"),
    (b"a: \xe9t\xe9\n", "not valid UTF-8"), (b"\xff\xfea\x00:\x00", "not valid UTF-8"),
    (b"a: b\x00c\n", "NUL byte"), (b"a: \x1b[31m\n", "not allowed in YAML"),
])
def test_byte_level_traps_are_errors(raw: bytes, words: str) -> None:
    result = load_bytes(raw, "t.yaml")
    assert result.data is None
    assert words in result.diagnostics[0].message


def test_files_over_the_size_cap_are_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    result = load_file(big, "big.yaml")
    assert result.data is None
    assert "over the" in result.diagnostics[0].message and "limit" in result.diagnostics[0].message


def test_unreadable_path_is_reported(tmp_path: Path) -> None:
    result = load_file(tmp_path / "missing.yaml", "missing.yaml")
    assert result.data is None and "cannot read file" in result.diagnostics[0].message


@pytest.mark.parametrize("value, expected", [
    ("+1", 1), ("-0", 0), (".5", 0.5), ("-2.5e3", -2500.0), ("1st", "1st"), ("-x", "-x"), (".hidden", ".hidden"),
    ("Yesterday", "Yesterday"), ("Nobody", "Nobody"), ("one two", "one two"), ("s. 12", "s. 12"),
])
def test_plain_scalars_are_numbers_only_when_they_read_as_numbers(value: str, expected: object) -> None:
    """The loader looks for numbers and traps only in scalars that start with a digit, sign or dot (or are
    one of the YAML 1.1 words): what starts otherwise is text, whatever follows."""
    result = load(f"key: {value}\n")
    assert result.diagnostics == []
    assert result.data == {"key": expected} and type(result.data["key"]) is type(expected)
