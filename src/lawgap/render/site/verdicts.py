"""The verdict on each requirement, as a reader checks it: the requirement in plain words, its status,
and every fact that decided it — the one that kept it from being met first, the rest one click away —
each with its provision, the words quoted, the host of the copy read and its verification level.

What is rendered comes from the engine's results (each fact's verdict, path and note); labels come
from the schema's descriptions (fact_labels); all contributor text is escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lawgap.model.types import Requirement
from lawgap.render.site import formatting as fmt
from lawgap.render.site.anchors import offence_anchor
from lawgap.render.site.citations import html_cite, verification_badge
from lawgap.render.site.escape import html_text
from lawgap.render.site.fact_labels import fact_label, value_words
from lawgap.vocabulary import Vocabulary

# the fact that kept a requirement from being met comes first: a known gap, then a data gap
DECIDING_ORDER = {"unmet": 0, "unknown": 1, "met": 2}
VERDICT_WORDS = {"met": "meets it", "unmet": "falls short"}


@dataclass(frozen=True)
class VerdictContext:
    """What the verdicts of one jurisdiction × domain are rendered with."""

    requirements: Mapping[str, Requirement]  # by id, for the plain-language text
    baseline_titles: Mapping[str, str]  # baseline id -> short title
    vocabulary: Vocabulary
    offence_titles: Mapping[str, str]  # offence id -> title
    domain: str = ""  # for the offence rows' anchors (anchors.offence_anchor)


def deciding_first(status: str, evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The facts with the one that decided the status first (for a met requirement, as the engine gave them)."""
    if status == "met":
        return list(evidence)
    return sorted(evidence, key=lambda item: DECIDING_ORDER[item["verdict"]])


VERDICT_COLUMNS = ["Status", "Requirement", "Deciding facts"]


def verdict_row(requirement: dict[str, Any], context: VerdictContext) -> list[str]:
    """The cells of one requirement's row (safe HTML): status badge, requirement, deciding facts."""
    return [fmt.status(requirement["status"]), _requirement_cell(requirement, context), _facts_cell(requirement, context)]


def requirement_title(requirement_id: str, context: VerdictContext) -> str:
    """The requirement in plain words (its short statement in baselines/)."""
    requirement = context.requirements.get(requirement_id)
    return requirement.text if requirement else requirement_id


def unknown_share(requirement: dict[str, Any]) -> float:
    """The part of a requirement whose facts are not known (met and unmet are the known parts)."""
    return round(1 - requirement["met"] - requirement["unmet"], 3)


def _requirement_cell(r: dict[str, Any], context: VerdictContext) -> str:
    where = f'{context.baseline_titles.get(r["baseline"], r["baseline"])} {r["article"]}'
    return (f'<strong>{html_text(requirement_title(r["id"], context))}</strong><br>'
            f'<small><a href="../baselines/{r["baseline"]}.html#{r["id"]}">{html_text(where)}</a> · '
            f'{html_text(r["obligation"])}, weight {r["weight"]} · id {html_text(r["id"])}</small>')


def _facts_cell(r: dict[str, Any], context: VerdictContext) -> str:
    facts = deciding_first(r["status"], r["evidence"])
    if not facts:
        return "—"
    shown: set[str] = set()  # a quote or note is shown once per requirement, however many facts rest on it
    first, rest = _fact(facts[0], context, shown), [_fact(item, context, shown) for item in facts[1:]]
    if not rest:
        return first
    counts = Counter(item["verdict"] for item in facts[1:])
    summary = ", ".join(f"{n} {'not met' if verdict == 'unmet' else verdict}" for verdict, n in
                        sorted(counts.items(), key=lambda kv: DECIDING_ORDER[kv[0]]))
    more = f"{len(rest)} more fact{'s' if len(rest) != 1 else ''} ({summary})"
    return f'{first}<details class="lawgap-more"><summary>{more}</summary>{"".join(rest)}</details>'


def _fact(item: dict[str, Any], context: VerdictContext, shown: set[str]) -> str:
    verdict = item["verdict"]
    words = VERDICT_WORDS.get(verdict)
    parts = [f'<p class="lawgap-fact-claim">{html_text(fact_label(context.vocabulary, item["path"]))}: '
             f'<strong>{html_text(value_words(item["value"]))}</strong>'
             + (f' <span class="lawgap-verdict {verdict}">{words}</span>' if words else "") + "</p>"]
    source = item.get("source")
    offence = context.offence_titles.get(item["subject"])
    # an offence's own note is in its penalty row, one click away: not repeated under each of its facts
    where = [f'offence: <a href="#{offence_anchor(context.domain, item["subject"])}">{html_text(offence)}</a>'] if offence else []
    if source:
        where += [html_cite(source), verification_badge(source["verification"])]
    elif item["value"] == "unknown":
        where.append("no source recorded")
    if where:
        parts.append(f'<p class="lawgap-fact-source">{" · ".join(where)}</p>')
    if source and source.get("absence"):
        absence = source["absence"]
        parts.append(f'<p><span class="lawgap-absence">absence finding</span> {html_text(absence["read"])}; '
                     f'no provision on {html_text(absence["looked_for"])}</p>')
    if source and source.get("quote") and source["quote"] not in shown:
        shown.add(source["quote"])
        parts.append(f'<blockquote class="lawgap-quote">{html_text(source["quote"])}</blockquote>')
    notes = [note for note in (None if offence else item.get("note"), source.get("note") if source else None)
             if note and note not in shown]
    shown.update(notes)
    parts += [folded_note(note) for note in dict.fromkeys(notes)]
    return f'<div class="lawgap-fact {verdict}">{"".join(parts)}</div>'


def folded_note(note: str | None) -> str:
    """A coder's note, one click away (notes run to paragraphs and repeat across facts; contributor text, escaped)."""
    return (f'<details class="lawgap-more"><summary>note</summary><p class="lawgap-note">{html_text(note)}</p></details>'
            if note else "")
