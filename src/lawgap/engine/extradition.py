"""Extradition between two jurisdictions: can the requested State B surrender to the requesting State A
a person sought for one conduct of a domain, on a day?

Five grounds, each read from recorded facts only:

- dual criminality: the conduct is criminal in both States (engine.compare's DualCriminality over the
  two conduct statuses), judged as B judges it: by conduct, which is what lawgap compares; by the
  offence's name, which lawgap cannot check (unknown);
- penalty threshold: the conduct's basic prison term clears B's minimum in the law B names (its own, A's,
  or both), read by its maximum, or where B's law says so by its minimum or the mean of both;
- legal basis: B extradites without a treaty; or it needs one and takes UNTOC as the basis (art. 16(4),
  notified under art. 16(5)(a)), with both States parties and the offence one UNTOC covers (a serious
  crime of at least four years in both, or, between parties to the Palermo Protocol, trafficking in
  persons). Otherwise only a bilateral or regional treaty could serve, and lawgap does not record those:
  the ground bars and says so;
- death penalty: B refuses without assurances and A's basic penalty for the conduct includes death;
- nationals: B's rule on surrendering its own nationals. It depends on who the person is, so it has a
  verdict of its own.

Each ground clears, bars, or is unknown (naming the facts whose answer would decide it). The verdict for
a person who is not B's national reads the first four grounds: barred if any bars, else unknown if any is
unknown, else extraditable. The verdict for B's nationals reads all five. What lawgap cannot check (an
organised criminal group for UNTOC, an assurance of reciprocity, B's condition for surrendering its
nationals) is listed as a condition of an extraditable verdict, never turned into unknown.

Not covered: bilateral and regional treaties, the political-offence and fair-trial exceptions,
prosecutorial and executive discretion, time limits, ne bis in idem (the methodology page says so).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from lawgap.engine.aggravated import tiers_on
from lawgap.engine.as_of import penalty_on
from lawgap.engine.compare import DualCriminality, known_all
from lawgap.engine.conduct import ConductStatus, conduct_statuses, conduct_terms
from lawgap.engine.term_words import term_words
from lawgap.engine.thresholds import SERIOUS_CRIME_YEARS, floor_years, measured_at_least, term_at_least
from lawgap.model.types import (
    ExtraditionFact,
    Instrument,
    Jurisdiction,
    KnowledgeBase,
    PenaltyThreshold,
    Source,
)

CLEARS, BARS, UNKNOWN = "clears", "bars", "unknown"
EXTRADITABLE, BARRED = "extraditable", "barred"

# The grounds in the order they are reported, and what each asks (the codebook and the site show these).
GROUNDS = {
    "dual-criminality": "Is the conduct an offence in both States, as the requested State judges dual criminality?",
    "penalty-threshold": "Does the offence carry the minimum penalty the requested State's law asks for?",
    "legal-basis": "Does the requested State have a legal basis to extradite: its own law, or UNTOC where it needs a treaty?",
    "death-penalty": "Would the requested State refuse because the requesting State's penalty includes death?",
    "nationals": "Does the requested State surrender its own nationals?",
}
# How each extradition fact of the requested State is read (the codebook's "How lawgap reads it").
READS = {
    "nationals": "Decides the verdict for the requested State's own nationals only: yes clears; no bars (UNTOC art. 16(10) then "
                 "obliges it to prosecute them itself); conditional clears with the condition listed, and bars where only_to "
                 "lists States and the requesting State is not one of them; unknown leaves that verdict unknown.",
    "penalty_threshold": "The conduct's basic prison term, in the law(s) named by judged_in, must reach the years given, read by its "
                         "maximum (life reaches any), or where measure says so by its minimum (none set counts as 0) or the mean of "
                         "minimum and maximum; false clears; a term below it bars; an unknown term or threshold is unknown, "
                         "and so is a minimum not read unless the maximum decides (a minimum lies between 0 and the maximum).",
    "treaty_required": "false clears the legal basis (the requested State's own law suffices). true or unknown: the legal "
                       "basis then rests on UNTOC (untoc_legal_basis); where UNTOC cannot serve and a treaty is required, the "
                       "ground bars unless a bilateral or regional treaty applies, which lawgap does not record.",
    "untoc_legal_basis": "Where a treaty is required: true lets UNTOC serve as the basis if both States are parties on the date "
                         "and the offence is one UNTOC covers (listed as a condition: an organised criminal group is involved); "
                         "false means UNTOC cannot serve.",
    "reciprocity": "Where the requested State extradites without a treaty, true adds the condition that the requesting State "
                   "assures reciprocity; it never bars by itself.",
    "death_penalty_refusal": "true bars when the requesting State's basic penalty for the conduct includes death (without "
                             "assurances); it clears when that penalty is known not to include death; false clears.",
    "dual_criminality_test": "With the conduct criminal in both States: conduct clears; label leaves the ground unknown (lawgap "
                             "compares conduct, not offence names); unknown leaves it unknown. A conduct that is not criminal in "
                             "either State bars whatever the test.",
}
UNTOC_CONDITION = "the offence is transnational and involves an organized criminal group (UNTOC arts. 3(1) and 16(1))"
NO_TREATY_RECORDS = ("a bilateral or regional extradition treaty between the two States could still provide one; "
                     "lawgap does not record those")


@dataclass(frozen=True)
class Fact:
    """A fact a ground read: whose it is, what it is, its value in words and the source it rests on
    (a provision, or for treaty participation the depositary's page in `url`)."""

    jurisdiction: str
    fact: str
    value: str
    source: Source | None = None
    instrument_title: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Ground:
    name: str  # a key of GROUNDS
    outcome: str  # clears / bars / unknown
    reason: str
    facts: tuple[Fact, ...]
    missing: tuple[str, ...] = ()  # the facts whose answer would decide an unknown ground
    conditions: tuple[str, ...] = ()  # what lawgap cannot check, on which clearing depends


@dataclass(frozen=True)
class ExtraditionVerdict:
    """Whether `requested` can surrender to `requesting` a person sought for `conduct`: `grounds` for anyone
    who is not a national of the requested State, `nationals` added for its own nationals."""

    requesting: str
    requested: str
    domain: str
    conduct: str
    as_of: datetime.date
    grounds: tuple[Ground, ...]
    nationals: Ground
    prosecution: Fact | None  # where nationals are not surrendered: can the requested State try them itself?

    @property
    def status(self) -> str:
        return combined(self.grounds)

    @property
    def status_for_nationals(self) -> str:
        return combined((*self.grounds, self.nationals))

    @property
    def conditions(self) -> tuple[str, ...]:
        """What an extraditable verdict depends on that lawgap cannot check."""
        return tuple(dict.fromkeys(c for g in self.grounds for c in g.conditions))

    @property
    def conditions_for_nationals(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.conditions, *self.nationals.conditions)))

    @property
    def missing(self) -> tuple[str, ...]:
        """The facts whose answers would settle the unknown grounds."""
        return tuple(dict.fromkeys(m for g in self.grounds if g.outcome == UNKNOWN for m in g.missing))


