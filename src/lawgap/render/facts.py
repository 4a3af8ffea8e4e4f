"""The facts table: one row per fact recorded in the domain files, with its source — what a researcher
needs to re-run their own analysis without reading YAML.

A fact is one answer a coder gives (as in contribute.agreement): an offence's `core` flag, each facet
term (`conduct.trade`) and yes/no field it records; for each dated penalty version of the basic
offence or of an aggravated tier, whether it carries prison (`prison`) and its terms
(`prison.min_years`, `prison.max_years`; a minimum not read is a `prison.min_years` row with the value
unknown, a minimum the law does not set is no row), whether it carries a fine (`fine`) and its bounds
(`fine.min.amount` in a currency, or `fine.min.multiple` of a legal unit, and the same for max),
`fine.unlimited`, `fine.amount_unspecified`, `death_penalty`, `combination`, an uplift
(`uplift.max_by`, `uplift.min_by`) or `repealed`; a tier's `circumstances` (and `circumstance_note`);
a measure's `value`. Every fact the file records appears, unknown ones (null) included, with the
value `unknown` in CSV and null in JSON; what the file leaves out is not a row, except that every
penalty version states `prison`, `fine` and `death_penalty` (unknown where left out, as the engine
reads them). Rows come from the model, so the table says exactly what the engine reads.
FACT_COLUMNS is the one definition of the columns: the CSV header, the JSON keys and the data
package's field descriptions all come from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgap.load.layout import DOMAINS
from lawgap.model.data_version import PATTERN as VERSION_PATTERN
from lawgap.model.types import MINIMUM_UNKNOWN, DomainLaw, Fine, FineBound, KnowledgeBase, Offence, PenaltyVersion, Source
from lawgap.render.export import encode
from lawgap.render.tables import csv_bytes

UNKNOWN = "unknown"  # a fact recorded as not known, in CSV (JSON: null); declared a missing value


@dataclass(frozen=True)
class Column:
    """One column of the facts table, as Table Schema describes a field."""

    name: str
    type: str  # a Table Schema type
    description: str
    constraints: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # further Table Schema field properties


def table_pattern(json_schema_pattern: str) -> str:
    """A JSON Schema pattern (anchored with ^ and $ to match the whole value) as Table Schema writes it
    (a whole-value pattern, as in XML Schema)."""
    return json_schema_pattern.removeprefix("^").removesuffix("$")


FACT_COLUMNS = (
    Column("jurisdiction", "string", "ISO 3166 code of the jurisdiction whose law records the fact.", {"required": True}),
    Column("domain", "string", "The domain file that records the fact.", {"required": True, "enum": list(DOMAINS)}),
    Column("subject", "string", "What the fact is about: offence:<id> (an offence of the domain file, by its id) or "
           "measure:<term> (a measure of the controlled vocabulary).", {"required": True}),
    Column("tier", "string", "For a fact of an aggravated form of the offence, the id of that tier; empty for the basic "
           "offence and for measures."),
    Column("effective", "date", "For a fact of a dated penalty version, the date that version took effect; empty when the "
           "version is undated (known only from its source's retrieval date) and for facts that are not part of a "
           "penalty version."),
    Column("fact", "string", "The fact: core, a facet term such as conduct.trade, a yes/no field of the offence, a "
           "penalty fact (prison, prison.min_years, prison.max_years, fine, fine.min.amount, fine.min.multiple, "
           "fine.max.amount, fine.max.multiple, fine.unlimited, fine.amount_unspecified, death_penalty, combination, "
           "uplift.max_by, uplift.min_by, repealed), a tier's circumstances or circumstance_note, or a measure's value. "
           "A prison.min_years row valued unknown is a minimum not read (the maximum was); a penalty version with a "
           "prison term and no prison.min_years row sets no minimum.",
           {"required": True}),
    Column("value", "any", "The recorded value: true or false (yes or no in CSV), a number, life, or text; unknown "
           "(null in JSON) when the file records the fact as not known. false is a finding that the law lacks it, "
           "not a gap in the data."),
    Column("unit", "string", "The unit of a numeric value: years for prison terms, the ISO 4217 currency of a fine "
           "amount, the legal unit a fine multiple counts (specimen-value, day-fines ...), fraction for an uplift "
           "(of the basic limit); empty otherwise."),
    Column("instrument", "string", "The cited instrument's id in the data file."),
    Column("instrument_title", "string", "The cited instrument's title."),
    Column("provision", "string", "Article, section or paragraph cited (for an absence finding: the part read)."),
    Column("url", "string", "Where the cited text was read.", extra={"format": "uri"}),
    Column("verification", "string", "How the fact was checked: source-text (read in the law itself), secondary "
           "(a reliable secondary source), unverified.", {"enum": ["source-text", "secondary", "unverified"]}),
    Column("retrieved", "date", "The date the cited source was read."),
    Column("absence_finding", "boolean", "true when the fact is an absence finding: the part read has no provision "
           "on it.", extra={"trueValues": ["yes"], "falseValues": ["no"]}),
    Column("review_status", "string", "How the data file was checked by a second coder: single (not yet compared), "
           "double (two independent codings compared) or spot-check; empty when the file has no review record.",
           {"enum": ["single", "double", "spot-check"]}),
    Column("file", "string", "The data file that records the fact, relative to the repository.", {"required": True}),
    Column("data_version", "string", "The data version the table was built from (YYYY.MM.DD: the date of the last change "
           "to the data).", {"pattern": table_pattern(VERSION_PATTERN)}),
)
FACT_NAMES = tuple(column.name for column in FACT_COLUMNS)
FACT_FILES = ("facts.csv", "facts.json")


@dataclass(frozen=True)
class FactPieces:
    """One data file's rows as facts.csv and facts.json hold them (made where the rows are worked out)."""

    csv: bytes  # CSV lines in UTF-8
    json: bytes  # the row objects, comma-separated, without the array's brackets
    count: int


