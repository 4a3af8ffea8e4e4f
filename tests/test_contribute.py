"""The contributor workflow end to end: scaffold -> fill -> validate -> diff, on a real git repository."""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from site_support import PROJECT, copy_project

from lawgap.cli import main
from lawgap.contribute.vocabulary_doc import END, START, vocabulary_markdown
from lawgap.load.strict_yaml import load_bytes
from lawgap.validate.schema_layer import SchemaSet


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_project(tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "data")
    monkeypatch.chdir(root)
    return root


FILLED = {
    "jurisdiction.yaml": {"un_region: null  # required: fill in": "un_region: Europe",
                          "currency: null  # required: fill in": "currency: EUR",
                          "legal_systems: null  # required: fill in": "legal_systems: [civil-law]",
                          "last_reviewed: null  # required: fill in": 'last_reviewed: "2026-01-15"'},
    "domain": {"last_reviewed: null  # required: fill in": 'last_reviewed: "2026-01-15"'},
}


def fill(folder: Path) -> None:
    for path in folder.glob("*.yaml"):
        text = path.read_text()
        for old, new in FILLED["jurisdiction.yaml" if path.name == "jurisdiction.yaml" else "domain"].items():
            assert old in text, (path.name, old)
            text = text.replace(old, new)
        path.write_text(text)


def test_scaffold_fill_validate_diff(repo: Path) -> None:
    created = run("new", "at")
    assert created.exit_code == 0, created.output
    folder = repo / "laws/at"
    assert sorted(p.name for p in folder.iterdir()) == ["human-trafficking.yaml", "jurisdiction.yaml", "organ-trafficking.yaml", "wildlife.yaml"]
    wildlife = (folder / "wildlife.yaml").read_text()
    assert wildlife.startswith("# yaml-language-server: $schema=../../schema/wildlife.schema.json")
    assert 'name: "Austria"' in (folder / "jurisdiction.yaml").read_text()

    unfilled = run("validate", "laws/at")
    assert unfilled.exit_code == 1
    assert "laws/at/wildlife.yaml:" in unfilled.output and "has no value yet" in unfilled.output

    fill(folder)
    filled = run("validate")
    assert filled.exit_code == 0, filled.output

    # a fact added in the working tree: diff names it and shows the score move
    measures = folder / "wildlife.yaml"
    text = measures.read_text().replace(
        "  management-authority:\n    value: null",
        "  management-authority:\n    value: true\n    source: {instrument: act, provision: s. 1, url: 'https://example.org/a', retrieved: '2026-01-15', verification: secondary}", 1)
    text = text.replace("instruments: []", "instruments:\n  - {id: act, title: Example Act, url: 'https://example.org/a'}", 1)
    measures.write_text(text)
    assert run("validate", "laws/at").exit_code == 0
    change = run("diff", "HEAD", "--as-of", "2026-02-01")
    assert change.exit_code == 0, change.output
    assert "laws/at/jurisdiction.yaml $: (no file) → (file)" in change.output
    assert "AT wildlife:" in change.output and "cites-authorities: — → partial" in change.output
    markdown = run("diff", "HEAD", "--format", "markdown", "--as-of", "2026-02-01").output
    assert markdown.startswith("### lawgap: how this change moves the results")
    assert "| AT | wildlife |" in markdown


