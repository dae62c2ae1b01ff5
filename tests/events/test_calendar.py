"""The iCalendar feed and the per-event download (RFC 5545)."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from events.ical import escape_text, fold
from tests.factories import create_user
from tests.factories.events import create_event, event_index

pytestmark = pytest.mark.django_db

FEED = "/veranstaltungen/kalender.ics"


def unfold(body: str) -> list[str]:
    """Content lines as a calendar client reads them (RFC 5545 3.1)."""
    assert "\n" not in body.replace("\r\n", "")
    return body.replace("\r\n ", "").split("\r\n")[:-1]


def events_of(body: str) -> list[dict[str, str]]:
    events, current = [], None
    for line in unfold(body):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _sep, value = line.partition(":")
            current[name] = value
    return events


@pytest.fixture
def index(home):
    return event_index()


class TestFeed:
    def test_upcoming_and_last_twelve_months_only(self, client, index):
        create_event("Bald", days_ahead=7)
        create_event("Vor einem halben Jahr", days_ahead=-180)
        create_event("Vor zwei Jahren", days_ahead=-730)
        create_event("Entwurf", live=False)

        response = client.get(FEED)

        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        body = response.content.decode()
        lines = unfold(body)
        assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
        assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
        assert [event["SUMMARY"] for event in events_of(body)] == [
            "Vor einem halben Jahr",
            "Bald",
        ]

    def test_event_properties_in_utc_and_escaped(self, client, index):
        start = timezone.make_aware(datetime(2031, 7, 1, 10, 0))  # 08:00 UTC in summer
        event = create_event(
            "Treffen; mit Komma, und Semikolon",
            start=start,
            end=start + timedelta(hours=6),
            venue="Kreishaus",
            address="Hauptstraße 1, 58332 Schwelm",
            teaser="Erste Zeile\nZweite Zeile",
        )

        (item,) = events_of(client.get(FEED).content.decode())

        assert item["UID"].startswith(f"event-{event.pk}@")
        assert item["DTSTART"] == "20310701T080000Z"
        assert item["DTEND"] == "20310701T140000Z"
        assert item["DTSTAMP"].endswith("Z")
        assert item["SUMMARY"] == "Treffen\\; mit Komma\\, und Semikolon"
        assert item["LOCATION"] == "Kreishaus\\, Hauptstraße 1\\, 58332 Schwelm"
        assert item["DESCRIPTION"] == "Erste Zeile\\nZweite Zeile"
        assert item["URL"].startswith("http") and item["URL"].endswith(event.url)

    def test_online_event_location(self, client, index):
        create_event("Webinar", online=True, venue="")

        (item,) = events_of(client.get(FEED).content.decode())

        assert item["LOCATION"] == "Online"

    def test_long_lines_are_folded_at_75_octets(self, client, index):
        create_event("Ü" * 60, teaser="Überlänge " * 30)

        body = client.get(FEED).content.decode()

        for line in body.split("\r\n"):
            assert len(line.encode()) <= 75
        (item,) = events_of(body)
        assert item["SUMMARY"] == "Ü" * 60

    def test_staff_only_events_for_staff_only(self, client, index, staff_user):
        create_event("Öffentlich")
        create_event("Intern", staff_only=True)

        anonymous = [e["SUMMARY"] for e in events_of(client.get(FEED).content.decode())]
        client.force_login(create_user(username="extern"))
        member = [e["SUMMARY"] for e in events_of(client.get(FEED).content.decode())]
        client.force_login(staff_user)
        response = client.get(FEED)
        staff = [e["SUMMARY"] for e in events_of(response.content.decode())]

        assert anonymous == member == ["Öffentlich"]
        assert sorted(staff) == ["Intern", "Öffentlich"]
        assert "private" in response["Cache-Control"]


class TestEventDownload:
    def test_one_event_as_attachment(self, client, index):
        event = create_event("Regionaltreffen NRW", slug="regionaltreffen-nrw")

        response = client.get(f"/veranstaltungen/termin/{event.pk}.ics")

        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert 'filename="regionaltreffen-nrw.ics"' in response["Content-Disposition"]
        assert [e["SUMMARY"] for e in events_of(response.content.decode())] == [
            "Regionaltreffen NRW"
        ]

    def test_drafts_unknown_and_hidden_events_are_not_found(self, client, index, staff_user):
        draft = create_event("Entwurf", live=False)
        hidden = create_event("Intern", staff_only=True)

        assert client.get(f"/veranstaltungen/termin/{draft.pk}.ics").status_code == 404
        assert client.get(f"/veranstaltungen/termin/{hidden.pk}.ics").status_code == 404
        assert client.get("/veranstaltungen/termin/999999.ics").status_code == 404
        client.force_login(staff_user)
        assert client.get(f"/veranstaltungen/termin/{hidden.pk}.ics").status_code == 200
        assert client.get(f"/veranstaltungen/termin/{draft.pk}.ics").status_code == 404


class TestHelpers:
    def test_escape_text(self):
        assert escape_text("a\\b;c,d\r\ne") == "a\\\\b\\;c\\,d\\ne"

    def test_fold_never_splits_a_character(self):
        line = "SUMMARY:" + "ä" * 100

        folded = fold(line)

        parts = folded.split("\r\n ")
        assert all(len(part.encode()) <= 75 for part in parts[:1])
        assert all(len(part.encode()) <= 74 for part in parts[1:])
        assert "".join(parts) == line


class TestQueries:
    @staticmethod
    def queries(client) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(FEED)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(FEED)
        assert response.status_code == 200
        return len(captured)

    def test_constant_queries_at_2_and_12_events(self, client, index, staff_user):
        client.force_login(staff_user)
        for number in range(2):
            create_event(staff_only=number == 0)
        small = self.queries(client)
        for number in range(10):
            create_event(staff_only=number % 2 == 0)

        assert self.queries(client) == small
