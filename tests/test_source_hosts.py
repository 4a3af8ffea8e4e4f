"""reference/source-hosts.yaml classes every cited host; `source-text` is accepted only on a listed
(official, intergovernmental or legal-information-institute) host; `lawgap sources` counts citations
by verification level and host class."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from fixture_support import add_project_references
from lawgap.cli import main
from lawgap.model.source_hosts import OTHER, SourceHosts, host_of


TABLE = SourceHosts.from_data({"hosts": [
    {"host": "gov.uk", "class": "official", "publisher": "UK government"},
    {"host": "legislation.gov.uk", "class": "official", "publisher": "The National Archives"},
    {"host": "un.org", "class": "intergovernmental", "publisher": "United Nations"},
    {"host": "saflii.org", "class": "legal-information-institute", "publisher": "SAFLII"},
]})


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.legislation.gov.uk/ukpga/2015/30/section/2", "legislation.gov.uk"),  # the longest entry decides
    ("https://cps.gov.uk/legal-guidance", "gov.uk"),  # a host below a listed domain
    ("https://GOV.UK:443/x", "gov.uk"),  # case and port do not matter
    ("https://treaties.un.org./Pages", "un.org"),  # nor a trailing dot
])
def test_a_host_takes_the_class_of_the_longest_listed_domain_it_lies_in(url: str, expected: str) -> None:
    assert TABLE.entry_for(url).host == expected


@pytest.mark.parametrize("url", [
    "https://github.com/someone/laws/blob/main/act.txt",
    "https://notgov.uk/act",  # a suffix that is not a whole label
    "https://gov.uk.example.com/act",  # a listed name inside another host
    "https://saflii.org.evil.net/",
])
def test_an_unlisted_host_is_other(url: str) -> None:
    assert TABLE.entry_for(url) is None and TABLE.host_class(url) == OTHER


def test_host_of_strips_scheme_port_and_case() -> None:
    assert host_of("https://WWW.Example.ORG:8443/a?b#c") == "www.example.org"


@pytest.fixture
def tree(kb_tree: Path) -> Path:
    """The fixture laws with the project's baselines and reference files (example.org listed for them)."""
    return add_project_references(kb_tree)


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def cite_offence_on(root: Path, url: str, verification: str) -> int:
    """Point the fixture's first wildlife offence at `url`; the line of its `verification` key."""
    path = root / "laws" / "ke" / "wildlife.yaml"
    text = path.read_text(encoding="utf-8")
    old = "      url: https://example.org/new-act#s92\n      retrieved: \"2026-01-15\"\n      verification: source-text\n"
    assert old in text
    text = text.replace(old, f"      url: {url}\n      retrieved: \"2026-01-15\"\n      verification: {verification}\n", 1)
    path.write_text(text, encoding="utf-8")
    before = text[: text.index(f"      url: {url}\n")]
    return before.count("\n") + 3


def test_the_bundled_tree_and_the_fixture_tree_pass(tree: Path) -> None:
    assert run("validate").exit_code == 0


def test_source_text_on_a_third_party_host_is_an_error_naming_file_line_and_host(tree: Path) -> None:
    line = cite_offence_on(tree, "https://github.com/someone/kenya-laws/blob/main/wildlife-act.txt", "source-text")
    result = run("validate")
    assert result.exit_code == 1
    assert f"laws/ke/wildlife.yaml:{line}: $.offences[0].source.verification: source-text is cited on github.com" in result.output
    assert "is `secondary`" in result.output and "reference/source-hosts.yaml" in result.output



def test_the_same_copy_cited_as_secondary_passes(tree: Path) -> None:
    cite_offence_on(tree, "https://github.com/someone/kenya-laws/blob/main/wildlife-act.txt", "secondary")
    assert run("validate").exit_code == 0


def test_a_host_listed_twice_is_an_error(tree: Path) -> None:
    table = tree / "reference" / "source-hosts.yaml"
    table.write_text(table.read_text(encoding="utf-8") + "- {host: un.org, class: official, publisher: 'again'}\n", encoding="utf-8")
    result = run("validate")
    assert result.exit_code == 1 and "host 'un.org' is already listed at $.hosts[" in result.output



def test_a_malformed_host_is_a_schema_error(tree: Path) -> None:
    table = tree / "reference" / "source-hosts.yaml"
    table.write_text(table.read_text(encoding="utf-8") + "- {host: 'https://www.gov.uk/', class: official, publisher: x}\n", encoding="utf-8")
    result = run("validate")
    assert result.exit_code == 1 and "reference/source-hosts.yaml:" in result.output and "does not have the expected form" in result.output


def test_sources_counts_every_citation_by_verification_and_host_class(tree: Path) -> None:
    cite_offence_on(tree, "https://github.com/someone/kenya-laws/blob/main/wildlife-act.txt", "secondary")
    report = json.loads(run("sources", "--format", "json").stdout)
    expected = count_citations(tree)
    assert report["citations"] == sum(expected.values()) > 0
    for level, per_class in report["by_verification"].items():
        for host_class, n in per_class.items():
            assert n == expected.get((level, host_class), 0), (level, host_class)
    assert report["other_hosts"] == [{"host": "github.com", "citations": 1, "source_text": 0}]
    assert sum(sum(c.values()) for c in report["by_file_kind"].values()) == report["citations"]


def test_sources_prints_a_table_with_totals(tree: Path) -> None:
    result = run("sources", "KE")
    assert result.exit_code == 0
    assert "citations in the files of 1 jurisdiction(s)" in result.output
    assert "official %" in result.output and "\nall " in result.output


def test_sources_of_an_unknown_jurisdiction_is_a_usage_error(tree: Path) -> None:
    result = run("sources", "ZZ")
    assert result.exit_code == 2 and "no data for ZZ" in result.output


def count_citations(root: Path) -> dict[tuple[str, str], int]:
    """Independently of the code under test: every `source` block the engine reads (offences, penalty
    versions of the basic offence and of tiers, measures, treaty statuses, extradition facts), classed
    by whether its host is example.org (the fixture's listed host), github.com (other) or listed."""
    table = SourceHosts.from_data(yaml.safe_load((root / "reference" / "source-hosts.yaml").read_text(encoding="utf-8")))
    counts: dict[tuple[str, str], int] = {}

    def add(source: dict) -> None:
        key = (source["verification"], table.host_class(source["url"]))
        counts[key] = counts.get(key, 0) + 1

    for path in sorted((root / "laws").glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "jurisdiction.yaml":
            for status in (data.get("treaties") or {}).values():
                if status:
                    add(status["source"])
            for name, fact in (data.get("extradition") or {}).items():
                if isinstance(fact, dict) and "source" in fact:
                    add(fact["source"])
            continue
        for offence in data.get("offences", []):
            add(offence["source"])
            for version in offence.get("penalty_history", []):
                add(version["source"])
            for tier in offence.get("aggravated_tiers", []):
                for version in tier["penalty_history"]:
                    add(version["source"])
        for measure in (data.get("measures") or {}).values():
            if measure.get("source"):
                add(measure["source"])
    return counts