def combined(grounds: Iterable[Ground]) -> str:
    """Barred if any ground bars; else unknown if any is unknown; else extraditable."""
    outcomes = {g.outcome for g in grounds}
    if BARS in outcomes:
        return BARRED
    if UNKNOWN in outcomes:
        return UNKNOWN
    return EXTRADITABLE


# -- entry points ------------------------------------------------------------------------------------


def extradition(kb: KnowledgeBase, requesting: str, requested: str, domain: str, day: datetime.date) -> tuple[ExtraditionVerdict, ...]:
    """The verdict for every conduct of the domain, requested State surrendering to requesting State."""
    statuses = {code: conduct_statuses(kb, kb.laws.get((code, domain)), domain, day) for code in (requesting, requested)}
    return tuple(verdict(kb, requesting, requested, domain, term, day, statuses[requesting][term], statuses[requested][term])
                 for term in conduct_terms(kb, domain))


def route_extradition(kb: KnowledgeBase, route: list[str], domain: str, day: datetime.date) -> tuple[ExtraditionVerdict, ...]:
    """Along a route: for each State on it (where an offender is found), the verdicts towards every other State
    on the route, every conduct. Conduct statuses are read once per State."""
    statuses = {code: conduct_statuses(kb, kb.laws.get((code, domain)), domain, day) for code in route}
    return tuple(verdict(kb, requesting, requested, domain, term, day, statuses[requesting][term], statuses[requested][term])
                 for requested in route for requesting in route if requesting != requested
                 for term in conduct_terms(kb, domain))


