"""Facts in plain words, from the schema's own descriptions (the vocabulary), never a second hand-written list.

`offences[core].means_required_children = false` reads "The offence requires a means even when the
victim is a child: no". A measure reads as its description's first sentence ("Attempting the offence
is itself an offence"); a facet term as the facet's first sentence and the term's description ("The
forms of exploitation the offence covers — Servitude"); a yes/no field as its description's "true:"
clause. Citations in a trailing parenthesis are dropped: the requirement beside the fact names its article.
"""

from __future__ import annotations

import re

from lawgap.engine.rules import CORE_MAX_PRISON
from lawgap.sentences import first_sentence
from lawgap.vocabulary import Vocabulary

VALUE_WORDS = {"true": "yes", "false": "no", "unknown": "unknown"}
CORE_MAX_PRISON_LABEL = "Maximum prison term of the core offence"
# a closing parenthesis that cites a treaty article, resolution or principle (possibly with nested brackets)
_CITATION = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\b(?:art|arts|Art|Arts|Res|Principle|Declaration|requirement)\b"
                       r"(?:[^()]|\([^()]*\))*\)$")
_PATH = re.compile(r"^(?:measures\.(?P<measure>[^.]+)\.value|offences\[(?:core)?\]\.(?P<facet>[^.]+)(?:\.(?P<term>.+))?)$")


def fact_label(vocabulary: Vocabulary, path: str) -> str:
    """The plain-language name of the fact recorded at `path` (engine.rules.fact_of)."""
    if path == CORE_MAX_PRISON:
        return CORE_MAX_PRISON_LABEL
    found = _PATH.match(path)
    if not found:
        return path
    if found["measure"]:
        return _phrase(vocabulary.descriptions.get(f"measures.{found['measure']}"), found["measure"])
    facet, term = found["facet"], found["term"]
    if term is None:  # a yes/no field: its "true:" clause says what yes means
        description = vocabulary.descriptions.get(facet, "")
        clause = re.search(r"\btrue:\s*(.*?)(?:\s+(?:false|null):|$)", description)
        return _capitalised(_phrase(clause.group(1) if clause else None, facet))
    return f"{_phrase(vocabulary.descriptions.get(facet), facet)} — {_phrase(vocabulary.descriptions.get(f'{facet}.{term}'), term)}"


def value_words(value: str) -> str:
    """true / false / unknown as yes / no / unknown; a penalty ("5 years", "life") as it is."""
    return VALUE_WORDS.get(value, value)


def _phrase(description: str | None, fallback: str) -> str:
    if not description:
        return fallback.replace("-", " ").replace("_", " ")
    sentence = first_sentence(description).rstrip(".")
    return _CITATION.sub("", sentence).strip()


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
