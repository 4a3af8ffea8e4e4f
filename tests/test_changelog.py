"""`lawgap changelog`: each change classified on a small git history (one amendment, one correction,
one addition, and the edge cases of the rules), with the score moves; `--append` keeps a valid log."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from lawgap.cli import main
from lawgap.contribute.changelog import changelog
from lawgap.load.layout import CHANGELOG_FILE

PROJECT = Path(__file__).resolve().parents[1]
FIXTURE_LAWS = Path(__file__).resolve().parent / "fixtures" / "valid" / "laws"
WILDLIFE = "laws/ke/wildlife.yaml"
TRAFFICKING = "laws/ke/human-trafficking.yaml"
SOURCE = ("    source: {instrument: new-act, provision: s. 9, url: 'https://example.org/new-act#s9', "
          "retrieved: '2026-01-15', verification: source-text}\n")

# One commit per class, each a plain text edit of the fixture data.
AMENDMENT = (WILDLIFE, """          verification: source-text
    aggravated_tiers:
      - id: appendix-i""", """          verification: source-text
      - effective: "2025-06-01"
        penalty:
          prison: {max_years: 3}
        source:
          instrument: new-act
          provision: s. 92 as amended
          url: https://example.org/new-act#s92
          retrieved: "2026-01-15"
          verification: source-text
    aggravated_tiers:
      - id: appendix-i""")
CORRECTION = (TRAFFICKING, """    value: false
    source:
      instrument: ctip-act
      provision: whole Act
      url: https://example.org/ctip
      retrieved: "2026-01-15"
      verification: source-text
      absence:
        read: whole Act (ss. 1-30), read in full
        looked_for: the liability of legal persons""", """    value: true
    source:
      instrument: ctip-act
      provision: s. 20
      url: https://example.org/ctip#s20
      retrieved: "2026-01-15"
      verification: source-text""")
ADDITION = (WILDLIFE, """measures:
""", "measures:\n  confiscation-of-proceeds:\n    value: true\n" + SOURCE)


def git(repo: Path, *args: str, date: str = "2026-03-01T12:00:00+00:00") -> str:
    environment = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                   "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
                   "PATH": "/usr/bin:/bin", "HOME": str(repo)}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=environment).stdout


def edit(repo: Path, change: tuple[str, str, str], message: str, date: str) -> None:
    name, old, new = change
    path = repo / name
    content = path.read_text()
    assert content.count(old) == 1, (name, old)
    path.write_text(content.replace(old, new))
    git(repo, "commit", "-qam", message, date=date)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture laws with the project's schemas and standards, committed, then one commit per class."""
    root = tmp_path / "repo"
    shutil.copytree(PROJECT / "schema", root / "schema")
    shutil.copytree(PROJECT / "baselines", root / "baselines")
    shutil.copytree(FIXTURE_LAWS, root / "laws")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "fixture data", date="2026-02-01T09:00:00+00:00")
    edit(root, AMENDMENT, "KE wildlife: s. 92 amended", "2026-03-01T10:00:00+00:00")
    edit(root, CORRECTION, "KE trafficking: corporate liability was misread", "2026-03-02T10:00:00+00:00")
    edit(root, ADDITION, "KE wildlife: confiscation of proceeds", "2026-03-03T10:00:00+00:00")
    monkeypatch.chdir(root)
    return root


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def logged(*args: str) -> dict:
    result = run("changelog", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def kinds(entry: dict) -> list[tuple[str, str]]:
    return [(c["kind"], c["item"]) for c in entry["changes"]]


def moves(entry: dict) -> dict[tuple[str, str], dict]:
    return {(m["jurisdiction"], m["domain"]): m for m in entry["moves"]}


def test_a_new_dated_penalty_version_is_a_law_change_with_its_score_move(repo: Path) -> None:
    entry = logged("HEAD~3", "HEAD~2")
    assert kinds(entry) == [("law-change", "basic penalty of offence endangered-species, new version from 2025-06-01")]
    change = entry["changes"][0]
    assert (change["jurisdiction"], change["domain"], change["law_date"]) == ("KE", "wildlife", "2025-06-01")
    assert {"path": "$.penalty.prison.max_years", "before": "—", "after": "3"} in change["details"]
    move = moves(entry)[("KE", "wildlife")]
    assert move["max_prison_years"] == {"before": "life", "after": 3}
    assert move["score"]["after"] < move["score"]["before"]  # below the serious-crime threshold now
    assert entry["as_of"] == "2026-03-01" and entry["date"] == "2026-03-01T10:00:00Z"  # the commit's date, not today's
    assert entry["message"] == "KE wildlife: s. 92 amended"


def test_a_changed_fact_value_is_a_correction_with_its_score_move(repo: Path) -> None:
    entry = logged("HEAD~2", "HEAD~1")
    assert kinds(entry) == [("correction", "measure corporate-liability")]
    assert {"path": "$.value", "before": "no", "after": "yes"} in entry["changes"][0]["details"]
    move = moves(entry)[("KE", "human-trafficking")]
    assert move["score"]["after"] > move["score"]["before"]
    assert move["coverage"]["after"] == move["coverage"]["before"]  # known before and after: only the score moves


def test_a_new_measure_is_an_addition_with_its_score_move(repo: Path) -> None:
    entry = logged("HEAD~1", "HEAD")
    assert kinds(entry) == [("addition", "new measure confiscation-of-proceeds")]
    move = moves(entry)[("KE", "wildlife")]
    assert move["coverage"]["after"] > move["coverage"]["before"]
    assert move["max_prison_years"]["before"] == move["max_prison_years"]["after"] == 3


def test_a_range_of_commits_is_one_entry_with_each_change(repo: Path) -> None:
    entry = logged("HEAD~3", "HEAD")
    assert sorted(c["kind"] for c in entry["changes"]) == ["addition", "correction", "law-change"]
    assert set(moves(entry)) == {("KE", "wildlife"), ("KE", "human-trafficking")}


def test_text_and_markdown_name_the_classes_and_moves(repo: Path) -> None:
    text = run("changelog", "HEAD~3", "HEAD").output
    assert "Law changes (1):" in text and "Corrections (1):" in text and "Additions (1):" in text
    assert "KE wildlife: " in text and "max prison life → 3" in text
    markdown = run("changelog", "HEAD~3", "HEAD", "--format", "markdown").output
    assert "| Law changes | KE wildlife | basic penalty of offence endangered&#45;species" in markdown
    assert "| KE | wildlife |" in markdown and "life → **3**" in markdown


def test_an_effective_date_fixed_is_a_correction(repo: Path) -> None:
    path = repo / WILDLIFE
    path.write_text(path.read_text().replace('effective: "2025-06-01"', 'effective: "2025-07-01"'))
    git(repo, "commit", "-qam", "date fixed")
    entry = logged("HEAD~1", "HEAD")
    assert kinds(entry) == [("correction", "basic penalty of offence endangered-species, version from 2025-06-01 now from 2025-07-01")]


UNDATED_VERSION = """      - penalty:
          prison: {max_years: 8}
        source:
          instrument: new-act
          provision: s. 95 as amended
          url: https://example.org/new-act#s95
          retrieved: "2026-01-15"
          verification: source-text
"""


def test_an_undated_amendment_is_a_law_change_and_a_first_penalty_an_addition(repo: Path) -> None:
    path = repo / WILDLIFE
    text = path.read_text()
    history_end = text.index("    aggravated_tiers:\n      - id: repeat")
    path.write_text(text[:history_end] + UNDATED_VERSION + text[history_end:])
    git(repo, "commit", "-qam", "amended, date unknown")
    entry = logged("HEAD~1", "HEAD")
    assert kinds(entry) == [("law-change", "basic penalty of offence specimen-value-fine, new version undated")]
    assert "law_date" not in entry["changes"][0]
    # an offence whose penalty was unknown: its first penalty is an addition, dated or not
    text = path.read_text()
    first, history = text.index("  - id: specimen-value-fine"), text.index("    penalty_history:\n      - effective: \"2014-01-10\"")
    assert first < history
    path.write_text(text[:history] + text[text.index("    aggravated_tiers:\n      - id: repeat"):].replace(
        "            uplift: {max_by: \"1\", min_by: \"1/2\"}", "            penalty: {prison: {max_years: 9}}"))
    assert run("validate").exit_code == 0, run("validate").output
    git(repo, "commit", "-qam", "penalty unknown")
    git(repo, "revert", "--no-edit", "HEAD")
    entry = logged("HEAD~1", "HEAD")
    assert ("addition", "basic penalty of offence specimen-value-fine, new version from 2014-01-10") in kinds(entry)


def test_notes_and_review_dates_alone_are_editorial(repo: Path) -> None:
    path = repo / TRAFFICKING
    text = path.read_text().replace('last_reviewed: "2026-01-15"', 'last_reviewed: "2026-03-04"', 1)
    path.write_text(text.replace("        looked_for", "        looked_for", 1))
    git(repo, "commit", "-qam", "reviewed")
    entry = logged("HEAD~1", "HEAD")
    assert kinds(entry) == [("editorial", "file details")] and entry["moves"] == []


def test_a_repeal_and_a_law_newer_than_the_review_are_law_changes_an_old_law_cited_is_an_addition(repo: Path) -> None:
    path = repo / WILDLIFE  # last reviewed 2026-01-15
    path.write_text(path.read_text().replace('    in_force: "2014-01-10"\n    url: https://example.org/new-act',
                                             '    in_force: "2014-01-10"\n    repealed: "2026-02-20"\n    url: https://example.org/new-act')
                    .replace("instruments:\n", "instruments:\n  - {id: later-act, title: Later Act, in_force: '2026-02-20', "
                             "url: 'https://example.org/later'}\n  - {id: penal-code, title: Penal Code, in_force: '1930-01-01', "
                             "url: 'https://example.org/code'}\n  - {id: undated-act, title: Undated Act, url: 'https://example.org/u'}\n", 1))
    git(repo, "commit", "-qam", "repeal")
    entry = logged("HEAD~1", "HEAD")
    assert {(c["kind"], c["item"], c.get("law_date")) for c in entry["changes"]} == {
        ("law-change", "new instrument later-act", "2026-02-20"),  # in force after the file was last reviewed
        ("law-change", "instrument new-act", "2026-02-20"),  # repealed
        ("addition", "new instrument penal-code", None),  # a law long in force, newly cited
        ("addition", "new instrument undated-act", None),
    }
    path.write_text(path.read_text().replace("{id: undated-act, title: Undated Act,", "{id: undated-act, title: Undated Act, in_force: '1999-05-01',"))
    git(repo, "commit", "-qam", "commencement found")
    assert kinds(logged("HEAD~1", "HEAD")) == [("addition", "instrument undated-act")]  # a date found, not a change in the law


def test_a_new_instrument_that_sets_an_amended_penalty_is_a_law_change(repo: Path) -> None:
    path = repo / WILDLIFE
    path.write_text(path.read_text().replace("instruments:\n", "instruments:\n  - {id: amending-act, title: Amending Act, "
                                             "enacted: '2025-05-01', url: 'https://example.org/amending'}\n", 1)
                    .replace("          provision: s. 92 as amended\n", "          provision: s. 92 as amended\n", 1)
                    .replace("          instrument: new-act\n          provision: s. 92 as amended", "          instrument: amending-act\n          provision: s. 3"))
    assert run("validate").exit_code == 0, run("validate").output
    git(repo, "commit", "-qam", "the amending act cited")
    # the version is not new in this commit, so the amending act is only cited: an addition
    assert ("addition", "new instrument amending-act") in kinds(logged("HEAD~1", "HEAD"))
    assert ("law-change", "new instrument amending-act") in kinds(logged("HEAD~4", "HEAD"))  # with its new version: the law change


def test_a_new_jurisdiction_is_one_addition(repo: Path) -> None:
    shutil.copytree(repo / "laws/ke", repo / "laws/tz")
    for path in (repo / "laws/tz").glob("*.yaml"):
        path.write_text(path.read_text().replace("jurisdiction: KE", "jurisdiction: TZ").replace("code: KE", "code: TZ")
                        .replace("name: Kenya", "name: Tanzania").replace("currency: KES", "currency: TZS"))
    assert run("validate").exit_code == 0, run("validate").output
    git(repo, "add", "laws/tz")
    git(repo, "commit", "-qm", "TZ")
    entry = logged("HEAD~1", "HEAD")
    assert [(c["kind"], c["item"], c["jurisdiction"]) for c in entry["changes"]] == [("addition", "new jurisdiction TZ", "TZ")]
    assert entry["changes"][0]["facts"] > 100  # every value of its four files
    assert {m["jurisdiction"] for m in entry["moves"]} == {"TZ"}


def test_append_logs_each_commit_once_in_a_valid_file(repo: Path) -> None:
    first = run("changelog", "HEAD~3", "HEAD~2", "--append")
    assert first.exit_code == 0, first.output
    assert "logged" in first.stderr and "(1 entries)" in first.stderr
    second = run("changelog", "HEAD~2", "HEAD~1", "--append", "--format", "json")
    assert second.exit_code == 0, second.output
    log = yaml.safe_load((repo / CHANGELOG_FILE).read_text())
    assert [e["message"] for e in log["entries"]] == ["KE wildlife: s. 92 amended", "KE trafficking: corporate liability was misread"]
    assert log["entries"][1] == json.loads(second.stdout)
    assert run("validate").exit_code == 0  # the log is a reference file: lawgap validate checks it
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE((repo / CHANGELOG_FILE).stat().st_mode) == 0o666 & ~umask  # not the temporary file's 0600
    before = (repo / CHANGELOG_FILE).read_bytes()
    again = run("changelog", "HEAD~3", "HEAD~2", "--append")
    assert again.exit_code == 1 and "already logged" in again.output
    assert (repo / CHANGELOG_FILE).read_bytes() == before


def test_a_commit_that_changed_no_data_is_not_logged(repo: Path) -> None:
    (repo / "README").write_text("code only\n")
    git(repo, "add", "README")
    git(repo, "commit", "-qm", "docs")
    result = run("changelog", "HEAD~1", "HEAD", "--append")
    assert result.exit_code == 0 and "nothing logged: no data changed" in result.stderr
    assert not (repo / CHANGELOG_FILE).exists()


def test_append_refuses_an_invalid_log_and_the_working_tree(repo: Path) -> None:
    (repo / "reference").mkdir()
    (repo / CHANGELOG_FILE).write_text("schema_version: 1\nentries:\n- commit: nope\n")
    result = run("changelog", "HEAD~1", "HEAD", "--append")
    assert result.exit_code == 1 and "reference/changelog.yaml:3:" in result.output
    assert (repo / CHANGELOG_FILE).read_text() == "schema_version: 1\nentries:\n- commit: nope\n"
    assert list((repo / "reference").iterdir()) == [repo / CHANGELOG_FILE]  # no temporary file left
    assert run("changelog", "HEAD", "--append").exit_code == 2  # a working tree has no commit to log


def test_bad_refs_are_reported_plainly(repo: Path) -> None:
    result = run("changelog", "no-such-ref", "HEAD")
    assert result.exit_code == 1 and "unknown revision" in result.output and "no-such-ref" in result.output


def test_the_first_data_commit_compares_with_no_data(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README").write_text("code only\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "code")
    shutil.copytree(PROJECT / "schema", root / "schema")
    shutil.copytree(PROJECT / "baselines", root / "baselines")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "standards")
    entry = changelog(root, "HEAD~1", "HEAD")
    assert {c.kind for c in entry.changes} == {"method"} and len(entry.changes) == len(list((PROJECT / "baselines").glob("*.yaml")))


def test_the_log_may_outgrow_a_hand_written_files_limit_but_stays_bounded(repo: Path) -> None:
    """The log is machine-written and grows with every commit: past 512 KB it still validates (hand-written
    data files do not), and past its own limit it is refused like any oversized file."""
    from lawgap.load.limits import MAX_FILE_BYTES, max_file_bytes

    assert run("changelog", "HEAD~3", "HEAD~2", "--append").exit_code == 0
    log = (repo / CHANGELOG_FILE).read_text()
    note = "# " + "x" * 1000 + "\n"  # comments: the entries stay valid whatever the padding
    (repo / CHANGELOG_FILE).write_text(log + note * (MAX_FILE_BYTES // len(note) + 10))
    assert (repo / CHANGELOG_FILE).stat().st_size > MAX_FILE_BYTES
    assert run("validate").exit_code == 0
    (repo / CHANGELOG_FILE).write_text(log + note * (max_file_bytes("changelog") // len(note) + 10))
    refused = run("validate")
    assert refused.exit_code == 1 and "reference/changelog.yaml:1: file is" in refused.output and "-byte limit" in refused.output
    assert max_file_bytes("wildlife") == MAX_FILE_BYTES
