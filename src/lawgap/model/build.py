"""Turn validated documents into the typed knowledge base, and load one from a project folder."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any

from lawgap.diagnostics import Diagnostic
from lawgap.load.layout import DOMAINS, default_targets, schema_dir
from lawgap.model.data_version import data_version
from lawgap.model.source_hosts import SourceHosts
from lawgap.model.types import (
    EXTRADITION_FACTS,
    MINIMUM_UNKNOWN,
    SCORE_FIGURES,
    Absence,
    AggravatedTier,
    Baseline,
    ChangeLogEntry,
    DomainLaw,
    ExchangeRate,
    ExtraditionFact,
    ExtraditionLaw,
    Fine,
    FineBound,
    Instrument,
    Jurisdiction,
    KnowledgeBase,
    LoggedChange,
    Measure,
    Offence,
    Penalty,
    PenaltyThreshold,
    PenaltyVersion,
    Prison,
    Requirement,
    Review,
    ScoreMove,
    Source,
    TreatyStatus,
    Uplift,
)
from lawgap.validate.cache import default_folder
from lawgap.validate.document import Document
from lawgap.validate.pipeline import validate_paths
from lawgap.validate.schema_layer import SchemaSet


class InvalidKnowledgeBase(Exception):
    """The data did not validate; the engine never runs on invalid data."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{len(diagnostics)} problem(s) in the knowledge base")
        self.diagnostics = diagnostics


def load_knowledge_base(root: Path, paths: Iterable[Path] | None = None) -> KnowledgeBase:
    """Validate the data under `root` (or `paths`) and build the model; raise InvalidKnowledgeBase on any problem."""
    schemas = SchemaSet(schema_dir(root))
    builder = KnowledgeBaseBuilder(schemas)  # each document joins the model once its rules pass, while others load
    report = validate_paths(list(paths) if paths else default_targets(root), schemas, cache_folder=default_folder(),
                            passed_rules=builder.add)
    if report.diagnostics:
        raise InvalidKnowledgeBase(report.diagnostics)
    kb = builder.finish()
    kb.data_version = data_version(kb, root)  # the last commit to the data, where git can tell
    return kb


def build_knowledge_base(documents: Iterable[Document], schemas: SchemaSet) -> KnowledgeBase:
    builder = KnowledgeBaseBuilder(schemas)
    for document in documents:
        builder.add(document)
    return builder.finish()


class KnowledgeBaseBuilder:
    """The model, one valid document at a time."""

    def __init__(self, schemas: SchemaSet):
        self.kb = KnowledgeBase(vocabulary=schemas.vocabularies())

    def add(self, document: Document) -> None:
        kb, data, shown = self.kb, document.data, document.file.display
        if document.kind == "jurisdiction":
            kb.jurisdictions[data["code"]] = jurisdiction_from_data(data, shown)
        elif document.kind in DOMAINS:
            kb.laws[(data["jurisdiction"], data["domain"])] = domain_law_from_data(data, shown)
        elif document.kind == "baseline":
            kb.baselines[data["id"]] = baseline_from_data(data)
        elif document.kind == "exchange-rates":
            kb.exchange_rates = exchange_rates_from_data(data)
        elif document.kind == "changelog":
            kb.change_log = change_log_from_data(data)
        elif document.kind == "source-hosts":
            kb.source_hosts = SourceHosts.from_data(data)

    def finish(self) -> KnowledgeBase:
        self.kb.data_version = data_version(self.kb)
        return self.kb


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def jurisdiction_from_data(data: dict[str, Any], shown: str) -> Jurisdiction:
    treaties = {
        name: TreatyStatus(p["status"], _date(p.get("consent")), _date(p.get("in_force")), p["source"]["url"], p["source"]["verification"])
        for name, p in (data.get("treaties") or {}).items() if p
    }
    return Jurisdiction(data["code"], data["name"], data["un_region"], data.get("un_subregion"), data["currency"],
                        shown, _date(data["last_reviewed"]), treaties, _extradition(data))


def _extradition(data: dict[str, Any]) -> ExtraditionLaw:
    block = data.get("extradition") or {}
    facts = {}
    for name in EXTRADITION_FACTS:
        fact = block.get(name) or {"value": None}
        value = fact["value"]
        if isinstance(value, dict):
            value = PenaltyThreshold(value["years"], value["judged_in"], value.get("measure", "maximum"))
        facts[name] = ExtraditionFact(value, _source(fact["source"]) if "source" in fact else None, fact.get("note"),
                                      fact.get("condition"), tuple(fact.get("only_to", ())))
    return ExtraditionLaw(**facts, instruments=_instruments(data.get("instruments", [])), scope_note=block.get("scope_note"))


def _instruments(items: list[dict[str, Any]]) -> dict[str, Instrument]:
    return {i["id"]: Instrument(i["id"], i["title"], i["url"], _date(i.get("enacted")), _date(i.get("in_force")), _date(i.get("repealed")))
            for i in items}


def _source(data: dict[str, Any]) -> Source:
    absence = Absence(data["absence"]["read"], data["absence"]["looked_for"]) if "absence" in data else None
    return Source(data["instrument"], data["provision"], data["url"], _date(data["retrieved"]), data["verification"], data.get("quote"),
                  absence, data.get("note"))


