"""Properties of the extradition verdict that must hold for any facts, checked on generated States.

Every generated State is checked against the real schemas first (extradition_support). Unknown facts are
written as explicit nulls (or a treaty left out), so that "learning" one is replacing one null."""

from __future__ import annotations

import copy
import datetime
from typing import Any

from extradition_support import knowledge_base
from hypothesis import given, settings
from hypothesis import strategies as st

from lawgap.engine.extradition import BARS, CLEARS, UNKNOWN, extradition, route_extradition

DAY = datetime.date(2026, 1, 1)
CONDUCT = {"wildlife": ("conduct", "trade"), "human-trafficking": ("purposes", "forced-labour")}
RANK = {BARS: 0, UNKNOWN: 1, CLEARS: 2}  # a ground's outcome, worst first
TRI = st.sampled_from([True, False, None])
TREATY = st.sampled_from([None, "party", "not-party", "2020-01-01", "2030-01-01"])
FACT_VALUES = {
    "nationals": st.sampled_from([None, "yes", "no", "conditional"]),
    "penalty_threshold": st.one_of(st.sampled_from([None, False]), st.fixed_dictionaries(
        {"years": st.sampled_from([0.5, 1, 2, 4]), "judged_in": st.sampled_from(["requested", "requesting", "both"])},
        optional={"measure": st.sampled_from(["maximum", "minimum", "mean"])})),
    "treaty_required": TRI, "untoc_legal_basis": TRI, "reciprocity": TRI, "death_penalty_refusal": TRI,
    "dual_criminality_test": st.sampled_from([None, "conduct", "label"]),
}
# For each fact, its values from least to most willing to surrender (None is not on the scale).
MORE_SURRENDERING = {
    "nationals": ["no", "conditional", "yes"],
    "treaty_required": [True, False],
    "untoc_legal_basis": [False, True],
    "death_penalty_refusal": [True, False],
    "dual_criminality_test": ["label", "conduct"],
}


def fact(value: Any, only_to: list[str] | None = None) -> dict[str, Any]:
    if value is None:
        return {"value": None}
    made = {"value": value, "source": "default"}
    if value == "conditional":
        made["condition"] = "A condition lawgap cannot check"
        if only_to is not None:
            made["only_to"] = only_to
    return made


@st.composite
def state(draw, domain: str, other: str) -> dict[str, Any]:
    """One State's facts: the other State's code decides whether a conditional surrender of nationals lists it."""
    facet, term = CONDUCT[domain]
    only_to = draw(st.sampled_from([None, [other], ["RW"]]))
    spec: dict[str, Any] = {"extradition": {name: fact(draw(values), only_to if name == "nationals" else None)
                                            for name, values in FACT_VALUES.items()}}
    spec["treaties"] = {t: s for t in ("untoc", "palermo-protocol") if (s := draw(TREATY)) is not None}
    if draw(st.booleans()):
        prison = draw(st.sampled_from([None, {"max_years": 0.5}, {"max_years": 3}, {"max_years": 10}, {"max_years": "life"},
                                       {"min_years": 2}, {"min_years": 4, "max_years": 12}, {"min_years": 1, "max_years": 2}]))
        spec["law"] = {"offences": [{"id": "core", "title": "Core offence", "core": True, "source": "default",
                                     facet: {term: draw(TRI)},
                                     "penalty_history": [{"effective": "2000-01-01", "source": "default",
                                                          "penalty": {"prison": prison, "death_penalty": draw(TRI)}}]}]}
    return spec


@st.composite
def pair(draw) -> tuple[str, dict[str, Any], dict[str, Any]]:
    domain = draw(st.sampled_from(sorted(CONDUCT)))
    return domain, draw(state(domain, "TZ")), draw(state(domain, "KE"))


def outcomes(domain: str, requesting: dict, requested: dict) -> tuple[dict[str, str], str, str]:
    kb = knowledge_base({"KE": requesting, "TZ": requested}, domain)
    result = {v.conduct: v for v in extradition(kb, "KE", "TZ", domain, DAY)}[CONDUCT[domain][1]]
    return {g.name: g.outcome for g in (*result.grounds, result.nationals)}, result.status, result.status_for_nationals


