"""A staff-only event never shows to anonymous visitors, on any channel; staff see it on each,
so that an empty channel cannot pass."""

import pytest
from bs4 import BeautifulSoup

from events.models import EventPage
from tests.factories.events import create_event, event_index
from tests.search.helpers import sync

pytestmark = pytest.mark.django_db

MARKER = "Geheimtreffenzwiebel"
PUBLIC = "Offenertreffpunkt"


@pytest.fixture(autouse=True)
def lexical_only(settings):
    settings.SEARCH_HYBRID = False


@pytest.fixture
def events(home):
    event_index()
    create_event(PUBLIC, slug="offenertreffpunkt", sessions=[f"{PUBLIC} Forum"])
    create_event(MARKER, slug="geheimtreffenzwiebel", staff_only=True, sessions=[f"{MARKER} Forum"])
    create_event(
        f"{MARKER} vorbei",
        slug="geheimtreffenzwiebel-vorbei",
        staff_only=True,
        days_ahead=-30,
    )
    sync()
    return EventPage.objects.get(slug="geheimtreffenzwiebel")


def results(seen: tuple[int, str]) -> tuple[int, str]:
    """The result list of the search page (the page repeats the query, which is no leak)."""
    status, body = seen
    found = BeautifulSoup(body, "html.parser").select_one(".search-results__list")
    return status, found.get_text(" ") if found else ""


def channels(client, hidden: EventPage) -> dict[str, tuple[int, str]]:
    def get(url, params=None):
        response = client.get(url, params or {})
        return response.status_code, response.content.decode()

    return {
        "upcoming list": get("/veranstaltungen/"),
        "past list": get("/veranstaltungen/", {"zeit": "vergangen"}),
        "filtered list": get("/veranstaltungen/", {"land": "NW", "jahr": hidden.start.year}),
        "event page": get(hidden.url),
        "calendar feed": get("/veranstaltungen/kalender.ics"),
        "event download": get(f"/veranstaltungen/termin/{hidden.pk}.ics"),
        "search api": get("/api/v1/search/", {"q": MARKER}),
        "search api by type": get("/api/v1/search/", {"type": "event"}),
        "search page": results(get("/suche/", {"q": "Forum"})),
        "sitemap": get("/sitemap.xml"),
    }


def test_staff_only_event_never_leaks_to_anonymous(client, backend, events):
    seen = channels(client, events)

    leaks = [name for name, (_status, body) in seen.items() if MARKER.lower() in body.lower()]
    assert leaks == []
    assert seen["event page"][0] in (302, 403, 404)
    assert seen["event download"][0] == 404
    # The channels work: the public event is there.
    for name in ("upcoming list", "calendar feed", "search api by type", "search page", "sitemap"):
        assert PUBLIC.lower() in seen[name][1].lower(), name


def test_staff_see_it_on_every_channel(client, backend, events, staff_user):
    client.force_login(staff_user)

    seen = channels(client, events)

    missing = [
        name
        for name, (_status, body) in seen.items()
        # The sitemap is for search engines: it lists public pages only, for everybody.
        if name != "sitemap" and MARKER.lower() not in body.lower()
    ]
    assert missing == []


def test_files_of_a_staff_only_event_stay_with_its_audience(client, home, staff_user):
    from events.models import EventAttachment, EventPhoto
    from tests.factories.files import create_document, create_image

    slides, handout, photo = create_document("Folien"), create_document("Handout"), create_image()
    create_event(
        MARKER,
        slug="geheimtreffenzwiebel-dateien",
        staff_only=True,
        days_ahead=-3,
        sessions=[{"title": "Forum", "attachments": [("document", handout)]}],
        attachments=[EventAttachment(document=slides)],
        photos=[EventPhoto(image=photo, alt_text="Gruppenfoto")],
    )
    urls = [slides.url, handout.url, photo.file.url]

    refused = [client.get(url) for url in urls]
    client.force_login(staff_user)
    served = [client.get(url) for url in urls]

    assert [response.status_code for response in refused] == [302, 302, 302]
    assert [response.status_code for response in served] == [200, 200, 200]
