"""Typed, immutable objects for the knowledge base: what the engine reads instead of raw YAML."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal, Union

from lawgap.model.source_hosts import SourceHosts
from lawgap.vocabulary import Vocabulary

Verification = Literal["source-text", "secondary", "unverified"]
Years = Union[float, Literal["life"]]
# A prison minimum: years; None where the law sets none; MINIMUM_UNKNOWN where it sets one (or may) that the
# coder could not read (`min_years: null` in a domain file). A string, like "life", so that arithmetic or a
# comparison that forgets it fails loudly instead of reading it as "no minimum".
MINIMUM_UNKNOWN: Literal["unknown"] = "unknown"
MinYears = Union[float, Literal["unknown"], None]


@dataclass(frozen=True)
class Absence:
    """An absence finding: `read` (the part of the instrument read) has no provision on `looked_for`."""

    read: str
    looked_for: str


@dataclass(frozen=True)
class Source:
    """A citation of a provision: where a fact comes from (absence set: an absence finding)."""

    instrument: str
    provision: str
    url: str
    retrieved: datetime.date
    verification: Verification
    quote: str | None = None
    absence: Absence | None = None
    note: str | None = None  # what a reviewer should know about this citation


@dataclass(frozen=True)
class Instrument:
    id: str
    title: str
    url: str
    enacted: datetime.date | None = None
    in_force: datetime.date | None = None
    repealed: datetime.date | None = None

    def in_force_on(self, day: datetime.date) -> bool:
        """In force on `day`, as far as the recorded dates tell (an unknown start counts as in force)."""
        start = self.in_force or self.enacted
        if start and day < start:
            return False
        return not (self.repealed and day >= self.repealed)


@dataclass(frozen=True)
class Prison:
    """Imprisonment: max_years None means the provision states no maximum we could record; min_years None
    means the law sets no minimum, MINIMUM_UNKNOWN that the minimum was not read (the maximum was)."""

    min_years: MinYears
    max_years: Years | None


@dataclass(frozen=True)
class FineBound:
    """Money (amount + currency) or a multiple of a legal unit."""

    amount: float | None = None
    currency: str | None = None
    multiple: float | None = None
    of: str | None = None


@dataclass(frozen=True)
class Fine:
    min: FineBound | None
    max: FineBound | None
    unlimited: bool = False
    amount_unspecified: bool = False


@dataclass(frozen=True)
class Penalty:
    """prison / fine: None = unknown, False = the offence carries none."""

    prison: Prison | Literal[False] | None
    fine: Fine | Literal[False] | None
    death_penalty: bool | None
    note: str | None = None  # what the numbers leave out
    combination: str | None = None  # how prison and fine combine (the schema's enum), when recorded


@dataclass(frozen=True)
class Uplift:
    """An aggravated penalty stated as a raise of the basic prison limits: limit x (1 + fraction).
    None: that limit is not raised."""

    max_by: Fraction | None
    min_by: Fraction | None


@dataclass(frozen=True)
class PenaltyVersion:
    """A penalty from `effective` on (None: known only from the source's retrieval date). An aggravated
    tier's version may give an uplift instead of a penalty; neither penalty nor uplift = repealed."""

    effective: datetime.date | None
    penalty: Penalty | None
    source: Source
    uplift: Uplift | None = None
    note: str | None = None  # how the effective date was established, or what the version leaves out

    @property
    def repeals(self) -> bool:
        return self.penalty is None and self.uplift is None


@dataclass(frozen=True)
class AggravatedTier:
    """An aggravated form of an offence: the circumstances that bring it and its own dated penalties."""

    id: str
    circumstances: tuple[str, ...]
    circumstance_note: str | None
    penalty_history: tuple[PenaltyVersion, ...]


@dataclass(frozen=True)
class Offence:
    id: str
    title: str
    core: bool
    source: Source
    elements: dict[str, dict[str, bool | None]]  # facet -> term -> value; "flags" holds the yes/no fields
    penalty_history: tuple[PenaltyVersion, ...]  # the basic penalty: the offence as defined
    aggravated_tiers: tuple[AggravatedTier, ...] = ()
    note: str | None = None  # the coder's caveats on the offence (what was not read, why a fact is unknown)

    def element(self, facet: str, term: str) -> bool | None:
        return self.elements.get(facet, {}).get(term)


@dataclass(frozen=True)
class Measure:
    value: bool | None
    source: Source | None
    note: str | None = None


@dataclass(frozen=True)
class Review:
    """How a domain file's facts were checked by a second coder (see the `review` schema def)."""

    method: Literal["single", "double", "spot-check"]
    date: datetime.date
    facts_compared: int
    divergences: int
    resolved: int
    note: str | None = None


@dataclass(frozen=True)
class DomainLaw:
    """One domain file of one jurisdiction."""

    jurisdiction: str
    domain: str
    file: str
    last_reviewed: datetime.date
    instruments: dict[str, Instrument]
    offences: tuple[Offence, ...]
    measures: dict[str, Measure]
    review: Review | None = None
    scope_note: str | None = None  # what the file covers and what was not read
    earlier_reviews: tuple[Review, ...] = ()  # oldest first; `review` is the newest

    def sources(self) -> list[Source]:
        found = [o.source for o in self.offences]
        found += [v.source for o in self.offences for v in o.penalty_history]
        found += [v.source for o in self.offences for tier in o.aggravated_tiers for v in tier.penalty_history]
        found += [m.source for m in self.measures.values() if m.source]
        return found


@dataclass(frozen=True)
class TreatyStatus:
    status: str
    consent: datetime.date | None
    in_force: datetime.date | None
    url: str
    verification: Verification


@dataclass(frozen=True)
class PenaltyThreshold:
    """An offence is extraditable only if its prison term reaches `years` in the law of the requested
    State, the requesting State, or both: measured by its maximum (most laws), its minimum (e.g. Colombia)
    or the mean of its minimum and maximum (e.g. Mexico's 'término medio aritmético')."""

    years: float
    judged_in: Literal["requested", "requesting", "both"]
    measure: Literal["maximum", "minimum", "mean"] = "maximum"


@dataclass(frozen=True)
class ExtraditionFact:
    """One fact of a jurisdiction's extradition law; value None is unknown. nationals: "yes" / "no" /
    "conditional" (with its condition, and the States it is limited to); penalty_threshold: a
    PenaltyThreshold, or False (no minimum); dual_criminality_test: "conduct" / "label"; the others True / False."""

    value: bool | str | PenaltyThreshold | None
    source: Source | None = None
    note: str | None = None
    condition: str | None = None
    only_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtraditionLaw:
    """A jurisdiction's extradition block (facts left out are unknown) and the instruments it cites."""

    nationals: ExtraditionFact = ExtraditionFact(None)
    penalty_threshold: ExtraditionFact = ExtraditionFact(None)
    treaty_required: ExtraditionFact = ExtraditionFact(None)
    untoc_legal_basis: ExtraditionFact = ExtraditionFact(None)
    reciprocity: ExtraditionFact = ExtraditionFact(None)
    death_penalty_refusal: ExtraditionFact = ExtraditionFact(None)
    dual_criminality_test: ExtraditionFact = ExtraditionFact(None)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    scope_note: str | None = None


EXTRADITION_FACTS = ("nationals", "penalty_threshold", "treaty_required", "untoc_legal_basis", "reciprocity",
                     "death_penalty_refusal", "dual_criminality_test")


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    un_region: str
    un_subregion: str | None
    currency: str
    file: str
    last_reviewed: datetime.date
    treaties: dict[str, TreatyStatus]
    extradition: ExtraditionLaw = field(default_factory=ExtraditionLaw)


@dataclass(frozen=True)
class Requirement:
    id: str
    baseline: str
    article: str
    text: str
    url: str
    obligation: str
    weight: int
    rule: dict
    recommendation: str


@dataclass(frozen=True)
class Baseline:
    id: str
    title: str
    short_title: str
    treaty: str | None
    binding: bool
    domains: tuple[str, ...]
    url: str
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class ExchangeRate:
    currency: str
    year: int
    units_per_usd: float
    url: str
    verification: Verification


ChangeKind = Literal["law-change", "correction", "addition", "method", "editorial"]
Figure = Union[float, Literal["life"], None]
SCORE_FIGURES = ("score", "coverage", "max_prison_years")  # what a ScoreMove records


@dataclass(frozen=True)
class LoggedChange:
    """One changed item of the data and its class (rules: contribute.changelog)."""

    kind: ChangeKind
    file: str
    item: str  # what changed, in words
    facts: int  # recorded values of the item that changed
    jurisdiction: str | None = None
    domain: str | None = None
    law_date: datetime.date | None = None  # law changes: the date the law changed
    details: tuple[tuple[str, str, str], ...] = ()  # (path, before, after) as shown


@dataclass(frozen=True)
class ScoreMove:
    """How one jurisdiction × domain's score, coverage and core maximum prison term moved."""

    jurisdiction: str
    domain: str
    before: dict[str, Figure]
    after: dict[str, Figure]


@dataclass(frozen=True)
class ChangeLogEntry:
    """What one logged commit (or range) changed in the data, and the results it moved."""

    commit: str | None  # None: the working tree, not yet committed
    base: str
    date: datetime.datetime | None  # the commit's committer date, UTC
    message: str
    as_of: datetime.date
    changes: tuple[LoggedChange, ...]
    moves: tuple[ScoreMove, ...]


@dataclass
class KnowledgeBase:
    """Everything the engine reads, already validated."""

    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    laws: dict[tuple[str, str], DomainLaw] = field(default_factory=dict)
    baselines: dict[str, Baseline] = field(default_factory=dict)
    exchange_rates: dict[str, tuple[ExchangeRate, ...]] = field(default_factory=dict)  # currency -> rates by year
    vocabulary: dict[str, Vocabulary] = field(default_factory=dict)
    change_log: tuple[ChangeLogEntry, ...] = ()  # reference/changelog.yaml, oldest first; not read by the engine
    source_hosts: SourceHosts = field(default_factory=SourceHosts)  # reference/source-hosts.yaml; not read by the engine
    data_version: str | None = None  # e.g. "2026.11.30": see lawgap.model.data_version

    def requirements_for(self, domain: str) -> list[Requirement]:
        return [r for b in sorted(self.baselines.values(), key=lambda b: b.id) if domain in b.domains for r in b.requirements]
