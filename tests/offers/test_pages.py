"""The offer page, its related practices, the practice page's nearby offers, and who sees
staff-only offers in which channel."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.accounts.groups import STAFF
from tests.factories import create_user
from tests.factories.offers import create_offer, create_provider, offer_index
from tests.factories.practices import create_jobcenter, create_practice
from tests.search.helpers import sync

pytestmark = pytest.mark.django_db

SECRET = "Geheimberatung"


@pytest.fixture(autouse=True)
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_HYBRID = False


@pytest.fixture
def en(home):
    offer_index()
    return create_jobcenter(
        "Jobcenter EN", town="Schwelm", latitude="51.29667", longitude="7.29389"
    )


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def facts(soup) -> dict[str, str]:
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in soup.select(".offer__facts dt")
    }


class TestOfferPage:
    def test_shows_what_staff_need_to_refer_someone(self, client, en):
        provider = create_provider("Caritas Hagen", website="https://caritas.example")
        offer = create_offer(
            "Schuldnerberatung Hagen",
            provider=provider,
            topics=["schulden"],
            target_groups=["alleinerziehende"],
            funding=["16a", "eigenmittel"],
            access="frei",
            waiting_weeks=3,
            min_age=18,
            costs="kostenlos",
            contact_name="Sabine Roth",
            contact_email="roth@caritas.example",
            confirmed_at=date(2026, 5, 4),
            confirmed_by="Sabine Roth",
            jobcenters=[en],
            locations=[(51.3671, 7.4633, "Hagen")],
        )
        soup = soup_of(client.get(offer.url))
        assert soup.h1.get_text(strip=True) == "Schuldnerberatung Hagen"
        shown = facts(soup)
        assert shown["Förderweg"] == (
            "§ 16a SGB II kommunale Eingliederungsleistungen, Eigenmittel/kostenlos"
        )
        assert shown["Zugang"] == "freier Zugang"
        assert shown["Wartezeit"] == "ca. 3 Wochen"
        assert shown["Alter"] == "ab 18 Jahren"
        assert shown["Zielgruppen"] == "Alleinerziehende"
        assert soup.select_one(".offer__locations").get_text(" ", strip=True) == "Hagen"
        contact = soup.select_one(".offer__confirmed").get_text(" ", strip=True)
        assert contact == "Zuletzt bestätigt am 04.05.2026 von Sabine Roth"
        assert soup.select_one(".offer__provider a")["href"] == "https://caritas.example"
        assert not soup.select(".badge--stale")

    def test_an_offer_unconfirmed_for_a_year_says_so(self, client, en):
        offer = create_offer("Suchtberatung", confirmed_at=date.today() - timedelta(days=366))
        soup = soup_of(client.get(offer.url))
        assert soup.select_one(".badge--stale").get_text(strip=True) == (
            "Angaben möglicherweise veraltet"
        )

    def test_related_practices_share_its_topics_and_respect_access(self, client, en):
        create_practice("Schuldnerberatung im Jobcenter", topics=["schulden"])
        create_practice("Interne Schuldenrunde", topics=["schulden"], staff_only=True)
        create_practice("Mobilität auf dem Land", topics=["mobilitaet"])
        offer = create_offer("Schuldnerberatung Hagen", topics=["schulden"])
        related = soup_of(client.get(offer.url)).select(".offer__related li a")
        assert [link.get_text(strip=True) for link in related] == ["Schuldnerberatung im Jobcenter"]

    def test_query_count_does_not_grow_with_locations_and_terms(self, client, en):
        hagen = create_jobcenter("Jobcenter Hagen")
        small = create_offer(
            "Klein",
            funding=["16a"],
            topics=["schulden"],
            locations=[(51.3, 7.3, "Schwelm")],
            jobcenters=[en],
        )
        big = create_offer(
            "Groß",
            funding=["16a", "16h", "avgs", "eigenmittel"],
            topics=["schulden", "sucht", "gesundheit"],
            locations=[(51.3, 7.3, "Schwelm"), (51.4, 7.4, "Hagen"), (51.5, 7.5, "Dortmund")],
            jobcenters=[en, hagen],
        )
        client.get(small.url)

        def count(page) -> int:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(page.url).status_code == 200
            return len(queries)

        assert count(big) == count(small)


class TestNearbyOffersOnPracticePages:
    def test_member_sees_offers_on_the_topic_around_their_jobcenter(self, client, en):
        member = create_user(STAFF, username="en", organisation="Jobcenter EN")
        practice = create_practice("Offene Sprechstunde Schulden", topics=["schulden"])
        create_offer(
            "Schuldnerberatung Dortmund", topics=["schulden"], locations=[(51.51, 7.47, "Dortmund")]
        )
        create_offer(
            "Schuldnerberatung Gevelsberg",
            topics=["schulden"],
            locations=[(51.32, 7.34, "Gevelsberg")],
        )
        create_offer(
            "Schuldnerberatung Berlin", topics=["schulden"], locations=[(52.52, 13.40, "Berlin")]
        )
        create_offer(
            "Suchtberatung Schwelm", topics=["sucht"], locations=[(51.30, 7.29, "Schwelm")]
        )
        create_offer(
            SECRET, topics=["schulden"], staff_only=True, locations=[(51.30, 7.29, "Schwelm")]
        )
        sync()
        client.force_login(member)
        box = soup_of(client.get(practice.url)).select_one(".nearby-offers")
        titles = [h3.get_text(strip=True) for h3 in box.select(".offer-card h3")]
        assert titles == [SECRET, "Schuldnerberatung Gevelsberg", "Schuldnerberatung Dortmund"]
        assert "Jobcenter EN" in box.select_one("p").get_text()

    def test_public_sees_offers_around_the_practices_jobcenter_without_staff_only(self, client, en):
        practice = create_practice("Sprechstunde", topics=["schulden"], jobcenters=[en])
        create_offer(
            "Schuldnerberatung Gevelsberg",
            topics=["schulden"],
            locations=[(51.32, 7.34, "Gevelsberg")],
        )
        create_offer(
            SECRET, topics=["schulden"], staff_only=True, locations=[(51.30, 7.29, "Schwelm")]
        )
        sync()
        box = soup_of(client.get(practice.url)).select_one(".nearby-offers")
        assert [h3.get_text(strip=True) for h3 in box.select(".offer-card h3")] == [
            "Schuldnerberatung Gevelsberg"
        ]

    def test_no_box_without_a_region(self, client, en):
        practice = create_practice("Sprechstunde", topics=["schulden"])
        create_offer("Schuldnerberatung Gevelsberg", topics=["schulden"])
        sync()
        assert soup_of(client.get(practice.url)).select_one(".nearby-offers") is None


class TestStaffOnlyOffersInEveryChannel:
    """A staff-only offer: network staff find it; the public and logged-in providers (who
    are not network staff) never see it, in any channel."""

    @pytest.fixture
    def world(self, en):
        from cms.accounts.groups import EDITORS

        practice = create_practice("Sprechstunde", topics=["schulden"], jobcenters=[en])
        secret = create_offer(
            SECRET, topics=["schulden"], staff_only=True, locations=[(51.30, 7.29, "Schwelm")]
        )
        create_offer("Offene Schuldnerberatung", topics=["schulden"])
        sync()
        provider_member = create_user(username="traegerin")
        return {
            "practice": practice,
            "secret": secret,
            "staff": create_user(STAFF, username="staff"),
            "editor": create_user(EDITORS, username="editor"),
            "provider": provider_member,
        }

    def channels(self, client, world) -> dict[str, str]:
        return {
            "list": client.get("/angebote/", {"q": "beratung", "nahe": ""}).content.decode(),
            "api": client.get("/api/v1/search/", {"q": "beratung"}).content.decode(),
            "suggest": client.get("/api/v1/suggest/", {"q": "Geheim"}).content.decode(),
            "practice page": client.get(world["practice"].url).content.decode(),
            "sitemap": client.get("/sitemap.xml").content.decode(),
        }

    @pytest.mark.parametrize("who", ["anonymous", "provider"])
    def test_outsiders_never_see_it(self, client, world, who):
        if who != "anonymous":
            client.force_login(world[who])
        leaks = [name for name, text in self.channels(client, world).items() if SECRET in text]
        assert leaks == []
        assert client.get(world["secret"].url).status_code in (302, 403, 404)

    def test_staff_find_it(self, client, world):
        client.force_login(world["staff"])
        channels = self.channels(client, world)
        assert SECRET in channels["list"]
        assert SECRET in channels["api"]
        assert SECRET in channels["practice page"]
        assert SECRET not in channels["sitemap"]
        assert client.get(world["secret"].url).status_code == 200
