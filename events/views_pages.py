"""The events overview (its context), the calendar feed and the per-event download."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cms.access import can_view_page, is_authenticated
from practices.models import Bundesland
from practices.views import PAGE_PARAM, paginate

from .ical import calendar
from .models import EventPage, EventType
from .selectors import PAST, UPCOMING, EventFilters, event_calendar, event_cards, event_list

MIN_YEAR, MAX_YEAR = 2000, 2100
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _filters(request, lands: dict[str, str]) -> tuple[EventFilters, list[str]]:
    """The filters of the query string; a value that makes no sense is named and ignored."""
    notices: list[str] = []
    when = request.GET.get("zeit", UPCOMING)
    if when not in (UPCOMING, PAST):
        notices.append(
            _("“%(value)s” is not a period; showing upcoming events.") % {"value": when[:20]}
        )
        when = UPCOMING
    event_type = request.GET.get("typ") or None
    if event_type and event_type not in EventType.values:
        notices.append(_("“%(value)s” is not an event type.") % {"value": event_type[:30]})
        event_type = None
    land = request.GET.get("land") or None
    if land and land not in lands:
        notices.append(_("“%(value)s” is not a Bundesland.") % {"value": land[:30]})
        land = None
    year_value = request.GET.get("jahr") or ""
    year = None
    if year_value:
        if year_value.isdigit() and MIN_YEAR <= int(year_value) <= MAX_YEAR:
            year = int(year_value)
        else:
            notices.append(
                _("“%(value)s” is not a year between %(min)s and %(max)s.")
                % {"value": year_value[:20], "min": MIN_YEAR, "max": MAX_YEAR}
            )
    return EventFilters(when=when, event_type=event_type, land=land, year=year), notices


def event_index_context(request, *, index_page) -> dict:
    lands = dict(Bundesland.objects.order_by("name").values_list("code", "name"))
    filters, notices = _filters(request, lands)
    page_obj = paginate(request, event_list(filters=filters, user=request.user), notices=notices)
    page_obj.object_list = event_cards(page_obj.object_list, request.user)
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    switch = {}
    for when in (UPCOMING, PAST):
        params = query.copy()
        params["zeit"] = when
        switch[when] = params.urlencode()
    return {
        "events": page_obj,
        "paginator": page_obj.paginator,
        "filters": filters,
        "notices": notices,
        "event_types": EventType.choices,
        "lands": list(lands.items()),
        "is_past": filters.when == PAST,
        "switch_upcoming": switch[UPCOMING],
        "switch_past": switch[PAST],
        "has_filters": bool(filters.event_type or filters.land or filters.year),
    }


def _calendar_response(body: str, *, filename: str, user) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if is_authenticated(user):
        # What a member gets may hold staff-only events: no shared cache may keep it.
        response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def calendar_feed(request):
    events = event_calendar(user=request.user)
    body = calendar(events, name=_("Events – Wissensbörse Netzwerke ABC"), request=request)
    return _calendar_response(body, filename="veranstaltungen.ics", user=request.user)


@require_GET
def event_ics(request, page_id: int):
    event = get_object_or_404(EventPage, pk=page_id)
    # Drafts never: a calendar entry is for an event that is announced.
    if not event.live or not can_view_page(request.user, event, request):
        raise Http404
    body = calendar([event], name=event.title, request=request)
    return _calendar_response(body, filename=f"{event.slug}.ics", user=request.user)
