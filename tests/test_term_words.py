"""Prison terms read as the law states them: a term under a year in months or weeks, never "0.98 years"."""

from __future__ import annotations

import pytest

from lawgap.engine.term_words import term_words


@pytest.mark.parametrize("years, words", [
    (0.98, "51 weeks"),  # UK Human Tissue Act s. 32(5): "51 weeks", recorded as 51/52 years
    (0.5, "6 months"),
    (0.08, "1 month"),
    (0.92, "11 months"),
    (0.25, "3 months"),
    (0.3, "3.6 months"),  # neither whole months nor whole weeks: months to one decimal
    (1, "1 year"),
    (1.5, "1.5 years"),
    (20, "20 years"),
    ("life", "life"),
])
def test_term_words(years, words: str) -> None:
    assert term_words(years) == words


def test_51_weeks_is_not_rounded_up_to_a_year() -> None:
    """12 months would clear a one-year extradition threshold that 51 weeks does not."""
    assert "12 months" not in term_words(0.98) and "year" not in term_words(0.98)
