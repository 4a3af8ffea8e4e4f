"""A prison term in words, as the law would state it: years, or months or weeks for a term under a year.

Terms are recorded in years (months / 12, weeks / 52), so "51 weeks" is stored as 0.98: printing
that as "0.98 years" or rounding it to "12 months" would misstate the law (12 months clears a one-year
extradition threshold; 51 weeks does not). A term under a year reads in whole months where it is
one, else in whole weeks where it is one, else in months to one decimal.
"""

from __future__ import annotations

from lawgap.model.types import Years

MONTHS_PER_YEAR, WEEKS_PER_YEAR = 12, 52
# recorded years carry two decimals, so a whole number of months or weeks comes back within these
MONTH_TOLERANCE, WEEK_TOLERANCE = 0.06, 0.1


def term_words(years: Years) -> str:
    """'life', '5 years', '1 year', '6 months', '51 weeks', '11.8 months'."""
    if years == "life":
        return "life"
    if years >= 1 or years == 0:
        return _plural(f"{years:g}", "year", years == 1)
    months, weeks = years * MONTHS_PER_YEAR, years * WEEKS_PER_YEAR
    if abs(months - round(months)) <= MONTH_TOLERANCE:
        return _plural(str(round(months)), "month", round(months) == 1)
    if abs(weeks - round(weeks)) <= WEEK_TOLERANCE:
        return _plural(str(round(weeks)), "week", round(weeks) == 1)
    return f"{months:.1f} months"


def _plural(number: str, unit: str, one: bool) -> str:
    return f"{number} {unit}" if one else f"{number} {unit}s"
