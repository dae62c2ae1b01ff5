"""The events on the home page: „Nächste Veranstaltungen“ for everybody, and the next ones of
the member's Land in „Neu in Ihrer Region“."""

from __future__ import annotations

from django.http import HttpRequest

from cms.home import (
    HomeSection,
    RegionPart,
    index_page_url,
    register_region_part,
    register_section,
)

from .models import EventIndexPage
from .selectors import EventFilters, event_cards, event_list

UPCOMING_SHOWN = 4
REGION_SHOWN = 3


def upcoming_events_section(request: HttpRequest) -> dict | None:
    """The next events the viewer may see, soonest first (one still running counts)."""
    user = request.user
    events = event_cards(event_list(filters=EventFilters(), user=user)[:UPCOMING_SHOWN], user)
    if not events:
        return None
    return {"events": events, "index_url": index_page_url(request, EventIndexPage)}


def region_events_part(request: HttpRequest, land_code: str) -> dict | None:
    """The next events in the member's Land, as the events list filtered by it shows them."""
    user = request.user
    filters = EventFilters(land=land_code)
    events = event_cards(event_list(filters=filters, user=user)[:REGION_SHOWN], user)
    if not events:
        return None
    index_url = index_page_url(request, EventIndexPage)
    return {"events": events, "land_url": f"{index_url}?land={land_code}" if index_url else ""}


def register() -> None:
    register_section(
        HomeSection(
            name="events",
            order=40,
            template="cms/home/upcoming_events.html",
            load=upcoming_events_section,
            cached=True,
        )
    )
    register_region_part(
        RegionPart(
            name="events",
            order=20,
            template="cms/home/region_events.html",
            load=region_events_part,
        )
    )
