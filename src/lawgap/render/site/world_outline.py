"""Country outlines for the site's maps, read from the world map in pygal_maps_world and made light.

The source (a public-domain-derived SVG, one <g class="<alpha-2> country"> per country) is 784 KB:
sub-pixel Bézier detail nobody sees on a web page. Here each outline becomes polygons through the
curves' end points, simplified with Ramer-Douglas-Peucker to a fraction of a unit on a 1000-unit-wide
map, with Antarctica cropped and coordinates written as whole-number steps: a world map of 60-70 KB
that looks the same at screen size. Done once per process (lru_cache).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

WIDTH = 1000  # map units across; about one unit a pixel where the map is shown full width
TOLERANCE = 0.45  # map units a simplified outline may stray from the source
MIN_ISLAND = 1.6  # rings whose bounding box is smaller than this on both sides are dropped
CROPPED = {"aq"}  # Antarctica: a band of ice across the bottom that holds no jurisdiction

_SVG = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
# numbers per segment, and which pair of them is where the segment ends
_SEGMENT = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2}

Point = tuple[float, float]


class OutlineError(Exception):
    """The world map's outlines could not be read (an unexpected pygal_maps_world release)."""


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, lower case
    path: str  # SVG path data in map units, "" when every ring is smaller than MIN_ISLAND
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 of the whole country, in map units
    anchor: Point  # centre of the largest ring: where a marker goes


@dataclass(frozen=True)
class World:
    width: int
    height: int
    countries: dict[str, Country]


@lru_cache(maxsize=1)
def world() -> World:
    """Every country of the source map, simplified and projected into a WIDTH-wide box."""
    root = ElementTree.fromstring((files("pygal_maps_world") / "worldmap.svg").read_text(encoding="utf-8"))
    rings: dict[str, list[list[Point]]] = {}
    for group in root.iter(f"{_SVG}g"):
        classes = group.get("class", "").split()
        if "country" not in classes:
            continue
        code = classes[0]
        rings[code] = [ring for path in group.iter(f"{_SVG}path") for ring in _rings(path.get("d", ""))]
    if not rings:
        raise OutlineError("pygal_maps_world's worldmap.svg holds no <g class=\"... country\"> outlines")
    shown = [p for code, country in rings.items() if code not in CROPPED for ring in country for p in ring]
    x0, y0 = min(p[0] for p in shown), min(p[1] for p in shown)
    x1, y1 = max(p[0] for p in shown), max(p[1] for p in shown)
    scale = WIDTH / (x1 - x0)
    countries = {}
    for code, country in sorted(rings.items()):
        if code in CROPPED:
            continue
        projected = [[((x - x0) * scale, (y - y0) * scale) for x, y in ring] for ring in country]
        countries[code] = _country(code, projected)
    return World(WIDTH, round((y1 - y0) * scale), countries)


def _country(code: str, rings: list[list[Point]]) -> Country:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    largest = max(rings, key=_extent)
    bx0, by0, bx1, by1 = _box(largest)
    kept = [simplify(ring, TOLERANCE) for ring in rings if max(_extent(ring)) >= MIN_ISLAND]
    return Country(code, "".join(_path_data(ring) for ring in kept if len(ring) >= 3),
                   (min(xs), min(ys), max(xs), max(ys)), ((bx0 + bx1) / 2, (by0 + by1) / 2))


def _box(ring: list[Point]) -> tuple[float, float, float, float]:
    return min(x for x, _ in ring), min(y for _, y in ring), max(x for x, _ in ring), max(y for _, y in ring)


def _extent(ring: list[Point]) -> tuple[float, float]:
    x0, y0, x1, y1 = _box(ring)
    return x1 - x0, y1 - y0


def _rings(data: str) -> list[list[Point]]:
    """Path data -> polygons: each subpath as its absolute vertices (a curve by its end point)."""
    tokens = _TOKEN.findall(data)
    rings: list[list[Point]] = []
    x = y = 0.0
    index, command = 0, ""
    while index < len(tokens):
        if tokens[index].isalpha():
            command = tokens[index]
            index += 1
            if command in "zZ":
                x, y = rings[-1][0] if rings and rings[-1] else (x, y)
                continue
        lower = command.lower()
        if lower not in _SEGMENT:
            raise OutlineError(f"worldmap.svg: path command {command!r} is not understood")
        count = _SEGMENT[lower]
        try:
            numbers = [float(t) for t in tokens[index:index + count]]
        except ValueError:
            raise OutlineError(f"worldmap.svg: {command!r} needs {count} numbers") from None
        if len(numbers) != count:
            raise OutlineError(f"worldmap.svg: {command!r} needs {count} numbers")
        index += count
        relative = command.islower()
        if lower == "h":
            x = x + numbers[0] if relative else numbers[0]
        elif lower == "v":
            y = y + numbers[0] if relative else numbers[0]
        else:
            dx, dy = numbers[-2], numbers[-1]
            x, y = (x + dx, y + dy) if relative else (dx, dy)
        if lower == "m":
            rings.append([])
            command = "l" if relative else "L"  # further pairs after a moveto are line segments
        rings[-1].append((x, y))
    return [ring for ring in rings if len(ring) >= 3]


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Ramer-Douglas-Peucker: the fewest vertices that keep every dropped one within `tolerance`."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5
        farthest, distance = first, 0.0
        for index in range(first + 1, last):
            px, py = points[index]
            away = abs(dy * (px - ax) - dx * (py - ay)) / length if length else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if away > distance:
                farthest, distance = index, away
        if distance > tolerance:
            keep[farthest] = True
            stack.extend(((first, farthest), (farthest, last)))
    return [point for point, kept in zip(points, keep) if kept]


def _path_data(ring: list[Point]) -> str:
    """A closed ring as 'M x y l dx dy ... z' in whole units (steps summed from rounded positions, so
    rounding never drifts); steps of zero are left out."""
    rounded = [(round(x), round(y)) for x, y in ring]
    steps = []
    for (ax, ay), (bx, by) in zip(rounded, rounded[1:]):
        if (bx, by) != (ax, ay):
            steps.append(f"{bx - ax} {by - ay}")
    if len(steps) < 2:
        return ""
    return f"M{rounded[0][0]} {rounded[0][1]}l" + " ".join(steps).replace(" -", "-") + "z"
