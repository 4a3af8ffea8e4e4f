"""Baseline requirements are unique across all baselines, and every rule names a measure,
facet and term that exist in the vocabulary of each domain the baseline applies to."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document
from lawgap.vocabulary import Vocabulary

RULE = "baseline-rules"
READS = ("baseline",)  # the other documents it reads (context.of_kind)


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    if document.kind != "baseline":
        return
    yield from _unique_across_baselines(document, context)
    for index, requirement in enumerate(document.data["requirements"]):
        for domain in document.data["domains"]:
            vocabulary = context.vocabulary.get(domain)
            if vocabulary:
                yield from _check_rule(document, f"$.requirements[{index}].rule", requirement["rule"], domain, vocabulary)


def _unique_across_baselines(document: Document, context: Context) -> Iterator[Diagnostic]:
    """Report an id on the later file (by name) of the two that use it."""
    earlier_ids = {
        requirement["id"]: other.file.display
        for other in context.of_kind("baseline") if other.file.display < document.file.display
        for requirement in other.data["requirements"]
    }
    for index, requirement in enumerate(document.data["requirements"]):
        if requirement["id"] in earlier_ids:
            yield document.problem(RULE, f"$.requirements[{index}].id",
                                   f"requirement id {requirement['id']!r} is also used in {earlier_ids[requirement['id']]}",
                                   "prefix requirement ids with the baseline id")


def _check_rule(document: Document, path: str, rule: dict[str, Any], domain: str, vocabulary: Vocabulary) -> Iterator[Diagnostic]:
    if "all" in rule or "any" in rule:
        key = "all" if "all" in rule else "any"
        for index, child in enumerate(rule[key]):
            yield from _check_rule(document, f"{path}.{key}[{index}]", child, domain, vocabulary)
    elif "measure" in rule and rule["measure"] not in vocabulary.measures:
        yield document.problem(RULE, f"{path}.measure", f"measure {rule['measure']!r} is not in the {domain} vocabulary",
                               f"measures: {', '.join(sorted(vocabulary.measures))}")
    elif "offence" in rule:
        facet, term = rule["offence"]["facet"], rule["offence"]["term"]
        terms = vocabulary.facets.get(facet)
        if terms is None:
            yield document.problem(RULE, f"{path}.offence.facet", f"facet {facet!r} is not in the {domain} vocabulary",
                                   f"facets: {', '.join(sorted(vocabulary.facets))}")
        elif term not in terms:
            yield document.problem(RULE, f"{path}.offence.term", f"term {term!r} is not in facet {facet!r} of the {domain} vocabulary",
                                   f"terms: {', '.join(sorted(terms))}")
