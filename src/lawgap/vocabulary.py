"""The controlled vocabulary of each domain, read from its JSON Schema so it is defined once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Vocabulary:
    """Offence facets (facet -> terms, with `flags` for the yes/no offence fields) and measure terms, with
    the schema's description of each: keys `<facet>`, `<facet>.<term>`, `<flag>` and `measures.<term>`."""

    domain: str
    facets: dict[str, tuple[str, ...]]
    measures: tuple[str, ...]
    descriptions: dict[str, str] = field(default_factory=dict)


def vocabulary_from_schema(domain: str, schema: dict[str, Any]) -> Vocabulary:
    offence = schema["$defs"]["offence"]["properties"]
    facets: dict[str, tuple[str, ...]] = {}
    flags: list[str] = []
    descriptions: dict[str, str] = {}
    for name, prop in offence.items():
        if prop.get("type") == "object" and "properties" in prop:
            facets[name] = tuple(prop["properties"])
            descriptions[name] = prop.get("description", "")
            descriptions.update({f"{name}.{term}": term_prop.get("description", "") for term, term_prop in prop["properties"].items()})
        elif prop.get("$ref", "").endswith("/tri_state"):
            flags.append(name)
            descriptions[name] = prop.get("description", "")
    facets["flags"] = tuple(flags)
    measure_props = schema["properties"]["measures"]["properties"]
    descriptions.update({f"measures.{term}": prop.get("description", "") for term, prop in measure_props.items()})
    return Vocabulary(domain, facets, tuple(measure_props), descriptions)
