"""Events in the knowledge search, on the database backend and on Elasticsearch."""

import pytest
from django.utils import timezone

from events.models import EventPage
from tests.factories.events import create_event, event_index
from tests.search.helpers import api, facet, sync, titles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lexical_only(settings):
    # Which documents contain the words is the question here, not the fusion with meaning.
    settings.SEARCH_HYBRID = False


@pytest.fixture
def events(home):
    event_index()
    create_event(
        "Fachtag Kooperation",
        event_type="fachveranstaltung",
        land="HE",
        days_ahead=-20,
        sessions=[
            {
                "title": "Forum Arbeitsmarktpolitisches Dreieck",
                "speakers": [
                    (
                        "speaker",
                        {"name": "Dr. Fabian Engler", "function": "", "organisation": "GEWAK"},
                    )
                ],
            }
        ],
    )
    create_event("Regionaltreffen Westfalen", event_type="regionaltreffen", land="NW")
    create_event(
        "Internes Werkstattgespräch",
        land="SN",
        staff_only=True,
        sessions=["Fallzahlenabgleich der Jobcenter"],
    )
    sync()


class TestEventSearch:
    def test_found_by_a_word_of_a_session_title(self, client, backend, events):
        assert titles(api(client, q="Dreieck")) == ["Fachtag Kooperation"]

    def test_found_by_a_speaker(self, client, backend, events):
        assert titles(api(client, q="Engler")) == ["Fachtag Kooperation"]

    def test_type_and_bundesland_facets(self, client, backend, events):
        everything = api(client)
        by_type = api(client, type="event")
        by_land = api(client, type="event", bundesland="HE")

        assert facet(everything, "type") == {"event": (2, False)}
        assert sorted(titles(by_type)) == ["Fachtag Kooperation", "Regionaltreffen Westfalen"]
        assert titles(by_land) == ["Fachtag Kooperation"]
        assert facet(by_land, "bundesland") == {"HE": (1, True), "NW": (1, False)}
        labels = {o["value"]: o["label"] for o in by_type["facets"]["type"]}
        assert labels["event"] == "Veranstaltung"

    def test_staff_only_event_hidden_from_anonymous_found_by_staff(
        self, client, backend, events, staff_user
    ):
        anonymous = api(client, q="Fallzahlenabgleich")
        page = client.get("/suche/", {"q": "Fallzahlenabgleich"}).content.decode()
        client.force_login(staff_user)
        staff = api(client, q="Fallzahlenabgleich")

        assert titles(anonymous) == []
        assert "SN" not in facet(api(client.__class__(), type="event"), "bundesland")
        assert "Internes Werkstattgespräch" not in page
        assert titles(staff) == ["Internes Werkstattgespräch"]

    def test_dated_by_its_start(self, client, backend, events):
        event = EventPage.objects.get(title="Regionaltreffen Westfalen")

        (result,) = api(client, q="Regionaltreffen")["results"]

        assert result["type"] == "event"
        assert result["date"] == timezone.localdate(event.start).isoformat()
