"""Dual criminality, route weakest links and the all-pairs pass, on small hand-made laws."""

from __future__ import annotations

import datetime
from pathlib import Path

from lawgap.engine.all_pairs import all_pairs
from lawgap.engine.compare import compare, weakest_links
from lawgap.model.build import domain_law_from_data
from lawgap.model.types import Jurisdiction, KnowledgeBase
from lawgap.validate.schema_layer import SchemaSet

SCHEMAS = SchemaSet(Path(__file__).resolve().parents[1] / "schema")
DAY = datetime.date(2026, 1, 1)
SOURCE = {"instrument": "act", "provision": "s. 1", "url": "https://example.org/a", "retrieved": "2025-01-01", "verification": "secondary"}


def law(code: str, conduct: dict, max_years, min_years=None) -> dict:
    offence = {"id": "dealing", "title": "Dealing", "core": True, "source": SOURCE, "conduct": conduct}
    prison = {k: v for k, v in (("max_years", max_years), ("min_years", min_years)) if v is not None}
    if prison:
        offence["penalty_history"] = [{"effective": "2000-01-01", "penalty": {"prison": prison}, "source": SOURCE}]
    return {"schema_version": 1, "jurisdiction": code, "domain": "wildlife", "last_reviewed": "2025-01-01",
            "instruments": [{"id": "act", "title": "Act", "url": "https://example.org/a"}], "offences": [offence], "measures": {}}


def knowledge_base(*laws: dict) -> KnowledgeBase:
    kb = KnowledgeBase(vocabulary=SCHEMAS.vocabularies())
    for facts in laws:
        assert not list(SCHEMAS.validator("wildlife").iter_errors(facts))
        code = facts["jurisdiction"]
        kb.jurisdictions[code] = Jurisdiction(code, code, "Africa", None, "USD", "x", DAY, {})
        kb.laws[(code, "wildlife")] = domain_law_from_data(facts, "x")
    return kb


KB = knowledge_base(
    law("KE", {"trade": True, "possession": True, "import": False}, "life"),
    law("TZ", {"trade": True, "possession": True, "import": True}, 0.5),
    law("CN", {"trade": True, "import": True}, 15),
)


def by_term(comparison):
    return {d.term: d.holds for d in comparison.dual_criminality}


def test_dual_criminality_needs_crime_and_one_year_in_both() -> None:
    assert by_term(compare(KB, ["KE", "CN"], "wildlife", DAY))["trade"] is True
    # TZ punishes trade with at most 6 months: below the extradition threshold
    assert by_term(compare(KB, ["KE", "TZ"], "wildlife", DAY))["trade"] is False
    # KE's only offence states it does not cover import: not criminal there
    assert by_term(compare(KB, ["KE", "CN"], "wildlife", DAY))["import"] is False
    # CN's offence says nothing about possession: unknown
    assert by_term(compare(KB, ["KE", "CN"], "wildlife", DAY))["possession"] is None


def test_penalty_disparity_and_requirement_differences() -> None:
    comparison = compare(KB, ["TZ", "CN"], "wildlife", DAY)
    assert comparison.penalty_disparity_years == 14.5
    assert compare(KB, ["KE", "CN"], "wildlife", DAY).penalty_disparity_years is None  # life is not a number of years


def test_route_names_the_weakest_link_per_conduct() -> None:
    links = {link.term: link for link in weakest_links(KB, ["KE", "TZ", "CN"], "wildlife", DAY)}
    assert links["trade"].weakest == ("TZ",) and links["trade"].reason == "lowest maximum: 6 months"
    assert links["import"].weakest == ("KE",) and links["import"].reason == "not criminal"
    assert links["taking"].weakest == () and links["taking"].reason == "not determined: no maximum known on the route"
    assert links["taking"].could_be_weaker == ("KE", "TZ", "CN")


WITH_UNKNOWNS = knowledge_base(
    law("KE", {"trade": True, "possession": True}, None),  # criminal, maximum unknown
    law("GB", {"trade": True, "possession": True}, "life"),
    law("CN", {"possession": True}, 5),  # says nothing of trade: criminality unknown
)


def test_route_names_no_weakest_link_an_unknown_could_undercut() -> None:
    """Life is the strongest maximum there is: it is never "weakest" while the others are unknown."""
    links = {link.term: link for link in weakest_links(WITH_UNKNOWNS, ["KE", "GB", "CN"], "wildlife", DAY)}
    trade = links["trade"]
    assert trade.weakest == () and trade.could_be_weaker == ("KE", "CN")
    assert trade.reason == "not determined: lowest known maximum life (GB); could be lower in KE, CN"


def test_route_says_where_the_conduct_is_known_criminal() -> None:
    links = {link.term: link for link in weakest_links(WITH_UNKNOWNS, ["KE", "CN"], "wildlife", DAY)}
    assert links["trade"].reason == "not determined: no maximum known on the route (criminal in KE, maximum unknown)"


def test_route_names_the_lowest_maximum_when_no_unknown_can_be_lower() -> None:
    """KE states a five-year minimum and no maximum: its maximum cannot be below CN's three years."""
    floor = knowledge_base(law("KE", {"trade": True}, None, min_years=5), law("CN", {"trade": True}, 3))
    links = {link.term: link for link in weakest_links(floor, ["KE", "CN"], "wildlife", DAY)}
    assert links["trade"].weakest == ("CN",) and links["trade"].reason == "lowest maximum: 3 years"


def test_all_pairs_agrees_with_pairwise_comparison() -> None:
    pairs = {(p.a, p.b): p for p in all_pairs(KB, "wildlife", DAY).pairs()}
    assert set(pairs) == {("CN", "KE"), ("CN", "TZ"), ("KE", "TZ")}
    for (a, b), summary in pairs.items():
        holds = by_term(compare(KB, [a, b], "wildlife", DAY))
        assert summary.holds == sum(v is True for v in holds.values())
        assert summary.fails == sum(v is False for v in holds.values())
        assert summary.unknown == sum(v is None for v in holds.values())
