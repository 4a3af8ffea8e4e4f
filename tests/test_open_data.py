"""Open data: the export's data package validates with frictionless and matches the files; every download
names the data version; the static API has one true-hashed file per jurisdiction × domain; CITATION.cff
is valid Citation File Format 1.2.0; the licence texts are in the repository."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from frictionless import validate

from lawgap.cli import main
from lawgap.model.build import load_knowledge_base
from lawgap.render.citation import CitationError, load_citation, parse_citation
from lawgap.render.datapackage import DOWNLOADS, RESULTS_OWN
from lawgap.render.facts import FACT_COLUMNS

PROJECT = Path(__file__).resolve().parents[1]
CFF_SCHEMA = json.loads((PROJECT / "tests/fixtures/cff/schema-1.2.0.json").read_text(encoding="utf-8"))
AS_OF = "2026-11-30"


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    return result


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`lawgap export --pairs` of the bundled data, in the project (its git history dates the data)."""
    out = tmp_path_factory.mktemp("export") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(PROJECT)
        run("export", str(out), "--as-of", AS_OF, "--pairs")
    return out


@pytest.fixture(scope="module")
def package(exported: Path) -> dict[str, Any]:
    return json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))


def frictionless_errors(descriptor: Path) -> list[str]:
    report = validate(str(descriptor))
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + \
        [error.message for error in report.errors]


def test_the_exported_data_package_validates_with_frictionless(exported: Path, package: dict[str, Any]) -> None:
    assert frictionless_errors(exported / "datapackage.json") == []
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert [r["path"] for r in package["resources"]] == [d.path for d in DOWNLOADS]  # every download, pairs included
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    facts = next(r for r in package["resources"] if r["name"] == "facts")
    assert facts["schema"]["missingValues"] == ["", "unknown"]


def test_every_resource_carries_its_true_size_and_hash(exported: Path, package: dict[str, Any]) -> None:
    for resource in package["resources"]:
        content = (exported / resource["path"]).read_bytes()
        assert resource["hash"] == f"sha256:{hashlib.sha256(content).hexdigest()}", resource["name"]
        assert resource.get("bytes", len(content)) == len(content), resource["name"]