def _review(data: dict[str, Any]) -> Review:
    return Review(data["method"], _date(data["date"]), data["facts_compared"], data["divergences"], data["resolved"], data.get("note"))


def domain_law_from_data(data: dict[str, Any], shown: str) -> DomainLaw:
    instruments = _instruments(data["instruments"])
    measures = {
        term: Measure(fact["value"], _source(fact["source"]) if "source" in fact else None, fact.get("note"))
        for term, fact in data["measures"].items()
    }
    return DomainLaw(data["jurisdiction"], data["domain"], shown, _date(data["last_reviewed"]), instruments,
                     tuple(_offence(o) for o in data["offences"]), measures, _review(data["review"]) if "review" in data else None,
                     data.get("scope_note"), tuple(map(_review, data.get("earlier_reviews", ()))))


_OFFENCE_FIELDS = {"id", "title", "core", "source", "see_also", "penalty_history", "aggravated_tiers", "note"}


def _offence(data: dict[str, Any]) -> Offence:
    elements: dict[str, dict[str, bool | None]] = {"flags": {}}
    for name, value in data.items():
        if name in _OFFENCE_FIELDS:
            continue
        if isinstance(value, dict):
            elements[name] = dict(value)
        else:
            elements["flags"][name] = value
    tiers = tuple(
        AggravatedTier(t["id"], tuple(t["circumstances"]), t.get("circumstance_note"), _history(t["penalty_history"]))
        for t in data.get("aggravated_tiers", [])
    )
    return Offence(data["id"], data["title"], bool(data.get("core")), _source(data["source"]), elements,
                   _history(data.get("penalty_history", [])), tiers, data.get("note"))


def _history(versions: list[dict[str, Any]]) -> tuple[PenaltyVersion, ...]:
    return tuple(
        PenaltyVersion(_date(v.get("effective")), _penalty(v.get("penalty")), _source(v["source"]), _uplift(v.get("uplift")), v.get("note"))
        for v in versions
    )


def _uplift(data: dict[str, str] | None) -> Uplift | None:
    if data is None:
        return None
    return Uplift(*(Fraction(data[key]) if key in data else None for key in ("max_by", "min_by")))


def _penalty(data: dict[str, Any] | None) -> Penalty | None:
    if data is None:
        return None
    prison = data.get("prison")
    if isinstance(prison, dict):
        # min_years: null = not read (unknown); absent = the law sets none
        prison = Prison(MINIMUM_UNKNOWN if "min_years" in prison and prison["min_years"] is None else prison.get("min_years"),
                        prison.get("max_years"))
    fine = data.get("fine")
    if isinstance(fine, dict):
        fine = Fine(_bound(fine.get("min")), _bound(fine.get("max")), bool(fine.get("unlimited")), bool(fine.get("amount_unspecified")))
    return Penalty(prison, fine, data.get("death_penalty"), data.get("note"), combination=data.get("combination"))


def _bound(data: dict[str, Any] | None) -> FineBound | None:
    if data is None:
        return None
    return FineBound(data.get("amount"), data.get("currency"), data.get("multiple"), data.get("of"))


def baseline_from_data(data: dict[str, Any]) -> Baseline:
    requirements = tuple(
        Requirement(r["id"], data["id"], r["article"], r["text"], r.get("url", data["url"]), r["obligation"], r["weight"],
                    r["rule"], r["recommendation"])
        for r in data["requirements"]
    )
    return Baseline(data["id"], data["title"], data["short_title"], data.get("treaty"), data.get("binding", True),
                    tuple(data["domains"]), data["url"], requirements)


def exchange_rates_from_data(data: dict[str, Any]) -> dict[str, tuple[ExchangeRate, ...]]:
    by_currency: dict[str, list[ExchangeRate]] = {}
    for r in data["rates"]:
        by_currency.setdefault(r["currency"], []).append(
            ExchangeRate(r["currency"], r["year"], r["units_per_usd"] if "units_per_usd" in r else 1 / r["usd_per_unit"],
                         r["source"]["url"], r["source"]["verification"]))
    return {c: tuple(sorted(rates, key=lambda r: r.year)) for c, rates in by_currency.items()}


def change_log_from_data(data: dict[str, Any]) -> tuple[ChangeLogEntry, ...]:
    return tuple(ChangeLogEntry(
        commit=entry["commit"], base=entry["base"], message=entry["message"], as_of=datetime.date.fromisoformat(entry["as_of"]),
        date=datetime.datetime.fromisoformat(entry["date"].replace("Z", "+00:00")),
        changes=tuple(LoggedChange(
            kind=c["kind"], file=c["file"], item=c["item"], facts=c["facts"], jurisdiction=c.get("jurisdiction"),
            domain=c.get("domain"), law_date=_date(c.get("law_date")),
            details=tuple((d["path"], d["before"], d["after"]) for d in c.get("details", ()))) for c in entry["changes"]),
        moves=tuple(ScoreMove(m["jurisdiction"], m["domain"], {k: m[k]["before"] for k in SCORE_FIGURES},
                              {k: m[k]["after"] for k in SCORE_FIGURES}) for m in entry["moves"]),
    ) for entry in data["entries"])
