"""The events' section of the home page: „Nächste Veranstaltungen“."""

from __future__ import annotations

from django.http import HttpRequest

from cms.home import HomeSection, index_page_url, register_section

from .models import EventIndexPage
from .selectors import EventFilters, event_cards, event_list

UPCOMING_SHOWN = 4


def upcoming_events_section(request: HttpRequest) -> dict | None:
    """The next events the viewer may see, soonest first (one still running counts)."""
    user = request.user
    events = event_cards(event_list(filters=EventFilters(), user=user)[:UPCOMING_SHOWN], user)
    if not events:
        return None
    return {"events": events, "index_url": index_page_url(request, EventIndexPage)}


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
