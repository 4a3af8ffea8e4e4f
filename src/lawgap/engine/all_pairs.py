"""Dual criminality for every pair of jurisdictions in one pass.

Each jurisdiction's conduct statuses are folded into two bit masks (extraditable, known not
extraditable), so a pair costs a few integer operations instead of a loop over conducts:
all pairs of 1,000 jurisdictions stay well within a second per domain.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from lawgap.engine.conduct import conduct_statuses, conduct_terms
from lawgap.model.types import KnowledgeBase


@dataclass(frozen=True)
class PairSummary:
    """Counts over the domain's conducts: dual criminality holds, fails, or is unknown."""

    a: str
    b: str
    holds: int
    fails: int
    unknown: int


@dataclass(frozen=True)
class ConductMasks:
    extraditable: int
    not_extraditable: int


def conduct_masks(kb: KnowledgeBase, domain: str, day: datetime.date) -> dict[str, ConductMasks]:
    terms = conduct_terms(kb, domain)
    masks = {}
    for code in sorted(kb.jurisdictions):
        statuses = conduct_statuses(kb, kb.laws.get((code, domain)), domain, day)
        yes = no = 0
        for bit, term in enumerate(terms):
            value = statuses[term].extraditable
            if value is True:
                yes |= 1 << bit
            elif value is False:
                no |= 1 << bit
        masks[code] = ConductMasks(yes, no)
    return masks


def all_pairs(kb: KnowledgeBase, domain: str, day: datetime.date) -> list[PairSummary]:
    masks = conduct_masks(kb, domain, day)
    total = len(conduct_terms(kb, domain))
    codes = sorted(masks)
    pairs = []
    for i, a in enumerate(codes):
        yes_a, no_a = masks[a].extraditable, masks[a].not_extraditable
        for b in codes[i + 1:]:
            holds = (yes_a & masks[b].extraditable).bit_count()
            fails = (no_a | masks[b].not_extraditable).bit_count()
            pairs.append(PairSummary(a, b, holds, fails, total - holds - fails))
    return pairs
