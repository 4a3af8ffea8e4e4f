"""Semantic rules: one module per rule, each with `RULE` (its name) and `check(document, context)`."""

from lawgap.validate.rules import (
    absence_findings,
    baseline_rules,
    contradictions,
    core_offence,
    date_order,
    file_location,
    future_dates,
    instrument_references,
    iso_codes,
    markup_in_text,
    penalty_ranges,
    review_record,
    source_text_hosts,
    unique_ids,
    uplift_basis,
)

ALL_RULES = (
    file_location,
    baseline_rules,
    iso_codes,
    unique_ids,
    instrument_references,
    date_order,
    future_dates,
    penalty_ranges,
    uplift_basis,
    core_offence,
    markup_in_text,
    contradictions,
    absence_findings,
    review_record,
    source_text_hosts,
)

# Kinds of document that some rule reads besides the one it checks (context.of_kind): the pipeline loads
# them before the rest, so every other document can be checked as soon as it is loaded.
READ_BY_RULES = frozenset(kind for rule in ALL_RULES for kind in getattr(rule, "READS", ()))
