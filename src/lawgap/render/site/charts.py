"""A bar chart of the core offences' maximum prison terms, with the serious-crime threshold.

HTML, not an image: the names and terms are text at the page's size on any screen (an SVG drawn
720 units wide shrank them to 5 px on a phone), each name links to its page, and a screen reader
reads it as the table it is. The bars and the threshold line are CSS (lawgap.css, .lawgap-bars).
"""

from __future__ import annotations

from html import escape
from typing import Any

from lawgap.engine.term_words import term_words
from lawgap.engine.thresholds import SERIOUS_CRIME_YEARS

SCALE_YEARS = 30.0  # the bar's full length; life and longer terms are drawn to the end


def prison_chart(rows: list[tuple[str, str, Any]], link_prefix: str = "../") -> str:
    """rows: (jurisdiction code, name, max years | "life" | None), drawn longest first, unknown last."""
    def key(row: tuple[str, str, Any]) -> tuple[float, str]:
        value = row[2]
        return (-(SCALE_YEARS + 1 if value == "life" else value if value is not None else -1), row[1])

    threshold = 100 * SERIOUS_CRIME_YEARS / SCALE_YEARS
    body = []
    for code, name, value in sorted(rows, key=key):
        link = f'<a href="{escape(link_prefix)}jurisdictions/{escape(code.lower())}.html">{escape(name)}</a>'
        if value is None:
            bar, shown = "", '<span class="lawgap-bar-value unknown">unknown</span>'
        else:
            years = SCALE_YEARS if value == "life" or value > SCALE_YEARS else float(value)
            below = value != "life" and value < SERIOUS_CRIME_YEARS
            bar = f'<span class="lawgap-bar{" below" if below else ""}" style="width:{max(100 * years / SCALE_YEARS, .5):.1f}%"></span>'
            shown = f'<span class="lawgap-bar-value">{escape(term_words(value))}{" (below)" if below else ""}</span>'
        body.append(f'<tr><th scope="row">{link}</th><td><div class="lawgap-bar-row"><span class="lawgap-bar-track">{bar}</span>'
                    f'{shown}</div></td></tr>')
    caption = (f"Maximum prison term of the core offence, by jurisdiction. The line marks the UNTOC serious-crime threshold "
               f"({SERIOUS_CRIME_YEARS:g} years); life and terms over {SCALE_YEARS:g} years reach the end of the scale.")
    return (f'<div class="lawgap-bars" data-search-exclude style="--lawgap-threshold:{threshold:.2f}%">\n'
            f'<table class="lawgap-bars-table">\n<caption>{escape(caption)}</caption>\n'
            '<thead><tr><th scope="col">Jurisdiction</th><th scope="col">Maximum prison term</th></tr></thead>\n'
            f'<tbody>\n{chr(10).join(body)}\n</tbody>\n</table>\n</div>')
