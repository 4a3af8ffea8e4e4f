"""`lawgap build`: the pages policy staff read, built strictly, deterministically and atomically."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import copy_project, tree_bytes

from lawgap.cli import main

AS_OF = "2026-01-01"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_project(tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path / "project"


def build(out: str = "public"):
    result = CliRunner().invoke(main, ["build", "--out", out, "--as-of", AS_OF])
    assert "Traceback" not in result.output
    return result


def test_build_writes_every_kind_of_page(project: Path) -> None:
    result = build()
    assert result.exit_code == 0, result.output
    site = project / "public"
    for page in ("index.html", "jurisdictions/index.html", "jurisdictions/ke.html", "domains/wildlife.html",
                 "baselines/cites.html", "methodology.html", "compare.html", "downloads.html", "contributing.html",
                 "data/results.json", "data/compare.json", "schemas/wildlife.schema.json", "assets/maps/wildlife.svg",
                 "search/search_index.json"):
        assert (site / page).is_file(), page
    kenya = html.unescape((site / "jurisdictions/ke.html").read_text())
    assert "Wildlife Conservation and Management Act, 2013, s. 92" in kenya  # the provision behind the core penalty
    assert "edit this data" in kenya and "laws/ke/wildlife.yaml" in kenya
    assert "What would close the gaps" in kenya or "Requirements" in kenya
    methodology = (site / "methodology.html").read_text()
    assert "cites-penalize-trade" in methodology and "4 years" in methodology
    index = (site / "jurisdictions/index.html").read_text()
    assert all(f'<h2 id="{region}">' in index for region in ("africa", "americas", "asia", "europe", "oceania"))
    for page in site.rglob("*.html"):  # a Markdown heading or table row printed as text means a block broke
        text = re.sub(r"<(pre|code)[^>]*>.*?</\1>", "", page.read_text(), flags=re.S)
        assert not re.search(r">\s*#{2,} \w|\|---\|", text), page
    compare = json.loads((site / "data/compare.json").read_text())
    assert {"KE", "GB", "ZA"} <= set(compare["jurisdictions"])


def test_build_is_deterministic(project: Path) -> None:
    assert build("one").exit_code == 0
    assert build("two").exit_code == 0
    first, second = tree_bytes(project / "one"), tree_bytes(project / "two")
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_invalid_data_publishes_nothing(project: Path) -> None:
    assert build().exit_code == 0
    before = tree_bytes(project / "public")
    wildlife = project / "laws/ke/wildlife.yaml"
    wildlife.write_text(wildlife.read_text().replace("jurisdiction: KE", "jurisdiction: KE\njurisdiction: KE"))
    result = build()
    assert result.exit_code == 1
    assert "duplicate key" in result.output
    assert tree_bytes(project / "public") == before


def test_strict_mkdocs_failure_leaves_the_previous_site(project: Path) -> None:
    assert build().exit_code == 0
    before = tree_bytes(project / "public")
    (project / "site/notes.md").write_text("# Notes\n\nSee [the missing page](missing.md) and [a bad anchor](compare.md#nowhere).\n")
    result = build()
    assert result.exit_code == 1
    assert "previous site" in result.output
    assert tree_bytes(project / "public") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".public.")], "staging folder left behind"


PAYLOADS = {
    "script": "<script>alert('name')</script>",
    "link": "[click](javascript:alert(1))",
    "image": "![x](https://evil.example/x.png) <img src=x onerror=alert(1)>",
    "pipe": "s. 92 | injected cell | another",
    "attributes": "Act { onclick=alert(1) } {: onmouseover=alert(2) }",
    "block": "line one\n# Injected heading\n<iframe src=https://evil.example>",
}


class _Tags(HTMLParser):
    """Collects every tag with its attributes from a built page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def test_markup_in_data_is_rejected_by_validate(project: Path) -> None:
    wildlife = project / "laws/ke/wildlife.yaml"
    wildlife.write_text(wildlife.read_text().replace("provision: s. 92\n", f"provision: {json.dumps(PAYLOADS['link'])}\n", 1))
    result = build()
    assert result.exit_code == 1 and "Markdown link" in result.output


def test_untrusted_text_never_becomes_markup(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Payloads in every free-text field that reaches the site survive only as visible text — even with
    the markup rule switched off, so the renderer's escaping is tested on its own (defence in depth)."""
    from lawgap.validate import pipeline, rules

    monkeypatch.setattr(pipeline, "ALL_RULES", tuple(r for r in rules.ALL_RULES if r is not rules.markup_in_text))
    jurisdiction = project / "laws/ke/jurisdiction.yaml"
    jurisdiction.write_text(jurisdiction.read_text().replace("name: Kenya", f"name: {json.dumps('Kenya ' + PAYLOADS['script'])}"))
    wildlife = project / "laws/ke/wildlife.yaml"
    text = wildlife.read_text()
    text = text.replace("title: Offences in respect of endangered or threatened species or their trophies",
                        f"title: {json.dumps(PAYLOADS['link'] + ' ' + PAYLOADS['block'])}", 1)
    text = text.replace("title: Wildlife Conservation and Management Act, 2013", f"title: {json.dumps(PAYLOADS['image'])}", 1)
    text = text.replace("provision: s. 92\n", f"provision: {json.dumps(PAYLOADS['pipe'] + ' ' + PAYLOADS['attributes'])}\n")
    wildlife.write_text(text)
    result = build()
    assert result.exit_code == 0, result.output

    for page in (project / "public").rglob("*.html"):
        parser = _Tags()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attributes in parser.tags:
            assert tag not in ("iframe",), f"{page}: injected <{tag}>"
            assert not (tag == "img" and attributes.get("src") in ("x", "https://evil.example/x.png")), f"{page}: injected image"
            assert not any(name.startswith("on") for name in attributes), f"{page}: event attribute on <{tag}>"
            for name in ("href", "src"):
                assert not (attributes.get(name) or "").lower().startswith("javascript:"), f"{page}: javascript link"
        raw = page.read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "Injected heading</h1>" not in raw
    kenya = (project / "public/jurisdictions/ke.html").read_text(encoding="utf-8")
    visible = html.unescape(re.sub(r"<[^>]+>", "", kenya))
    assert "Kenya <script>alert('name')</script>" in visible  # shown literally, as the contributor typed it
    assert "s. 92 | injected cell | another" in visible  # the pipe stayed inside its cell
    # every penalty-table row still has its six cells
    rows = re.findall(r"<tr>(.*?)</tr>", kenya, flags=re.S)
    penalty_rows = [r for r in rows if "injected cell" in r]
    assert penalty_rows and all(r.count("<td") == 6 for r in penalty_rows if "2014-01-10" in r)
