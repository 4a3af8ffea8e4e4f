"""Where the knowledge base's citations were read: every citation by verification level and by the
class of its host (reference/source-hosts.yaml: official, intergovernmental, legal information
institute, other), per file kind, and the third-party hosts cited most - the sources to replace first.
A citation is one `source` block (a fact's, a penalty version's, a treaty status's, an extradition
fact's), counted once however many facts it backs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lawgap.load.layout import DOMAINS
from lawgap.model.source_hosts import HOST_CLASSES, OTHER, host_of
from lawgap.model.types import KnowledgeBase, Source

VERIFICATIONS = ("source-text", "secondary", "unverified")
FILE_KINDS = (*DOMAINS, "jurisdiction")


@dataclass(frozen=True)
class Citation:
    jurisdiction: str
    file_kind: str  # a domain, or "jurisdiction" (treaty status and extradition facts)
    url: str
    verification: str
    host_class: str


def citations(kb: KnowledgeBase, codes: Iterable[str]) -> Iterator[Citation]:
    """Every citation of the given jurisdictions' files, in file order."""
    for code in codes:
        jurisdiction = kb.jurisdictions[code]
        for domain in DOMAINS:
            law = kb.laws.get((code, domain))
            if law:
                yield from (_citation(kb, code, domain, s.url, s.verification) for s in _domain_sources(law))
        for treaty in jurisdiction.treaties.values():
            yield _citation(kb, code, "jurisdiction", treaty.url, treaty.verification)
        for name in ("nationals", "penalty_threshold", "treaty_required", "untoc_legal_basis", "reciprocity",
                     "death_penalty_refusal", "dual_criminality_test"):
            source = getattr(jurisdiction.extradition, name).source
            if source:
                yield _citation(kb, code, "jurisdiction", source.url, source.verification)


def _citation(kb: KnowledgeBase, code: str, file_kind: str, url: str, verification: str) -> Citation:
    return Citation(code, file_kind, url, verification, kb.source_hosts.host_class(url))


def _domain_sources(law) -> Iterator[Source]:
    for offence in law.offences:
        yield offence.source
        yield from (version.source for version in offence.penalty_history)
        yield from (version.source for tier in offence.aggravated_tiers for version in tier.penalty_history)
    yield from (measure.source for measure in law.measures.values() if measure.source)


def summary(found: list[Citation], top_hosts: int = 15) -> dict[str, Any]:
    """Counts by verification level x host class, by file kind x host class, and the third-party hosts
    cited most, with how many of their citations are (wrongly, if any) marked source-text."""
    by_level = Counter((c.verification, c.host_class) for c in found)
    by_kind = Counter((c.file_kind, c.host_class) for c in found)
    others = Counter(host_of(c.url) for c in found if c.host_class == OTHER)
    others_as_text = Counter(host_of(c.url) for c in found if c.host_class == OTHER and c.verification == "source-text")
    return {
        "citations": len(found),
        "jurisdictions": len({c.jurisdiction for c in found}),
        "host_classes": list(HOST_CLASSES),
        "by_verification": {v: {h: by_level[(v, h)] for h in HOST_CLASSES} for v in VERIFICATIONS},
        "by_file_kind": {k: {h: by_kind[(k, h)] for h in HOST_CLASSES} for k in FILE_KINDS},
        "other_hosts": [{"host": host, "citations": n, "source_text": others_as_text[host]}
                        for host, n in others.most_common(top_hosts)],
    }


def summary_rows(counts: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    """One table row per key (a verification level or a file kind): counts per host class, total, and
    the official share."""
    rows = []
    for key, per_class in counts.items():
        total = sum(per_class.values())
        rows.append({"": key, **per_class, "total": total,
                     "official %": round(100 * per_class["official"] / total, 1) if total else None})
    columns_total = {h: sum(r[h] for r in rows) for h in HOST_CLASSES}
    grand = sum(columns_total.values())
    rows.append({"": "all", **columns_total, "total": grand,
                 "official %": round(100 * columns_total["official"] / grand, 1) if grand else None})
    return rows
