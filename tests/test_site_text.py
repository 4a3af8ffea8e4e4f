"""What readers see on the built site: text escaped exactly once, whatever characters it holds.

Escaping twice (a numeric reference such as `&#45;` escaped again to `&amp;#45;`) shows readers the
reference instead of the character, e.g. "day&#45;fines" in a penalty table."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import copy_project

from lawgap.cli import main

# Markdown and HTML specials in a contributor-written name (valid data: no markup)
NAME = "Kenya-Test (A_B) #1 & *co* 'x'"
SHOWN_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")


class VisibleText(HTMLParser):
    """Text a reader sees: character data outside script and style, and attributes shown as tooltips or labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        self.parts.extend(value for name, value in attrs if name in SHOWN_ATTRIBUTES and value)

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(page: Path) -> str:
    parser = VisibleText()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Visible text of every page of the bundled project, built with Kenya renamed to NAME."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    jurisdiction = project / "laws/ke/jurisdiction.yaml"
    jurisdiction.write_text(jurisdiction.read_text(encoding="utf-8").replace("name: Kenya\n", f'name: "{NAME}"\n', 1), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        patch.setenv("LAWGAP_NO_CACHE", "1")
        result = CliRunner().invoke(main, ["build", "--out", "public", "--as-of", "2026-01-01"])
    assert result.exit_code == 0, result.output
    public = project / "public"
    return {str(page.relative_to(public)): visible_text(page) for page in sorted(public.rglob("*.html"))}


@pytest.mark.parametrize("code, unit", [("br", "day-fines"), ("mx", "day-fines"), ("au", "penalty-units"),
                                             ("co", "monthly-minimum-wages")])
def test_fine_units_read_as_written(site: dict[str, str], code: str, unit: str) -> None:
    assert f"× {unit}" in site[f"jurisdictions/{code}.html"]


def test_no_page_shows_a_character_reference(site: dict[str, str]) -> None:
    shown = {page: text for page, text in site.items() if "&#" in text or "&amp;" in text or "&lt;" in text}
    assert shown == {}, {page: text[text.find("&") - 40:text.find("&") + 40] for page, text in shown.items()}


def test_contributor_text_reads_literally(site: dict[str, str]) -> None:
    assert site["jurisdictions/ke.html"].count(NAME) >= 2  # page title and heading, at least
    assert NAME in site["jurisdictions/index.html"] and NAME in site["domains/wildlife.html"]


def test_downloads_page_states_the_csv_formula_rule(site: dict[str, str]) -> None:
    downloads = site["downloads.html"]
    assert "starts with an apostrophe" in downloads and "as a formula" in downloads and "OWASP" in downloads
