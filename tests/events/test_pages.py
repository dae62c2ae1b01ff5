"""The events overview and the event page: what visitors see, filters, and query counts."""

from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model

from events.models import Board, EventAttachment, EventPage
from tests.factories import create_user
from tests.factories.events import create_event, event_index

pytestmark = pytest.mark.django_db

INDEX = "/veranstaltungen/"


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_titles(page: BeautifulSoup) -> list[str]:
    return [h.get_text(strip=True) for h in page.select(".event-card__title")]


def local(year, month, day, hour, minute=0) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour, minute))


@pytest.fixture
def index(home):
    return event_index()


class TestOverview:
    def test_upcoming_by_default_past_on_switch(self, client, index):
        create_event("Werkstattgespräch Übergänge", days_ahead=10)
        create_event("Barcamp Digitalisierung", days_ahead=3, event_type="barcamp")
        create_event("Fachtag im Frühjahr", days_ahead=-30, event_type="fachveranstaltung")

        upcoming = soup(client.get(INDEX))
        past = soup(client.get(INDEX, {"zeit": "vergangen"}))

        assert card_titles(upcoming) == ["Barcamp Digitalisierung", "Werkstattgespräch Übergänge"]
        assert upcoming.select_one("#results-heading").get_text() == "Kommende Veranstaltungen"
        assert card_titles(past) == ["Fachtag im Frühjahr"]
        assert past.select_one("#results-heading").get_text() == "Vergangene Veranstaltungen"
        current = past.select_one(".event-switch a[aria-current=page]")
        assert current.get_text() == "Vergangene Veranstaltungen"

    def test_card_shows_type_date_place_land_and_staff_badge(self, client, index, staff_user):
        create_event(
            "Regionaltreffen Hessen",
            event_type="regionaltreffen",
            land="HE",
            staff_only=True,
            start=local(2030, 11, 22, 10),
            end=local(2030, 11, 22, 16),
        )
        create_event(
            "Online-Sprechstunde",
            event_type="online",
            online=True,
            venue="",
            start=local(2030, 11, 23, 9),
            end=local(2030, 11, 24, 12, 30),
        )
        client.force_login(staff_user)

        cards = soup(client.get(INDEX)).select(".event-card")

        first, second = (card.get_text(" ", strip=True) for card in cards)
        assert "Regionaltreffen" in first
        assert "22.11.2030, 10:00–16:00 Uhr" in first
        assert "Kreishaus Schwelm" in first
        assert "Hessen" in first
        assert cards[0].select_one(".badge--staff").get_text() == "Nur für Netzwerk-Mitarbeitende"
        assert "23.11.2030, 09:00 Uhr – 24.11.2030, 12:30 Uhr" in second
        assert "online" in second
        assert cards[1].select_one(".badge--staff") is None

    def test_filters_by_type_land_and_year(self, client, index):
        create_event("Barcamp Köln", event_type="barcamp", start=local(2031, 3, 1, 10))
        create_event("Barcamp Kassel", event_type="barcamp", land="HE", start=local(2031, 4, 1, 10))
        create_event("Barcamp 2032", event_type="barcamp", start=local(2032, 1, 1, 0, 30))
        create_event("Werkstatt Köln", start=local(2031, 5, 1, 10))

        form = soup(client.get(INDEX)).select_one("form.filters")
        by_type = card_titles(soup(client.get(INDEX, {"typ": "barcamp"})))
        by_land = card_titles(soup(client.get(INDEX, {"typ": "barcamp", "land": "HE"})))
        by_year = card_titles(soup(client.get(INDEX, {"jahr": "2032"})))

        assert by_type == ["Barcamp Köln", "Barcamp Kassel", "Barcamp 2032"]
        labels = [label.get_text() for label in form.find_all("label")]
        assert labels == ["Veranstaltungsart", "Bundesland", "Jahr"]
        assert by_land == ["Barcamp Kassel"]
        # Local time decides the year: 0:30 on New Year's Day is 2032 in Germany.
        assert by_year == ["Barcamp 2032"]

    @pytest.mark.parametrize(
        "params, message",
        [
            ({"typ": "tanzkurs"}, "„tanzkurs“ ist keine Veranstaltungsart."),
            ({"land": "XX"}, "„XX“ ist kein Bundesland."),
            ({"jahr": "zwanzig"}, "„zwanzig“ ist kein Jahr zwischen 2000 und 2100."),
            ({"jahr": "99999999999999999999"}, "ist kein Jahr zwischen 2000 und 2100."),
            ({"zeit": "morgen"}, "„morgen“ ist kein Zeitraum"),
            ({"seite": "7"}, "Die Seite „7“ gibt es nicht"),
        ],
    )
    def test_bad_values_give_a_german_message_and_are_ignored(self, client, index, params, message):
        create_event("Werkstattgespräch Übergänge")

        page = soup(client.get(INDEX, params))

        assert message in page.select_one("[role=alert]").get_text()
        assert card_titles(page) == ["Werkstattgespräch Übergänge"]

    def test_staff_only_events_only_for_staff(self, client, index, staff_user):
        create_event("Öffentliches Treffen")
        create_event("Internes Treffen", staff_only=True)

        anonymous = card_titles(soup(client.get(INDEX)))
        client.force_login(create_user(username="extern"))
        member = card_titles(soup(client.get(INDEX)))
        client.force_login(staff_user)
        staff = card_titles(soup(client.get(INDEX)))

        assert anonymous == member == ["Öffentliches Treffen"]
        assert staff == ["Öffentliches Treffen", "Internes Treffen"]

    def test_drafts_are_not_listed(self, client, index):
        create_event("Entwurf", live=False)

        assert card_titles(soup(client.get(INDEX))) == []

    def test_links_the_calendar_feed(self, client, index):
        page = soup(client.get(INDEX))

        alternate = page.select_one('link[rel=alternate][type="text/calendar"]')
        assert alternate["href"] == "/veranstaltungen/kalender.ics"
        assert page.find("a", href="/veranstaltungen/kalender.ics") is not None

    def test_paginates(self, client, index):
        for number in range(14):
            create_event(f"Treffen {number:02}", days_ahead=number + 1)

        first = soup(client.get(INDEX))
        second = soup(client.get(INDEX, {"seite": "2"}))

        assert len(card_titles(first)) == 12
        assert card_titles(second) == ["Treffen 12", "Treffen 13"]
        assert first.select_one(".pagination a[rel=next]") is not None

    @staticmethod
    def queries(client, params=None) -> int:
        client.get(INDEX, params or {})  # warm the per-process caches (content types, site)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(INDEX, params or {})
        assert response.status_code == 200
        return len(captured)

    @pytest.mark.parametrize("params", [{}, {"typ": "werkstattgespraech", "land": "NW"}])
    def test_constant_queries_at_2_and_20_events(self, client, index, staff_user, params):
        client.force_login(staff_user)
        for number in range(2):
            create_event(staff_only=number % 2 == 0)
        small = self.queries(client, params)
        for number in range(18):
            create_event(staff_only=number % 2 == 0)
        large = self.queries(client, params)

        assert large == small


