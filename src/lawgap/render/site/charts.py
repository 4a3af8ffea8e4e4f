"""A bar chart of the core offences' maximum prison terms, with the serious-crime threshold."""

from __future__ import annotations

from html import escape
from typing import Any

from lawgap.engine.term_words import term_words
from lawgap.engine.thresholds import SERIOUS_CRIME_YEARS

SCALE_YEARS = 30.0
ROW, LABEL, BAR = 22, 190, 460


def prison_chart(rows: list[tuple[str, Any]]) -> str:
    """rows: (jurisdiction name, max years | "life" | None), drawn longest first."""
    def key(row: tuple[str, Any]) -> tuple[float, str]:
        value = row[1]
        return (-(SCALE_YEARS + 1 if value == "life" else value if value is not None else -1), row[0])

    ordered = sorted(rows, key=key)
    height = ROW * len(ordered) + 40
    x_threshold = LABEL + BAR * SERIOUS_CRIME_YEARS / SCALE_YEARS
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LABEL + BAR + 70} {height}" font-family="sans-serif" font-size="12" role="img">',
             "<title>Maximum prison term of the core offence, by jurisdiction</title>"]
    for index, (name, value) in enumerate(ordered):
        y = 20 + index * ROW
        parts.append(f'<text x="{LABEL - 8}" y="{y + 14}" text-anchor="end">{escape(name)}</text>')
        if value is None:
            parts.append(f'<text x="{LABEL + 4}" y="{y + 14}" fill="#777">unknown</text>')
            continue
        years = SCALE_YEARS if value == "life" or value > SCALE_YEARS else float(value)
        width = max(BAR * years / SCALE_YEARS, 2)
        colour = "#2c7bb6" if value == "life" or value >= SERIOUS_CRIME_YEARS else "#d7191c"
        label = term_words(value)  # "51 weeks", not "0.98 y"
        parts.append(f'<rect x="{LABEL}" y="{y + 3}" width="{width:.1f}" height="{ROW - 8}" fill="{colour}"/>')
        parts.append(f'<text x="{LABEL + width + 4:.1f}" y="{y + 14}">{label}</text>')
    parts.append(f'<line x1="{x_threshold:.1f}" y1="12" x2="{x_threshold:.1f}" y2="{height - 16}" stroke="#000" stroke-dasharray="4 3"/>')
    parts.append(f'<text x="{x_threshold + 4:.1f}" y="{height - 4}">{SERIOUS_CRIME_YEARS:g}-year threshold</text>')
    parts.append("</svg>")
    return "\n".join(parts)
