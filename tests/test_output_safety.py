"""`lawgap build --out DIR` and `lawgap export DIR` replace only lawgap's own earlier output or an empty
folder; everything else is refused with exit 2 and left exactly as it was, and nothing outside the
output ever changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import copy_project

from lawgap.cli import main
from lawgap.render.output_folder import MARKER, MARKER_TEXT

AS_OF = "2026-01-01"
COMMANDS = ("build", "export")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project (with a stand-in .git) inside tmp_path, which plays the user's home folder."""
    root = copy_project(tmp_path / "project")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    monkeypatch.chdir(root)
    return root


def run(command: str, out: str | Path):
    arguments = ["build", "--out", str(out)] if command == "build" else ["export", str(out)]
    result = CliRunner().invoke(main, [*arguments, "--as-of", AS_OF])
    assert "Traceback" not in result.output
    return result


def snapshot(folder: Path, skip: Path | None = None) -> dict[str, tuple]:
    """Every entry under `folder` (links recorded, not followed) with its content, except under `skip`."""
    entries: dict[str, tuple] = {}
    for here, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(here) / name
            if skip is not None and (path == skip or skip in path.parents):
                continue
            key = str(path.relative_to(folder))
            if path.is_symlink():
                entries[key] = ("link", os.readlink(path))
            elif path.is_dir():
                entries[key] = ("folder",)
            else:
                entries[key] = ("file", path.read_bytes())
    return entries


