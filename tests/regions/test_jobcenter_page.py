"""One Jobcenter's page: its practices, the offers in its district and its upcoming events,
each only live and only what the viewer may see, in a constant number of queries."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import create_user
from tests.factories.events import create_event
from tests.factories.offers import create_offer
from tests.factories.practices import create_practice
from tests.factories.regions import create_located_jobcenter

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section_links(page: BeautifulSoup, section_id: str) -> list[str]:
    section = page.find("h2", id=section_id).find_parent("section")
    return [link.get_text(strip=True) for link in section.select("h3 a, li > a")]


@pytest.fixture
def en(home):
    return create_located_jobcenter(
        "Jobcenter EN", latitude=51.2869, longitude=7.337, town="Schwelm"
    )


@pytest.fixture
def content(en):
    other = create_located_jobcenter("Jobcenter Hagen", latitude=51.36, longitude=7.47)
    create_practice("Gesundheitslotsen", jobcenters=[en])
    create_practice("Interne Notizen", jobcenters=[en], staff_only=True)
    create_practice("Entwurf", jobcenters=[en], live=False)
    create_practice("Hagener Ansatz", jobcenters=[other])
    create_offer("Schuldnerberatung Schwelm", jobcenters=[en])
    create_offer("Internes Angebot", jobcenters=[en], staff_only=True)
    create_offer("Angebot im Entwurf", jobcenters=[en], live=False)
    create_offer("Suchtberatung Hagen", jobcenters=[other])
    create_event("Regionaltreffen EN", jobcenters=[en], days_ahead=10)
    create_event("Teamtag EN", jobcenters=[en], days_ahead=12, staff_only=True)
    create_event("Rückblick EN", jobcenters=[en], days_ahead=-30)
    create_event("Treffen Hagen", jobcenters=[other], days_ahead=10)


def test_the_url_comes_from_the_model(en):
    assert en.get_absolute_url() == f"/jobcenter/{en.slug}/"


def test_the_public_sees_public_live_content_of_this_jobcenter_only(client, en, content):
    page = soup(client.get(en.get_absolute_url()))

    assert page.h1.get_text(strip=True) == "Jobcenter EN"
    facts = [item.get_text(" ", strip=True) for item in page.select(".practice__facts div")]
    assert facts == [
        "Bundesland Nordrhein-Westfalen",
        "Regionaldirektion Nordrhein-Westfalen",
        "Form gemeinsame Einrichtung",
        "Ort Schwelm",
    ]
    assert section_links(page, "jc-practices") == ["Gesundheitslotsen"]
    assert section_links(page, "jc-offers") == ["Schuldnerberatung Schwelm"]
    assert section_links(page, "jc-events") == ["Regionaltreffen EN"]


def test_network_staff_also_see_staff_only_content(client, en, content):
    client.force_login(create_user("Netzwerk-Mitarbeitende"))

    page = soup(client.get(en.get_absolute_url()))

    assert section_links(page, "jc-practices") == ["Gesundheitslotsen", "Interne Notizen"]
    assert section_links(page, "jc-offers") == ["Internes Angebot", "Schuldnerberatung Schwelm"]
    assert section_links(page, "jc-events") == ["Regionaltreffen EN", "Teamtag EN"]


def test_an_unknown_jobcenter_is_a_404(client, home):
    assert client.get("/jobcenter/gibt-es-nicht/").status_code == 404


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_constant_queries_at_2_and_10_items_of_each_kind(client, en):
    client.force_login(create_user("Netzwerk-Mitarbeitende"))

    def add(count: int) -> None:
        for number in range(count):
            create_practice(jobcenters=[en], staff_only=number % 2 == 0)
            create_offer(
                jobcenters=[en],
                locations=((51.28, 7.33, "Schwelm"), (51.3, 7.4, "Gevelsberg")),
                staff_only=number % 2 == 1,
            )
            create_event(jobcenters=[en], staff_only=number % 2 == 0)

    add(2)
    queries(client, en.get_absolute_url())  # the first request of a process fills its caches
    small = queries(client, en.get_absolute_url())
    add(8)

    assert queries(client, en.get_absolute_url()) == small
