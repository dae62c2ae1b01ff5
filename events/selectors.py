"""Reads of the events; each owns its joins so lists and pages keep a constant query count."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone
from wagtail.documents import get_document_model

from cms.access import mark_restricted, visible_pages

from .models import EventAttachment, EventPage, EventPhoto, EventSession

UPCOMING = "kommend"
PAST = "vergangen"
# The calendar feed reaches back this far, so that subscribers keep last year's dates.
CALENDAR_PAST_DAYS = 365


@dataclass(frozen=True)
class EventFilters:
    when: str = UPCOMING
    event_type: str | None = None
    land: str | None = None
    year: int | None = None

    @property
    def active_count(self) -> int:
        """How many filters narrow the list (the period switch does not), for "Filter (n)"."""
        return sum(value is not None for value in (self.event_type, self.land, self.year))


def event_visible(*, user) -> QuerySet[EventPage]:
    """Live events the user may see, nothing loaded with them."""
    return visible_pages(EventPage.objects.live(), user)


def event_list(*, filters: EventFilters, user, now: datetime | None = None):
    """Events for the overview: upcoming ones soonest first, past ones latest first."""
    now = now or timezone.now()
    queryset = event_visible(user=user).select_related("bundesland")
    if filters.when == PAST:
        # An event still running counts as upcoming: people may still join it.
        queryset = queryset.filter(end__lt=now).order_by("-start", "-pk")
    else:
        queryset = queryset.filter(end__gte=now).order_by("start", "pk")
    if filters.event_type:
        queryset = queryset.filter(event_type=filters.event_type)
    if filters.land:
        queryset = queryset.filter(bundesland__code=filters.land)
    if filters.year:
        # The year in local time: an event at 0:30 on 1 January belongs to the new year.
        tz = timezone.get_current_timezone()
        start = datetime(filters.year, 1, 1, tzinfo=tz)
        queryset = queryset.filter(
            start__gte=start, start__lt=datetime(filters.year + 1, 1, 1, tzinfo=tz)
        )
    return queryset


def event_cards(events, user) -> list[EventPage]:
    """One page of the overview, with what a card shows."""
    return mark_restricted(list(events), user)


def event_calendar(*, user, now: datetime | None = None) -> list[EventPage]:
    """Upcoming events and those of the last twelve months, for the calendar feed."""
    now = now or timezone.now()
    since = now - timedelta(days=CALENDAR_PAST_DAYS)
    return list(event_visible(user=user).filter(end__gte=since).order_by("start", "pk"))


def event_detail_prefetch(event: EventPage, user) -> None:
    """Everything the event page shows, read in a fixed number of queries."""
    prefetch_related_objects(
        [event],
        "jobcenters",
        Prefetch(
            "sessions",
            queryset=EventSession.objects.select_related("board").order_by("sort_order", "pk"),
        ),
        Prefetch("attachments", queryset=EventAttachment.objects.select_related("document")),
        Prefetch(
            "photos",
            queryset=EventPhoto.objects.select_related("image").prefetch_related(
                "image__renditions"
            ),
        ),
    )
    sessions = list(event.sessions.all())
    # A StreamField reads its documents per session; one query for all keeps the count fixed.
    wanted = {
        session.pk: [
            block["value"]
            for block in session.attachments.raw_data
            if block.get("type") == "document" and block.get("value")
        ]
        for session in sessions
    }
    ids = {pk for pks in wanted.values() for pk in pks}
    documents = get_document_model().objects.in_bulk(ids) if ids else {}
    for session in sessions:
        session.documents = [documents[pk] for pk in wanted[session.pk] if pk in documents]
        session.has_board = hasattr(session, "board")
    mark_restricted([event], user)
