"""What the map shows: practices, offers, events and Jobcenters, by Land and by place.

Each layer is read in a fixed number of queries: the counts per Land over everything the
viewer may see, and at most ``MAP_LIMIT`` items with their places for the markers and the list
beside the map (which together show the same items). Only live pages the viewer may see
appear (``cms.access.visible_pages``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.access import visible_pages
from events.models import EventPage
from offers.models import OfferLocation, OfferPage
from practices.models import Jobcenter, PracticePage

from . import geo

PRACTICES, OFFERS, EVENTS, JOBCENTERS = (
    "praxisbeispiele",
    "angebote",
    "veranstaltungen",
    "jobcenter",
)
# The content types of the map, as the parameter ``typ`` names them, in display order.
LAYER_LABELS = {
    PRACTICES: _("Practices"),
    OFFERS: _("Offers"),
    EVENTS: _("Upcoming events"),
    JOBCENTERS: _("Jobcenters"),
}
# The most items of one type shown as markers and listed; the counts per Land cover all.
MAP_LIMIT = 500


@dataclass
class MapItem:
    title: str
    url: str
    note: str = ""
    lands: set[str] = field(default_factory=set)
    # (latitude, longitude) of the places it is at
    points: list[tuple[float, float]] = field(default_factory=list)


@dataclass
class MapLayer:
    kind: str
    label: str
    items: list[MapItem]
    total: int
    counts_by_land: dict[str, int]

    @property
    def truncated(self) -> bool:
        return self.total > len(self.items)


@dataclass(frozen=True)
class Marker:
    kind: str
    x: float
    y: float
    radius: float
    title: str


def _land_counts(queryset: QuerySet, land_path: str) -> dict[str, int]:
    rows = queryset.order_by().values(land_path).annotate(number=Count("pk", distinct=True))
    return {row[land_path]: row["number"] for row in rows if row[land_path]}


def _pages(queryset: QuerySet, land_path: str, land: str | None) -> tuple[list, int]:
    if land:
        queryset = queryset.filter(pk__in=queryset.filter(**{land_path: land}).values("pk"))
    total = queryset.count()
    pages = list(queryset.order_by("title", "pk")[:MAP_LIMIT])
    return pages, total


def _page_items(pages: list, request) -> dict[int, MapItem]:
    return {page.pk: MapItem(title=page.title, url=page.get_url(request) or "") for page in pages}


def practice_layer(*, user, land: str | None, request) -> MapLayer:
    visible = visible_pages(PracticePage.objects.live(), user)
    pages, total = _pages(visible, "bundeslaender__code", land)
    items = _page_items(pages, request)
    links = PracticePage.bundeslaender.through.objects.filter(practicepage_id__in=items)
    for page_id, code in links.values_list("practicepage_id", "bundesland__code"):
        items[page_id].lands.add(code)
    places = PracticePage.jobcenters.through.objects.filter(practicepage_id__in=items)
    for page_id, name, latitude, longitude in places.values_list(
        "practicepage_id", "jobcenter__name", "jobcenter__latitude", "jobcenter__longitude"
    ).order_by("jobcenter__name"):
        item = items[page_id]
        item.note = f"{item.note}, {name}" if item.note else name
        if latitude is not None and longitude is not None:
            item.points.append((float(latitude), float(longitude)))
    return MapLayer(
        PRACTICES,
        str(LAYER_LABELS[PRACTICES]),
        list(items.values()),
        total,
        _land_counts(visible, "bundeslaender__code"),
    )


def offer_layer(*, user, land: str | None, request) -> MapLayer:
    visible = visible_pages(OfferPage.objects.live(), user)
    land_path = "jobcenters__bundesland__code"
    pages, total = _pages(visible, land_path, land)
    items = _page_items(pages, request)
    areas = OfferPage.jobcenters.through.objects.filter(offerpage_id__in=items)
    for page_id, code in areas.values_list("offerpage_id", "jobcenter__bundesland__code"):
        items[page_id].lands.add(code)
    locations = OfferLocation.objects.filter(page_id__in=items).order_by("sort_order", "pk")
    for page_id, town, latitude, longitude in locations.values_list(
        "page_id", "town", "latitude", "longitude"
    ):
        item = items[page_id]
        if town and town not in item.note.split(", "):
            item.note = f"{item.note}, {town}" if item.note else town
        item.points.append((float(latitude), float(longitude)))
    return MapLayer(
        OFFERS,
        str(LAYER_LABELS[OFFERS]),
        list(items.values()),
        total,
        _land_counts(visible, land_path),
    )


def event_layer(*, user, land: str | None, request, now: datetime | None = None) -> MapLayer:
    now = now or timezone.now()
    # An event still running counts as upcoming, as in the events overview.
    visible = visible_pages(EventPage.objects.live(), user).filter(end__gte=now)
    pages, total = _pages(visible.select_related("bundesland"), "bundesland__code", land)
    items = []
    for page in sorted(pages, key=lambda event: (event.start, event.pk)):
        item = MapItem(title=page.title, url=page.get_url(request) or "", note=page.when())
        if page.bundesland:
            item.lands.add(page.bundesland.code)
        items.append(item)
    return MapLayer(
        EVENTS, str(LAYER_LABELS[EVENTS]), items, total, _land_counts(visible, "bundesland__code")
    )


def jobcenter_layer(*, land: str | None) -> MapLayer:
    queryset = Jobcenter.objects.select_related("bundesland")
    counts = _land_counts(queryset, "bundesland__code")
    if land:
        queryset = queryset.filter(bundesland__code=land)
    jobcenters = list(queryset.order_by("name", "pk")[:MAP_LIMIT])
    items = []
    for jobcenter in jobcenters:
        item = MapItem(
            title=jobcenter.name,
            url=jobcenter.get_absolute_url(),
            note=jobcenter.town,
            lands={jobcenter.bundesland.code},
        )
        if jobcenter.latitude is not None and jobcenter.longitude is not None:
            item.points.append((float(jobcenter.latitude), float(jobcenter.longitude)))
        items.append(item)
    total = counts.get(land, 0) if land else sum(counts.values())
    return MapLayer(JOBCENTERS, str(LAYER_LABELS[JOBCENTERS]), items, total, counts)


def map_layers(*, kinds: list[str], land: str | None, user, request) -> list[MapLayer]:
    """The layers of ``kinds`` (all when empty), restricted to the Land ``land`` if given."""
    readers = {
        PRACTICES: lambda: practice_layer(user=user, land=land, request=request),
        OFFERS: lambda: offer_layer(user=user, land=land, request=request),
        EVENTS: lambda: event_layer(user=user, land=land, request=request),
        JOBCENTERS: lambda: jobcenter_layer(land=land),
    }
    return [readers[kind]() for kind in LAYER_LABELS if not kinds or kind in kinds]


# Markers of different types at one place sit side by side, not on top of each other.
MARKER_OFFSETS = {
    PRACTICES: (-3.0, -3.0),
    OFFERS: (3.0, -3.0),
    EVENTS: (0.0, 0.0),
    JOBCENTERS: (0.0, 3.0),
}


def markers(layers: list[MapLayer]) -> list[Marker]:
    """One marker per type and place, sized by how many items are there."""
    grouped: dict[tuple[str, float, float], list[str]] = defaultdict(list)
    for layer in layers:
        for item in layer.items:
            for latitude, longitude in set(item.points):
                if geo.in_view(latitude, longitude):
                    x, y = geo.project(latitude, longitude)
                    grouped[(layer.kind, x, y)].append(item.title)
    result = []
    for (kind, x, y), titles in sorted(grouped.items()):
        dx, dy = MARKER_OFFSETS[kind]
        result.append(
            Marker(
                kind=kind,
                x=round(x + dx, 1),
                y=round(y + dy, 1),
                radius=round(3 + min(len(titles), 25) ** 0.5, 1),
                title="; ".join(sorted(titles)[:10]) + (" …" if len(titles) > 10 else ""),
            )
        )
    return result


def counts_by_land(layers: list[MapLayer]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for layer in layers:
        for code, number in layer.counts_by_land.items():
            totals[code] += number
    return dict(totals)