def fact_pieces(rows: list[dict[str, Any]]) -> FactPieces:
    json = encode(rows, compact=True, sort_keys=False)[1:-1] if rows else b""  # one encoder call per file, not per row
    return FactPieces(csv_bytes(map(csv_fact_row, rows), FACT_NAMES), json, len(rows))


class FactTables:
    """facts.csv and facts.json written together, one data file's rows at a time (the open-data pass
    works the rows out once for these and the static API). facts.json is an array of row objects, keys
    in column order, as Table Schema reads a JSON table by position."""

    def __init__(self, folder: Path):
        self.paths = [folder / name for name in FACT_FILES]
        self.count = 0

    def __enter__(self) -> FactTables:
        self.csv_file, self.json_file = self.paths[0].open("wb"), self.paths[1].open("wb")
        self.csv_file.write(csv_bytes([], FACT_NAMES, header=True))
        self.json_file.write(b"[")
        return self

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.add_pieces(fact_pieces(rows))

    def add_pieces(self, pieces: FactPieces) -> None:
        self.csv_file.write(pieces.csv)
        if pieces.count:
            self.json_file.write((b"," if self.count else b"") + pieces.json)
            self.count += pieces.count

    def __exit__(self, *failure: object) -> None:
        try:
            self.json_file.write(b"]\n")
        finally:
            self.csv_file.close()
            self.json_file.close()


def write_fact_tables(folder: Path, kb: KnowledgeBase) -> None:
    """facts.csv and facts.json of the whole knowledge base."""
    with FactTables(folder) as tables:
        for law in laws_in_order(kb):
            tables.add(list(fact_rows(kb, law)))


