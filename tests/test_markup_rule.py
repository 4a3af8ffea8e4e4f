"""The markup-in-text rule catches event-handler attributes however a tag is spelled, and leaves
statutes' editorial angle brackets alone. Each string goes into an offence title of the valid fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawgap.cli import main

TITLE = "title: Dealing in endangered species"

# Any tag with an on...= attribute is markup: unlisted tag names, any case, unquoted or odd values,
# attributes after a newline, tab, slash or closing quote.
EVENT_HANDLERS = (
    "<details open ontoggle=(alert)(1)>",
    "<marquee onstart=(confirm)()>",
    "<custom-element onfocus=[1].map(alert) autofocus>",
    "<X ONCLICK = (alert)(1)>",
    "<x onclick=`alert(1)`>",
    "<details\nontoggle=(alert)(1)>",
    "<details open\n  ontoggle\n  =\n  (alert)(1)>",
    "<x/onclick=(alert)(1)>",
    '<x title="a"onclick=(alert)(1)>',
    # Caught before by the tag-name list; kept so that list cannot be narrowed without notice.
    "<svg/onload=alert(1)>",
    "<IMG SRC=x ONERROR=alert(1)>",
)
EDITORIAL_NOTES = (
    "<Artículo modificado por el artículo 1 de la Ley 1453 de 2011>",
    "<Repealed on 1 January 2014>",
)


def validate_title(kb_tree: Path, title: str) -> tuple[int, list[dict]]:
    wildlife = kb_tree / "laws/ke/wildlife.yaml"
    text = wildlife.read_text(encoding="utf-8")
    assert TITLE in text
    wildlife.write_text(text.replace(TITLE, f"title: {json.dumps(title)}", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--format", "json"])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout) if result.exit_code else []


@pytest.mark.parametrize("markup", EVENT_HANDLERS)
def test_a_tag_with_an_event_attribute_is_markup(markup: str, kb_tree: Path) -> None:
    exit_code, problems = validate_title(kb_tree, f"Dealing in endangered species {markup}")
    assert exit_code == 1
    assert [(p["file"], p["rule"]) for p in problems] == [("laws/ke/wildlife.yaml", "markup-in-text")], problems
    assert "HTML tag" in problems[0]["message"]


@pytest.mark.parametrize("note", EDITORIAL_NOTES)
def test_editorial_angle_brackets_are_not_markup(note: str, kb_tree: Path) -> None:
    assert validate_title(kb_tree, f"Dealing in endangered species {note}") == (0, [])