def verdict(kb: KnowledgeBase, a_code: str, b_code: str, domain: str, term: str, day: datetime.date,
            a_status: ConductStatus, b_status: ConductStatus) -> ExtraditionVerdict:
    """One verdict: B (requested) surrendering to A (requesting), from the two conduct statuses (engine.conduct)."""
    a, b = kb.jurisdictions[a_code], kb.jurisdictions[b_code]
    conduct = {a_code: conduct_fact(kb, a_code, domain, a_status), b_code: conduct_fact(kb, b_code, domain, b_status)}
    grounds = (
        _dual_criminality(a, b, term, a_status, b_status, conduct),
        _threshold(a, b, a_status, b_status, conduct),
        _legal_basis(a, b, domain, day, a_status, b_status, conduct),
        _death_penalty(kb, a, b, domain, day, a_status),
    )
    return ExtraditionVerdict(a_code, b_code, domain, term, day, grounds, _nationals(a, b), prosecution_fact(kb, b_code, domain))


# -- the grounds -------------------------------------------------------------------------------------


def _dual_criminality(a: Jurisdiction, b: Jurisdiction, term: str, a_status: ConductStatus, b_status: ConductStatus,
                      conduct: dict[str, Fact]) -> Ground:
    test = b.extradition.dual_criminality_test
    facts = (conduct[a.code], conduct[b.code], extradition_fact(b, "dual_criminality_test", test))
    criminal = DualCriminality(term, (a_status, b_status)).criminal_everywhere
    if criminal is False:
        where = [j.name for j, s in ((a, a_status), (b, b_status)) if s.criminal is False]
        return Ground("dual-criminality", BARS, f"Not an offence in {' or '.join(where)}.", facts)
    if criminal is None:
        unknown = [j for j, s in ((a, a_status), (b, b_status)) if s.criminal is None]
        return Ground("dual-criminality", UNKNOWN, f"Whether it is an offence in {_names(unknown)} is not known.", facts,
                      tuple(f"{j.code} conduct {term}" for j in unknown))
    if test.value == "conduct":
        return Ground("dual-criminality", CLEARS, f"An offence in both, and {b.name} judges dual criminality by conduct.", facts)
    if test.value == "label":
        return Ground("dual-criminality", UNKNOWN, f"An offence in both, but {b.name} asks for an offence of the same name "
                      "or category, and lawgap compares conduct, not offence names.", facts)
    return Ground("dual-criminality", UNKNOWN, f"An offence in both; how {b.name} judges dual criminality (by conduct "
                  "or by the offence's name) is not known.", facts, (f"{b.code} extradition.dual_criminality_test",))


def _threshold(a: Jurisdiction, b: Jurisdiction, a_status: ConductStatus, b_status: ConductStatus, conduct: dict[str, Fact]) -> Ground:
    threshold = b.extradition.penalty_threshold
    facts = [extradition_fact(b, "penalty_threshold", threshold)]
    if threshold.value is False:
        return Ground("penalty-threshold", CLEARS, f"{b.name}'s law sets no minimum penalty.", tuple(facts))
    if not isinstance(threshold.value, PenaltyThreshold):
        return Ground("penalty-threshold", UNKNOWN, f"{b.name}'s minimum penalty for extradition is not known.", tuple(facts),
                      (f"{b.code} extradition.penalty_threshold",))
    years, judged_in, measure = threshold.value.years, threshold.value.judged_in, threshold.value.measure
    judged = {"requested": [(b, b_status)], "requesting": [(a, a_status)], "both": [(a, a_status), (b, b_status)]}[judged_in]
    facts += [conduct[j.code] for j, _ in judged]
    minimum = (f"{b.name}'s minimum of {term_words(years)}{MEASURE_WORDS[measure]} (in the law of "
               f"{_judged_words(judged_in, a, b)})")
    clears = {j.code: False if s.criminal is False else _reaches(s, measure, years) for j, s in judged}
    result = known_all(clears.values())
    if result is True:
        return Ground("penalty-threshold", CLEARS, f"The offence reaches {minimum}.", tuple(facts))
    if result is False:
        below = [j for j, _ in judged if clears[j.code] is False]
        return Ground("penalty-threshold", BARS, f"The offence falls below {minimum} in {_names(below)}.", tuple(facts))
    unknown = [j for j, _ in judged if clears[j.code] is None]
    needed = "maximum" if measure == "maximum" else "prison term"
    missing = "maximum prison term" if measure == "maximum" else "prison term"
    return Ground("penalty-threshold", UNKNOWN, f"Whether the offence reaches {minimum} is not known: its {needed} in "
                  f"{_names(unknown)} is not recorded.", tuple(facts), tuple(f"{j.code} conduct {a_status.term}: {missing}" for j in unknown))


