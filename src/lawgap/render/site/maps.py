"""World maps coloured by harmonisation score, from the public-domain-derived world SVG shipped in
pygal_maps_world (one <g class="<alpha-2> country"> per country)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

LOW_COVERAGE = 50.0  # below this share of requirement weight known, the colour is hatched
BINS = ((20, "#d7191c"), (40, "#fdae61"), (60, "#fee08b"), (80, "#abd9e9"), (101, "#2c7bb6"))  # RdYlBu, colour-blind safe
NO_DATA = "#d9d9d9"

LEGEND_MARKDOWN = (
    '<div class="lawgap-legend"><span>Score:</span>'
    + "".join(f'<span><i style="background:{colour}"></i>{low}–{min(high, 100)}</span>'
              for (low, _), (high, colour) in zip(((0, ""),) + BINS[:-1], BINS))
    + f'<span><i class="hatched"></i>striped: coverage under {LOW_COVERAGE:g}%</span>'
    + f'<span><i style="background:{NO_DATA}"></i>not enough data to score</span></div>'
)


@lru_cache(maxsize=1)
def _base_map() -> str:
    return (files("pygal_maps_world") / "worldmap.svg").read_text(encoding="utf-8")


def colour_for(score: float | None) -> str:
    if score is None:
        return NO_DATA
    return next(colour for limit, colour in BINS if score < limit)


def world_map(entries: list[dict[str, Any]], figure: str = "score") -> str:
    """The world map with one fill per jurisdiction (by `figure`: score or score_min) and hatching
    where coverage is low."""
    rules, patterns = [], []
    for entry in sorted(entries, key=lambda e: e["jurisdiction"]):
        code = entry["jurisdiction"].lower()
        if "-" in code:  # subdivisions are not drawn on a world map
            continue
        value = entry[figure] if entry["scored"] else None  # only a published score gets a colour (engine: scored)
        colour = colour_for(value)
        if value is not None and entry["coverage"] < LOW_COVERAGE:
            pattern = f"hatch-{code}"
            # the map is drawn ~0.3x, so the stripes must be wide in map units to be seen
            patterns.append(f'<pattern id="{pattern}" width="16" height="16" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
                            f'<rect width="16" height="16" fill="{colour}"/><line x1="0" y1="0" x2="0" y2="16" stroke="#fff" stroke-width="7"/></pattern>')
            colour = f"url(#{pattern})"
        rules.append(f".{code} path{{fill:{colour}}}")
    style = ("<defs>" + "".join(patterns) + "</defs><style>.country path{fill:#f2f2f2;stroke:#fff;stroke-width:0.6}"
             + "".join(rules) + "</style>")
    base = _base_map()
    head_end = base.index(">", base.index("<svg")) + 1
    return base[:head_end] + style + base[head_end:]
