"""The YAML parser's errors reach contributors in lawgap's own words, whatever PyYAML's release says."""

from __future__ import annotations

import pytest
import yaml

from lawgap.load import yaml_errors
from lawgap.load.strict_yaml import MAX_DEPTH, load_bytes

# Phrases that only the parser uses: none may reach a message.
PARSER_WORDS = ("while scanning", "while parsing", "found character", "exceeded maximum", "expected <", "could not find")


@pytest.mark.parametrize(("text", "line", "message", "tip"), [
    ("note: " + "[" * 1200 + "]" * 1200 + "\n", 1, f"nesting deeper than {MAX_DEPTH} levels", "brackets"),
    ("a:\n\t- b\n", 2, "a tab where YAML expects spaces", "spaces, not tabs"),
    ("a: b: c\n", 1, "a ': ' inside an unquoted value", "must be quoted"),
    ('a: "\\q"\n', 1, "a bad escape sequence", "single quotes"),
    ("a: 'open\n", 2, "a quoted text is never closed", "close the quote"),
    ("a: [1, 2\n", 2, "inline list", "brackets"),
    ("a: @x\n", 1, "a character that cannot start a value", "quote the value"),
    ("a:\n  b: 1\n c: 2\n", 3, "the structure breaks here", "indentation"),
])
def test_parser_errors_are_described_in_lawgaps_words(text: str, line: int, message: str, tip: str) -> None:
    [problem] = load_bytes(text.encode(), "f.yaml").diagnostics
    assert (problem.line, problem.file) == (line, "f.yaml")
    assert message in problem.message and tip in (problem.tip or "")
    assert not any(word in problem.message for word in PARSER_WORDS), problem.message


def fake_error(context: str | None, problem: str) -> yaml.MarkedYAMLError:
    return yaml.scanner.ScannerError(context, None, problem, None)


def test_the_nesting_limit_is_lawgaps_whatever_the_parser_calls_it() -> None:
    # PyYAML 6.0.4 phrased it one way; another release may say "maximum nesting depth exceeded".
    for error in (fake_error("while increasing flow level", "exceeded maximum nesting depth"),
                  fake_error(None, "maximum nesting depth exceeded")):
        message, _ = yaml_errors.describe(error, "note: [[[[")
        assert message == f"nesting deeper than {MAX_DEPTH} levels"


def test_an_unknown_kind_of_parser_error_keeps_the_parsers_words_out_of_the_message() -> None:
    message, tip = yaml_errors.describe(fake_error(None, "some wording from a future release"), "a: b")
    assert message == "not valid YAML: the parser stopped here"
    assert tip is not None and "some wording from a future release" in tip


@pytest.mark.parametrize("escape", ["\\e[2K", "\\r", "\\0", "\\a", "\\x85", "\\x7f", "\\b"])
def test_control_characters_from_double_quoted_escapes_are_rejected(escape: str) -> None:
    text = f'schema_version: 1\nnote: "before{escape}after"\n'
    [problem] = load_bytes(text.encode(), "f.yaml").diagnostics
    assert (problem.line, problem.path) == (2, "$.note")
    assert "control character" in problem.message


@pytest.mark.parametrize("text", ['a: "tab\\there"\n', 'a: "line\\nbreak"\n', "a: |\n  two\n  lines\n"])
def test_tabs_and_newlines_in_text_stay_allowed(text: str) -> None:
    assert load_bytes(text.encode(), "f.yaml").diagnostics == []