def assert_refused(result, *phrases: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: "), result.output
    for phrase in phrases:
        assert phrase in result.output, result.output
    assert "unchanged" not in result.output  # nothing was attempted, so nothing to reassure about


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("out", [".", "./", "laws", "site", "schema", "baselines", "reference", ".git", "laws/ke",
                                 "laws/new-output", "site/out"])
def test_the_project_and_its_source_folders_are_refused(project: Path, command: str, out: str) -> None:
    before = snapshot(project.parent)
    result = run(command, out)
    assert_refused(result, "is the project folder" if out in (".", "./") else "source folder")
    assert snapshot(project.parent) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_folders_that_contain_the_project_are_refused(project: Path, command: str) -> None:
    before = snapshot(project.parent)
    for out in ("..", project.parent, project.parent.parent):  # the home folder holding the repository, and above
        assert_refused(run(command, out), "contains the project folder")
    assert snapshot(project.parent) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_holding_the_current_folder_is_refused(project: Path, command: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "public" / "notes").mkdir(parents=True)
    (project / "public" / MARKER).write_text(MARKER_TEXT)  # even lawgap's own output, while someone works inside it
    monkeypatch.chdir(project / "public" / "notes")
    before = snapshot(project.parent)
    assert_refused(run(command, ".."), "contains the current folder")
    assert snapshot(project.parent) == before


FOREIGN_FOLDERS = {
    "a home folder": {".bashrc": "export EDITOR=vi\n", "Documents/letter.txt": "Dear ...\n"},
    "a marker that is not lawgap's": {MARKER: "my own notes\n", "index.html": "<p>mine</p>\n"},
    "a user's .public.old": {"draft.md": "# keep me\n"},
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", sorted(FOREIGN_FOLDERS))
def test_a_foreign_folder_is_refused(project: Path, command: str, kind: str) -> None:
    foreign = project.parent / ".public.old" if kind == "a user's .public.old" else project.parent / "home"
    for name, text in FOREIGN_FOLDERS[kind].items():
        (foreign / name).parent.mkdir(parents=True, exist_ok=True)
        (foreign / name).write_text(text)
    before = snapshot(project.parent)
    assert_refused(run(command, foreign), "lawgap did not write", "not empty")
    assert snapshot(project.parent) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_marker_that_is_a_link_does_not_make_a_folder_lawgaps(project: Path, command: str) -> None:
    (project.parent / "real-marker").write_text(MARKER_TEXT)
    (project / "public").mkdir()
    (project / "public" / "mine.txt").write_text("mine\n")
    (project / "public" / MARKER).symlink_to(project.parent / "real-marker")
    before = snapshot(project.parent)
    assert_refused(run(command, "public"), "lawgap did not write")
    assert snapshot(project.parent) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_is_refused(project: Path, command: str) -> None:
    (project / "public").write_text("my notes, not a folder\n")
    before = snapshot(project.parent)
    assert_refused(run(command, "public"), "is a file, not a folder")
    assert snapshot(project.parent) == before


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("points_at", ["a foreign folder", "lawgap's own output"])
def test_a_symbolic_link_is_refused_and_what_it_points_at_is_kept(project: Path, command: str, points_at: str) -> None:
    elsewhere = project.parent / "elsewhere"
    if points_at == "lawgap's own output":
        assert run(command, elsewhere).exit_code == 0
    else:
        elsewhere.mkdir()
        (elsewhere / "photo.jpg").write_bytes(b"\xff\xd8 not really a photo")
    (project / "public").symlink_to(elsewhere, target_is_directory=True)
    before = snapshot(project.parent)
    assert_refused(run(command, "public"), "symbolic link")
    assert snapshot(project.parent) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_an_empty_folder_is_used(project: Path, command: str) -> None:
    (project / "public").mkdir()
    before = snapshot(project.parent, skip=project / "public")
    result = run(command, "public")
    assert result.exit_code == 0, result.output
    assert (project / "public" / MARKER).read_text() == MARKER_TEXT
    assert snapshot(project.parent, skip=project / "public") == before


@pytest.mark.parametrize("command", COMMANDS)
def test_its_own_earlier_output_is_replaced_and_nothing_beside_it_is_touched(project: Path, command: str) -> None:
    assert run(command, "public").exit_code == 0
    (project / "public" / "stale.html").write_text("from an earlier run\n")
    for user_folder in (".public.old", ".public.a1b2c3d4"):  # names earlier lawgap versions used for their own
        (project / user_folder).mkdir()
        (project / user_folder / "mine.txt").write_text("the user's, not lawgap's\n")
    before = snapshot(project.parent, skip=project / "public")
    result = run(command, "public")
    assert result.exit_code == 0, result.output
    assert not (project / "public" / "stale.html").exists()
    assert (project / "public" / MARKER).read_text() == MARKER_TEXT
    assert snapshot(project.parent, skip=project / "public") == before


KILLED_RUN = """
import os, sys
from pathlib import Path
from lawgap.render.output_folder import replacing
with replacing(Path(sys.argv[1]), Path.cwd()) as staging:
    staging.output.mkdir()
    (staging.output / "results.json").write_text("[")  # half-written
    os._exit(9)  # killed: no clean-up runs
"""


@pytest.mark.parametrize("command", COMMANDS)
def test_what_a_killed_run_left_is_removed_by_the_next_run(project: Path, command: str) -> None:
    killed = subprocess.run([sys.executable, "-c", KILLED_RUN, "public"], cwd=project, capture_output=True, text=True)
    assert killed.returncode == 9, killed.stderr
    left = sorted(p.name for p in project.iterdir() if p.name.startswith(".public."))
    assert len(left) == 2 and left[0] == ".public.lawgap-lock" and left[1].startswith(".public.lawgap-staging-"), left
    user_folder = project / ".public.lawgap-staging-mine"  # lawgap's name pattern, but not lawgap's folder
    user_folder.mkdir()
    (user_folder / "mine.txt").write_text("the user's\n")
    before = snapshot(project.parent, skip=project / "public")
    for name in left:
        del before[f"project/{name}"]
    before = {key: value for key, value in before.items() if not key.startswith(f"project/{left[1]}/")}
    result = run(command, "public")
    assert result.exit_code == 0, result.output
    assert snapshot(project.parent, skip=project / "public") == before  # the leftovers gone, the user's folder kept


HOLDER = """
import sys
from pathlib import Path
from lawgap.render.output_folder import replacing
with replacing(Path(sys.argv[1]), Path.cwd()):
    print("holding", flush=True)
    sys.stdin.read()
"""


@pytest.mark.parametrize("command", COMMANDS)
def test_a_second_run_into_the_same_output_is_refused_while_the_first_runs(project: Path, command: str) -> None:
    assert run(command, "public").exit_code == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, "public"], cwd=project, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == "holding\n", holder.stderr.read()
        before = snapshot(project.parent)
        assert_refused(run(command, "public"), "another lawgap run is writing public")
        assert snapshot(project.parent) == before
    finally:
        holder.communicate("", timeout=60)
    assert holder.returncode == 0
    before = snapshot(project.parent, skip=project / "public")
    assert run(command, "public").exit_code == 0  # once the first has finished
    assert snapshot(project.parent, skip=project / "public") == before  # no lock file or staging folder left


def test_a_failed_swap_puts_the_previous_output_back(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("export", "out").exit_code == 0
    before = snapshot(project.parent)
    real_replace = os.replace

    def full_disk_on_swap_in(source, destination):
        if Path(source).name == "output":  # the new output moving into place; the old one already moved aside
            raise OSError(28, "No space left on device")
        real_replace(source, destination)

    monkeypatch.setattr("lawgap.render.output_folder.os.replace", full_disk_on_swap_in)
    result = run("export", "out")
    assert result.exit_code == 1 and "the previous export is unchanged" in result.output, result.output
    assert snapshot(project.parent) == before
