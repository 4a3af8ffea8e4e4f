"""Which conduct a jurisdiction criminalises on a day, and how heavily: the basis of dual
criminality. The conduct facet is `conduct` for wildlife and organs, and the forms of
exploitation (`purposes`) for human trafficking."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from lawgap.engine.as_of import offences_in_force, penalty_on
from lawgap.engine.thresholds import EXTRADITION_YEARS, term_at_least, years_for_sorting
from lawgap.model.types import MINIMUM_UNKNOWN, DomainLaw, KnowledgeBase, MinYears, Offence, Years

CONDUCT_FACET = {"wildlife": "conduct", "human-trafficking": "purposes", "organ-trafficking": "conduct"}


@dataclass(frozen=True)
class ConductStatus:
    """criminal: True / False / None (unknown); max_years: the heaviest maximum among offences covering it."""

    term: str
    criminal: bool | None
    max_years: Years | None
    offences: tuple[Offence, ...]
    # the highest minimum among the covering offences (a floor for an unknown maximum): MINIMUM_UNKNOWN where
    # one of them has a minimum not read, None where none sets one
    min_years: MinYears = None
    # (minimum, maximum) prison term of each covering offence, None where its prison term is not known; a
    # minimum the law does not set is 0, one not read MINIMUM_UNKNOWN - for extradition laws that read the
    # minimum or the mean (thresholds.measured_at_least)
    terms: tuple[tuple[MinYears, Years | None] | None, ...] = ()

    @property
    def extraditable(self) -> bool | None:
        """Criminal with a maximum of at least the extradition threshold (one year)."""
        if self.criminal is False:
            return False
        if self.criminal is None:
            return None
        return term_at_least(self.min_years, self.max_years, EXTRADITION_YEARS)


def conduct_terms(kb: KnowledgeBase, domain: str) -> tuple[str, ...]:
    return kb.vocabulary[domain].facets[CONDUCT_FACET[domain]]


def conduct_statuses(kb: KnowledgeBase, law: DomainLaw | None, domain: str, day: datetime.date) -> dict[str, ConductStatus]:
    facet = CONDUCT_FACET[domain]
    offences = offences_in_force(law, day) if law else []
    statuses = {}
    for term in conduct_terms(kb, domain):
        values = [(o, o.element(facet, term)) for o in offences]
        covering = tuple(o for o, v in values if v is True)
        if covering:
            terms_in_force = [_prison_range(o, day) for o in covering]
            maxima = [high for _, high in terms_in_force if high is not None]
            minima = [low for low, _ in terms_in_force if low is not None]
            best = max(maxima, key=years_for_sorting) if maxima else None
            terms = tuple(_term(o, day) for o in covering)
            statuses[term] = ConductStatus(term, True, best, covering, _highest_minimum(minima), terms)
        elif values and all(v is False for _, v in values):
            statuses[term] = ConductStatus(term, False, None, ())
        else:
            statuses[term] = ConductStatus(term, None, None, ())
    return statuses


def _highest_minimum(minima: list[MinYears]) -> MinYears:
    if MINIMUM_UNKNOWN in minima:  # a minimum not read could be the highest
        return MINIMUM_UNKNOWN
    return max(minima) if minima else None


def _term(offence: Offence, day: datetime.date) -> tuple[MinYears, Years | None] | None:
    """The offence's (minimum, maximum) prison term on `day`, a minimum not set being 0 (one not read stays
    MINIMUM_UNKNOWN); None when its prison term is not known."""
    penalty = penalty_on(offence, day).penalty
    if penalty is None or penalty.prison is None:
        return None
    if penalty.prison is False:
        return 0.0, 0.0
    minimum = penalty.prison.min_years
    return 0.0 if minimum is None else minimum, penalty.prison.max_years


def _prison_range(offence: Offence, day: datetime.date) -> tuple[MinYears, Years | None]:
    """(minimum, maximum) prison years of the offence on `day`; no prison is (0, 0)."""
    penalty = penalty_on(offence, day).penalty
    if penalty is None or penalty.prison is None:
        return None, None
    if penalty.prison is False:
        return 0.0, 0.0
    return penalty.prison.min_years, penalty.prison.max_years
