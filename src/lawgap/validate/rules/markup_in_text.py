"""Free text holds no markup: no HTML tags, Markdown links or images, attribute lists or script URLs.

The site shows contributor text literally (render/site/escape.py), so markup would only appear as
stray symbols to readers; in data it is almost always a mistake or an attempt at injection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document

RULE = "markup-in-text"

# Tag names, not any "<...>": statutes use angle brackets for editorial notes ("<Artículo modificado ...>").
_TAGS = ("a|abbr|audio|b|base|body|br|button|div|em|embed|form|frame|frameset|head|html|i|iframe|img|input|"
         "link|math|meta|object|p|script|select|source|span|strong|style|svg|table|td|textarea|th|tr|u|video")
_MARKUP = (
    (re.compile(rf"<\s*/?\s*(?:{_TAGS})(?=[\s/>])", re.IGNORECASE), "an HTML tag"),
    # Any tag name (browsers run handlers on <details>, <marquee>, custom elements...), any value
    # syntax: an on...= attribute after a space, newline, slash or quote inside the tag.
    (re.compile(r"<[a-z][\w:.-]*[^<>]*?[\s/\"']on[a-z]+\s*=", re.IGNORECASE), "an HTML tag with an event attribute"),
    (re.compile(r"\bon[a-z]+\s*=\s*[\"'\w]", re.IGNORECASE), "an HTML event attribute"),
    (re.compile(r"!?\[[^\]\n]*\]\s*\("), "a Markdown link or image"),
    (re.compile(r"\{\s*:?\s*[#.]?[\w-]+\s*=|\{:\s"), "a Markdown attribute list"),
    (re.compile(r"\b(?:javascript|vbscript)\s*:|\bdata:[a-z]+/[a-z]", re.IGNORECASE), "a script or data URL"),
)
_URL_KEYS = {"url"}  # URLs are checked by the schema (https only)
_ANY_MARKUP_CHARACTER = re.compile(r"[<\[{=:]")  # every pattern needs one of these; most text has none


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    for path, key, value in document.nodes():
        if not isinstance(value, str) or key in _URL_KEYS or not _ANY_MARKUP_CHARACTER.search(value):
            continue
        for pattern, what in _MARKUP:
            match = pattern.search(value)
            if match:
                yield document.problem(RULE, path, f"text contains {what}: {match.group(0)[:40]!r}",
                                       "lawgap shows text exactly as written; describe it in words instead of markup")
                break