# How a threshold read by a figure other than the maximum is worded after "minimum of N years".
MEASURE_WORDS = {"maximum": "", "minimum": " for the offence's minimum term", "mean": " for the mean of the offence's minimum and maximum terms"}


def _reaches(status: ConductStatus, measure: str, years: float) -> bool | None:
    if measure == "maximum":
        return term_at_least(status.min_years, status.max_years, years)
    return measured_at_least(status.terms, measure, years)


def _legal_basis(a: Jurisdiction, b: Jurisdiction, domain: str, day: datetime.date, a_status: ConductStatus,
                 b_status: ConductStatus, conduct: dict[str, Fact]) -> Ground:
    required, law = b.extradition.treaty_required, b.extradition
    facts = [extradition_fact(b, "treaty_required", required)]
    if required.value is False:
        facts.append(extradition_fact(b, "reciprocity", law.reciprocity))
        conditions = (f"{a.name} assures reciprocity",) if law.reciprocity.value is True else ()
        return Ground("legal-basis", CLEARS, f"{b.name} extradites without a treaty.", tuple(facts), (), conditions)
    parts = _untoc_parts(a, b, domain, day, a_status, b_status)
    facts += [f for part in parts for f in part.facts]
    untoc = known_all(part.holds for part in parts)
    if untoc is True:
        return Ground("legal-basis", CLEARS, f"{b.name} takes UNTOC as its legal basis for extradition; both States are parties and "
                      "UNTOC covers the offence.", tuple(facts), (), (UNTOC_CONDITION,))
    if untoc is False and required.value is True:
        why = "; ".join(part.fails for part in parts if part.holds is False)
        return Ground("legal-basis", BARS, f"{b.name} extradites only under a treaty, and UNTOC cannot serve here ({why}): "
                      f"{NO_TREATY_RECORDS}.", tuple(facts))
    missing = [f"{b.code} extradition.treaty_required"] if required.value is None else []
    if untoc is None:
        missing += [m for part in parts if part.holds is None for m in part.missing]
    return Ground("legal-basis", UNKNOWN, f"Whether {b.name} has a legal basis to extradite to {a.name} is not known.",
                  tuple(facts), tuple(missing))


@dataclass(frozen=True)
class _Part:
    """One condition for UNTOC to serve as the legal basis."""

    holds: bool | None
    fails: str  # in words, when it does not hold
    facts: tuple[Fact, ...]
    missing: tuple[str, ...]


def _untoc_parts(a: Jurisdiction, b: Jurisdiction, domain: str, day: datetime.date, a_status: ConductStatus,
                 b_status: ConductStatus) -> tuple[_Part, ...]:
    basis = b.extradition.untoc_legal_basis
    parts = [_Part(basis.value, f"{b.name} does not take UNTOC as a legal basis", (extradition_fact(b, "untoc_legal_basis", basis),),
                   (f"{b.code} extradition.untoc_legal_basis",))]
    for j in (a, b):
        parts.append(_Part(party_on(j, "untoc", day), f"{j.name} is not a party to UNTOC on {day.isoformat()}",
                           (treaty_fact(j, "untoc", day),), (f"{j.code} treaties.untoc",)))
    serious = {j.code: False if s.criminal is False else term_at_least(s.min_years, s.max_years, SERIOUS_CRIME_YEARS)
               for j, s in ((a, a_status), (b, b_status))}
    covered = known_all(serious.values())
    missing = [f"{code} conduct {a_status.term}: maximum prison term" for code, v in serious.items() if v is None]
    facts: tuple[Fact, ...] = ()
    fails = f"the offence is not a serious crime (a maximum of at least {SERIOUS_CRIME_YEARS:g} years) in both States"
    if domain == "human-trafficking":  # Protocol art. 1(3): its offences are offences established under UNTOC
        protocol = known_all(party_on(j, "palermo-protocol", day) for j in (a, b))
        facts = tuple(treaty_fact(j, "palermo-protocol", day) for j in (a, b))
        covered = known_any((protocol, covered))
        fails += ", and the two are not both parties to the Palermo Protocol"
        if protocol is None:
            missing += [f"{j.code} treaties.palermo-protocol" for j in (a, b) if party_on(j, "palermo-protocol", day) is None]
    parts.append(_Part(covered, fails, facts, tuple(missing)))
    return tuple(parts)


