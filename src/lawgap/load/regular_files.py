"""lawgap reads only regular files of the repository: never through a symlink, never a FIFO, device or socket.

Git commits symlinks, so a pull request can point `laws/…`, `site/…` or `CONTRIBUTING.md` at any file
of the machine that validates or builds it (which would then be checked, quoted in CI logs or published),
or at a FIFO or `/proc/kmsg`, on which a read blocks forever. Data and pages are plain files in git,
so every symlink below a data or site folder is refused, wherever it points (CONTRIBUTING.md, "Files").
Each file is checked before it is opened (lstat) and again on the open descriptor (opened with
O_NOFOLLOW | O_NONBLOCK, then fstat): a link swapped in between is refused too, and opening a FIFO
cannot block.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

SYMLINK = "is a symbolic link; lawgap never follows links (one could point at any file of the machine)"
TIP = "commit the file or folder itself: data files, site pages and CONTRIBUTING.md are plain files in git"
_SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


class Refused(NamedTuple):
    """Why an entry of a folder is not read, and what to do about it."""

    reason: str
    tip: str | None = TIP


class NotRegularFile(Exception):
    """A path lawgap refuses to read: a symlink, a special file or a folder where a file was expected."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def refusal(mode: int) -> str | None:
    """Why an entry with this (lstat) mode is refused, or None for a regular file or a folder."""
    if stat.S_ISLNK(mode):
        return SYMLINK
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = next((name for test, name in _SPECIAL if test(mode)), "a special file")
    return f"is {kind}, not a regular file"


def open_regular_file(path: Path) -> BinaryIO:
    """Open `path` for reading if it is a regular file reached without following a link as its last
    step; raise NotRegularFile otherwise (OSError for the usual failures such as a missing file)."""
    mode = os.lstat(path).st_mode
    reason = refusal(mode) or ("is a folder, not a file" if stat.S_ISDIR(mode) else None)
    if reason:
        raise NotRegularFile(path, reason)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a link since the lstat above
            raise NotRegularFile(path, SYMLINK) from error
        raise
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise NotRegularFile(path, refusal(mode) or "is not a regular file")
    return os.fdopen(descriptor, "rb")


def walk_regular_files(top: Path, enter: Callable[[str], bool] = lambda name: True) -> Iterator[tuple[Path, Refused | None]]:
    """Each file at or below `top`, never following a link: (path, None) for a regular file,
    (path, Refused) for a symlink, a special file or a folder that cannot be listed. Folders whose
    name `enter` rejects are not looked into. Folder by folder, names sorted, so reports are stable."""
    try:
        mode = os.lstat(top).st_mode
    except OSError as error:
        yield top, Refused(f"cannot be read: {error.strerror or error}", None)
        return
    if not stat.S_ISDIR(mode):
        reason = refusal(mode)
        yield top, Refused(reason) if reason else None
        return
    pending = [top]
    while pending:  # a stack, not recursion: a hostile tree may nest deeper than Python's recursion limit
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield folder, Refused(f"is a folder that cannot be read: {error.strerror or error}",
                                  "make it readable (and listable) by the user running lawgap")
            continue
        subfolders = []
        for entry in entries:  # the entry's type comes with the listing: no extra system call for most
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if enter(entry.name):
                    subfolders.append(path)
            elif entry.is_file(follow_symlinks=False):
                yield path, None
            else:
                yield path, _refused(path)
        pending.extend(reversed(subfolders))


def _refused(path: Path) -> Refused:
    try:
        return Refused(refusal(os.lstat(path).st_mode) or "changed while lawgap read its folder")
    except OSError as error:
        return Refused(f"cannot be read: {error.strerror or error}", None)


def first_symlink(path: Path, inside: Path) -> Path | None:
    """The first of `path` and its folders below `inside` that is a symlink, or None. A path outside
    `inside` is not checked: the folders above a repository are the machine's, not a pull request's."""
    absolute, base = Path(os.path.abspath(path)), Path(os.path.abspath(inside))
    if absolute.parts[: len(base.parts)] != base.parts:
        return None
    for depth in range(len(base.parts) + 1, len(absolute.parts) + 1):
        step = Path(*absolute.parts[:depth])
        if step.is_symlink():
            return step
    return None
