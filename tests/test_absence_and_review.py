"""Absence findings and review records travel from the data file to the results contract, the site
and the scaffold of `lawgap new`."""

from __future__ import annotations

import datetime
import html
import json
import re
from pathlib import Path

import markdown
import pytest
import yaml
from click.testing import CliRunner

from fixture_support import add_project_references
from lawgap.cli import main
from lawgap.contribute.scaffold import Scaffold
from lawgap.engine.assessment import assess
from lawgap.load.layout import DOMAINS
from lawgap.model.build import load_knowledge_base
from lawgap.render.results_json import assessment_dict
from lawgap.render.site.pages import SitePages
from lawgap.validate.schema_layer import SchemaSet

DAY = datetime.date(2026, 2, 1)


@pytest.fixture
def tree(kb_tree: Path) -> Path:
    """The valid fixture tree with the real baselines and exchange rates, so requirements have evidence."""
    return add_project_references(kb_tree)


def results(root: Path) -> tuple[object, list[dict]]:
    kb = load_knowledge_base(root)
    return kb, [assessment_dict(kb, assess(kb, code, domain, DAY)) for code in sorted(kb.jurisdictions) for domain in DOMAINS]


def visible(page: str) -> str:
    """The text a reader sees: Markdown rendered, tags dropped, entities decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markdown.markdown(page))).split())


def test_results_say_which_evidence_is_an_absence_finding_and_carry_the_review(tree: Path) -> None:
    kb, entries = results(tree)
    SchemaSet(tree / "schema").validator("results").validate(entries)
    trafficking = next(e for e in entries if e["domain"] == "human-trafficking")
    evidence = [item for r in trafficking["requirements"] for item in r["evidence"]]
    absences = [item for item in evidence if item["absence_finding"]]
    assert absences and {item["fact"] for item in absences} == {"measure corporate-liability"}
    assert absences[0]["source"]["absence"] == {"read": "whole Act (ss. 1-30), read in full", "looked_for": "the liability of legal persons"}
    assert any(item["value"] == "true" and not item["absence_finding"] for item in evidence)
    assert trafficking["review"] == {"method": "double", "date": "2026-01-15", "facts_compared": 24, "divergences": 2, "resolved": 2,
                                     "note": "Fixture record; both divergences were provision citations."}
    assert next(e for e in entries if e["domain"] == "wildlife")["review"] is None


def test_site_shows_absence_findings_review_status_and_agreement_rate(tree: Path) -> None:
    kb, entries = results(tree)
    pages = SitePages(kb, entries, DAY.isoformat(), None, {})
    kenya = pages.jurisdiction("KE")
    assert ('<span class="lawgap-absence">absence finding</span> whole Act (ss. 1-30), read in full; '
            "no provision on the liability of legal persons") in kenya
    shown = visible(kenya)
    assert ("Review: double coding, 2026-01-15: 24 facts compared, 2 divergences (8.3 %), 2 resolved — "
            "Fixture record; both divergences were provision citations.") in shown
    assert "Review: no review record yet" in shown  # the wildlife file has none
    methodology = visible(pages.methodology())
    assert "Overall agreement rate: 91.7 % = 1 − Σ divergences ÷ Σ facts compared, over the 1 double-coding" in methodology
    assert "double-code until divergence is under 5 %, then spot-check 20 % of the facts" in methodology


def test_methodology_says_when_nothing_is_double_coded_yet(tree: Path) -> None:
    path = tree / "laws/ke/human-trafficking.yaml"
    path.write_text(path.read_text().replace("  method: double\n", "  method: single\n").replace("  facts_compared: 24\n", "  facts_compared: 0\n")
                    .replace("  divergences: 2\n  resolved: 2\n", "  divergences: 0\n  resolved: 0\n"))
    kb, entries = results(tree)
    pages = SitePages(kb, entries, DAY.isoformat(), None, {})
    assert "Overall agreement rate: no double coding yet" in visible(pages.methodology())
    assert "Review: single coding, 2026-01-15: not yet compared with a second coding" in visible(pages.jurisdiction("KE"))


EARLIER_REVIEW = """earlier_reviews:
  - method: double
    date: "2026-01-10"
    facts_compared: 24
    divergences: 4
    resolved: 4
    note: The full double coding.