def test_diff_between_two_commits_shows_penalty_moves(repo: Path) -> None:
    """On the fixture's Kenya wildlife file (the real one changes as it is re-coded): its core offence's
    penalty in force, life since 2014, lowered to 3 years."""
    path = repo / "laws/ke/wildlife.yaml"
    path.write_text((PROJECT / "tests/fixtures/valid/laws/ke/wildlife.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "fixture")
    path.write_text(path.read_text().replace("prison: {max_years: life}", "prison: {max_years: 3}", 1))
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "lower penalty")
    result = run("diff", "HEAD~1", "HEAD", "--as-of", "2026-02-01")
    assert result.exit_code == 0, result.output
    assert "KE wildlife:" in result.output
    assert "max prison life → 3" in result.output and "serious crime yes → no" in result.output
    assert "laws/ke/wildlife.yaml $.offences[0].penalty_history[1].penalty.prison.max_years: life → 3" in result.output


def test_diff_reports_bad_refs_and_invalid_data(repo: Path) -> None:
    assert run("diff", "no-such-ref").exit_code == 1
    path = repo / "laws/ke/wildlife.yaml"
    path.write_text(path.read_text() + "\nschema_version: 2\n")
    result = run("diff", "HEAD")
    assert result.exit_code == 1 and "invalid" in result.output


def test_new_refuses_unknown_codes_and_existing_files(repo: Path) -> None:
    assert "not an ISO 3166-1" in run("new", "XX").output
    assert "already has" in run("new", "KE").output
    assert "already exists" in run("new", "KE", "wildlife").output


@pytest.mark.parametrize("kind", ["wildlife", "human-trafficking", "organ-trafficking"])
def test_scaffold_examples_match_the_schema_when_uncommented(tmp_path: Path, kind: str) -> None:
    """Uncommenting the example instrument and offence gives YAML with only known fields."""
    from lawgap.contribute.scaffold import Scaffold

    schemas = SchemaSet(PROJECT / "schema")
    text = Scaffold(schemas).domain("AT", "Austria", kind)
    text = text.replace("instruments: []", "instruments:").replace("offences: []", "offences:")
    uncommented = "\n".join(re.sub(r"^# ", "", line) if re.match(r"^# ( |-)", line) else line for line in text.splitlines())
    loaded = load_bytes(uncommented.encode(), f"{kind}.yaml")
    assert loaded.diagnostics == [], loaded.diagnostics
    problems = [d for d in schemas.check(loaded, kind) if "unknown field" in d.message]
    assert problems == []
    offence = loaded.data["offences"][0]
    assert set(offence) <= set(schemas.documents[kind]["$defs"]["offence"]["properties"])
    assert "penalty_history" in offence and "source" in offence


def test_jurisdiction_scaffold_extradition_examples_validate_when_uncommented() -> None:
    """Uncommenting the example instruments and every extradition fact gives a block that passes the schema
    and the validation rules (each example cites an example instrument; the absence example backs a false)."""
    from lawgap.contribute.scaffold import Scaffold
    from lawgap.load.layout import DataFile
    from lawgap.validate.document import Context, Document
    from lawgap.validate.rules import ALL_RULES

    schemas = SchemaSet(PROJECT / "schema")
    text = Scaffold(schemas).jurisdiction("AT", "Austria")
    text = text.replace("instruments: []", "instruments:").replace("extradition: {}", "extradition:")
    for unfilled, filled in FILLED["jurisdiction.yaml"].items():
        text = text.replace(unfilled, filled)
    uncommented = "\n".join(re.sub(r"^# ", "", line) if re.match(r"^# ( |-)", line) else line for line in text.splitlines())
    loaded = load_bytes(uncommented.encode(), "jurisdiction.yaml")
    assert loaded.diagnostics == [], loaded.diagnostics
    facts = loaded.data["extradition"]
    assert set(facts) == set(schemas.documents["jurisdiction"]["$defs"]["extradition"]["properties"])
    assert facts["nationals"]["value"] == "conditional" and facts["penalty_threshold"]["value"] == {"years": 1, "judged_in": "both"}
    assert schemas.check(loaded, "jurisdiction") == []
    document = Document(DataFile("laws/at/jurisdiction.yaml", Path("laws/at/jurisdiction.yaml"), "jurisdiction", "at"), loaded)
    assert [d for rule in ALL_RULES for d in rule.check(document, Context(today=datetime.date(2026, 6, 1)))] == []


def test_contributing_vocabulary_is_current() -> None:
    contributing = (PROJECT / "CONTRIBUTING.md").read_text()
    block = contributing[contributing.index(START): contributing.index(END) + len(END)] + "\n"
    assert block == vocabulary_markdown(SchemaSet(PROJECT / "schema")), "run: lawgap vocabulary, and paste it into CONTRIBUTING.md"


def test_workflows_are_least_privilege_and_pinned() -> None:
    workflows = sorted((PROJECT / ".github/workflows").glob("*.yml"))
    assert {p.name for p in workflows} >= {"pull-request.yml", "pr-comment.yml", "publish.yml"}
    for path in workflows:
        text = path.read_text()
        workflow = yaml.safe_load(text)
        assert workflow["permissions"] == {"contents": "read"}, f"{path.name}: top-level permissions must be read-only"
        assert "pull_request_target" not in text
        for action in re.findall(r"uses:\s*(\S+)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{path.name}: {action} is not pinned to a commit"
    hooks = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["id"] == "lawgap-validate" and hooks[0]["entry"] == "lawgap validate"
    assert yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"][0]["id"] == "lawgap-validate"


def test_a_commit_made_before_a_labelling_rule_tightened_is_still_compared(repo: Path) -> None:
    """History stays readable: a commit whose data cites a third-party copy as source-text (allowed before
    reference/source-hosts.yaml existed or listed its host) is compared, and the fix shows as a change."""
    path = repo / "laws" / "gb" / "wildlife.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("verification: secondary")
    mislabelled = text[:first] + "verification: source-text" + text[first + len("verification: secondary"):]
    path.write_text(mislabelled, encoding="utf-8")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "mislabelled")
    assert run("validate").exit_code == 1  # today's rule names it
    path.write_text(text, encoding="utf-8")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "relabelled")
    result = run("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.output
    assert "source-text" in result.output and "secondary" in result.output
    path.write_text(text.replace("schema_version: 1", "schema_version: 1\nunexpected_field: 1", 1), encoding="utf-8")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "broken")
    broken = run("diff", "HEAD~1", "HEAD")  # a real problem, not a label, still stops the comparison
    assert broken.exit_code != 0 and "the data at HEAD is invalid" in broken.output
