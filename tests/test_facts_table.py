"""The facts table round-trips to the YAML: every fact a domain file records is a row with its value and
source, nothing else is, and the model's facts can be rebuilt from the rows (CSV and JSON) alone."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from lawgap.load.layout import DOMAINS
from lawgap.model.build import load_knowledge_base
from lawgap.model.types import MINIMUM_UNKNOWN, DomainLaw, Fine, FineBound, KnowledgeBase, Penalty, Prison, Uplift
from lawgap.render.facts import FACT_NAMES, UNKNOWN, all_fact_rows, write_fact_tables
from lawgap.render.tables import csv_cell

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(PROJECT)


@pytest.fixture(scope="module")
def tables(kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("facts")
    write_fact_tables(folder, kb)
    with (folder / "facts.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == FACT_NAMES
        from_csv = [{k: _csv_value(k, v, row["unit"]) for k, v in row.items()} for row in reader]
    return {"csv": from_csv, "json": json.loads((folder / "facts.json").read_text(encoding="utf-8"))}


# -- the YAML side: an independent reading of what a domain file records --------------------------

SOURCE_KEYS = ("instrument", "provision", "url", "retrieved", "verification")
OFFENCE_FIELDS = {"id", "title", "core", "source", "see_also", "penalty_history", "aggravated_tiers", "note"}


def yaml_facts(data: dict[str, Any]) -> Iterator[tuple]:
    """(subject, tier, effective, fact, value, unit, source...) for every fact the file records."""
    def fact(subject, tier, effective, name, value, unit, source):
        return (subject, tier, effective, name, value, unit, *((source or {}).get(k) for k in SOURCE_KEYS))

    for offence in data["offences"]:
        subject = f"offence:{offence['id']}"
        yield fact(subject, None, None, "core", bool(offence.get("core")), None, offence["source"])
        for name, value in offence.items():
            if name in OFFENCE_FIELDS:
                continue
            if isinstance(value, dict):
                for term, known in value.items():
                    yield fact(subject, None, None, f"{name}.{term}", known, None, offence["source"])
            else:
                yield fact(subject, None, None, name, value, None, offence["source"])
        for version in offence.get("penalty_history", []):
            for name, value, unit in version_facts(version):
                yield fact(subject, None, version.get("effective"), name, value, unit, version["source"])
        for tier in offence.get("aggravated_tiers", []):
            first = tier["penalty_history"][0]["source"]
            yield fact(subject, tier["id"], None, "circumstances", "; ".join(tier["circumstances"]), None, first)
            if "circumstance_note" in tier:
                yield fact(subject, tier["id"], None, "circumstance_note", tier["circumstance_note"], None, first)
            for version in tier["penalty_history"]:
                for name, value, unit in version_facts(version):
                    yield fact(subject, tier["id"], version.get("effective"), name, value, unit, version["source"])
    for term, measure in data["measures"].items():
        yield fact(f"measure:{term}", None, None, "value", measure["value"], None, measure.get("source"))


def version_facts(version: dict[str, Any]) -> Iterator[tuple[str, Any, str | None]]:
    if "uplift" in version:
        for name, stated in version["uplift"].items():
            yield f"uplift.{name}", str(Fraction(stated)), "fraction"
        return
    penalty = version["penalty"]
    if penalty is None:
        yield "repealed", True, None
        return
    prison, fine = penalty.get("prison"), penalty.get("fine")
    yield "prison", None if prison is None else prison is not False, None  # absent or null: not known
    for name, years in (prison or {}).items():
        yield f"prison.{name}", years, "years"
    yield "fine", None if fine is None else fine is not False, None
    for name, stated in (fine or {}).items():
        if name in ("min", "max"):
            yield (f"fine.{name}.multiple", stated["multiple"], stated["of"]) if "multiple" in stated else \
                (f"fine.{name}.amount", stated["amount"], stated["currency"])
        elif stated:
            yield f"fine.{name}", True, None
    yield "death_penalty", penalty.get("death_penalty"), None
    if "combination" in penalty:
        yield "combination", penalty["combination"], None


def row_fact(row: dict[str, Any]) -> tuple:
    return (row["subject"], row["tier"], row["effective"], row["fact"], row["value"], row["unit"], *(row[k] for k in SOURCE_KEYS))


def test_every_fact_in_the_yaml_is_a_row_with_its_value_and_source_and_nothing_else_is(
        kb: KnowledgeBase, tables: dict[str, list[dict[str, Any]]]) -> None:
    files = sorted(PROJECT.glob("laws/*/*.yaml"))
    domain_files = [f for f in files if f.stem in DOMAINS]
    assert len(domain_files) == len(kb.laws) > 50
    for form, rows in tables.items():
        by_file: dict[str, Counter] = {}
        for row in rows:
            by_file.setdefault(row["file"], Counter())[row_fact(row)] += 1
        assert set(by_file) <= {str(f.relative_to(PROJECT)) for f in domain_files}, form
        for path in domain_files:
            expected = Counter(yaml_facts(yaml.safe_load(path.read_text(encoding="utf-8"))))
            found = by_file.get(str(path.relative_to(PROJECT)), Counter())
            assert found == expected, (form, path, (expected - found).most_common(3), (found - expected).most_common(3))


def test_rows_say_who_and_which_version(kb: KnowledgeBase, tables: dict[str, list[dict[str, Any]]]) -> None:
    rows = tables["json"]
    assert {row["data_version"] for row in rows} == {kb.data_version}
    for row in rows:
        law = kb.laws[(row["jurisdiction"], row["domain"])]
        assert row["file"] == law.file
        assert row["review_status"] == (law.review.method if law.review else None)
        if row["instrument"]:
            assert row["instrument_title"] == law.instruments[row["instrument"]].title
    assert any(row["value"] is None for row in rows)
    assert tables["csv"] == tables["json"]  # the two forms hold the same table


def test_an_absence_finding_is_marked(kb_tree: Path) -> None:
    rows = list(all_fact_rows(load_knowledge_base(kb_tree)))
    [finding] = [r for r in rows if r["absence_finding"]]
    assert (finding["subject"], finding["fact"], finding["value"], finding["provision"]) == (
        "measure:corporate-liability", "value", False, "whole Act")


def test_the_model_rebuilt_from_the_rows_is_the_model(kb: KnowledgeBase, tables: dict[str, list[dict[str, Any]]]) -> None:
    for form, rows in tables.items():
        grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for row in rows:
            grouped.setdefault((row["jurisdiction"], row["domain"]), []).append(row)
        assert set(grouped) == {key for key, law in kb.laws.items() if law.offences or law.measures}, form
        for key, law in kb.laws.items():
            assert rebuilt(grouped.get(key, [])) == projected(law), (form, key)


def test_unknown_reads_unknown_in_csv_and_null_in_json(tmp_path: Path, kb: KnowledgeBase) -> None:
    write_fact_tables(tmp_path, kb)
    unknown = [r for r in csv.DictReader((tmp_path / "facts.csv").open(encoding="utf-8")) if r["value"] == UNKNOWN]
    assert unknown and all(r["fact"] for r in unknown)
    assert sum(r["value"] is None for r in json.loads((tmp_path / "facts.json").read_text())) == len(unknown)


def test_csv_numbers_are_written_exactly() -> None:
    for number in (1 / 12, 1234567.5, 20000000.0, 0.5, -1.5, 7):
        assert float(csv_cell(number)) == number
    assert csv_cell(10.0) == "10" and csv_cell(0.5) == "0.5"


# -- rebuilding ---------------------------------------------------------------------------------


def projected(law: DomainLaw) -> dict[str, Any]:
    """What the facts table must carry of a file: every fact with its source citation."""
    def cite(source):
        return (source.instrument, source.provision, source.url, source.retrieved.isoformat(), source.verification,
                bool(source.absence)) if source else None

    def versions(history):
        return [(v.effective.isoformat() if v.effective else None, _penalty_facts(v.penalty), v.uplift, cite(v.source))
                for v in history]

    offences = {o.id: (o.core, {f: dict(t) for f, t in o.elements.items() if t}, versions(o.penalty_history),
                       {t.id: (t.circumstances, t.circumstance_note, versions(t.penalty_history)) for t in o.aggravated_tiers},
                       cite(o.source)) for o in law.offences}
    return {"offences": offences, "measures": {t: (m.value, cite(m.source)) for t, m in law.measures.items()}}


def rebuilt(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def cite(row):
        return (row["instrument"], row["provision"], row["url"], row["retrieved"], row["verification"],
                row["absence_finding"]) if row["instrument"] else None

    offences: dict[str, Any] = {}
    measures: dict[str, Any] = {}
    for row in rows:
        kind, name = row["subject"].split(":", 1)
        if kind == "measure":
            measures[name] = (row["value"], cite(row))
            continue
        core, elements, history, tiers, source = offences.setdefault(name, [None, {}, [], {}, None])
        fact = row["fact"]
        if row["tier"] is None and fact == "core":
            offences[name][0], offences[name][4] = row["value"], cite(row)
        elif row["tier"] is None and not _is_penalty_fact(fact):
            facet, _, term = fact.rpartition(".")
            elements.setdefault(facet or "flags", {})[term] = row["value"]
        elif fact in ("circumstances", "circumstance_note"):
            tier = tiers.setdefault(row["tier"], [None, None, []])
            tier[0 if fact == "circumstances" else 1] = tuple(row["value"].split("; ")) if fact == "circumstances" else row["value"]
        else:
            target = tiers.setdefault(row["tier"], [None, None, []])[2] if row["tier"] else history
            version_key = (row["effective"], cite(row))
            if not target or target[-1][0] != version_key or fact in target[-1][1]:
                target.append([version_key, {}])
            target[-1][1][fact] = (row["value"], row["unit"])
    return {
        "offences": {name: (core, elements, _versions(history), {t: (c, n, _versions(v)) for t, (c, n, v) in tiers.items()}, source)
                     for name, (core, elements, history, tiers, source) in offences.items()},
        "measures": measures,
    }


def _is_penalty_fact(fact: str) -> bool:
    return fact.split(".")[0] in ("prison", "fine", "death_penalty", "combination", "uplift", "repealed")


def _versions(history: list) -> list:
    return [(effective, *_penalty(facts), cite) for (effective, cite), facts in history]


def _penalty_facts(penalty: Penalty | None) -> tuple | None:
    """A penalty's facts (its note is commentary, not a fact of the table)."""
    return None if penalty is None else (penalty.prison, penalty.fine, penalty.death_penalty, penalty.combination)


