"""Jurisdiction and currency codes exist in ISO 3166 and ISO 4217 (via pycountry): the file's own code,
and the States listed where a jurisdiction surrenders its nationals only to some (`only_to`)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import pycountry

from lawgap.diagnostics import Diagnostic
from lawgap.validate.document import Context, Document

RULE = "iso-codes"


@lru_cache(maxsize=None)
def is_jurisdiction_code(code: str) -> bool:
    """An ISO 3166-1 alpha-2 country or an ISO 3166-2 subdivision code."""
    if "-" in code:
        return pycountry.subdivisions.get(code=code) is not None
    return pycountry.countries.get(alpha_2=code) is not None


@lru_cache(maxsize=None)
def is_currency_code(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


def check(document: Document, context: Context) -> Iterator[Diagnostic]:
    for path, key, value in document.nodes():
        if key in ("code", "jurisdiction") and path.count(".") == 1 and not is_jurisdiction_code(value):
            yield document.problem(RULE, path, f"{value!r} is not an ISO 3166 country or subdivision code",
                                   "use the two-letter ISO 3166-1 code, e.g. KE, GB, or ISO 3166-2 such as US-CA")
        elif isinstance(key, int) and path.rsplit("[", 1)[0].endswith(".only_to") and not is_jurisdiction_code(value):
            yield document.problem(RULE, path, f"{value!r} is not an ISO 3166 country or subdivision code",
                                   "list the States by their two-letter ISO 3166-1 codes, e.g. FR, DE")
        elif key == "currency" and not is_currency_code(value):
            yield document.problem(RULE, path, f"{value!r} is not an ISO 4217 currency code",
                                   "use the three-letter code, e.g. KES, GBP, EUR, USD")
