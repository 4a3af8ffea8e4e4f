"""A file copied over a file of another kind is rejected by the schema its place picks, cache or no cache.

Copying one kind of file over another is a plausible slip (a wildlife.yaml saved as jurisdiction.yaml,
a jurisdiction file over reference/exchange-rates.yaml). Every ordered pair of kinds must end in
`validate` exit 1 with errors naming the overwritten file, and `score` / `build` refusing the data
plainly: never a traceback, never a pass. With the cache on, the copied bytes are already cached
under their own kind, which must not count for the kind of their new place.
"""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from fixture_support import add_project_references
from lawgap.cli import main

PROJECT = Path(__file__).resolve().parents[1]

FILE_OF_KIND = {
    "jurisdiction": "laws/ke/jurisdiction.yaml",
    "wildlife": "laws/ke/wildlife.yaml",
    "human-trafficking": "laws/ke/human-trafficking.yaml",
    "organ-trafficking": "laws/ke/organ-trafficking.yaml",
    "baseline": "baselines/cites.yaml",
    "exchange-rates": "reference/exchange-rates.yaml",
    "changelog": "reference/changelog.yaml",
    "source-hosts": "reference/source-hosts.yaml",
}
PAIRS = list(itertools.permutations(FILE_OF_KIND, 2))


@pytest.fixture
def full_tree(kb_tree: Path) -> Path:
    """The fixture laws with the project's baselines and exchange rates: every kind of file."""
    return add_project_references(kb_tree)


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    # anything but a clean exit (an uncaught KeyError, say) reaches here as result.exception
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def diagnostics() -> list[dict]:
    result = run("validate", "--format", "json")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("cache", ["cache-off", "cache-on"])
@pytest.mark.parametrize(("source", "target"), PAIRS, ids=[f"{s}-over-{t}" for s, t in PAIRS])
def test_a_file_copied_over_another_kind_is_rejected(full_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     source: str, target: str, cache: str) -> None:
    if cache == "cache-on":
        monkeypatch.delenv("LAWGAP_NO_CACHE")
        monkeypatch.setenv("LAWGAP_CACHE_DIR", str(tmp_path / "cache"))
        assert run("validate").exit_code == 0  # every file, the source included, now cached under its own kind
    shutil.copyfile(full_tree / FILE_OF_KIND[source], full_tree / FILE_OF_KIND[target])

    found = diagnostics()
    assert found and {d["file"] for d in found} == {FILE_OF_KIND[target]}
    if cache == "cache-on":  # the cache never changes the answer
        monkeypatch.setenv("LAWGAP_NO_CACHE", "1")
        assert found == diagnostics()
        monkeypatch.delenv("LAWGAP_NO_CACHE")

    for command in (["score"], ["build", "--out", str(tmp_path / "public")]):
        result = run(*command)
        assert result.exit_code == 1 and "fix them (lawgap validate) first" in result.output, result.output
        assert FILE_OF_KIND[target] in result.output
    assert not (tmp_path / "public").exists()
