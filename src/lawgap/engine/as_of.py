"""What was law on a given day: offences in force and the penalty each carried."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from lawgap.model.types import DomainLaw, Offence, Penalty, PenaltyVersion


@dataclass(frozen=True)
class PenaltyOnDay:
    """The penalty an offence carried on a day; penalty None with version None means unknown."""

    penalty: Penalty | None
    version: PenaltyVersion | None
    repealed: bool = False


def penalty_on(offence: Offence, day: datetime.date) -> PenaltyOnDay:
    """The basic penalty of `offence` in force on `day`."""
    return version_on(offence.penalty_history, day)


def version_on(history: tuple[PenaltyVersion, ...], day: datetime.date) -> PenaltyOnDay:
    """The version of a penalty history (basic or aggravated tier) in force on `day`. An undated last
    version is known only from its source's retrieval date."""
    current: PenaltyVersion | None = None
    for version in history:
        if version.effective is None:
            if day >= version.source.retrieved:
                current = version
            else:
                return PenaltyOnDay(None, None)  # older dated version or this one: cannot tell
        elif version.effective <= day:
            current = version
    if current is None:
        return PenaltyOnDay(None, None)
    return PenaltyOnDay(current.penalty, current, repealed=current.repeals)


def offences_in_force(law: DomainLaw, day: datetime.date) -> list[Offence]:
    """Offences in force on `day`. A dated penalty version in force on that day decides (it may come
    from a predecessor provision, e.g. a 1999 code article the current one replaced); otherwise the
    dates of the instrument that creates the offence do."""
    in_force = []
    for offence in law.offences:
        on_day = penalty_on(offence, day)
        if on_day.repealed:
            continue
        if on_day.version is None:
            instrument = law.instruments.get(offence.source.instrument)
            if instrument and not instrument.in_force_on(day):
                continue
        in_force.append(offence)
    return in_force


def change_dates(law: DomainLaw) -> list[datetime.date]:
    """Every date on which something recorded in the file changed: the points of a score history
    (read_only_dates says which of them are only the day an undated version was read)."""
    return sorted(_law_dates(law) | _read_dates(law))


def read_only_dates(law: DomainLaw) -> set[datetime.date]:
    """Dates known only as the day a source of an undated penalty version was read: the law held then,
    since when is not known, so such a date is not a change in the law."""
    return _read_dates(law) - _law_dates(law)


def _versions(law: DomainLaw) -> list[PenaltyVersion]:
    histories = [o.penalty_history for o in law.offences] + [t.penalty_history for o in law.offences for t in o.aggravated_tiers]
    return [v for history in histories for v in history]


def _law_dates(law: DomainLaw) -> set[datetime.date]:
    dates = {v.effective for v in _versions(law) if v.effective}
    for instrument in law.instruments.values():
        dates |= {d for d in (instrument.in_force or instrument.enacted, instrument.repealed) if d}
    return dates


def _read_dates(law: DomainLaw) -> set[datetime.date]:
    return {v.source.retrieved for v in _versions(law) if not v.effective}


@dataclass(frozen=True)
class LawOnDay:
    """One domain file as it stood on one day, with its offences in force worked out once."""

    law: DomainLaw
    day: datetime.date
    offences: tuple[Offence, ...]

    @classmethod
    def of(cls, law: DomainLaw, day: datetime.date) -> LawOnDay:
        return cls(law, day, tuple(offences_in_force(law, day)))

    @property
    def core(self) -> Offence | None:
        return next((o for o in self.offences if o.core), None)