review:
  method: spot-check
  date: "2026-01-15"
  facts_compared: 6
  divergences: 1
  resolved: 1
"""


def with_earlier_review(tree: Path) -> Path:
    """The KE trafficking fixture after a spot-check of changes made since its double coding (kept as earlier)."""
    path = tree / "laws/ke/human-trafficking.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("review:\n"), text.index("instruments:\n")
    path.write_text(text[:start] + EARLIER_REVIEW + text[end:], encoding="utf-8")
    return path


def test_earlier_review_records_travel_to_the_results_and_the_site_and_count_in_the_agreement_rate(tree: Path) -> None:
    with_earlier_review(tree)
    assert CliRunner().invoke(main, ["validate", str(tree / "laws/ke")]).exit_code == 0
    kb, entries = results(tree)
    SchemaSet(tree / "schema").validator("results").validate(entries)
    trafficking = next(e for e in entries if e["domain"] == "human-trafficking")
    assert trafficking["review"]["method"] == "spot-check"
    assert [(r["method"], r["date"], r["note"]) for r in trafficking["earlier_reviews"]] == [("double", "2026-01-10", "The full double coding.")]
    assert next(e for e in entries if e["domain"] == "wildlife")["earlier_reviews"] == []
    pages = SitePages(kb, entries, DAY.isoformat(), None, {})
    shown = visible(pages.jurisdiction("KE"))
    assert ("Review: spot check, 2026-01-15: 6 facts compared, 1 divergence (16.7 %), 1 resolved Earlier: double coding, "
            "2026-01-10: 24 facts compared, 4 divergences (16.7 %), 4 resolved.") in shown
    assert "The full double coding" not in shown  # an earlier record's note stays in the data and results
    methodology = visible(pages.methodology())  # (4 + 1) divergences in (24 + 6) facts
    assert "Overall agreement rate: 83.3 % = 1 − Σ divergences ÷ Σ facts compared, over the 2 double-coding" in methodology


@pytest.mark.parametrize("change, path, message", [
    (('    facts_compared: 24\n    divergences: 4\n', '    facts_compared: 24\n    divergences: 25\n'),
     "$.earlier_reviews[0].divergences", "25 divergences among 24 facts compared"),
    (('date: "2026-01-10"', 'date: "2026-02-10"'), "$.earlier_reviews", "earlier_reviews are not oldest first, before review"),
    (("review:\n  method: spot-check\n  date: \"2026-01-15\"\n  facts_compared: 6\n  divergences: 1\n  resolved: 1\n", ""),
     "$.earlier_reviews", "earlier_reviews without a review"),
])
def test_an_earlier_review_record_is_checked_like_the_newest(tree: Path, change: tuple[str, str], path: str, message: str) -> None:
    file = with_earlier_review(tree)
    file.write_text(file.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tree / "laws/ke"), "--format", "json"])
    assert result.exit_code == 1, result.output
    problems = json.loads(result.output)
    assert [(p["path"], p["message"]) for p in problems] == [(path, message)]


def test_scaffold_examples_of_review_and_absence_validate(tree: Path) -> None:
    """The commented examples `lawgap new` writes, put into a real file, pass validation."""
    scaffold = Scaffold(SchemaSet(tree / "schema")).domain("KE", "Kenya", "human-trafficking")
    review_line = next(line for line in scaffold.splitlines() if line.startswith("# review: "))
    absence_line = next(line for line in scaffold.splitlines() if "absence: {" in line)
    review = yaml.safe_load(review_line.removeprefix("# "))["review"]
    absence = yaml.safe_load(absence_line.split("#", 1)[1].strip().removeprefix("source: "))["absence"]
    path = tree / "laws/ke/human-trafficking.yaml"
    data = yaml.safe_load(path.read_text())
    data["review"] = review
    data["measures"]["corporate-liability"]["source"]["absence"] = absence
    path.write_text(json.dumps(data))  # JSON is YAML; dates stay quoted strings
    result = CliRunner().invoke(main, ["validate", "laws/ke/human-trafficking.yaml"])
    assert result.exit_code == 0, result.output
    assert review["method"] == "double" and absence["read"]
