"""Suggestions while typing: GET /api/v1/suggest/."""

from datetime import timedelta

import pytest
from django.utils import timezone

from search.models import SearchLogEntry
from tests.conftest import rows_for_the_class
from tests.factories import create_user

from .helpers import create_practice, library_page, sync

pytestmark = pytest.mark.django_db

URL = "/api/v1/suggest/"


def suggest(client, q) -> list[dict]:
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    return response.json()["suggestions"]


def labels(items, kind: str | None = None) -> list[str]:
    return [item["label"] for item in items if kind is None or item["kind"] == kind]


def log_searches(query: str, times: int, *, results: int = 4, member: bool = False, age=None):
    entries = SearchLogEntry.objects.bulk_create(
        SearchLogEntry(query=query, results=results, member=member) for _ in range(times)
    )
    if age is not None:
        SearchLogEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
            created_at=timezone.now() - age
        )


def build_titles() -> dict:
    library = library_page()
    return {
        "sucht": create_practice(library, "Offene Sprechstunde der Suchtberatung"),
        "schulden": create_practice(library, "Schuldnerberatung ohne Wartezeit"),
        "fuehrerschein": create_practice(library, "Führerschein für Alleinerziehende"),
    }


# Written once for TestSuggestApi, whose every test takes them.
titles_of_the_class = rows_for_the_class(build_titles, name="titles_of_the_class")


@pytest.fixture
def staff_only_title(library):
    create_practice(library, "Öffentliche Fallkonferenz")
    create_practice(
        library,
        "Interne Fallkonferenz Zuckerfabrik",
        teaser="Nur für Netzwerk-Mitarbeitende.",
        staff_only=True,
    )
    sync()


class TestSuggestApi:
    @pytest.fixture
    def library_with_titles(self, titles_of_the_class, db):
        # Suggestions come from the database index, which every save writes at once; the
        # tests only read these objects.
        return titles_of_the_class

    def test_titles_then_taxonomy_terms_then_past_searches(self, client, library_with_titles):
        log_searches("suchtprävention", 3)

        items = suggest(client, "Sucht")

        assert [item["kind"] for item in items] == ["title", "term", "term", "query"]
        assert labels(items) == [
            "Offene Sprechstunde der Suchtberatung",
            "Sucht",
            "Suchtberatung",
            "suchtprävention",
        ]
        assert items[0]["url"] == library_with_titles["sucht"].url
        assert items[1]["url"] == "/suche/?q=Sucht"
        assert items[3]["url"] == "/suche/?q=suchtpr%C3%A4vention"

    def test_private_answer_that_is_never_shared_by_caches(self, client, library_with_titles):
        response = client.get(URL, {"q": "Sucht"})

        assert response["Cache-Control"] == "private, no-store"
        assert "Cookie" in response["Vary"]

    @pytest.mark.parametrize("typed", ["Führ", "führer", "FUEHR", "fuehrers"])
    def test_umlauts_and_case_are_folded_like_the_index(self, client, library_with_titles, typed):
        assert labels(suggest(client, typed), "title") == ["Führerschein für Alleinerziehende"]

    def test_every_word_but_the_last_must_be_in_the_title_the_last_starts_a_word(
        self, client, library_with_titles
    ):
        assert labels(suggest(client, "Sprechstunde Sucht"), "title") == [
            "Offene Sprechstunde der Suchtberatung"
        ]
        assert labels(suggest(client, "der Sprechst"), "title") == [
            "Offene Sprechstunde der Suchtberatung"
        ]
        assert labels(suggest(client, "Sprechstunde Schuld"), "title") == []
        # Only word beginnings count: "beratung" is inside the compounds, not their start.
        assert labels(suggest(client, "beratung"), "title") == []

    @pytest.mark.parametrize(
        "typed",
        ["", "S", " s ", "--", "%_", "s" * 201, "🙂🙂", "\u200b\u200b"],
    )
    def test_too_short_too_long_or_no_word_gives_nothing(self, client, library_with_titles, typed):
        assert suggest(client, typed) == []

    @pytest.mark.parametrize(
        "typed",
        [
            '"Offene',
            "Offene*",
            "{title_exact} : Offene",
            "Offene OR Schuld",
            "Offene & !Spr",
            "Offene:*",
            "Offene'; DROP TABLE x; --",
        ],
    )
    def test_query_syntax_of_the_engines_is_only_text(self, client, library_with_titles, typed):
        items = suggest(client, typed)

        assert set(labels(items, "title")) <= {"Offene Sprechstunde der Suchtberatung"}


