"""lawgap's own words for the YAML parser's errors.

PyYAML's wording changes between releases (6.0.4 added its own nesting limit, which now speaks
before lawgap's), so messages and tips never pass the parser's text through: each known kind of
parser error is recognised here and described in lawgap's terms. Only an error of a kind not
listed falls back to a generic message, with the parser's detail in the tip for the curious.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from lawgap.load.limits import MAX_DEPTH

NOT_VALID = "not valid YAML"


@dataclass(frozen=True)
class _Kind:
    """A kind of parser error: fragments that identify it, and what lawgap says about it."""

    fragments: tuple[str, ...]
    message: str
    tip: str | None


# Checked in order; the first kind with a fragment found in the parser's text wins.
_KINDS = (
    _Kind(("nesting depth", "maximum nesting"), f"nesting deeper than {MAX_DEPTH} levels",
          "data files nest a few levels only; remove the extra brackets or indentation"),
    _Kind(("found character '\\t'",), f"{NOT_VALID}: a tab where YAML expects spaces",
          "indent with spaces, not tabs"),
    _Kind(("mapping values are not allowed",), f"{NOT_VALID}: a ': ' inside an unquoted value",
          "a value containing ': ' must be quoted"),
    _Kind(("found unknown escape character", "expected escape sequence", "found unexpected end of stream"
           " while scanning a double-quoted"), f"{NOT_VALID}: a bad escape sequence in double-quoted text",
          "inside double quotes write \\\\ for a backslash, or use single quotes"),
    _Kind(("while scanning a quoted scalar", "while scanning a double-quoted", "while scanning a single-quoted"),
          f"{NOT_VALID}: a quoted text is never closed", "close the quote opened on this line or above"),
    _Kind(("while parsing a flow", "flow sequence", "flow mapping"),
          f"{NOT_VALID}: an inline list [ ] or mapping {{ }} is not closed or is malformed",
          "check the brackets and commas on this line and the lines above"),
    _Kind(("cannot start any token",), f"{NOT_VALID}: a character that cannot start a value",
          "quote the value: a value may not start with ` @ % or a tab"),
    _Kind(("could not find expected ':'", "did not find expected", "expected <block end>", "expected a comment"),
          f"{NOT_VALID}: the structure breaks here",
          "check indentation, and quotes left open on the lines above (the parser noticed here)"),
    _Kind(("while scanning an anchor", "while scanning an alias"), f"{NOT_VALID}: a malformed anchor or alias",
          "remove the & or *; anchors and aliases are not supported"),
    _Kind(("while scanning a tag", "while scanning a directive", "found undefined tag handle"),
          f"{NOT_VALID}: a malformed tag or directive", "remove lines starting with % and values starting with !"),
    _Kind(("while scanning a block scalar", "while scanning a plain scalar", "while scanning a simple key"),
          f"{NOT_VALID}: a value is malformed", "quote the value"),
)


def describe(error: yaml.MarkedYAMLError, source_line: str) -> tuple[str, str | None]:
    """lawgap's message and tip for a parser error at a line whose text is `source_line`."""
    detail = " ".join(part for part in (error.context, error.problem) if part) or str(error)
    indentation = source_line[: len(source_line) - len(source_line.lstrip())]
    if "\t" in indentation:
        return f"{NOT_VALID}: a tab where YAML expects spaces", "indent with spaces, not tabs"
    for kind in _KINDS:
        if any(fragment in detail for fragment in kind.fragments):
            return kind.message, kind.tip
    return f"{NOT_VALID}: the parser stopped here", f"the parser's own words: {detail}"
