from datetime import timedelta
from itertools import count

from django.utils import timezone

from cms.access import page_set_staff_only
from events.models import Board, EventIndexPage, EventPage, EventSession
from practices.models import Bundesland
from practices.reference import load_reference_data

from .site import site_home

_numbers = count(1)


def event_index() -> EventIndexPage:
    index = EventIndexPage.objects.first()
    if index is None:
        from django.apps import apps

        load_reference_data(apps.get_model)
        index = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
        site_home().add_child(instance=index)
    return index


def create_event(
    title: str | None = None,
    *,
    days_ahead: int = 14,
    hours: int = 6,
    event_type: str = "werkstattgespraech",
    land: str | None = "NW",
    staff_only: bool = False,
    live: bool = True,
    sessions=(),
    **fields,
) -> EventPage:
    """A published event ``days_ahead`` days from now (negative: in the past); ``sessions``:
    titles or dicts of ``EventSession`` fields."""
    number = next(_numbers)
    start = fields.pop("start", timezone.now().replace(microsecond=0) + timedelta(days=days_ahead))
    page = EventPage(
        title=title or f"Werkstattgespräch {number}",
        slug=fields.pop("slug", f"veranstaltung-{number}"),
        event_type=event_type,
        start=start,
        end=fields.pop("end", start + timedelta(hours=hours)),
        venue=fields.pop("venue", "Kreishaus Schwelm"),
        bundesland=Bundesland.objects.get(code=land) if land else None,
        live=live,
        **fields,
    )
    page.sessions = [
        EventSession(**({"title": session} if isinstance(session, str) else session))
        for session in sessions
    ]
    event_index().add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    if staff_only:
        page_set_staff_only(page, True)
    return EventPage.objects.get(pk=page.pk)


def create_board(session: EventSession, **fields) -> Board:
    """The session's board with ``fields`` (publishing gave forum sessions an empty one)."""
    board, _created = Board.objects.update_or_create(session=session, defaults=fields)
    return board
