"""A country page's extradition section: the jurisdiction's own extradition facts, each named by its schema
title, in the engine's words (engine.extradition), with its citation and note; a fact not known says so."""

from __future__ import annotations

from collections.abc import Mapping

from markdown.extensions.toc import slugify

from lawgap.engine.extradition import extradition_fact
from lawgap.model.types import EXTRADITION_FACTS, Jurisdiction
from lawgap.render.results_json import source_dict
from lawgap.render.site.citations import html_cite, verification_badge
from lawgap.render.site.codebook_pages import EXTRADITION_PAGE, FOLDER
from lawgap.render.site.escape import Trusted, html_table, html_text
from lawgap.validate.schema_layer import SchemaSet


def extradition_labels(schemas: SchemaSet) -> dict[str, str]:
    """Each extradition fact's title in schema/jurisdiction.schema.json."""
    facts = schemas.documents["jurisdiction"]["$defs"]["extradition"]["properties"]
    return {name: facts[name].get("title", name) for name in EXTRADITION_FACTS if name in facts}


def extradition_section(jurisdiction: Jurisdiction, labels: Mapping[str, str], prefix: str = "../") -> Trusted:
    law = jurisdiction.extradition
    rows = []
    for name in EXTRADITION_FACTS:
        recorded = getattr(law, name)
        question = f"{prefix}{FOLDER}/{EXTRADITION_PAGE}.html#{slugify(f'extradition.{name}.value', '-')}"
        words = extradition_fact(jurisdiction, name, recorded).value
        source = source_dict(recorded.source, law) if recorded.source else None
        cited = "—"
        if source:
            cited = f"{html_cite(source)} {verification_badge(source['verification'])}"
            if source.get("absence"):
                cited += (f'<br><span class="lawgap-absence">absence finding</span> {html_text(source["absence"]["read"])}: '
                          f'no provision on {html_text(source["absence"]["looked_for"])}')
        label = f'<a href="{html_text(question)}" title="The codebook\'s question">{html_text(labels.get(name, name))}</a>'
        rows.append([label, html_text(words), cited, html_text(recorded.note or "")])
    table = html_table(["Question", "Answer", "Source", "Note"], rows, f"{jurisdiction.name}: extradition law")
    scope = f'\n<p class="lawgap-scope"><strong>What was read:</strong> {html_text(law.scope_note)}</p>\n' if law.scope_note else ""
    return Trusted(f"{table}{scope}")
