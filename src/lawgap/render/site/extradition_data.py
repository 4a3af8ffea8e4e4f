"""What the compare page needs to work out extradition verdicts in the browser (site/assets/extradition.js),
as the `extradition` part of data/compare.json: per jurisdiction, its extradition facts (raw value for the
logic, the engine's words and a short citation for the reader; a fact not known is left out) and its treaty
participation on the day; per domain and jurisdiction, whether the basic penalty for each conduct includes
death (one character per conduct, in the domain's conduct order: 1 yes, 0 no, ? unknown; the aggravated
forms that add it and the citation where it does), the (minimum, maximum) prison term of each offence
covering a conduct (for laws whose threshold reads the minimum or the mean; null where not known, a
minimum "unknown" where it was not read, 0 where none is set) and
whether its courts can try nationals for offences abroad. Conduct coverage and maxima are already in compare.json's domain entries. Everything in words comes
from engine.extradition, so the page says what `lawgap extradition` says; the pairs are never computed here
(at 1,000 jurisdictions they would be a million)."""

from __future__ import annotations

import datetime
from typing import Any

from lawgap.engine.conduct import conduct_statuses, conduct_terms
from lawgap.engine.extradition import Fact, death_penalty_for, extradition_fact, party_on, prosecution_fact, treaty_fact
from lawgap.load.layout import DOMAINS
from lawgap.model.types import EXTRADITION_FACTS, Jurisdiction, KnowledgeBase, PenaltyThreshold

TREATIES = ("untoc", "palermo-protocol")
DEATH_FLAGS = {True: "1", False: "0", None: "?"}


def extradition_data(kb: KnowledgeBase, day: datetime.date) -> dict[str, Any]:
    jurisdictions = {code: _jurisdiction(j, day) for code, j in sorted(kb.jurisdictions.items())}
    death: dict[str, Any] = {}
    prosecution: dict[str, Any] = {}
    terms: dict[str, Any] = {}
    for domain in DOMAINS:
        death[domain], prosecution[domain], terms[domain] = {}, {}, {}
        for code in sorted(kb.jurisdictions):
            law = kb.laws.get((code, domain))
            statuses = conduct_statuses(kb, law, domain, day)
            offence_terms = {t: [list(r) if r else None for r in s.terms] for t, s in statuses.items() if s.terms}
            if offence_terms:
                terms[domain][code] = offence_terms
            flags, tiers, sources = [], {}, {}
            for term in conduct_terms(kb, domain):
                includes, aggravated, source = death_penalty_for(statuses[term], day)
                flags.append(DEATH_FLAGS[includes])
                if aggravated:
                    tiers[term] = list(aggravated)
                if includes is True:  # the citation that decides a bar
                    title = law.instruments[source.instrument].title if law and source.instrument in law.instruments else None
                    sources[term] = _citation(source, title)
            death[domain][code] = {"flags": "".join(flags), **({"tiers": tiers} if tiers else {}), **({"sources": sources} if sources else {})}
            prosecution[domain][code] = _fact(prosecution_fact(kb, code, domain))
    return {"jurisdictions": jurisdictions, "death": death, "prosecution": prosecution, "terms": terms}


def _jurisdiction(jurisdiction: Jurisdiction, day: datetime.date) -> dict[str, Any]:
    law = jurisdiction.extradition
    facts = {}
    for name in EXTRADITION_FACTS:
        recorded = getattr(law, name)
        value = recorded.value
        if value is None:  # the script reads a missing fact as unknown
            continue
        if isinstance(value, PenaltyThreshold):
            value = {"years": value.years, "judged_in": value.judged_in, "measure": value.measure}
        facts[name] = {"value": value, **_fact(extradition_fact(jurisdiction, name, recorded)),
                       **({"condition": recorded.condition} if recorded.condition else {}),
                       **({"only_to": list(recorded.only_to)} if recorded.only_to else {})}
    treaties = {t: {"party": party_on(jurisdiction, t, day), **_fact(treaty_fact(jurisdiction, t, day))} for t in TREATIES}
    return {"facts": facts, "treaties": treaties, "scope_note": law.scope_note}


def _fact(fact: Fact) -> dict[str, Any]:
    """The engine's words for a fact and a short citation (no quote: the country page has it)."""
    cited = _citation(fact.source, fact.instrument_title)
    return {"words": fact.value, **({"source": cited} if cited else {}), **({"url": fact.url} if fact.url else {})}


def _citation(source: Any, title: str | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {"title": title or source.instrument, "provision": source.provision, "url": source.url,
            "verification": source.verification, "absence": source.absence is not None}