class TestPlacesAndRequests:
    def test_at_most_eight_with_room_for_every_kind(self, client, library):
        for number in range(10):
            create_practice(library, f"Beratung im Quartier {number}")
        sync()
        log_searches("beratungsstelle", 3)

        items = suggest(client, "Berat")

        assert len(items) == 8
        assert [item["kind"] for item in items] == ["title"] * 5 + ["term"] * 2 + ["query"]
        assert labels(items, "term") == ["Beratung & Kooperationsplanung", "Beratung und Coaching"]

    def test_titles_fill_the_places_the_others_leave(self, client, library):
        for number in range(10):
            create_practice(library, f"Quartiersarbeit {number}")
        sync()

        items = suggest(client, "Quartier")

        assert [item["kind"] for item in items] == ["title"] * 8

    def test_several_values_or_other_methods_are_no_server_error(self, client, library):
        assert client.get(URL + "?q=Sucht&q=Schul").status_code == 200
        assert client.post(URL, {"q": "Sucht"}).status_code == 405


class TestPastSearches:
    def test_only_queries_signed_out_visitors_searched_three_times_with_results(
        self, client, library
    ):
        log_searches("schuldenfalle", 3)
        log_searches("schuldner hagen", 2)
        log_searches("schulden ohne treffer", 5, results=0)
        log_searches("schulden intern", 5, member=True)
        log_searches("schulden im jahr davor", 5, age=timedelta(days=400))

        assert labels(suggest(client, "schuld"), "query") == ["schuldenfalle"]

    def test_spellings_of_one_query_count_together(self, client, library):
        log_searches("übergangsmanagement", 2)
        log_searches("uebergangsmanagement", 1)

        assert labels(suggest(client, "überg"), "query") == ["übergangsmanagement"]
        assert labels(suggest(client, "Ueberg"), "query") == ["übergangsmanagement"]

    def test_the_typed_words_must_start_the_query(self, client, library):
        log_searches("hilfe für alleinerziehende", 3)
        log_searches("alleinerziehende hilfe", 3)

        assert labels(suggest(client, "Hilfe für Allein"), "query") == [
            "hilfe für alleinerziehende"
        ]

    def test_a_query_that_is_a_title_or_term_is_suggested_once(self, client, library):
        log_searches("sucht", 4)

        items = suggest(client, "Sucht")

        assert labels(items).count("Sucht") + labels(items).count("sucht") == 1
        assert "sucht" not in labels(items, "query")


class TestNoLeaks:
    def test_anonymous_visitors_are_not_suggested_staff_only_titles(self, client, staff_only_title):
        assert labels(suggest(client, "Fallkonf")) == ["Öffentliche Fallkonferenz"]
        assert suggest(client, "Zucker") == []

    def test_members_outside_the_staff_groups_are_not_suggested_them(
        self, client, staff_only_title
    ):
        client.force_login(create_user(username="extern"))

        assert labels(suggest(client, "Fallkonf")) == ["Öffentliche Fallkonferenz"]
        assert suggest(client, "Zucker") == []

    def test_staff_are_suggested_them(self, client, staff_only_title, staff_user):
        client.force_login(staff_user)

        assert labels(suggest(client, "Zucker")) == ["Interne Fallkonferenz Zuckerfabrik"]
        assert sorted(labels(suggest(client, "Fallkonf"))) == [
            "Interne Fallkonferenz Zuckerfabrik",
            "Öffentliche Fallkonferenz",
        ]

    def test_what_only_signed_in_staff_found_is_never_suggested(self, client, staff_user):
        # Staff searching the staff-only title many times: their log rows are member=True.
        log_searches("zuckerfabrik fallkonferenz", 10, member=True)

        assert suggest(client, "Zucker") == []
        client.force_login(staff_user)
        assert labels(suggest(client, "Zucker"), "query") == []

    def test_unpublished_titles_are_not_suggested(self, client, library):
        page = create_practice(library, "Zwischenstand Zuckerfabrik")
        sync()
        assert labels(suggest(client, "Zucker")) == ["Zwischenstand Zuckerfabrik"]

        page.unpublish()
        sync()

        assert suggest(client, "Zucker") == []


def test_a_constant_number_of_queries(
    client, library, staff_user, django_assert_num_queries, django_assert_max_num_queries
):
    create_practice(library, "Beratung eins", topics=("sucht",))
    sync()
    client.force_login(staff_user)
    client.get(URL, {"q": "Be"})  # the session and the user's groups, as on every page

    with django_assert_max_num_queries(20) as small:
        assert suggest(client, "Berat")
    for number in range(15):
        create_practice(library, f"Beratung {number}", topics=("sucht", "schulden"))
        log_searches(f"beratung {number}", 3)
    sync()

    with django_assert_num_queries(len(small.captured_queries)):
        assert len(suggest(client, "Berat")) == 8
