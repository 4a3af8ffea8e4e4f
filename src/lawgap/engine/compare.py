"""Between jurisdictions: dual criminality per conduct, penalty disparity, requirement differences,
and the weakest link of a route."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from lawgap.engine.assessment import DomainAssessment, assess
from lawgap.engine.conduct import ConductStatus, conduct_statuses, conduct_terms
from lawgap.engine.term_words import term_words
from lawgap.engine.thresholds import floor_years, years_for_sorting
from lawgap.model.types import KnowledgeBase


@dataclass(frozen=True)
class DualCriminality:
    term: str
    statuses: tuple[ConductStatus, ...]  # one per jurisdiction, in the order compared

    @property
    def holds(self) -> bool | None:
        """True when the conduct is extraditable everywhere; False when it is not somewhere; else unknown."""
        return known_all(s.extraditable for s in self.statuses)

    @property
    def criminal_everywhere(self) -> bool | None:
        """Criminal in every jurisdiction, whatever the penalty (extradition reads the requested State's own
        threshold apart: engine.extradition); False when it is not criminal in one; else unknown."""
        return known_all(s.criminal for s in self.statuses)


def known_all(values: Iterable[bool | None]) -> bool | None:
    """Three-valued "and": True when every value is True, False when any is False, else unknown (None)."""
    seen = list(values)
    if all(v is True for v in seen):
        return True
    if any(v is False for v in seen):
        return False
    return None


@dataclass(frozen=True)
class RequirementDifference:
    requirement_id: str
    statuses: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    domain: str
    as_of: datetime.date
    assessments: tuple[DomainAssessment, ...]
    dual_criminality: tuple[DualCriminality, ...]
    requirement_differences: tuple[RequirementDifference, ...]

    @property
    def penalty_disparity_years(self) -> float | None:
        """Spread of the core offences' maximum prison terms in years (None if any is unknown or life)."""
        maxima = [a.penalty.max_prison_years for a in self.assessments]
        if any(m is None or m == "life" for m in maxima):
            return None
        return round(max(maxima) - min(maxima), 2)


@dataclass(frozen=True)
class WeakestLink:
    term: str
    weakest: tuple[str, ...]  # jurisdiction codes where the conduct is least covered; empty when the data cannot tell
    reason: str
    statuses: tuple[ConductStatus, ...]
    could_be_weaker: tuple[str, ...] = ()  # where an unknown could make the conduct weaker than any known maximum


def compare(kb: KnowledgeBase, codes: list[str], domain: str, day: datetime.date) -> Comparison:
    assessments = tuple(assess(kb, code, domain, day) for code in codes)
    per_code = [conduct_statuses(kb, kb.laws.get((code, domain)), domain, day) for code in codes]
    dual = tuple(DualCriminality(term, tuple(s[term] for s in per_code)) for term in conduct_terms(kb, domain))
    differences = []
    for index, result in enumerate(assessments[0].requirements):
        statuses = tuple(a.requirements[index].status for a in assessments)
        if len(set(statuses)) > 1:
            differences.append(RequirementDifference(result.requirement.id, statuses))
    return Comparison(domain, day, assessments, dual, tuple(differences))


def weakest_links(kb: KnowledgeBase, route: list[str], domain: str, day: datetime.date) -> list[WeakestLink]:
    """For each conduct along source -> transit -> destination: where it is not criminal, or punished least."""
    per_code = [conduct_statuses(kb, kb.laws.get((code, domain)), domain, day) for code in route]
    return [weakest_link(term, route, tuple(s[term] for s in per_code)) for term in conduct_terms(kb, domain)]


def weakest_link(term: str, route: list[str], statuses: tuple[ConductStatus, ...]) -> WeakestLink:
    """The weakest link is named only where the data shows it: a jurisdiction where the conduct is not
    criminal, or the lowest known maximum when no unknown could be lower (a criminal conduct whose
    maximum is unknown is at least its stated minimum; an unknown criminality could be none at all).
    Otherwise nobody is named, and the jurisdictions that could be weaker are listed.
    site/assets/lawgap.js (weakestLink) applies the same rule in the browser."""
    not_criminal = tuple(code for code, s in zip(route, statuses) if s.criminal is False)
    if not_criminal:
        return WeakestLink(term, not_criminal, "not criminal", statuses)
    known = [(code, s.max_years) for code, s in zip(route, statuses) if s.criminal and s.max_years is not None]
    if not known:
        criminal = [code for code, s in zip(route, statuses) if s.criminal]
        reason = "not determined: no maximum known on the route"
        if criminal:
            reason += f" (criminal in {', '.join(criminal)}, maximum unknown)"
        return WeakestLink(term, (), reason, statuses, tuple(route))
    lowest = min(years_for_sorting(m) for _, m in known)
    lowest_years = next(m for _, m in known if years_for_sorting(m) == lowest)
    weakest = tuple(code for code, m in known if years_for_sorting(m) == lowest)
    could_be_weaker = tuple(code for code, s in zip(route, statuses)
                            if s.criminal is None or (s.max_years is None and floor_years(s.min_years) < lowest))
    if could_be_weaker:
        reason = (f"not determined: lowest known maximum {term_words(lowest_years)} ({', '.join(weakest)}); "
                  f"could be lower in {', '.join(could_be_weaker)}")
        return WeakestLink(term, (), reason, statuses, could_be_weaker)
    return WeakestLink(term, weakest, f"lowest maximum: {term_words(lowest_years)}", statuses)
