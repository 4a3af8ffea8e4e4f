"""Everything the engine says about the knowledge base on one day: what export and the site publish."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from lawgap.engine.all_pairs import PairMatrix, all_pairs
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
    pairs: dict[str, PairMatrix]


def report_all(kb: KnowledgeBase, day: datetime.date) -> Report:
    domains = [
        DomainReport(assess(kb, code, domain, day), score_history(kb, code, domain, day),
                     conduct_statuses(kb, kb.laws.get((code, domain)), domain, day))
        for code in sorted(kb.jurisdictions) for domain in DOMAINS
    ]
    return Report(day, domains, {domain: all_pairs(kb, domain, day) for domain in DOMAINS})
