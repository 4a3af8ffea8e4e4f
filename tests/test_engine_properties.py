"""Properties of the scoring that must hold for any facts, checked on generated laws."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lawgap.engine.assessment import assess
from lawgap.model.build import baseline_from_data, domain_law_from_data
from lawgap.model.types import KnowledgeBase
from lawgap.validate.schema_layer import SchemaSet

PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = SchemaSet(PROJECT / "schema")
VOCABULARY = SCHEMAS.vocabularies()
BASELINES = [baseline_from_data(yaml.safe_load(p.read_text())) for p in sorted((PROJECT / "baselines").glob("*.yaml"))]
DAY = datetime.date(2026, 1, 1)
SOURCE = {"instrument": "act", "provision": "s. 1", "url": "https://example.org/a", "retrieved": "2025-01-01", "verification": "secondary"}
DOMAIN = "wildlife"
TRI = st.sampled_from([True, False, None])


@st.composite
def wildlife_facts(draw):
    facets = VOCABULARY[DOMAIN].facets
    offences = []
    for index in range(draw(st.integers(0, 3))):
        offence = {"id": f"o{index}", "title": "t", "source": SOURCE, "core": index == 0}
        for facet in ("conduct", "subjects"):
            offence[facet] = {t: v for t in facets[facet] if (v := draw(TRI)) is not None or draw(st.booleans())}
        years = draw(st.one_of(st.none(), st.just("life"), st.floats(0.1, 30)))
        if years is not None:
            offence["penalty_history"] = [{"effective": "2000-01-01", "penalty": {"prison": {"max_years": years}}, "source": SOURCE}]
        offences.append(offence)
    measures = {m: ({"value": v, "source": SOURCE} if v is not None else {"value": None})
                for m in VOCABULARY[DOMAIN].measures if (v := draw(TRI)) is not None or draw(st.booleans())}
    return {"schema_version": 1, "jurisdiction": "KE", "domain": DOMAIN, "last_reviewed": "2025-01-01",
            "instruments": [{"id": "act", "title": "Act", "url": "https://example.org/a"}], "offences": offences, "measures": measures}


def score_of(facts):
    kb = KnowledgeBase(vocabulary=VOCABULARY, baselines={b.id: b for b in BASELINES})
    kb.laws[("KE", DOMAIN)] = domain_law_from_data(facts, "generated.yaml")
    return assess(kb, "KE", DOMAIN, DAY).overall


@settings(max_examples=150, deadline=None)
@given(wildlife_facts())
def test_generated_facts_match_the_schema_and_scores_are_ordered(facts) -> None:
    assert not list(SCHEMAS.validator(DOMAIN).iter_errors(facts))
    score = score_of(facts)
    assert 0 <= score.score_min <= score.score_max <= 100
    assert 0 <= score.coverage <= 100
    if score.score is None:
        assert score.coverage == 0
    else:
        assert score.score_min - 0.1 <= score.score * score.coverage / 100 <= score.score_max + 0.1


@settings(max_examples=150, deadline=None)
@given(wildlife_facts(), st.data())
def test_criminalising_a_conduct_never_lowers_a_score(facts, data) -> None:
    if not facts["offences"]:
        return
    offence = data.draw(st.sampled_from(facts["offences"]))
    term = data.draw(st.sampled_from(VOCABULARY[DOMAIN].facets["conduct"]))
    before = score_of(facts)
    offence["conduct"] = {**offence["conduct"], term: True}
    after = score_of(facts)
    assert after.score_min >= before.score_min
    assert after.score_max >= before.score_max
    assert after.coverage >= before.coverage
    if before.score is not None:
        assert after.score >= before.score


@settings(max_examples=100, deadline=None)
@given(wildlife_facts(), st.data())
def test_learning_an_unknown_measure_moves_the_score_within_its_range(facts, data) -> None:
    unknown = [m for m in VOCABULARY[DOMAIN].measures if facts["measures"].get(m, {"value": None})["value"] is None]
    if not unknown:
        return
    term = data.draw(st.sampled_from(unknown))
    before = score_of(facts)
    for value in (True, False):
        facts["measures"][term] = {"value": value, "source": SOURCE}
        after = score_of(facts)
        assert before.score_min - 1e-9 <= after.score_min and after.score_max <= before.score_max + 1e-9


def test_all_unknown_is_no_score_not_zero() -> None:
    facts = {"schema_version": 1, "jurisdiction": "KE", "domain": DOMAIN, "last_reviewed": "2025-01-01",
             "instruments": [], "offences": [], "measures": {}}
    score = score_of(facts)
    assert score.score is None and score.coverage == 0 and score.score_min == 0 and score.score_max == 100
