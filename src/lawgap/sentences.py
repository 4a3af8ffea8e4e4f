"""The first sentence of a schema or baseline text, for labels and summaries.

Splitting at every ". " cut "The acts the offence covers (Palermo Protocol art. 3(a))" after "art.";
a sentence ends only at a full stop outside parentheses, after a word that is not an abbreviation legal
texts use, and before a capital letter (or the end of the text).
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset({"art", "arts", "res", "conf", "no", "nos", "s", "ss", "sec", "para", "paras", "sch", "cf", "e.g",
                           "i.e", "vol", "ch", "reg", "regs", "p", "pp", "ed", "rev", "mr", "ms", "dr", "st", "v", "vs"})
_STOP = re.compile(r"\.(?=\s+[A-Z\"'(]|\s*$)")


def first_sentence(text: str) -> str:
    """The text up to and including the first full stop that ends a sentence (the whole text if none does)."""
    folded = " ".join(text.split())
    for stop in _STOP.finditer(folded):
        before = folded[:stop.start()]
        if before.count("(") > before.count(")"):
            continue  # inside parentheses
        word = re.split(r"[\s(]", before)[-1].lower()
        if word in ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
            continue
        return folded[:stop.end()]
    return folded
