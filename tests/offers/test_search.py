"""The offer search at /angebote/: words, facets and distance, on both backends."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from cms.accounts.groups import STAFF
from practices.models import Jobcenter
from search.backends import distance_km
from tests.factories import create_user, site_home
from tests.factories.offers import create_offer, create_provider, offer_index
from tests.factories.practices import create_jobcenter
from tests.search.helpers import api, indexed_rows, sync, sync_again, titles

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lexical_only")]

SCHWELM = (51.29667, 7.29389)


@pytest.fixture
def lexical_only(settings):
    settings.SEARCH_HYBRID = False


def build_region(home):
    """Jobcenter EN in Schwelm and debt counselling at several distances from it."""
    offer_index()
    en = create_jobcenter("Jobcenter EN", town="Schwelm", latitude="51.29667", longitude="7.29389")
    create_jobcenter("Jobcenter Hagen", town="Hagen", latitude="51.36710", longitude="7.46330")
    provider = create_provider("Diakonie Mark-Ruhr")
    offers = {
        "gevelsberg": create_offer(
            "Schuldnerberatung Gevelsberg",
            provider=provider,
            topics=["schulden"],
            funding=["16a"],
            waiting_weeks=2,
            jobcenters=[en],
            locations=[(51.3195, 7.3386, "Gevelsberg")],
        ),
        "hagen": create_offer(
            "Schuldnerberatung Hagen",
            provider=provider,
            topics=["schulden"],
            funding=["eigenmittel"],
            waiting_weeks=0,
            locations=[(51.3671, 7.4633, "Hagen")],
        ),
        "dortmund": create_offer(
            "Schuldnerberatung Dortmund",
            topics=["schulden"],
            funding=["16a"],
            locations=[(51.5136, 7.4653, "Dortmund")],
        ),
        "sucht": create_offer(
            "Suchtberatung Schwelm",
            topics=["sucht"],
            locations=[(51.2960, 7.2930, "Schwelm")],
        ),
        "internal": create_offer(
            "Schuldnerberatung für Netzwerkpartner",
            topics=["schulden"],
            staff_only=True,
            locations=[(51.2970, 7.2950, "Schwelm")],
        ),
    }
    return offers


region, region_of_the_class = indexed_rows(build_region, name="region", parent=site_home)


@pytest.fixture
def en_member(db):
    return create_user(STAFF, username="en", organisation="Jobcenter EN")


def cards(response) -> list[dict]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    found = []
    for card in soup.select(".offer-card"):
        facts = {
            dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
            for dt in card.select("dt")
        }
        found.append({"title": card.select_one("h3").get_text(strip=True), **facts})
    return found


def notices(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [p.get_text(strip=True) for p in soup.select("p.message")]


class TestDistance:
    @pytest.fixture
    def region(self, region_of_the_class, backend):
        """Written once for the class; pushed to the index of each test's backend."""
        sync_again()
        return region_of_the_class

    def test_member_sees_the_nearest_debt_counselling_around_their_jobcenter(
        self, client, backend, region, en_member
    ):
        client.force_login(en_member)
        found = cards(client.get("/angebote/", {"q": "Schuldnerberatung"}))
        assert [card["title"] for card in found] == [
            "Schuldnerberatung für Netzwerkpartner",
            "Schuldnerberatung Gevelsberg",
            "Schuldnerberatung Hagen",
        ]
        gevelsberg = found[1]
        expected = distance_km(*SCHWELM, 51.3195, 7.3386)
        assert gevelsberg["Entfernung"] == f"{expected:.1f} km (Gevelsberg)".replace(".", ",")
        assert gevelsberg["Förderweg"] == "§ 16a SGB II kommunale Eingliederungsleistungen"
        assert gevelsberg["Wartezeit"] == "ca. 2 Wochen"
        assert found[2]["Wartezeit"] == "keine Wartezeit"

    def test_a_larger_radius_reaches_further(self, client, backend, region, en_member):
        client.force_login(en_member)
        found = cards(client.get("/angebote/", {"q": "Schuldnerberatung", "umkreis": "50"}))
        assert [card["title"] for card in found][-1] == "Schuldnerberatung Dortmund"
        distances = [float(card["Entfernung"].split()[0].replace(",", ".")) for card in found]
        assert distances == sorted(distances)
        assert 25 < distances[-1] < 50

    def test_around_a_place_or_another_jobcenter(self, client, backend, region):
        around_hagen = cards(client.get("/angebote/", {"q": "Schuldnerberatung", "ort": "Hagen"}))
        assert [card["title"] for card in around_hagen][:2] == [
            "Schuldnerberatung Hagen",
            "Schuldnerberatung Gevelsberg",
        ]
        hagen = Jobcenter.objects.get(name="Jobcenter Hagen")
        around_jobcenter = cards(
            client.get("/angebote/", {"q": "Schuldnerberatung", "nahe": hagen.slug, "umkreis": "5"})
        )
        assert [card["title"] for card in around_jobcenter] == ["Schuldnerberatung Hagen"]

    def test_browser_location(self, client, backend, region):
        found = cards(
            client.get(
                "/angebote/",
                {"q": "Schuldnerberatung", "lat": "51.3670", "lon": "7.4630", "umkreis": "25"},
            )
        )
        assert [card["title"] for card in found] == [
            "Schuldnerberatung Hagen",
            "Schuldnerberatung Gevelsberg",
            "Schuldnerberatung Dortmund",
        ]

    def test_public_sees_no_staff_only_offer_and_searches_everywhere(self, client, backend, region):
        found = cards(client.get("/angebote/", {"q": "Schuldnerberatung"}))
        assert sorted(card["title"] for card in found) == [
            "Schuldnerberatung Dortmund",
            "Schuldnerberatung Gevelsberg",
            "Schuldnerberatung Hagen",
        ]
        assert all("Entfernung" not in card for card in found)

    def test_anywhere_overrides_the_members_jobcenter(self, client, backend, region, en_member):
        client.force_login(en_member)
        found = cards(client.get("/angebote/", {"q": "Schuldnerberatung", "nahe": ""}))
        assert "Schuldnerberatung Dortmund" in [card["title"] for card in found]


