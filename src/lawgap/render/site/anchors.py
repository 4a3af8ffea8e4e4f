"""Stable anchors on jurisdiction pages: one per offence and one per requirement, in each domain section.

They are built from ids the schemas constrain (`^[a-z][a-z0-9-]*$`, unique within a file or across the
baselines), never from titles or positions, so a link such as `ke.html#wildlife-offence-endangered-species`
keeps pointing at the same row when the data around it changes. The kind in the middle keeps an offence
and a requirement that share an id apart. Other pages (standards, compare) link to the same anchors.
"""

from __future__ import annotations


def offence_anchor(domain: str, offence_id: str) -> str:
    return f"{domain}-offence-{offence_id}"


def requirement_anchor(domain: str, requirement_id: str) -> str:
    return f"{domain}-requirement-{requirement_id}"