def _death_penalty(kb: KnowledgeBase, a: Jurisdiction, b: Jurisdiction, domain: str, day: datetime.date,
                   a_status: ConductStatus) -> Ground:
    refuses = b.extradition.death_penalty_refusal
    death, aggravated, source = death_penalty_for(a_status, day)
    law = kb.laws.get((a.code, domain))
    facts = (extradition_fact(b, "death_penalty_refusal", refuses),
             Fact(a.code, f"conduct {a_status.term}: death penalty", _yes_no(death), source, _title(law.instruments if law else {}, source)))
    tiers = (f"{a.name} does not charge the aggravated form ({', '.join(aggravated)}) that carries death, or assures it will not be "
             "imposed or carried out",) if aggravated and refuses.value is True else ()
    if refuses.value is False:
        return Ground("death-penalty", CLEARS, f"{b.name}'s law sets no death-penalty bar.", facts)
    if death is False:
        return Ground("death-penalty", CLEARS, f"{a.name}'s penalty for the offence does not include death.", facts, (), tiers)
    if death is True and refuses.value is True:
        return Ground("death-penalty", BARS, f"{a.name}'s penalty for the offence includes death, and {b.name} refuses to extradite "
                      "without assurances that it will not be imposed or carried out.", facts)
    missing = ([f"{b.code} extradition.death_penalty_refusal"] if refuses.value is None else []) + \
              ([f"{a.code} conduct {a_status.term}: death penalty"] if death is None else [])
    if refuses.value is None and death is None:
        reason = f"Whether {b.name} refuses for the death penalty, and whether {a.name}'s penalty for the offence includes death, are not known."
    elif refuses.value is None:
        reason = f"{a.name}'s penalty for the offence includes death; whether {b.name} refuses to extradite without assurances is not known."
    else:
        reason = (f"{b.name} refuses to extradite without assurances where death may be imposed; whether {a.name}'s penalty for the "
                  "offence includes death is not known.")
    return Ground("death-penalty", UNKNOWN, reason, facts, tuple(missing))


def _nationals(a: Jurisdiction, b: Jurisdiction) -> Ground:
    rule = b.extradition.nationals
    facts = (extradition_fact(b, "nationals", rule),)
    if rule.value == "yes":
        return Ground("nationals", CLEARS, f"{b.name} surrenders its nationals.", facts)
    if rule.value == "no":
        return Ground("nationals", BARS, f"{b.name} does not surrender its nationals; under UNTOC art. 16(10) it must then submit the "
                      "case to its own prosecutors.", facts)
    if rule.value == "conditional":
        if rule.only_to and a.code not in rule.only_to:
            return Ground("nationals", BARS, f"{b.name} surrenders its nationals only to {', '.join(rule.only_to)}, not to {a.name}.", facts)
        return Ground("nationals", CLEARS, f"{b.name} surrenders its nationals on a condition.", facts, (), (rule.condition or "",))
    return Ground("nationals", UNKNOWN, f"Whether {b.name} surrenders its nationals is not known.", facts,
                  (f"{b.code} extradition.nationals",))


def prosecution_fact(kb: KnowledgeBase, code: str, domain: str) -> Fact | None:
    """Aut dedere aut judicare: can the requested State's courts try its nationals for the offence committed abroad?"""
    law = kb.laws.get((code, domain))
    measure = law.measures.get("extraterritorial-jurisdiction") if law else None
    if measure is None:
        return Fact(code, "measures.extraterritorial-jurisdiction", "unknown")
    title = law.instruments[measure.source.instrument].title if measure.source and measure.source.instrument in law.instruments else None
    return Fact(code, "measures.extraterritorial-jurisdiction", _yes_no(measure.value), measure.source, title, note=measure.note)


# -- reading facts -----------------------------------------------------------------------------------


def party_on(jurisdiction: Jurisdiction, treaty: str, day: datetime.date) -> bool | None:
    """Bound by the treaty on `day`: a party whose entry into force (or consent) is not after it; None when the
    participation is not recorded."""
    status = jurisdiction.treaties.get(treaty)
    if status is None:
        return None
    if status.status != "party":
        return False
    start = status.in_force or status.consent
    return not (start and day < start)