class TestBadInput:
    """Reading the place is the same for both backends: the database answers here."""

    @pytest.fixture(autouse=True)
    def database_only(self, settings):
        settings.ELASTICSEARCH_URL = ""

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"ort": "Atlantis"}, "Den Ort „Atlantis“ kennen wir nicht."),
            ({"umkreis": "7"}, "Der Umkreis muss einer von 5, 10, 25, 50, 100 km sein"),
            ({"lat": "48.8", "lon": "2.3"}, "Ihr Standort konnte nicht verwendet werden"),
            ({"lat": "x", "lon": "7"}, "Ihr Standort konnte nicht verwendet werden"),
            ({"nahe": "jobcenter-atlantis"}, "Dieser Jobcenter hat keinen Standort"),
        ],
    )
    def test_bad_place_input_is_named_and_ignored(self, client, region, params, message):
        response = client.get("/angebote/", {"q": "Schuldnerberatung", **params})
        assert any(notice.startswith(message) for notice in notices(response)), notices(response)
        assert len(cards(response)) >= 3


class TestFacetsAndRanking:
    def test_funding_route_narrows(self, client, backend, region, en_member):
        client.force_login(en_member)
        found = cards(client.get("/angebote/", {"q": "Schuldnerberatung", "funding": "16a"}))
        assert [card["title"] for card in found] == ["Schuldnerberatung Gevelsberg"]

    def test_facets_of_the_list(self, client, backend, region):
        response = client.get("/angebote/", {"q": "Beratung", "nahe": ""})
        soup = BeautifulSoup(response.content, "html.parser")
        legends = [legend.get_text(strip=True) for legend in soup.select(".search-facets legend")]
        assert {"Handlungsfeld", "Förderweg", "Zugang", "Angebotsstatus"} <= set(legends)
        assert "Inhaltstyp" not in legends

    def test_outdated_offer_ranks_below_a_confirmed_one(self, client, backend, home):
        offer_index()
        create_offer(
            "Wohnungsnotfallhilfe Nord",
            confirmed_at=date.today() - timedelta(days=400),
            locations=[(51.30, 7.30, "Schwelm")],
        )
        create_offer(
            "Wohnungsnotfallhilfe Süd",
            confirmed_at=date.today() - timedelta(days=20),
            locations=[(51.30, 7.30, "Schwelm")],
        )
        sync()
        found = cards(client.get("/angebote/", {"q": "Wohnungsnotfallhilfe"}))
        assert [card["title"] for card in found] == [
            "Wohnungsnotfallhilfe Süd",
            "Wohnungsnotfallhilfe Nord",
        ]
        soup = BeautifulSoup(client.get("/angebote/", {"q": "Nord"}).content, "html.parser")
        assert soup.select_one(".offer-card .badge--stale").get_text(strip=True) == (
            "Angaben möglicherweise veraltet"
        )

    def test_offers_are_a_type_of_the_knowledge_search(self, client, backend, region):
        data = api(client, q="Schuldnerberatung", type="offer")
        assert sorted(titles(data)) == [
            "Schuldnerberatung Dortmund",
            "Schuldnerberatung Gevelsberg",
            "Schuldnerberatung Hagen",
        ]
        assert {option["value"] for option in data["facets"]["funding"]} == {"16a", "eigenmittel"}


