"""Where the knowledge base lives and which kind of file each path is."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from lawgap.diagnostics import Diagnostic
from lawgap.load.regular_files import SYMLINK, Refused, first_symlink, walk_regular_files

DOMAINS = ("wildlife", "human-trafficking", "organ-trafficking")
JURISDICTION_FILE = "jurisdiction.yaml"
LAWS_DIR = "laws"
SCHEMA_DIR = "schema"
BASELINES_DIR = "baselines"
REFERENCE_DIR = "reference"
REFERENCE_KINDS = ("exchange-rates", "changelog", "source-hosts")
CHANGELOG_FILE = f"{REFERENCE_DIR}/changelog.yaml"  # written by `lawgap changelog --append`


@dataclass(frozen=True, order=True)
class DataFile:
    """A data file with the name shown to users and the kind that decides its schema."""

    display: str
    path: Path
    kind: str  # "jurisdiction", a domain name, "baseline" or a reference kind
    folder: str  # the jurisdiction folder name (e.g. "ke"), or baselines / reference


def find_root(start: Path | None = None) -> Path:
    """The project folder: the nearest ancestor of `start` (default: cwd) holding schema/."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / SCHEMA_DIR / "common.schema.json").is_file():
            return candidate
    return Path.cwd()


def schema_dir(root: Path) -> Path:
    """The project's schema/ folder, or the copy shipped inside the package (for other repositories'
    data, e.g. through the pre-commit hook)."""
    local = root / SCHEMA_DIR
    if (local / "common.schema.json").is_file():
        return local
    return Path(str(files("lawgap") / SCHEMA_DIR))


def default_targets(root: Path) -> list[Path]:
    """What `lawgap validate` checks when given no path: the data folders that exist."""
    folders = [root / name for name in (LAWS_DIR, BASELINES_DIR, REFERENCE_DIR)]
    return [folder for folder in folders if folder.is_dir()] or [root / LAWS_DIR]


def display_name(path: Path) -> str:
    """Path as the user should see it: relative to the working directory when below it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def discover(paths: Iterable[Path]) -> tuple[list[DataFile], list[Diagnostic]]:
    """Data files under the given files/folders, plus problems with names and places.

    Symlinks, special files (FIFOs, devices, sockets) and folders that cannot be listed are problems,
    never skipped: a skipped folder would make a jurisdiction vanish while validation passes."""
    files: dict[Path, DataFile] = {}
    problems: list[Diagnostic] = []
    for given in paths:
        linked = first_symlink(given, Path.cwd())
        if linked is None and not os.path.lexists(given):
            problems.append(Diagnostic(display_name(given), 1, "", "no such file or folder", rule="layout"))
            continue
        # hidden folders (.git, editor state) are not data; a hidden *.yaml file is reported, not skipped
        found = [(linked, Refused(SYMLINK))] if linked else walk_regular_files(given, lambda name: not name.startswith("."))
        for path, refused in found:
            if refused:
                problems.append(Diagnostic(display_name(path), 1, "", refused.reason, refused.tip, "layout"))
                continue
            if path.name.startswith(".") and path.suffix not in (".yaml", ".yml"):
                continue
            data_file, problem = _classify(path)
            if problem:
                problems.append(problem)
            elif data_file:
                files[path.resolve()] = data_file
    return sorted(files.values()), problems


def _classify(path: Path) -> tuple[DataFile | None, Diagnostic | None]:
    shown = display_name(path)
    if path.suffix == ".yml":
        return None, Diagnostic(shown, 1, "", "data files end in .yaml", f"rename it to {path.stem}.yaml", "layout")
    if path.suffix != ".yaml":
        if path.suffix in {".md", ".txt"}:
            return None, None  # notes beside the data are allowed
        return None, Diagnostic(shown, 1, "", "not a YAML data file", "only .yaml files belong under laws/", "layout")
    folder = path.parent.name
    if folder == BASELINES_DIR:
        return DataFile(shown, path, "baseline", folder), None
    if folder == REFERENCE_DIR:
        if path.stem in REFERENCE_KINDS:
            return DataFile(shown, path, path.stem, folder), None
        return None, Diagnostic(shown, 1, "", f"unexpected reference file {path.name!r}",
                                f"reference/ holds {', '.join(k + '.yaml' for k in REFERENCE_KINDS)}", "layout")
    if path.parent.parent.name != LAWS_DIR:
        return None, Diagnostic(shown, 1, "", "data files live in laws/<code>/, baselines/ or reference/ (e.g. laws/ke/wildlife.yaml)", rule="layout")
    if path.name == JURISDICTION_FILE:
        return DataFile(shown, path, "jurisdiction", folder), None
    if path.stem in DOMAINS:
        return DataFile(shown, path, path.stem, folder), None
    allowed = ", ".join([JURISDICTION_FILE] + [f"{d}.yaml" for d in DOMAINS])
    return None, Diagnostic(shown, 1, "", f"unexpected file name {path.name!r}", f"a jurisdiction folder holds {allowed}", "layout")
