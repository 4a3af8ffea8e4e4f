"""Knowledge bases for extradition tests, built from short specs and checked against the real schemas
(so cases and generated data cannot drift from the format).

A spec per jurisdiction: `treaties` (treaty -> party | not-party | a date it entered into force),
`extradition` (the block, `source: default` allowed, or left out) and `law` (a domain file's offences
and measures, `source: default` allowed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawgap.model.build import domain_law_from_data, jurisdiction_from_data
from lawgap.model.types import KnowledgeBase
from lawgap.validate.schema_layer import SchemaSet

PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = SchemaSet(PROJECT / "schema")
VOCABULARY = SCHEMAS.vocabularies()
SOURCE = {"instrument": "act", "provision": "s. 1", "url": "https://example.org/act", "retrieved": "2025-01-01",
          "verification": "source-text", "quote": "the provision"}
REFERENCE = {"url": "https://example.org/depositary", "retrieved": "2025-01-01", "verification": "secondary"}
INSTRUMENTS = [{"id": "act", "title": "Example Act", "url": "https://example.org/act"}]


def with_default_sources(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (dict(SOURCE) if k == "source" and v == "default" else with_default_sources(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [with_default_sources(item) for item in node]
    return node


def jurisdiction_data(code: str, spec: dict[str, Any]) -> dict[str, Any]:
    treaties = {}
    for treaty, status in (spec.get("treaties") or {}).items():
        if status in ("party", "not-party", "signatory"):
            treaties[treaty] = {"status": status, "source": REFERENCE}
        else:  # a date: party from then on
            treaties[treaty] = {"status": "party", "in_force": str(status), "source": REFERENCE}
    data = {"schema_version": 1, "code": code, "name": f"State {code}", "un_region": "Africa", "currency": "KES",
            "legal_systems": ["common-law"], "last_reviewed": "2025-01-01", "treaties": treaties}
    if "extradition" in spec:
        data["instruments"] = INSTRUMENTS
        data["extradition"] = with_default_sources(spec["extradition"])
    return data


def domain_data(code: str, domain: str, law: dict[str, Any]) -> dict[str, Any]:
    return {"schema_version": 1, "jurisdiction": code, "domain": domain, "last_reviewed": "2025-01-01", "instruments": INSTRUMENTS,
            "offences": [], "measures": {}, **with_default_sources(law)}


def knowledge_base(specs: dict[str, dict[str, Any]], domain: str) -> KnowledgeBase:
    kb = KnowledgeBase(vocabulary=VOCABULARY)
    for code, spec in specs.items():
        data = jurisdiction_data(code, spec)
        errors = list(SCHEMAS.validator("jurisdiction").iter_errors(data))
        assert not errors, f"{code} jurisdiction facts: {errors[0].message} at {list(errors[0].absolute_path)}"
        kb.jurisdictions[code] = jurisdiction_from_data(data, f"{code}/jurisdiction.yaml")
        if "law" in spec:
            law = domain_data(code, domain, spec["law"])
            errors = list(SCHEMAS.validator(domain).iter_errors(law))
            assert not errors, f"{code} {domain} facts: {errors[0].message} at {list(errors[0].absolute_path)}"
            kb.laws[(code, domain)] = domain_law_from_data(law, f"{code}/{domain}.yaml")
    return kb
