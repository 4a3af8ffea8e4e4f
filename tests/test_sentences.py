"""First sentences of schema texts are whole: never cut at an abbreviation such as "art." ."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgap.contribute.vocabulary_doc import vocabulary_markdown
from lawgap.sentences import first_sentence
from lawgap.validate.schema_layer import SchemaSet

PROJECT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, sentence", [
    ("The acts the offence covers (Palermo Protocol art. 3(a)). Each term: true (covered).",
     "The acts the offence covers (Palermo Protocol art. 3(a))."),
    ("Trade is prohibited (Res. Conf. 8.4 requirement 2). Each term: true.", "Trade is prohibited (Res. Conf. 8.4 requirement 2)."),
    ("As in s. 92 of the Act. Later text.", "As in s. 92 of the Act."),
    ("Read e.g. Art. 5 first. Then more.", "Read e.g. Art. 5 first."),
    ("What the offence makes criminal. Each term: true.", "What the offence makes criminal."),
    ("No full stop", "No full stop"),
])
def test_first_sentence(text: str, sentence: str) -> None:
    assert first_sentence(text) == sentence


def test_vocabulary_facets_are_not_cut_at_an_abbreviation() -> None:
    """CONTRIBUTING.md showed "The acts the offence covers (Palermo Protocol art." """
    markdown = vocabulary_markdown(SchemaSet(PROJECT / "schema"))
    facet_lines = [line for line in markdown.splitlines() if line.startswith("Offence facet")]
    assert facet_lines and all(line.count("(") == line.count(")") and line.endswith(".") for line in facet_lines), facet_lines
    assert "Offence facet `acts` — The acts the offence covers (Palermo Protocol art. 3(a))." in facet_lines
