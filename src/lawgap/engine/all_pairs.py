"""Dual criminality for every pair of jurisdictions in one pass.

Each jurisdiction's conduct statuses are folded into two bit masks (extraditable, known not
extraditable), and each row of the pair triangle is one list comprehension of integer
operations: 1,000 jurisdictions (499,500 pairs) take well under a second per domain.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
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


@dataclass(frozen=True)
class PairMatrix:
    """The upper triangle: holds[i][k] and fails[i][k] are for codes[i] and codes[i + 1 + k]."""

    codes: tuple[str, ...]
    conducts: int
    holds: tuple[list[int], ...]
    fails: tuple[list[int], ...]

    def __len__(self) -> int:
        return sum(len(row) for row in self.holds)

    def pairs(self) -> Iterator[PairSummary]:
        for i, a in enumerate(self.codes):
            for k, (holds, fails) in enumerate(zip(self.holds[i], self.fails[i])):
                yield PairSummary(a, self.codes[i + 1 + k], holds, fails, self.conducts - holds - fails)


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


def all_pairs(kb: KnowledgeBase, domain: str, day: datetime.date) -> PairMatrix:
    masks = conduct_masks(kb, domain, day)
    codes = tuple(sorted(masks))
    yes = [masks[c].extraditable for c in codes]
    no = [masks[c].not_extraditable for c in codes]
    holds = tuple([(yes[i] & other).bit_count() for other in yes[i + 1:]] for i in range(len(codes)))
    fails = tuple([(no[i] | other).bit_count() for other in no[i + 1:]] for i in range(len(codes)))
    return PairMatrix(codes, len(conduct_terms(kb, domain)), holds, fails)
