"""requirements/lock.txt pins every dependency that pyproject.toml declares, inside its declared range."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PROJECT = Path(__file__).resolve().parents[1]
LOCK = PROJECT / "requirements" / "lock.txt"


def locked_versions() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if match:
            pins[canonicalize_name(match[1])] = match[2]
    return pins


def test_every_declared_dependency_is_locked_within_its_range() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    pins = locked_versions()
    for text in declared:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in requirements/lock.txt: regenerate the lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{requirement.name}=={pins[name]} in the lock is outside {requirement.specifier}: regenerate the lock")


def test_ci_and_workflows_install_from_the_lock() -> None:
    installs = [PROJECT / ".ci" / "run", *sorted((PROJECT / ".github" / "workflows").glob("*.yml"))]
    for path in installs:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "pip install" in line and "-e" in line and path.name != "upstream.yml":
                assert "-c requirements/lock.txt" in line, f"{path.name}: {line.strip()}"
