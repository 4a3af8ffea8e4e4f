"""Dates run in order: signed <= consent <= in force; enacted <= in force <= repealed;
penalty versions (basic and of each aggravated tier) strictly oldest first (only the last may be undated), none before the
instrument that sets it was enacted."""

from __future__ import annotations

from collections.abc import Iterator

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document, parse_date

RULE = "date-order"

_INSTRUMENT_ORDER = (("enacted", "in_force"), ("in_force", "repealed"), ("enacted", "repealed"))
_TREATY_ORDER = (("signed", "consent"), ("consent", "in_force"))


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    for index, instrument in enumerate(document.data.get("instruments", [])):
        yield from _ordered(document, f"$.instruments[{index}]", instrument, _INSTRUMENT_ORDER)
    if document.kind == "jurisdiction":
        for treaty, participation in (document.data.get("treaties") or {}).items():
            if participation:
                yield from _ordered(document, f"$.treaties.{treaty}", participation, _TREATY_ORDER)
        return
    instruments = document.instruments()
    for history_path, history in document.penalty_histories():
        previous = None
        for version_index, version in enumerate(history):
            path = f"{history_path}[{version_index}].effective"
            if "effective" not in version:
                if version_index != len(history) - 1:
                    yield document.problem(RULE, path.removesuffix(".effective"), "only the last penalty version may leave out its effective date",
                                           "an undated version means 'in force when the source was read'; earlier versions need dates")
                continue
            effective = parse_date(version["effective"])
            if previous and effective <= previous:
                yield document.problem(RULE, path, f"effective date {version['effective']} is not after the previous version's {previous.isoformat()}",
                                       "list penalty versions oldest first, one per date")
            previous = effective
            enacted = instruments.get(version["source"]["instrument"], {}).get("enacted")
            if enacted and effective < parse_date(enacted):
                yield document.problem(RULE, path, f"effective date {version['effective']} is before {version['source']['instrument']} was enacted ({enacted})",
                                       "cite the instrument that set this penalty, or correct the date")

def _ordered(document: Document, path: str, record: dict, pairs: tuple[tuple[str, str], ...]) -> Iterator[Diagnostic]:
    for earlier, later in pairs:
        if earlier in record and later in record and parse_date(record[later]) < parse_date(record[earlier]):
            yield document.problem(RULE, f"{path}.{later}", f"{later} {record[later]} is before {earlier} {record[earlier]}")
