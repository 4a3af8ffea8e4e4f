"""The controlled vocabulary of each domain, read from its JSON Schema so it is defined once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Vocabulary:
    """Offence facets (facet -> terms, with `flags` for the yes/no offence fields) and measure terms."""

    domain: str
    facets: dict[str, tuple[str, ...]]
    measures: tuple[str, ...]


def vocabulary_from_schema(domain: str, schema: dict[str, Any]) -> Vocabulary:
    offence = schema["$defs"]["offence"]["properties"]
    facets: dict[str, tuple[str, ...]] = {}
    flags: list[str] = []
    for name, prop in offence.items():
        if prop.get("type") == "object" and "properties" in prop:
            facets[name] = tuple(prop["properties"])
        elif prop.get("$ref", "").endswith("/tri_state"):
            flags.append(name)
    facets["flags"] = tuple(flags)
    measures = tuple(schema["properties"]["measures"]["properties"])
    return Vocabulary(domain, facets, measures)