def death_penalty_for(status: ConductStatus, day: datetime.date) -> tuple[bool | None, tuple[str, ...], Source | None]:
    """Whether the basic penalty for the conduct includes death (True if any covering offence's does, False if
    none does and all are known, else unknown; not criminal: False), the ids of aggravated tiers that add it,
    and the penalty provision that decided (the first that includes death, else the first recorded)."""
    if status.criminal is not True:
        return (False if status.criminal is False else None), (), None
    versions = [penalty_on(o, day).version for o in status.offences]
    flags = [v.penalty.death_penalty if v and v.penalty else None for v in versions]
    death = known_any(flags)
    deciding = next((v for v, flag in zip(versions, flags) if flag is True), next((v for v in versions if v), None))
    aggravated = tuple(t.tier.id for o in status.offences for t in tiers_on(o, day) if t.death_penalty is True)
    return death, aggravated, deciding.source if deciding else None


def known_any(values: Iterable[bool | None]) -> bool | None:
    """Three-valued "or": True when any value is True, False when every value is False, else unknown."""
    seen = list(values)
    if any(v is True for v in seen):
        return True
    if all(v is False for v in seen):
        return False
    return None


# How a State judges dual criminality, in words (the fact's values are schema enum terms).
DUAL_CRIMINALITY_WORDS = {"conduct": "the conduct (what the person did)", "label": "the offence's name or category"}


def extradition_fact(jurisdiction: Jurisdiction, name: str, fact: ExtraditionFact) -> Fact:
    value = fact.value
    if isinstance(value, PenaltyThreshold):
        whose = "both States" if value.judged_in == "both" else f"the {value.judged_in} State"
        figure = {"maximum": "a maximum", "minimum": "a minimum term", "mean": "a mean of minimum and maximum"}[value.measure]
        words = f"{figure} of at least {term_words(value.years)}, in the law of {whose}"
    elif value is False and name == "penalty_threshold":
        words = "no minimum"
    elif value == "conditional":
        words = f"conditional: {fact.condition}" + (f" (only to {', '.join(fact.only_to)})" if fact.only_to else "")
    elif name == "dual_criminality_test" and value in DUAL_CRIMINALITY_WORDS:
        words = DUAL_CRIMINALITY_WORDS[value]
    else:
        words = _yes_no(value) if value is None or isinstance(value, bool) else str(value)
    return Fact(jurisdiction.code, f"extradition.{name}", words, fact.source,
                _title(jurisdiction.extradition.instruments, fact.source), note=fact.note)


def treaty_fact(jurisdiction: Jurisdiction, treaty: str, day: datetime.date) -> Fact:
    status = jurisdiction.treaties.get(treaty)
    if status is None:
        return Fact(jurisdiction.code, f"treaties.{treaty}", "not recorded")
    since = status.in_force or status.consent
    words = {True: f"party{f' since {since.isoformat()}' if since else ''}", False: status.status}[bool(party_on(jurisdiction, treaty, day))]
    return Fact(jurisdiction.code, f"treaties.{treaty}", words, url=status.url)


def conduct_fact(kb: KnowledgeBase, code: str, domain: str, status: ConductStatus) -> Fact:
    if status.criminal is None:
        words = "unknown"
    elif status.criminal is False:
        words = "not an offence"
    elif status.max_years is not None:
        words = f"an offence, maximum {term_words(status.max_years)}"
    elif floor_years(status.min_years):
        words = f"an offence, at least {term_words(status.min_years)}, maximum unknown"
    else:
        words = "an offence, maximum unknown"
    source = status.offences[0].source if status.offences else None
    law = kb.laws.get((code, domain))
    return Fact(code, f"conduct {status.term}", words, source, _title(law.instruments if law else {}, source))


def _title(instruments: dict[str, Instrument], source: Source | None) -> str | None:
    return instruments[source.instrument].title if source and source.instrument in instruments else None


def _yes_no(value: bool | None) -> str:
    return "yes" if value is True else "no" if value is False else "unknown"


def _judged_words(judged_in: str, a: Jurisdiction, b: Jurisdiction) -> str:
    return {"requested": b.name, "requesting": a.name, "both": f"both {a.name} and {b.name}"}[judged_in]


def _names(jurisdictions: Iterable[Jurisdiction]) -> str:
    return " and ".join(j.name for j in jurisdictions)