def test_query_count_does_not_grow_with_the_offers(client, home, settings):
    settings.ELASTICSEARCH_URL = ""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    offer_index()
    create_jobcenter("Jobcenter EN", town="Schwelm", latitude="51.29667", longitude="7.29389")
    for number in range(2):
        create_offer(f"Coaching {number}", funding=["avgs"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/angebote/", {"q": "Coaching", "ort": "Schwelm"}).status_code == 200
        return len(queries)

    count()  # the first request of a site creates its settings
    few = count()
    for number in range(2, 12):
        create_offer(f"Coaching {number}", funding=["avgs", "16a"])
    assert count() == few


@pytest.mark.elasticsearch_half
def test_the_demo_searches_answer_alike_on_both_backends(client, demo, elasticsearch, settings):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("search_index", "rebuild", verbosity=0)
    client.force_login(get_user_model().objects.get(username="anna.berger"))
    searches = [
        {"q": "Schuldnerberatung"},
        {"q": "Schuldnerberatung", "umkreis": "50", "funding": "16a"},
        {"q": "Kinderbetreuung", "ort": "Hagen", "umkreis": "50"},
    ]
    # Nearest first: the same offers in the same order, with the same distances.
    on_elasticsearch = [cards(client.get("/angebote/", params)) for params in searches]
    # By relevance each engine weighs words its own way: the same offers.
    everywhere = {"q": "Suchtberatung", "nahe": ""}
    found_by_elasticsearch = sorted(c["title"] for c in cards(client.get("/angebote/", everywhere)))
    settings.ELASTICSEARCH_URL = ""
    on_database = [cards(client.get("/angebote/", params)) for params in searches]
    found_by_database = sorted(c["title"] for c in cards(client.get("/angebote/", everywhere)))
    assert on_elasticsearch == on_database
    assert all(on_database), on_database
    assert found_by_elasticsearch == found_by_database
    assert found_by_database


def test_a_renamed_regionaldirektion_filters_its_offers_at_once(client, home, settings):
    from practices.models import Regionaldirektion

    settings.ELASTICSEARCH_URL = ""
    offer_index()
    create_offer("Suchtberatung Hagen", jobcenters=[create_jobcenter("Jobcenter Hagen")])
    directorate = Regionaldirektion.objects.get(slug="rd-nrw")
    directorate.slug = "rd-nordrhein-westfalen"
    directorate.save()

    found = api(client, q="Suchtberatung", regionaldirektion="rd-nordrhein-westfalen")
    assert titles(found) == ["Suchtberatung Hagen"]