def _penalty(facts: dict[str, tuple[Any, str | None]]) -> tuple[tuple | None, Uplift | None]:
    value = {name: v for name, (v, _unit) in facts.items()}
    if "repealed" in value:
        return None, None
    if any(name.startswith("uplift.") for name in value):
        return None, Uplift(*(Fraction(value[f"uplift.{k}"]) if f"uplift.{k}" in value else None for k in ("max_by", "min_by")))
    # a prison.min_years row valued unknown is a minimum not read; no row, a minimum the law does not set
    minimum = MINIMUM_UNKNOWN if "prison.min_years" in value and value["prison.min_years"] is None else value.get("prison.min_years")
    prison = value["prison"] and Prison(minimum, value.get("prison.max_years"))
    fine = value["fine"]
    if fine:
        bounds = [FineBound(value[f"fine.{b}.amount"], facts[f"fine.{b}.amount"][1]) if f"fine.{b}.amount" in value else
                  FineBound(multiple=value[f"fine.{b}.multiple"], of=facts[f"fine.{b}.multiple"][1]) if f"fine.{b}.multiple" in value
                  else None for b in ("min", "max")]
        fine = Fine(*bounds, bool(value.get("fine.unlimited")), bool(value.get("fine.amount_unspecified")))
    return (prison, fine, value["death_penalty"], value.get("combination")), None


def _csv_value(column: str, text: str, unit: str) -> Any:
    """A facts.csv cell read back: empty is not applicable, unknown is None, yes/no are booleans, a
    value is a number unless it is a fraction (an uplift such as 1/3 or 2)."""
    if text == "" or (column == "value" and text == UNKNOWN):
        return None
    if text in ("yes", "no") and column in ("value", "absence_finding"):
        return text == "yes"
    if column == "value" and unit != "fraction":
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() and "." not in text and "e" not in text else number
    return text