def test_a_download_that_breaks_its_description_fails_validation(exported: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(exported, broken)
    results = broken / "results.csv"
    rows = list(csv.DictReader(results.open(encoding="utf-8")))
    rows[0]["coverage"] = "most"
    with results.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    errors = frictionless_errors(broken / "datapackage.json")
    assert any("results-table" in e and '"most"' in e for e in errors), errors
    assert any("results-table" in e and "hash" in e for e in errors), errors


def test_field_descriptions_come_from_the_results_schema_and_the_facts_columns(package: dict[str, Any]) -> None:
    schema = json.loads((PROJECT / "schema/results.schema.json").read_text(encoding="utf-8"))
    entry = schema["$defs"]["entry"]["properties"]
    table = next(r for r in package["resources"] if r["name"] == "results-table")["schema"]["fields"]
    for field in table:
        if field["name"] in RESULTS_OWN:
            continue
        expected = {"fine_status": entry["fine"]["properties"]["status"], "fine_max_usd": entry["fine"]["properties"]["max_usd"]}
        description = expected.get(field["name"], entry.get(field["name"], {})).get("description")
        assert description and field["description"].startswith(description), field["name"]
    by_name = {f["name"]: f for f in table}
    assert by_name["max_prison_years"]["unit"] == "years" and by_name["fine_max_usd"]["unit"] == "US dollars"
    assert by_name["serious_crime"]["trueValues"] == ["yes"]  # as the CSV writes true
    for resource in ("facts", "facts-json"):
        fields = next(r for r in package["resources"] if r["name"] == resource)["schema"]["fields"]
        assert [(f["name"], f["description"]) for f in fields] == [(c.name, c.description) for c in FACT_COLUMNS]


def test_every_download_names_the_data_version(exported: Path, package: dict[str, Any]) -> None:
    version = load_knowledge_base(PROJECT).data_version
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", version)
    assert package["version"] == version
    assert {e["data_version"] for e in json.loads((exported / "results.json").read_text())} == {version}
    for table in ("results.csv", "requirements.csv", "facts.csv"):
        assert {row["data_version"] for row in csv.DictReader((exported / table).open(encoding="utf-8"))} == {version}, table
    assert json.loads((exported / "api/v1/index.json").read_text())["data_version"] == version
    assert yaml.safe_load((exported / "CITATION.cff").read_text())["version"] == version


def test_the_static_api_has_one_true_file_per_jurisdiction_and_domain(exported: Path) -> None:
    results = json.loads((exported / "results.json").read_text(encoding="utf-8"))
    facts = json.loads((exported / "facts.json").read_text(encoding="utf-8"))
    index = json.loads((exported / "api/v1/index.json").read_text(encoding="utf-8"))
    assert index["as_of"] == AS_OF
    assert sorted((f["jurisdiction"], f["domain"]) for f in index["files"]) == sorted((e["jurisdiction"], e["domain"]) for e in results)
    by_key = {(e["jurisdiction"], e["domain"]): e for e in results}
    for listed in index["files"]:
        path = exported / "api/v1" / listed["path"]
        assert listed["path"] == f"{listed['jurisdiction'].lower()}/{listed['domain']}.json"
        content = path.read_bytes()
        assert (listed["sha256"], listed["bytes"]) == (hashlib.sha256(content).hexdigest(), len(content))
        document = json.loads(content)
        key = (listed["jurisdiction"], listed["domain"])
        assert document["result"] == by_key[key]
        assert document["facts"] == [row for row in facts if (row["jurisdiction"], row["domain"]) == key]


# -- citation ------------------------------------------------------------------------------------


def cff_errors(text: str) -> list[str]:
    validator = jsonschema.Draft7Validator(CFF_SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(yaml.safe_load(text))]


def test_citation_cff_is_valid_citation_file_format_and_its_stamped_copy_too(exported: Path) -> None:
    repository = (PROJECT / "CITATION.cff").read_text(encoding="utf-8")
    assert cff_errors(repository) == []
    assert "version" not in yaml.safe_load(repository)  # the version is known once the data is committed
    stamped = (exported / "CITATION.cff").read_text(encoding="utf-8")
    assert cff_errors(stamped) == []
    data = yaml.safe_load(stamped)
    assert data["date-released"] == data["version"].replace(".", "-") and data["license"] == "CC-BY-4.0"


def test_the_cff_check_catches_a_broken_citation() -> None:
    repository = (PROJECT / "CITATION.cff").read_text(encoding="utf-8")
    assert cff_errors(repository.replace("cff-version: 1.2.0", "cff-version: 1.1.0"))
    stamped = parse_citation(repository).stamped("2026.11.30").replace('date-released: "2026-11-30"', 'date-released: "30/11/2026"')
    assert cff_errors(stamped)


def test_the_citation_names_the_version_and_a_bad_file_is_named(tmp_path: Path) -> None:
    citation = load_citation(PROJECT)
    assert citation is not None and "data version 2026.11.30" in citation.reference("2026.11.30")
    assert "version = {2026.11.30}" in citation.bibtex("2026.11.30")
    assert load_citation(tmp_path) is None
    (tmp_path / "CITATION.cff").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(CitationError, match="CITATION.cff is not valid YAML"):
        load_citation(tmp_path)
    (tmp_path / "CITATION.cff").unlink()
    (tmp_path / "CITATION.cff").symlink_to(PROJECT / "CITATION.cff")
    with pytest.raises(CitationError, match="symbolic link"):
        load_citation(tmp_path)


def test_the_licence_texts_are_in_the_repository() -> None:
    legal_code = (PROJECT / "LICENSES/CC-BY-4.0.txt").read_bytes()
    # the official legal code as Creative Commons publishes it (legalcode.txt), byte for byte
    assert hashlib.sha256(legal_code).hexdigest() == "9ba9550ad48438d0836ddab3da480b3b69ffa0aac7b7878b5a0039e7ab429411"
    assert (PROJECT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "MIT" in readme and "LICENSES/CC-BY-4.0.txt" in readme
