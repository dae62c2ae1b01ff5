"""The Regionaldirektion as a filter of the practice library and as a facet of the search."""

import pytest
from bs4 import BeautifulSoup

from practices.models import Bundesland
from tests.factories.events import create_event
from tests.factories.practices import create_jobcenter, create_practice
from tests.search.helpers import api, facet, sync, titles

pytestmark = pytest.mark.django_db

LIBRARY = "/praxisbeispiele/"


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_titles(page: BeautifulSoup) -> list[str]:
    return sorted(h.get_text(strip=True) for h in page.select(".practice-card__title"))


@pytest.fixture
def practices(library):
    en = create_jobcenter("Jobcenter EN", land="NW")
    bremen = create_jobcenter("Jobcenter Bremen", land="HB")
    hamburg = create_jobcenter("Jobcenter Hamburg", land="HH")
    bundesweit = create_practice("Bundesweites Netzwerk", supra_regional=True)
    bundesweit.bundeslaender.set(Bundesland.objects.filter(code__in=["SN", "BY"]))
    bundesweit.save_revision().publish()
    return {
        "nrw": create_practice("Gesundheitslotsen EN", jobcenters=[en]),
        "nsb": create_practice("Bremer Jobbrücke", jobcenters=[bremen]),
        "nord": create_practice("Hamburger Hafenprojekt", jobcenters=[hamburg]),
        "bundesweit": bundesweit,
    }


class TestLibraryFilter:
    def test_the_filter_offers_the_ten_regionaldirektionen(self, client, practices):
        page = soup(client.get(LIBRARY))

        boxes = page.select("input[type=checkbox][name=rd]")
        assert len(boxes) == 10
        labels = [box.parent.get_text(strip=True) for box in boxes]
        assert "Niedersachsen-Bremen" in labels and "Sachsen-Anhalt-Thüringen" in labels

    @pytest.mark.parametrize(
        "rds, expected",
        [
            (["rd-nrw"], ["Gesundheitslotsen EN"]),
            (["rd-nsb", "rd-nord"], ["Bremer Jobbrücke", "Hamburger Hafenprojekt"]),
            # Through the Länder chosen by hand of a supra-regional practice.
            (["rd-by"], ["Bundesweites Netzwerk"]),
            (["rd-sat"], []),
        ],
    )
    def test_practices_of_the_chosen_regionaldirektionen(self, client, practices, rds, expected):
        page = soup(client.get(LIBRARY, {"rd": rds}))

        assert card_titles(page) == expected

    def test_a_jobcenter_in_another_land_than_the_practice_counts_too(self, client, library):
        # A supra-regional practice with Länder chosen by hand still lies where its Jobcenters are.
        bremen = create_jobcenter("Jobcenter Bremerhaven", land="HB")
        practice = create_practice("Küstenverbund", jobcenters=[bremen], supra_regional=True)
        practice.bundeslaender.set(Bundesland.objects.filter(code="SH"))
        practice.save_revision().publish()

        assert card_titles(soup(client.get(LIBRARY, {"rd": "rd-nsb"}))) == ["Küstenverbund"]
        assert card_titles(soup(client.get(LIBRARY, {"rd": "rd-nord"}))) == ["Küstenverbund"]

    def test_an_unknown_regionaldirektion_is_named_and_ignored(self, client, practices):
        page = soup(client.get(LIBRARY, {"rd": "rd-atlantis"}))

        notice = page.select_one(".message--error li").get_text(strip=True)
        assert notice.startswith("Regionaldirektion:")
        assert "rd-atlantis" in notice
        assert len(card_titles(page)) == 4


class TestSearchFacet:
    def test_practices_filtered_by_regionaldirektion_on_each_backend(
        self, client, backend, practices
    ):
        sync()

        data = api(client, q="", regionaldirektion="rd-nsb")

        assert data["backend"] == backend
        assert titles(data) == ["Bremer Jobbrücke"]
        counts = facet(data, "regionaldirektion")
        assert counts["rd-nsb"] == (1, True)
        assert counts["rd-nrw"] == (1, False)
        assert counts["rd-by"] == (1, False)
        assert counts["rd-sn"] == (1, False)

    def test_the_search_page_shows_the_facet_with_names(self, client, backend, practices):
        sync()

        page = soup(client.get("/suche/", {"q": "", "regionaldirektion": "rd-nrw"}))

        text = page.get_text(" ", strip=True)
        assert "Regionaldirektion" in text
        assert "Niedersachsen-Bremen" in text
        assert "Gesundheitslotsen EN" in text
        assert "Bremer Jobbrücke" not in [a.get_text(strip=True) for a in page.select("h3 a, h2 a")]

    def test_events_carry_the_regionaldirektion_of_their_land(self, client, backend, library):
        create_event("Regionaltreffen Nord", land="HB")
        create_event("Werkstatt München", land="BY")
        sync()

        data = api(client, q="", type="event", regionaldirektion="rd-nsb")

        assert titles(data) == ["Regionaltreffen Nord"]