def unknown_slots(spec: dict[str, Any]) -> list[tuple[str, ...]]:
    """Where the facts of one State hold a null (or a treaty is left out): each can be learnt."""
    slots = [("extradition", name) for name, made in spec["extradition"].items() if made["value"] is None]
    slots += [("treaties", t) for t in ("untoc", "palermo-protocol") if t not in spec["treaties"]]
    if "law" in spec:
        offence = spec["law"]["offences"][0]
        facet = next(k for k in ("conduct", "purposes") if k in offence)
        slots += [("law", facet)] if next(iter(offence[facet].values())) is None else []
        penalty = offence["penalty_history"][0]["penalty"]
        slots += [("law", "prison")] if penalty["prison"] is None else []
        slots += [("law", "death_penalty")] if penalty["death_penalty"] is None else []
    return slots


def learn(spec: dict[str, Any], slot: tuple[str, ...], draw) -> dict[str, Any]:
    learnt = copy.deepcopy(spec)
    kind, name = slot
    if kind == "extradition":
        value = draw(FACT_VALUES[name].filter(lambda v: v is not None))
        learnt["extradition"][name] = fact(value, ["RW"] if value == "conditional" and draw(st.booleans()) else None)
    elif kind == "treaties":
        learnt["treaties"][name] = draw(TREATY.filter(lambda v: v is not None))
    else:
        offence = learnt["law"]["offences"][0]
        if name in ("conduct", "purposes"):
            offence[name] = {term: draw(st.booleans()) for term in offence[name]}
        elif name == "prison":
            offence["penalty_history"][0]["penalty"]["prison"] = draw(st.sampled_from([{"max_years": 0.5}, {"max_years": 10}]))
        else:
            offence["penalty_history"][0]["penalty"]["death_penalty"] = draw(st.booleans())
    return learnt


@settings(max_examples=200, deadline=None)
@given(pair())
def test_the_verdicts_follow_the_grounds(data) -> None:
    domain, requesting, requested = data
    grounds, status, for_nationals = outcomes(domain, requesting, requested)
    general = [outcome for name, outcome in grounds.items() if name != "nationals"]
    assert status == ("barred" if BARS in general else "unknown" if UNKNOWN in general else "extraditable")
    # the nationals' verdict is never better than the general one
    order = {"barred": 0, "unknown": 1, "extraditable": 2}
    assert order[for_nationals] <= order[status]
    if grounds["nationals"] == CLEARS:
        assert for_nationals == status


@settings(max_examples=200, deadline=None)
@given(pair(), st.data())
def test_a_more_surrendering_rule_never_makes_a_ground_or_verdict_worse(data, draw) -> None:
    domain, requesting, requested = data
    name = draw.draw(st.sampled_from(sorted(MORE_SURRENDERING) + ["penalty_threshold"]))
    current = requested["extradition"][name]["value"]
    friendlier = copy.deepcopy(requested)
    if name == "penalty_threshold":
        if not isinstance(current, dict):
            return
        lower = draw.draw(st.sampled_from([0.5, 1, 2, 4]).filter(lambda years: years <= current["years"]))
        friendlier["extradition"][name] = fact(draw.draw(st.sampled_from([False, {**current, "years": lower}])))
    else:
        scale = MORE_SURRENDERING[name]
        if current not in scale or current == scale[-1]:
            return
        friendlier["extradition"][name] = fact(draw.draw(st.sampled_from(scale[scale.index(current) + 1:])))
    before, status_before, nationals_before = outcomes(domain, requesting, requested)
    after, status_after, nationals_after = outcomes(domain, requesting, friendlier)
    for ground in before:
        assert RANK[after[ground]] >= RANK[before[ground]], (name, ground, before[ground], after[ground])
    if status_before == "extraditable":
        assert status_after == "extraditable"
    if nationals_before == "extraditable":
        assert nationals_after == "extraditable"


