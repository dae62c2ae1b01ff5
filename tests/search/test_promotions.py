"""Top-Treffer: pages the Redaktion pins to a query head the first page of its results, for
those who may see them."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from search.models import Synonym
from search.registry import clear_cache
from tests.factories import create_user
from tests.factories.search import create_promotion

from .helpers import api, create_practice, sync

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(library, settings):
    settings.ELASTICSEARCH_URL = ""
    found = create_practice(library, "Suchtberatung im Quartier", text="Sucht und Beratung.")
    pinned = create_practice(
        library, "Kooperationsvertrag mit der Drogenhilfe", text="Ein Mustervertrag."
    )
    secret = create_practice(
        library,
        "Interne Fallkonferenz Zebrafink",
        teaser="Nur für Netzwerk-Mitarbeitende.",
        staff_only=True,
    )
    sync()
    return {"found": found, "pinned": pinned, "secret": secret}


def search_soup(client, **params) -> BeautifulSoup:
    response = client.get("/suche/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def promoted_titles(soup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(".search-promoted .search-hit__title a")]


class TestPinnedPages:
    def test_a_pin_heads_the_results_with_its_label(self, client, pages):
        create_promotion("sucht", pages["pinned"], description="Die Vorlage der Redaktion.")

        soup = search_soup(client, q="Sucht")
        data = api(client, q="Sucht")

        promoted = soup.select_one(".search-promoted")
        results = soup.select_one(".search-results__list")
        assert promoted is not None and results is not None
        # Document order: the pins come before the first ordinary result.
        assert results in promoted.find_all_next("ol")
        item = promoted.select_one("li")
        assert item.select_one(".search-badge").get_text(strip=True) == "Top-Treffer"
        assert item.select_one("a")["href"] == pages["pinned"].url
        assert "Die Vorlage der Redaktion." in item.get_text()
        assert data["promoted"] == [
            {
                "title": "Kooperationsvertrag mit der Drogenhilfe",
                "url": pages["pinned"].url,
                "description": "Die Vorlage der Redaktion.",
            }
        ]

    def test_the_query_is_matched_as_typed_in_any_case_and_spacing(self, client, pages):
        create_promotion("Sucht Beratung", pages["pinned"])

        assert promoted_titles(search_soup(client, q="  sucht   BERATUNG ")) == [
            "Kooperationsvertrag mit der Drogenhilfe"
        ]
        assert promoted_titles(search_soup(client, q="Sucht")) == []

    def test_pins_keep_the_editors_order(self, client, pages):
        create_promotion("sucht", pages["pinned"], sort_order=1)
        create_promotion("sucht", pages["found"], sort_order=0)

        assert [item["title"] for item in api(client, q="sucht")["promoted"]] == [
            "Suchtberatung im Quartier",
            "Kooperationsvertrag mit der Drogenhilfe",
        ]

    def test_only_the_first_page_shows_pins(self, client, library, settings):
        settings.ELASTICSEARCH_URL = ""
        for number in range(12):
            create_practice(library, f"Sucht Projekt {number}")
        pinned = create_practice(library, "Angepinnt")
        sync()
        create_promotion("sucht", pinned)

        first = search_soup(client, q="sucht")
        second = search_soup(client, q="sucht", page=2)

        assert promoted_titles(first) == ["Angepinnt"]
        assert promoted_titles(second) == []
        assert api(client, q="sucht", page=2)["promoted"] == []

    def test_a_synonym_of_the_pinned_query_finds_the_pin(self, client, pages):
        Synonym.objects.create(terms="Sucht, Abhängigkeit, Suchterkrankung")
        create_promotion("abhängigkeit", pages["pinned"])

        by_synonym = api(client, q="Sucht")
        by_other_synonym = api(client, q="Suchterkrankung")
        unrelated = api(client, q="Beratung")

        assert [item["title"] for item in by_synonym["promoted"]] == [
            "Kooperationsvertrag mit der Drogenhilfe"
        ]
        assert by_other_synonym["promoted"] == by_synonym["promoted"]
        assert unrelated["promoted"] == []


class TestAccess:
    def test_a_staff_only_pin_is_hidden_from_the_public(self, client, pages):
        create_promotion("sucht", pages["secret"])
        create_promotion("sucht", pages["pinned"])

        html = client.get("/suche/", {"q": "sucht"}).content.decode()
        data = api(client, q="sucht")
        client.force_login(create_user(username="extern"))
        member = api(client, q="sucht")

        assert [item["title"] for item in data["promoted"]] == [
            "Kooperationsvertrag mit der Drogenhilfe"
        ]
        assert "Zebrafink" not in html
        assert "Zebrafink" not in str(data)
        assert "Zebrafink" not in str(member)

    def test_staff_see_a_staff_only_pin(self, client, pages, staff_user):
        create_promotion("sucht", pages["secret"])
        client.force_login(staff_user)

        assert [item["title"] for item in api(client, q="sucht")["promoted"]] == [
            "Interne Fallkonferenz Zebrafink"
        ]

    def test_a_staff_only_pin_behind_a_synonym_stays_hidden(self, client, pages):
        Synonym.objects.create(terms="Sucht, Abhängigkeit")
        create_promotion("abhängigkeit", pages["secret"])

        assert api(client, q="sucht")["promoted"] == []

    def test_an_unpublished_pin_is_not_shown(self, client, pages, staff_user):
        create_promotion("sucht", pages["pinned"])
        pages["pinned"].unpublish()
        client.force_login(staff_user)

        assert api(client, q="sucht")["promoted"] == []


class TestCost:
    def test_pins_cost_the_same_queries_however_many(self, client, library, settings):
        settings.ELASTICSEARCH_URL = ""
        many = [create_practice(library, f"Angepinnt {number}") for number in range(4)]
        sync()
        create_promotion("sucht", many[0])
        api(client, q="sucht")  # the site's root paths, cached after the first page URL
        with CaptureQueriesContext(connection) as one:
            single = api(client, q="sucht")
        for page in many[1:]:
            create_promotion("sucht", page)
        with CaptureQueriesContext(connection) as four:
            several = api(client, q="sucht")

        assert (len(single["promoted"]), len(several["promoted"])) == (1, 4)
        assert len(four) == len(one)


class TestPinsKeptInTheProcess:
    @pytest.fixture(autouse=True)
    def kept(self, settings):
        # As on the site: the pinned query strings are kept a while, from a fresh start.
        settings.SEARCH_CACHE_SECONDS = 60
        clear_cache()
        yield
        clear_cache()

    def test_a_search_without_pins_reads_no_pins(self, client, pages):
        create_promotion("sucht", pages["pinned"])
        api(client, q="Beratung")

        with CaptureQueriesContext(connection) as queries:
            data = api(client, q="Beratung")

        assert data["promoted"] == []
        assert data["total"] >= 1
        assert not [query for query in queries if "searchpromotion" in query["sql"]]

    def test_a_new_pin_shows_at_once_and_a_removed_one_goes(self, client, pages):
        assert api(client, q="Sucht")["promoted"] == []

        pin = create_promotion("sucht", pages["pinned"])
        added = api(client, q="Sucht")["promoted"]
        pin.delete()
        removed = api(client, q="Sucht")["promoted"]

        assert [item["url"] for item in added] == [pages["pinned"].url]
        assert removed == []


class TestEditing:
    def test_editors_may_pin_pages_and_read_the_report(self, client, editor):
        client.force_login(editor)

        index = client.get(reverse("wagtailsearchpromotions:index"))
        add = client.get(reverse("wagtailsearchpromotions:add"))

        assert (index.status_code, add.status_code) == (200, 200)
        assert editor.has_perm("wagtailsearchpromotions.add_searchpromotion")
        assert editor.has_perm("search.view_searchlogentry")

    def test_members_may_not_pin_pages(self, client, staff_user):
        client.force_login(staff_user)

        response = client.get(reverse("wagtailsearchpromotions:add"))

        assert response.status_code == 302
        assert not staff_user.has_perm("wagtailsearchpromotions.add_searchpromotion")
