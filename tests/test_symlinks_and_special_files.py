"""lawgap reads only regular files of the repository: a symlink (wherever it points), a FIFO or an
unreadable folder under laws/, site/ or as CONTRIBUTING.md is an error naming the path, never read,
quoted, published, skipped or waited on (policy: CONTRIBUTING.md, "Files"; code: load.regular_files).

Git commits symlinks, so each case here is something a pull request can do to CI. The cases that used
to hang run the CLI in a subprocess with a timeout, so a regression fails instead of hanging."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import copy_project

from lawgap.cli import main
from lawgap.load.regular_files import open_regular_file

SECRET = "SECRET_TOKEN=do-not-print-me-0123456789abcdefghijklmnopqrstuvwxyz-0123456789abcdefghijklmnop\n"
SECONDS = 30  # far above a normal run (~1 s); reached only if lawgap blocks


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)  # a traceback
    return result


def run_in_subprocess(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process: a read that blocks shows up as TimeoutExpired, not a hung suite."""
    command = [sys.executable, "-c", "import sys; from lawgap.cli import main; sys.exit(main())", *args]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=SECONDS)
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the repository, standing for the rest of the build machine."""
    folder = tmp_path.parent / f"{tmp_path.name}-outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(SECRET)
    return folder


def assert_refused(output: str, name: str, reason: str) -> None:
    assert f"{name}:1: " in output and reason in output, output
    assert "SECRET" not in output and "do-not-print" not in output, output


# -- data files ---------------------------------------------------------------------------------


def test_a_data_file_linked_to_valid_yaml_outside_the_repository_is_refused(kb_tree: Path, outside: Path) -> None:
    wildlife = kb_tree / "laws/ke/wildlife.yaml"
    (outside / "wildlife.yaml").write_bytes(wildlife.read_bytes())
    wildlife.unlink()
    wildlife.symlink_to(outside / "wildlife.yaml")
    result = run("validate")
    assert result.exit_code == 1
    assert_refused(result.output, "laws/ke/wildlife.yaml", "symbolic link")


def test_a_data_file_linked_to_any_other_file_is_refused_without_quoting_it(kb_tree: Path, outside: Path) -> None:
    wildlife = kb_tree / "laws/ke/wildlife.yaml"
    wildlife.unlink()
    wildlife.symlink_to(outside / "secret.txt")
    for output_format in ("text", "json", "github"):
        result = run("validate", "--format", output_format)
        assert result.exit_code == 1
        assert "SECRET" not in result.output and "do-not-print" not in result.output, result.output
    diagnostics = json.loads(run("validate", "--format", "json").output)
    assert [(d["file"], d["line"]) for d in diagnostics] == [("laws/ke/wildlife.yaml", 1)]


def test_a_link_that_stays_inside_the_repository_is_refused_too(kb_tree: Path) -> None:
    # the policy is "no symlinks", not "no symlinks out": simpler to state, check and review
    (kb_tree / "laws/ke/notes.md").symlink_to("wildlife.yaml")
    result = run("validate")
    assert result.exit_code == 1
    assert_refused(result.output, "laws/ke/notes.md", "symbolic link")


def test_a_linked_path_given_on_the_command_line_is_refused(kb_tree: Path, outside: Path) -> None:
    (outside / "ke").mkdir()
    (outside / "ke/wildlife.yaml").write_bytes((kb_tree / "laws/ke/wildlife.yaml").read_bytes())
    (kb_tree / "laws/xx").symlink_to(outside / "ke", target_is_directory=True)
    result = run("validate", "laws/xx/wildlife.yaml")
    assert result.exit_code == 1
    assert_refused(result.output, "laws/xx", "symbolic link")


def test_a_fifo_given_as_a_path_is_refused_without_blocking(kb_tree: Path) -> None:
    wildlife = kb_tree / "laws/ke/wildlife.yaml"
    wildlife.unlink()
    os.mkfifo(wildlife)
    done = run_in_subprocess(kb_tree, "validate", "laws/ke/wildlife.yaml")
    assert done.returncode == 1
    assert_refused(done.stdout, "laws/ke/wildlife.yaml", "named pipe (FIFO)")


@pytest.mark.skipif(not os.access("/proc/kmsg", os.R_OK), reason="/proc/kmsg is absent or unreadable here")
def test_a_link_to_the_kernel_log_is_refused_without_blocking(kb_tree: Path) -> None:
    wildlife = kb_tree / "laws/ke/wildlife.yaml"
    wildlife.unlink()
    wildlife.symlink_to("/proc/kmsg")  # a read blocks until the kernel logs something
    done = run_in_subprocess(kb_tree, "validate")
    assert done.returncode == 1
    assert_refused(done.stdout, "laws/ke/wildlife.yaml", "symbolic link")


# -- scanning: nothing is skipped silently -------------------------------------------------------


def test_a_linked_jurisdiction_folder_is_an_error_not_a_vanished_jurisdiction(kb_tree: Path, outside: Path) -> None:
    (kb_tree / "laws/ke").rename(outside / "ke")
    (kb_tree / "laws/ke").symlink_to(outside / "ke", target_is_directory=True)
    result = run("validate")
    assert result.exit_code == 1
    assert_refused(result.output, "laws/ke", "symbolic link")


def test_a_fifo_met_while_scanning_is_an_error(kb_tree: Path) -> None:
    os.mkfifo(kb_tree / "laws/ke/pipe.yaml")
    done = run_in_subprocess(kb_tree, "validate")
    assert done.returncode == 1
    assert_refused(done.stdout, "laws/ke/pipe.yaml", "named pipe (FIFO)")


def test_a_self_loop_is_an_error(kb_tree: Path) -> None:
    (kb_tree / "laws/ke/loop.yaml").symlink_to("loop.yaml")
    result = run("validate")
    assert result.exit_code == 1
    assert_refused(result.output, "laws/ke/loop.yaml", "symbolic link")


def test_an_unreadable_folder_is_an_error(kb_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = kb_tree / "laws/ke"
    folder.chmod(0)
    try:
        if os.access(folder, os.R_OK):  # root reads any folder: make listing it fail as it would for anyone else
            real_scandir = os.scandir

            def scandir(path: str = ".") -> object:
                if Path(path).resolve() == folder.resolve():
                    raise PermissionError(13, "Permission denied", str(path))
                return real_scandir(path)

            monkeypatch.setattr(os, "scandir", scandir)
        result = run("validate")
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 1
    assert_refused(result.output, "laws/ke", "cannot be read: Permission denied")


# -- the site --------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


def build() -> object:
    return run("build", "--out", "public", "--as-of", "2026-01-01")


@pytest.mark.parametrize("link", ["site/leak.md", "site/assets/leak.txt", "site/leaked-folder", "CONTRIBUTING.md"])
def test_the_site_publishes_no_file_through_a_link(project: Path, outside: Path, link: str) -> None:
    path = project / link
    if path.exists():
        path.unlink()
    path.symlink_to(outside if link.endswith("folder") else outside / "secret.txt")
    result = build()
    assert result.exit_code == 1
    assert f"{link} is a symbolic link" in result.output and "SECRET" not in result.output, result.output
    assert not (project / "public").exists()


def test_a_fifo_in_site_stops_the_build_without_blocking(project: Path) -> None:
    os.mkfifo(project / "site/pipe.md")
    done = run_in_subprocess(project, "build", "--out", "public", "--as-of", "2026-01-01")
    assert done.returncode == 1
    assert "site/pipe.md is a named pipe (FIFO)" in done.stderr, done.stderr
    assert not (project / "public").exists()


def test_the_packages_own_schema_link_still_serves_the_schemas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # in a development install src/lawgap/schema links to schema/: the project's own link, not data
    shipped = Path(str(files("lawgap") / "schema"))
    with open_regular_file(shipped / "wildlife.schema.json") as handle:
        assert json.load(handle)["title"]
    shutil.copytree(Path(__file__).parent / "fixtures/valid/laws", tmp_path / "laws")
    monkeypatch.chdir(tmp_path)  # no schema/ here: another repository's data, checked with the shipped schemas
    result = run("validate")
    assert result.exit_code == 0, result.output


# -- contributor commands -------------------------------------------------------------------------


@pytest.mark.parametrize("link", ["laws/at/jurisdiction.yaml", "laws/at"])
def test_new_never_writes_through_a_link(kb_tree: Path, outside: Path, link: str) -> None:
    target = outside / "written-here"  # dangling: does not exist yet
    if link != "laws/at":
        (kb_tree / "laws/at").mkdir()
    (kb_tree / link).symlink_to(target)
    result = run("new", "AT")
    assert result.exit_code != 0
    assert f"{link} is a symbolic link" in result.output, result.output
    assert not target.exists()
    assert not (kb_tree / "laws/at").is_dir() or sorted(p.name for p in (kb_tree / "laws/at").iterdir()) == ["jurisdiction.yaml"]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


@pytest.mark.parametrize("target", ["/etc/passwd", "wildlife.yaml"])
def test_diff_on_a_commit_holding_a_link_names_it(kb_tree: Path, target: str) -> None:
    git(kb_tree, "init", "-q", "-b", "main")
    git(kb_tree, "add", "-A")
    git(kb_tree, "commit", "-q", "-m", "data")
    (kb_tree / "laws/ke/notes.md").symlink_to(target)
    git(kb_tree, "add", "-A")
    git(kb_tree, "commit", "-q", "-m", "a link")
    result = run("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 1
    assert "laws/ke/notes.md at HEAD is a symbolic link" in result.output, result.output
    working_tree = run("diff", "HEAD~1")  # the working tree holds the same link
    assert working_tree.exit_code == 1
    assert "laws/ke/notes.md:1: is a symbolic link" in working_tree.output, working_tree.output


# -- schema files ---------------------------------------------------------------------------------


def test_a_fifo_among_the_schemas_stops_validation_without_blocking(kb_tree: Path) -> None:
    schema = kb_tree / "schema" / "wildlife.schema.json"
    schema.unlink()
    os.mkfifo(schema)
    done = run_in_subprocess(kb_tree, "validate")
    assert done.returncode == 1
    assert "wildlife.schema.json" in done.stderr and "named pipe (FIFO)" in done.stderr, done.stderr


def test_a_schema_linked_outside_the_repository_is_refused_without_quoting_it(kb_tree: Path, outside: Path) -> None:
    schema = kb_tree / "schema" / "wildlife.schema.json"
    schema.unlink()
    schema.symlink_to(outside / "secret.txt")
    result = run("validate")
    assert result.exit_code == 1
    assert "wildlife.schema.json" in result.output and "symbolic link" in result.output, result.output
    assert "SECRET" not in result.output