@settings(max_examples=300, deadline=None)
@given(pair(), st.data())
def test_learning_an_unknown_never_lifts_a_bar(data, draw) -> None:
    """A ground that bars rests on known facts: learning any unknown fact of either State leaves it barring,
    so a barred verdict stays barred."""
    domain, requesting, requested = data
    which = draw.draw(st.sampled_from(["requesting", "requested"]))
    spec = requesting if which == "requesting" else requested
    slots = unknown_slots(spec)
    if not slots:
        return
    learnt = learn(spec, draw.draw(st.sampled_from(slots)), draw.draw)
    before, status_before, nationals_before = outcomes(domain, requesting, requested)
    after, status_after, nationals_after = outcomes(domain, learnt if which == "requesting" else requesting,
                                                    learnt if which == "requested" else requested)
    for ground, outcome in before.items():
        if outcome == BARS:
            assert after[ground] == BARS, (ground, which)
        if outcome == CLEARS:  # and a known clearance is not taken back either
            assert after[ground] == CLEARS, (ground, which)
    if status_before == "barred":
        assert status_after == "barred"
    if nationals_before == "barred":
        assert nationals_after == "barred"


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(CONDUCT)), st.data())
def test_symmetric_data_gives_symmetric_verdicts(domain, draw) -> None:
    """Two States with the same law (each listing the other, or not, among the States it surrenders nationals
    to) give the same verdict in both directions, ground by ground."""
    spec = draw.draw(state(domain, "OTHER"))
    def as_state(other: str) -> dict[str, Any]:
        made = copy.deepcopy(spec)
        nationals = made["extradition"]["nationals"]
        if nationals.get("only_to") == ["OTHER"]:
            nationals["only_to"] = [other]
        return made
    kb = knowledge_base({"KE": as_state("TZ"), "TZ": as_state("KE")}, domain)
    forth = {v.conduct: v for v in extradition(kb, "KE", "TZ", domain, DAY)}
    back = {v.conduct: v for v in extradition(kb, "TZ", "KE", domain, DAY)}
    for term in forth:
        one, other = forth[term], back[term]
        assert [(g.name, g.outcome) for g in (*one.grounds, one.nationals)] == [(g.name, g.outcome) for g in (*other.grounds, other.nationals)]
        assert (one.status, one.status_for_nationals) == (other.status, other.status_for_nationals)


@settings(max_examples=60, deadline=None)
@given(pair(), st.sampled_from(["UG", None]))
def test_a_route_gives_each_ordered_pair_the_pair_verdicts(data, third) -> None:
    domain, requesting, requested = data
    specs = {"KE": requesting, "TZ": requested, **({third: requested} if third else {})}
    kb = knowledge_base(specs, domain)
    route = list(specs)
    along = route_extradition(kb, route, domain, DAY)
    assert len(along) == len(route) * (len(route) - 1) * len(kb.vocabulary[domain].facets[CONDUCT[domain][0]])
    for a in route:
        for b in route:
            if a != b:
                pairwise = extradition(kb, a, b, domain, DAY)
                assert tuple(v for v in along if v.requesting == a and v.requested == b) == pairwise


@settings(max_examples=200, deadline=None)
@given(pair())
def test_reading_the_maximum_never_makes_the_threshold_worse_than_the_minimum_or_the_mean(data) -> None:
    """min <= mean <= max: a threshold read by the maximum is the most surrendering reading of the same years."""
    domain, requesting, requested = data
    current = requested["extradition"]["penalty_threshold"]["value"]
    if not isinstance(current, dict) or current.get("measure", "maximum") == "maximum":
        return
    by_maximum = copy.deepcopy(requested)
    by_maximum["extradition"]["penalty_threshold"] = fact({**current, "measure": "maximum"})
    before, _, _ = outcomes(domain, requesting, requested)
    after, _, _ = outcomes(domain, requesting, by_maximum)
    assert RANK[after["penalty-threshold"]] >= RANK[before["penalty-threshold"]], (current, before, after)
