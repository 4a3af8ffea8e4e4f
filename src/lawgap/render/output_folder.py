"""Where lawgap may write an output folder (`lawgap build --out DIR`, `lawgap export DIR`), and how the
new output is swapped in.

An existing output is replaced only when it is lawgap's own earlier output (it holds the marker file
below) or an empty folder. Anything else — a foreign folder, a file, a symbolic link, a source folder
of the project, the project itself or a folder that contains it — is refused before anything is
touched. The new output is written in a staging folder beside the target (same file system, so the
final rename is atomic) and renamed into place only when complete: a failed run leaves the previous
output as it was. A lock file beside the target makes a second run into the same output refuse at
once rather than race the first (a build takes seconds; waiting would only hide the clash).
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lawgap.load.layout import BASELINES_DIR, LAWS_DIR, REFERENCE_DIR, SCHEMA_DIR

MARKER = ".lawgap-output"
MARKER_SIGNATURE = "lawgap output folder\n"  # the first line; what identifies the folder as lawgap's
MARKER_TEXT = (MARKER_SIGNATURE + "Written by `lawgap build` or `lawgap export`. The next run into this folder "
               "replaces all of it: keep no files of your own here.\n")
STAGING_INFIX = ".lawgap-staging-"
LOCK_SUFFIX = ".lawgap-lock"
# The project's own folders: never an output, nor a place to put one ("site" is the hand-written pages).
SOURCE_FOLDERS = (LAWS_DIR, BASELINES_DIR, REFERENCE_DIR, SCHEMA_DIR, "site", "src", "tests", "benchmarks",
                  ".git", ".github", ".ci")
ONLY_OWN = "lawgap replaces only its own earlier output or an empty folder"


class OutputRefused(Exception):
    """lawgap may not write this output; nothing was touched."""


class OutputBusy(OutputRefused):
    """Another lawgap run is writing the same output."""


def check_output(target: Path, root: Path) -> Path:
    """The output's location if lawgap may (re)place it there; raises OutputRefused otherwise. Touches nothing."""
    location = _location(target)
    if location.is_symlink():
        raise OutputRefused(f"{target} is a symbolic link; lawgap neither replaces a link nor empties what it "
                            "points at: give the real folder's path")
    protected = _protected(location, root)
    if protected:
        raise OutputRefused(f"{target} {protected}; choose a folder of its own for the output, such as public")
    if not os.path.lexists(location):
        return location
    if not location.is_dir():
        raise OutputRefused(f"{target} is a file, not a folder; {ONLY_OWN}")
    if not is_own_output(location) and any(location.iterdir()):
        raise OutputRefused(f"{target} is a folder lawgap did not write (it has no {MARKER} file) and it is not "
                            f"empty; {ONLY_OWN}: choose another folder, or move this one away yourself")
    return location


def is_own_output(folder: Path) -> bool:
    """Does the folder hold lawgap's marker (a regular file, not a link to one)?"""
    marker = folder / MARKER
    if marker.is_symlink() or not marker.is_file():
        return False
    with marker.open("rb") as handle:
        return handle.read(len(MARKER_SIGNATURE)) == MARKER_SIGNATURE.encode()


class Staging:
    """A run's scratch folder beside the target; `output` is what becomes the target on `publish()`."""

    def __init__(self, target: Path, location: Path, root: Path, work: Path) -> None:
        self.target, self.location, self.root = target, location, root
        self.work = work
        self.output = work / "output"

    def publish(self) -> None:
        """Swap the finished output in. The previous one moves into the staging folder (removed with it)."""
        check_output(self.target, self.root)  # again, right before the only step that moves what exists
        self.output.mkdir(exist_ok=True)
        (self.output / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        previous = self.work / "previous"
        had_previous = os.path.lexists(self.location)
        if had_previous:
            os.replace(self.location, previous)
        try:
            os.replace(self.output, self.location)
        except BaseException:
            if had_previous:
                os.replace(previous, self.location)
            raise


@contextmanager
def replacing(target: Path, root: Path) -> Iterator[Staging]:
    """Check the target, lock it, clear what killed runs left, and yield a fresh staging folder.

    The caller writes the new output into `staging.output` and calls `staging.publish()`; the staging
    folder (with the previous output, after a publish) is removed on the way out, whatever happened."""
    location = check_output(target, root)
    location.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target, location):
        location = check_output(target, root)  # another run may have changed it before we held the lock
        _remove_leftovers(location)
        work = Path(tempfile.mkdtemp(prefix=f".{location.name}{STAGING_INFIX}", dir=location.parent))
        try:
            (work / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # so a killed run's folder is known as ours
            yield Staging(target, location, root, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _location(target: Path) -> Path:
    """The target's real place: its parent with links resolved, its own name kept (a link there is not followed)."""
    if target.name in ("", ".", ".."):
        return target.resolve()
    return target.parent.resolve() / target.name


def _protected(location: Path, root: Path) -> str | None:
    """Why the location can never be an output folder, or None."""
    root = root.resolve()
    if location == root:
        return f"is the project folder {root}"
    if location in root.parents:
        return f"contains the project folder {root}"
    here = Path.cwd().resolve()
    if location == here or location in here.parents:
        return f"contains the current folder {here}"
    for name in SOURCE_FOLDERS:
        for source in {root / name, (root / name).resolve()}:
            if location == source:
                return f"is the project's source folder {name}/"
            if source in location.parents:
                return f"is inside the project's source folder {name}/"
    return None


def _remove_leftovers(location: Path) -> None:
    """Remove staging folders of killed runs into the same output: by lawgap's name pattern, and only
    when they hold the marker or are empty (killed right after being created)."""
    pattern = re.compile(re.escape(f".{location.name}{STAGING_INFIX}") + r"[a-z0-9_]+")
    for entry in location.parent.iterdir():
        if (pattern.fullmatch(entry.name) and not entry.is_symlink() and entry.is_dir()
                and (is_own_output(entry) or not any(entry.iterdir()))):
            shutil.rmtree(entry)


@contextmanager
def _locked(target: Path, location: Path) -> Iterator[None]:
    """Hold an exclusive lock on `.NAME.lawgap-lock` beside the output, or refuse at once if another run has it.

    The lock file is removed on release while still held; a run that opened it just before then finds
    the path gone (or a new file there) after locking, and locks the new file instead."""
    path = location.with_name(f".{location.name}{LOCK_SUFFIX}")
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise OutputBusy(f"another lawgap run is writing {target} (it holds {path.name}); "
                             "run again when it has finished") from None
        if _same_file(descriptor, path):
            break
        os.close(descriptor)
    try:
        yield
    finally:
        os.unlink(path)
        os.close(descriptor)


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)