def session_dicts(count: int) -> list[dict]:
    return [
        {
            "title": f"Forum {number}",
            "kind": "forum",
            "start": local(2030, 6, 3, 10 + number),
            "end": local(2030, 6, 3, 11 + number),
            "room": f"Raum {number}",
            "speakers": [
                (
                    "speaker",
                    {
                        "name": f"Dr. Person {number}",
                        "function": "Referentin",
                        "organisation": "GEWAK",
                    },
                )
            ],
            "protocol": f"<p>Protokoll des Forums {number}.</p>",
        }
        for number in range(1, count + 1)
    ]


def make_document(title: str, content: bytes = b"%PDF-1.4 demo"):
    document = get_document_model()(title=title)
    document.file.save(f"{title.lower()}.pdf", ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


class TestEventPage:
    def test_shows_facts_programme_and_documentation(self, client, index):
        slides = make_document("Folien", b"%PDF-1.4 " + b"x" * 2048)
        event = create_event(
            "Fachtag Kooperation",
            event_type="fachveranstaltung",
            land="HE",
            days_ahead=-10,
            teaser="Wie Jobcenter und Träger zusammenarbeiten.",
            organiser="Netzwerke ABC",
            documentation="<p>Alle Ergebnisse im Überblick.</p>",
            participants=42,
            organisations=17,
            sessions=[{**session_dicts(1)[0], "attachments": [("document", slides)]}],
        )
        EventAttachment.objects.create(page=event, document=make_document("Programm"))

        page = soup(client.get(event.url))
        text = page.get_text(" ", strip=True)

        assert page.h1.get_text() == "Fachtag Kooperation"
        assert "Fachveranstaltung" in page.select_one(".event__type").get_text()
        assert "Hessen" in text and "Netzwerke ABC" in text and "Kreishaus Schwelm" in text
        session = page.select_one(".event-session")
        assert session.h3.get_text() == "Forum 1"
        session_text = session.get_text(" ", strip=True)
        assert "11:00–12:00 Uhr" in session_text and "Raum 1" in session_text
        speaker = session.select_one(".event-session__speakers li").get_text(" ", strip=True)
        assert speaker == "Dr. Person 1 , Referentin , GEWAK"
        assert "Protokoll des Forums 1." in session_text
        assert "(PDF, 2,0\xa0KB)" in session.select_one(".download").get_text()
        attachments = page.select_one(".event__attachments").get_text(" ", strip=True)
        assert "Programm" in attachments and "PDF" in attachments
        figures = page.select_one(".event__figures").get_text(" ", strip=True)
        assert "42 Teilnehmende" in figures and "17 Organisationen" in figures
        assert "Alle Ergebnisse im Überblick." in text
        download = page.find("a", string="Termin herunterladen (.ics)")
        assert download["href"] == f"/veranstaltungen/termin/{event.pk}.ics"

    def test_publishing_gives_forums_workshops_and_barcamps_a_board_and_links_it(
        self, client, index
    ):
        event = create_event(
            sessions=[
                {"title": "Forum", "kind": "forum"},
                {"title": "Vortrag", "kind": "vortrag"},
                {"title": "Barcamp", "kind": "barcamp"},
                {"title": "Plenum", "kind": "plenum"},
                {"title": "Workshop", "kind": "workshop"},
            ]
        )

        page = soup(client.get(event.url))

        with_board = event.sessions.filter(board__isnull=False).order_by("sort_order", "pk")
        assert [session.title for session in with_board] == ["Forum", "Barcamp", "Workshop"]
        links = page.find_all("a", string="Vorschläge und Punktabfrage")
        assert [link["href"] for link in links] == [s.board_url() for s in with_board]
        assert Board.objects.filter(session__page=event).count() == 3

    def test_staff_only_event_is_marked_and_hidden_from_anonymous(self, client, index, staff_user):
        event = create_event("Internes Treffen", staff_only=True)

        anonymous = client.get(event.url)
        client.force_login(staff_user)
        page = soup(client.get(event.url))

        assert anonymous.status_code in (302, 403, 404)
        assert "Internes Treffen" not in anonymous.content.decode()
        assert page.select_one(".badge--staff").get_text() == "Nur für Netzwerk-Mitarbeitende"

    @staticmethod
    def queries(client, url) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    def test_constant_queries_for_1_and_8_sessions(self, client, index):
        documents = [make_document(f"Dokument {n}") for n in range(3)]
        small = create_event(sessions=session_dicts(1), slug="klein")
        large = create_event(sessions=session_dicts(8), slug="gross")
        for event in (small, large):
            for session in event.sessions.all():
                Board.objects.get_or_create(session=session)
                session.attachments = [("document", document) for document in documents]
                session.save()
            for document in documents:
                EventAttachment.objects.create(page=event, document=document)
        small_count = self.queries(client, small.url)

        assert self.queries(client, large.url) == small_count
        assert EventPage.objects.get(pk=large.pk).sessions.count() == 8


class TestDemo:
    @pytest.fixture
    def loaded(self, home):
        from django.apps import apps

        from events.demo import load_events
        from practices.reference import load_reference_data

        load_reference_data(apps.get_model)
        lines: list[str] = []
        load_events(lines.append)
        load_events(lines.append)
        return lines

    def test_idempotent(self, loaded):
        assert EventPage.objects.count() == 2
        assert loaded[-2:] == [
            "vorhanden: Veranstaltung Fachveranstaltung „Make It Work – Wirkung durch Kooperation“",
            "vorhanden: Veranstaltung Regionaltreffen NRW",
        ]
        assert get_document_model().objects.count() == 1

    def test_make_it_work_forum_with_speakers_protocol_and_slides(self, client, loaded):
        event = EventPage.objects.get(slug="fachveranstaltung-make-it-work")

        page = soup(client.get(event.url))

        assert event.is_past and event.bundesland.code == "HE"
        session = page.select_one(".event-session")
        assert session.h3.get_text().startswith("Forum 1 – Mehr Wirkung durch Kooperation")
        speakers = [li.get_text(" ", strip=True) for li in session.select(".speaker__name")]
        assert speakers == ["Dr. Alexander Berzel", "Dr. Fabian Engler", "Frau Wiesmann"]
        assert "Peer-Mentoring" in session.select_one(".event-session__protocol").get_text()
        download = session.select_one(".download").get_text(" ", strip=True)
        assert download.startswith("Lösungsvorschläge") and "(PDF," in download
        assert client.get(session.select_one(".download a")["href"]).status_code == 200

    def test_upcoming_regionaltreffen(self, client, loaded):
        event = EventPage.objects.get(slug="regionaltreffen-nrw")

        assert not event.is_past and event.bundesland.code == "NW"
        assert event.sessions.get().title == "Themen für das Regionaltreffen"
        assert card_titles(soup(client.get(INDEX))) == ["Regionaltreffen NRW"]


def test_full_demo_shows_both_events(client, demo):
    upcoming = card_titles(soup(client.get(INDEX)))
    past = card_titles(soup(client.get(INDEX, {"zeit": "vergangen"})))

    assert "Regionaltreffen NRW" in upcoming
    assert "Fachveranstaltung „Make It Work – Wirkung durch Kooperation“" in past


def test_editors_create_and_edit_events_in_the_admin(client, index):
    admin = create_user(username="admin", is_superuser=True, is_staff=True)
    event = create_event("Fachtag", sessions=["Forum A"])
    client.force_login(admin)

    add = client.get(f"/admin/pages/add/events/eventpage/{index.pk}/")
    edit = client.get(f"/admin/pages/{event.pk}/edit/")

    assert add.status_code == 200 and edit.status_code == 200
    form = BeautifulSoup(edit.content, "html.parser")
    assert form.find("input", attrs={"name": "sessions-0-title"})["value"] == "Forum A"