def fact_rows(kb: KnowledgeBase, law: DomainLaw) -> Iterator[dict[str, Any]]:
    """The facts of one domain file, in file order (offences, their versions and tiers, then measures)."""
    common = {"jurisdiction": law.jurisdiction, "domain": law.domain, "file": law.file, "data_version": kb.data_version,
              "review_status": law.review.method if law.review else None}

    def row(subject: str, fact: str, value: Any, source: Source | None, tier: str | None = None,
            version: PenaltyVersion | None = None, unit: str | None = None) -> dict[str, Any]:
        instrument = law.instruments.get(source.instrument) if source else None
        values = {
            **common, "subject": subject, "tier": tier, "effective": version.effective.isoformat() if version and version.effective else None,
            "fact": fact, "value": value, "unit": unit,
            "instrument": source.instrument if source else None,
            "instrument_title": (instrument.title if instrument else source.instrument) if source else None,
            "provision": source.provision if source else None, "url": source.url if source else None,
            "verification": source.verification if source else None,
            "retrieved": source.retrieved.isoformat() if source else None,
            "absence_finding": bool(source.absence) if source else None,
        }
        return {name: values[name] for name in FACT_NAMES}

    for offence in law.offences:
        subject = f"offence:{offence.id}"
        for fact, value in _offence_facts(offence):
            yield row(subject, fact, value, offence.source)
        for version in offence.penalty_history:
            for fact, value, unit in _version_facts(version):
                yield row(subject, fact, value, version.source, None, version, unit)
        for tier in offence.aggravated_tiers:
            first_source = tier.penalty_history[0].source if tier.penalty_history else None
            yield row(subject, "circumstances", "; ".join(tier.circumstances), first_source, tier.id)
            if tier.circumstance_note is not None:
                yield row(subject, "circumstance_note", tier.circumstance_note, first_source, tier.id)
            for version in tier.penalty_history:
                for fact, value, unit in _version_facts(version):
                    yield row(subject, fact, value, version.source, tier.id, version, unit)
    for term, measure in law.measures.items():
        yield row(f"measure:{term}", "value", measure.value, measure.source)


def all_fact_rows(kb: KnowledgeBase) -> Iterator[dict[str, Any]]:
    """Every fact of every domain file."""
    for law in laws_in_order(kb):
        yield from fact_rows(kb, law)


def laws_in_order(kb: KnowledgeBase) -> Iterator[DomainLaw]:
    """The domain files by jurisdiction, then domain: the order of the results and of the tables."""
    for code in sorted(kb.jurisdictions):
        for domain in DOMAINS:
            law = kb.laws.get((code, domain))
            if law:
                yield law


def csv_fact_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row as facts.csv writes it: an unknown value reads `unknown`, an empty cell means not applicable."""
    return {**row, "value": UNKNOWN} if row["value"] is None else row


def _offence_facts(offence: Offence) -> Iterator[tuple[str, Any]]:
    yield "core", offence.core
    for facet, terms in offence.elements.items():
        for term, value in terms.items():
            yield (term if facet == "flags" else f"{facet}.{term}"), value


def _version_facts(version: PenaltyVersion) -> Iterator[tuple[str, Any, str | None]]:
    """(fact, value, unit) of one penalty version: its penalty, its uplift, or its repeal."""
    if version.uplift is not None:
        for name, fraction in (("max_by", version.uplift.max_by), ("min_by", version.uplift.min_by)):
            if fraction is not None:
                yield f"uplift.{name}", str(fraction), "fraction"
        return
    penalty = version.penalty
    if penalty is None:
        yield "repealed", True, None
        return
    prison = penalty.prison
    yield "prison", None if prison is None else prison is not False, None
    if prison:
        for name, years in (("min_years", prison.min_years), ("max_years", prison.max_years)):
            if years == MINIMUM_UNKNOWN:  # a minimum not read: an unknown fact, unlike one the law does not set (no row)
                yield f"prison.{name}", None, "years"
            elif years is not None:
                yield f"prison.{name}", years, "years"
    fine = penalty.fine
    yield "fine", None if fine is None else fine is not False, None
    if isinstance(fine, Fine):
        for name, bound in (("min", fine.min), ("max", fine.max)):
            if bound is not None:
                yield _bound_fact(f"fine.{name}", bound)
        for name, flagged in (("unlimited", fine.unlimited), ("amount_unspecified", fine.amount_unspecified)):
            if flagged:
                yield f"fine.{name}", True, None
    yield "death_penalty", penalty.death_penalty, None
    if penalty.combination is not None:
        yield "combination", penalty.combination, None


def _bound_fact(name: str, bound: FineBound) -> tuple[str, Any, str | None]:
    if bound.multiple is not None:
        return f"{name}.multiple", bound.multiple, bound.of
    return f"{name}.amount", bound.amount, bound.currency
