"""Everything the engine says about each jurisdiction on one day: what export and the site publish.

Pairs of jurisdictions are not part of it: they grow with the square of the data (engine.all_pairs
computes them on request, for `lawgap export --pairs`; the site's compare page pairs in the browser)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from lawgap.engine.assessment import DomainAssessment, assess
from lawgap.engine.conduct import ConductStatus, conduct_statuses
from lawgap.engine.history import HistoryPoint, score_history
from lawgap.load.layout import DOMAINS
from lawgap.model.types import KnowledgeBase


@dataclass(frozen=True)
class DomainReport:
    assessment: DomainAssessment
    history: list[HistoryPoint]
    conduct: dict[str, ConductStatus]


@dataclass(frozen=True)
class Report:
    as_of: datetime.date
    domains: list[DomainReport]  # by jurisdiction code, then domain


def report_all(kb: KnowledgeBase, day: datetime.date) -> Report:
    return Report(day, list(domain_reports(kb, day)))


def domain_reports(kb: KnowledgeBase, day: datetime.date) -> Iterator[DomainReport]:
    """One jurisdiction × domain at a time, by code then domain (export writes each as it comes)."""
    for code in sorted(kb.jurisdictions):
        yield from jurisdiction_reports(kb, code, day)


def jurisdiction_reports(kb: KnowledgeBase, code: str, day: datetime.date) -> list[DomainReport]:
    """A jurisdiction's report in each domain, in the order of DOMAINS."""
    reports = []
    for domain in DOMAINS:
        assessment = assess(kb, code, domain, day)
        reports.append(DomainReport(assessment, score_history(kb, code, domain, day, assessment),
                                    conduct_statuses(kb, kb.laws.get((code, domain)), domain, day)))
    return reports
