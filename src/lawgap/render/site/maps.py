"""World maps of the scores: a plain SVG written by lawgap from the outlines in world_outline.

Every jurisdiction with an entry is a link to its page, named (and titled, which browsers show as
the tooltip) with its name, its published score or "not enough data to score" with the range, and
its coverage. Only a published score gets a colour (the engine's `scored`); entries it leaves
unscored are hatched, jurisdictions without data stay grey. A jurisdiction too small to see gets a
marker circle. Pages show the maps inline (links and keyboard focus work only there); the same map
is written as a standalone file under assets/maps/ for download and embedding.

The land (every country, grey) is the heaviest part and the same on every map: a page's first map
defines it (land="define") and the others on that page reuse it (land="use").
"""

from __future__ import annotations

from html import escape
from typing import Any, Literal

from lawgap.render.site import formatting as fmt
from lawgap.render.site.world_outline import world

BINS = ((20, "#d7191c"), (40, "#fdae61"), (60, "#fee08b"), (80, "#abd9e9"), (101, "#2c7bb6"))  # RdYlBu, colour-blind safe
NO_DATA = "#dcdcdc"
UNSCORED = "#b9b9b9"  # the stripes of "not enough data to score"
SMALL_STATE = 15  # map units (of 1000 across): a jurisdiction narrower and lower than this gets a marker
MARKER_RADIUS = 6
LAND_ID = "lawgap-land"
FIGURES = {"score": "harmonisation score", "score_min": "share of the standards known to be met"}

LEGEND_MARKDOWN = (
    '<div class="lawgap-legend"><span>Score:</span>'
    + "".join(f'<span><i style="background:{colour}"></i>{low}–{min(high, 100)}</span>'
              for (low, _), (high, colour) in zip(((0, ""),) + BINS[:-1], BINS))
    + f'<span><i class="unscored"></i>{fmt.NOT_ENOUGH_DATA}</span>'
    + '<span><i class="no-data"></i>no data yet</span>'
    + '<span><i class="marker"></i>small jurisdiction</span></div>'
)

# One style for every map (identical rules, so several inline maps on a page agree)
_STYLE = ("<style>"
          ".lawgap-land{fill:#ececec;stroke:#fff;stroke-width:.5}"
          ".lawgap-map a path,.lawgap-map a circle{stroke:#fff;stroke-width:.6}"
          ".lawgap-map a circle{stroke:#333;stroke-width:1}"
          + "".join(f".lawgap-map .b{index} *{{fill:{colour}}}" for index, (_, colour) in enumerate(BINS))
          + f".lawgap-map .nd *{{fill:{NO_DATA}}}"
          ".lawgap-map a:hover *,.lawgap-map a:focus *{stroke:#000;stroke-width:1.5}"
          ".lawgap-map a:focus{outline:none}"
          "</style>")


def colour_bin(value: float) -> int:
    return next(index for index, (limit, _) in enumerate(BINS) if value < limit)


def world_map(entries: list[dict[str, Any]], figure: str = "score", link_prefix: str = "../../",
              land: Literal["define", "use"] = "define") -> str:
    """The map of `entries` (one domain), coloured by `figure` (score, or score_min: known met).
    link_prefix leads from where the map is shown to the site's root (the default suits the
    standalone file in assets/maps/)."""
    domain = entries[0]["domain"] if entries else ""
    map_id = f"lawgap-map-{domain}-{figure.replace('_', '-')}"
    title = f"{fmt.DOMAIN_TITLES.get(domain, domain)}: {FIGURES[figure]} by jurisdiction"
    shapes = world()
    links, scored, unscored = [], 0, 0
    for entry in sorted(entries, key=lambda e: e["name"]):
        country = shapes.countries.get(entry["jurisdiction"].lower())
        if country is None:  # subdivisions and codes the world map has no outline for
            continue
        if not entry["file"]:
            css = "nd"
        elif entry["scored"]:
            css = f"b{colour_bin(entry[figure])}"
            scored += 1
        else:
            css = "ns"
            unscored += 1
        name = _tooltip(entry, figure)
        x0, y0, x1, y1 = country.box
        marker = (f'<circle cx="{country.anchor[0]:.0f}" cy="{country.anchor[1]:.0f}" r="{MARKER_RADIUS}"/>'
                  if max(x1 - x0, y1 - y0) < SMALL_STATE or not country.path else "")
        shape = f'<path d="{country.path}"/>' if country.path else ""
        links.append(f'<a href="{escape(link_prefix)}jurisdictions/{entry["jurisdiction"].lower()}.html" class="{css}" '
                     f'aria-label="{escape(name)}"><title>{escape(name)}</title>{shape}{marker}</a>')
    description = (f"{scored} jurisdictions with a published score, coloured; {unscored} with data but not enough to "
                   f"score, striped; grey: no data yet. Each jurisdiction links to its page.")
    hatch = (f'<pattern id="{map_id}-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
             f'<rect width="5" height="5" fill="{NO_DATA}"/><rect width="2.2" height="5" fill="{UNSCORED}"/></pattern>')
    land_part = (f'<path id="{LAND_ID}" class="lawgap-land" d="{"".join(c.path for _, c in sorted(shapes.countries.items()))}"/>'
                 if land == "define" else f'<use href="#{LAND_ID}"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {shapes.width} {shapes.height}" class="lawgap-map" '
            f'id="{map_id}" role="group" aria-labelledby="{map_id}-title" aria-describedby="{map_id}-desc" '
            f'tabindex="-1">'  # Chrome gives the map itself a tab stop in the page otherwise; its links keep theirs
            f'<title id="{map_id}-title">{escape(title)}</title><desc id="{map_id}-desc">{escape(description)}</desc>'
            f'<defs>{hatch}</defs>{_STYLE}<style>#{map_id} .ns *{{fill:url(#{map_id}-hatch)}}</style>'
            f'<g aria-hidden="true">{land_part}</g>{"".join(links)}</svg>')


def _tooltip(entry: dict[str, Any], figure: str) -> str:
    """Name, published score (or not enough data, with the range), the known-met share on that map, coverage."""
    if not entry["file"]:
        return f"{entry['name']}: no data yet"
    parts = [f"score {fmt.published_score(entry)}" if entry["scored"] else str(fmt.published_score(entry))]
    if figure == "score_min":
        parts.insert(0, f"known met {entry['score_min']:g} %")
    parts.append(f"coverage {entry['coverage']:g} %")
    return f"{entry['name']}: " + ", ".join(parts)


def inline_map(entries: list[dict[str, Any]], figure: str, link_prefix: str, land: Literal["define", "use"]) -> str:
    """The map as a raw-HTML block for a Markdown page (kept out of the search index: its names and
    figures are on the page's tables already)."""
    return f'<figure class="lawgap-map-box" data-search-exclude>\n{world_map(entries, figure, link_prefix, land)}\n</figure>'
