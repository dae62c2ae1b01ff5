"""One behavioural suite, run against the database backend and a real Elasticsearch."""

import pytest
from django.utils import timezone

from search.models import SearchLogEntry, Synonym
from tests.factories import create_user

from .helpers import (
    api,
    create_practice,
    days_ago,
    facet,
    indexed_rows,
    sync,
    sync_again,
    titles,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lexical_only")]


def build_counselling(library):
    create_practice(
        library,
        "Offene Sprechstunde der Suchtberatung",
        text="Die Suchtberatung kommt einmal pro Woche ins Jobcenter.",
        topics=("sucht",),
        bundeslaender=("NW",),
    )
    create_practice(
        library,
        "Schuldnerberatung ohne Wartezeit",
        text="Kundinnen und Kunden erhalten schnell einen Termin bei der Schuldnerberatung.",
        topics=("schulden",),
        bundeslaender=("HE",),
    )
    create_practice(
        library,
        "Jugendberufsagentur Hagen",
        text="Jobcenter, Agentur für Arbeit und Jugendamt unter einem Dach.",
        target_groups=("jugendliche-unter-25",),
        bundeslaender=("NW",),
    )
    create_practice(
        library,
        "Mobilität auf dem Land",
        text="Ein Fahrdienst bringt Teilnehmende zur Maßnahme an der Hauptstraße.",
        topics=("mobilitaet",),
        bundeslaender=("BY",),
    )


counselling, counselling_of_the_class = indexed_rows(build_counselling, name="counselling")


class TestTextAnalysis:
    def test_part_of_a_compound_finds_the_compound(self, client, backend, counselling):
        data = api(client, q="Beratung")

        assert data["backend"] == backend
        assert sorted(titles(data)) == [
            "Offene Sprechstunde der Suchtberatung",
            "Schuldnerberatung ohne Wartezeit",
        ]

    def test_first_part_of_a_compound_finds_it(self, client, backend, counselling):
        assert titles(api(client, q="Jugend")) == ["Jugendberufsagentur Hagen"]

    def test_inflected_forms_and_spellings_meet(self, client, backend, counselling):
        plural = api(client, q="Beratungen")
        umlaut_spelled_out = api(client, q="Mobilitaet")
        sharp_s_spelled_out = api(client, q="Hauptstrasse")

        assert plural["total"] == 2
        assert titles(umlaut_spelled_out) == ["Mobilität auf dem Land"]
        assert titles(sharp_s_spelled_out) == ["Mobilität auf dem Land"]

    def test_a_verb_form_in_t_is_found_by_its_infinitive(self, client, backend, library):
        create_practice(
            library,
            "Frühintervention in der Ausbildung",
            text="Wer in der Ausbildung kifft, bekommt eine Sprechstunde im Betrieb.",
        )
        create_practice(
            library,
            "Offene Sprechstunde der Suchtberatung",
            text="Die Sucht bestimmt den Alltag vieler Kundinnen und Kunden.",
        )
        create_practice(
            library,
            "Lotsen in den Betrieb",
            text="Ein Lotse sucht mit den Teilnehmenden passende Betriebe.",
        )
        sync()

        smoking = api(client, q="Kiffen in der Ausbildung")

        assert titles(smoking) == ["Frühintervention in der Ausbildung"]
        assert "<mark>kifft</mark>" in smoking["results"][0]["highlight"]
        # "suchen" meets the verb "sucht", never the noun "Sucht" written with a capital.
        assert titles(api(client, q="suchen")) == ["Lotsen in den Betrieb"]

    def test_every_word_of_the_query_must_match(self, client, backend, counselling):
        data = api(client, q="Beratung Schulden")

        assert titles(data) == ["Schuldnerberatung ohne Wartezeit"]
        assert data["notices"] == []

    def test_without_a_document_with_every_word_those_missing_one_word_follow(
        self, client, backend, counselling
    ):
        data = api(client, q="Beratung Fahrdienst")

        assert data["backend"] == backend
        assert sorted(titles(data)) == [
            "Mobilität auf dem Land",
            "Offene Sprechstunde der Suchtberatung",
            "Schuldnerberatung ohne Wartezeit",
        ]
        assert data["notices"] == [
            "Kein Inhalt enthält alle Suchwörter. Diese Ergebnisse enthalten einige davon oder "
            "kommen ihnen inhaltlich am nächsten."
        ]
        # The search log counts the query among those without results.
        assert SearchLogEntry.objects.get(query="beratung fahrdienst").word_results == 0

    def test_of_three_words_two_must_match(self, client, backend, counselling):
        # Only the Suchtberatung has two of them ("Suchtberatung", "Woche"); the Fahrdienst
        # alone is not enough.
        data = api(client, q="Suchtberatung Woche Fahrdienst")

        assert titles(data) == ["Offene Sprechstunde der Suchtberatung"]

    @pytest.mark.parametrize(
        "params",
        [
            {"q": '"Beratung" Fahrdienst'},
            {"q": "Beratung OR Suchtberatung Fahrdienst"},
            {"q": "Beratung Fahrdienst", "sort": "newest"},
        ],
        ids=["quoted", "or", "newest-first"],
    )
    def test_quotes_or_and_newest_first_keep_every_word(self, client, backend, counselling, params):
        data = api(client, **params)

        assert data["total"] == 0
        assert data["notices"] == []

    def test_exact_title_match_ranks_before_a_match_in_the_text(self, client, backend, library):
        create_practice(
            library,
            "Netzwerk der Träger",
            text="Die Beratung findet im Familienzentrum statt, mit Suchtberatung vor Ort.",
            published=days_ago(1),
        )
        create_practice(library, "Beratung für Alleinerziehende", published=days_ago(30))
        sync()

        data = api(client, q="Beratung")

        assert titles(data) == ["Beratung für Alleinerziehende", "Netzwerk der Träger"]


class TestSynonyms:
    def test_seeded_synonyms_apply_at_query_time(self, client, backend, library):
        create_practice(library, "Übergang aus Hartz IV in Arbeit")
        create_practice(library, "Lotsen für die Agentur für Arbeit")
        sync()

        assert titles(api(client, q="Bürgergeld")) == ["Übergang aus Hartz IV in Arbeit"]
        assert titles(api(client, q="ALG II")) == ["Übergang aus Hartz IV in Arbeit"]
        assert titles(api(client, q="Arbeitsagentur")) == ["Lotsen für die Agentur für Arbeit"]

    def test_everyday_words_are_seeded_beside_the_terms_of_the_trade(
        self, client, backend, library
    ):
        create_practice(
            library,
            "Übergangsmanagement nach der Haftentlassung",
            text="Auszubildende und Fachkräfte der Justizvollzugsanstalt planen gemeinsam.",
        )
        create_practice(library, "Fahrerlaubnis für Leistungsberechtigte")
        create_practice(
            library, "Jobcoaching im Betrieb", text="Eine dauerhafte Begleitung sichert den Job."
        )
        sync()

        assert titles(api(client, q="Azubis aus dem Knast")) == [
            "Übergangsmanagement nach der Haftentlassung"
        ]
        # "Haft" is no synonym of "Knast": the compound splitter finds it in "dauerhaft".
        assert titles(api(client, q="Knast")) == ["Übergangsmanagement nach der Haftentlassung"]
        assert titles(api(client, q="Führerschein")) == ["Fahrerlaubnis für Leistungsberechtigte"]

    def test_a_synonym_added_by_the_redaktion_works_without_reindexing(
        self, client, backend, library
    ):
        create_practice(library, "Fallmanagement im Team")
        sync()
        assert api(client, q="Casemanagement")["total"] == 0

        Synonym.objects.create(terms="Casemanagement\nFallmanagement")

        assert titles(api(client, q="Casemanagement")) == ["Fallmanagement im Team"]

    def test_redaktion_edits_synonyms_in_the_admin(self, client, editor):
        client.force_login(editor)

        response = client.post(
            "/admin/snippets/search/synonym/add/",
            {"terms": "Eingliederungsvereinbarung\nKooperationsplan", "note": ""},
        )

        assert response.status_code == 302
        assert Synonym.objects.filter(terms__startswith="Eingliederungsvereinbarung").exists()


class TestFacetsAndFilters:
    def test_empty_query_lists_everything_with_facets(self, client, backend, counselling):
        data = api(client)

        assert data["total"] == 4
        assert facet(data, "bundesland") == {
            "NW": (2, False),
            "HE": (1, False),
            "BY": (1, False),
        }
        assert facet(data, "type") == {"practice": (4, False)}
        labels = {o["value"]: o["label"] for o in data["facets"]["bundesland"]}
        assert labels["NW"] == "Nordrhein-Westfalen"

    def test_facet_counts_are_disjunctive(self, client, backend, counselling):
        data = api(client, bundesland="NW")

        assert data["total"] == 2
        # The chosen Bundesland does not hide the counts of the others.
        assert facet(data, "bundesland") == {"NW": (2, True), "HE": (1, False), "BY": (1, False)}
        # Other facets count within the selection.
        assert facet(data, "topic") == {"sucht": (1, False)}

    def test_values_of_one_filter_widen_and_filters_combine_narrowing(
        self, client, backend, counselling
    ):
        two_laender = api(client, bundesland=["NW", "HE"])
        land_and_topic = api(client, bundesland=["NW", "HE"], topic="schulden")
        with_query = api(client, q="Beratung", bundesland="NW")

        assert two_laender["total"] == 3
        assert titles(land_and_topic) == ["Schuldnerberatung ohne Wartezeit"]
        assert titles(with_query) == ["Offene Sprechstunde der Suchtberatung"]
        assert facet(land_and_topic, "bundesland") == {"NW": (0, True), "HE": (1, True)}

    def test_filters_by_all_taxonomies(self, client, backend, library):
        create_practice(
            library,
            "Gesundheitscoaching",
            target_groups=("aeltere",),
            phases=("massnahmedurchfuehrung",),
            partner_types=("krankenkasse",),
            status="laufend",
        )
        create_practice(library, "Anderes Projekt", status="idee")
        sync()

        for params in [
            {"target_group": "aeltere"},
            {"phase": "massnahmedurchfuehrung"},
            {"partner_type": "krankenkasse"},
            {"status": "laufend"},
            {"type": "practice", "status": "laufend"},
        ]:
            assert titles(api(client, **params)) == ["Gesundheitscoaching"], params


class TestHighlighting:
    def test_highlight_marks_matches_and_escapes_everything_else(self, client, backend, library):
        create_practice(
            library,
            "Suchtberatung <b>direkt</b>",
            teaser='<script>alert("x")</script> Wir holen die Suchtberatung & mehr ins Haus.',
        )
        sync()

        result = api(client, q="Beratung")["results"][0]

        assert "<mark>Suchtberatung</mark>" in result["highlight"]
        assert "&lt;script&gt;" in result["highlight"]
        assert "&amp; mehr" in result["highlight"]
        assert "<script" not in result["highlight"]
        stripped = result["highlight"].replace("<mark>", "").replace("</mark>", "")
        assert "<" not in stripped

    def test_search_page_shows_highlights_badges_and_count(self, client, backend, counselling):
        html = client.get("/suche/", {"q": "Suchtberatung"}).content.decode()

        assert "1 Treffer" in html
        assert "<mark>Suchtberatung</mark>" in html
        assert 'class="search-badge search-badge--practice">Praxisbeispiel<' in html


class TestAccess:
    @pytest.fixture
    def mixed(self, library):
        create_practice(library, "Öffentliche Suchtberatung", bundeslaender=("NW",))
        create_practice(
            library,
            "Interne Suchtberatung mit Fallzahlen",
            teaser="Nur für Netzwerk-Mitarbeitende: interne Suchtberatung.",
            bundeslaender=("SN",),
            staff_only=True,
        )
        sync()

    def test_anonymous_users_see_no_staff_content_anywhere(self, client, backend, mixed):
        data = api(client, q="Suchtberatung")
        html = client.get("/suche/", {"q": "Suchtberatung"}).content.decode()

        assert titles(data) == ["Öffentliche Suchtberatung"]
        assert "SN" not in facet(data, "bundesland")
        assert facet(data, "type") == {"practice": (1, False)}
        assert "Interne" not in html and "Fallzahlen" not in html
        assert "Sachsen" not in html

    def test_staff_see_staff_content(self, client, backend, mixed, staff_user):
        client.force_login(staff_user)

        data = api(client, q="Suchtberatung")

        assert sorted(titles(data)) == [
            "Interne Suchtberatung mit Fallzahlen",
            "Öffentliche Suchtberatung",
        ]
        assert facet(data, "bundesland") == {"NW": (1, False), "SN": (1, False)}

    def test_the_search_with_all_words_but_one_keeps_staff_content_hidden(
        self, client, backend, mixed, staff_user
    ):
        # Only the staff-only practice has both words: the public one has all but one.
        data = api(client, q="Suchtberatung Fallzahlen")
        html = client.get("/suche/", {"q": "Suchtberatung Fallzahlen"}).content.decode()

        assert titles(data) == ["Öffentliche Suchtberatung"]
        assert data["notices"][0].startswith("Kein Inhalt enthält alle Suchwörter.")
        assert "SN" not in facet(data, "bundesland")
        assert facet(data, "type") == {"practice": (1, False)}
        assert "Interne" not in html and "Sachsen" not in html

        client.force_login(staff_user)
        data = api(client, q="Suchtberatung Fallzahlen")

        assert titles(data) == ["Interne Suchtberatung mit Fallzahlen"]
        assert data["notices"] == []

    def test_logged_in_users_outside_the_staff_groups_see_public_content_only(
        self, client, backend, mixed
    ):
        client.force_login(create_user(username="extern"))

        assert titles(api(client, q="Suchtberatung")) == ["Öffentliche Suchtberatung"]

    def test_making_a_page_staff_only_hides_it_from_the_public(self, client, backend, library):
        from cms.access import page_set_staff_only

        page = create_practice(library, "Bald intern")
        sync()
        assert api(client, q="intern")["total"] == 1

        page_set_staff_only(page, True)
        sync()

        assert api(client, q="intern")["total"] == 0


class TestSortAndPagination:
    def test_newest_first_and_relevance(self, client, backend, library):
        create_practice(library, "Beratung im Quartier", published=days_ago(40))
        create_practice(
            library, "Quartiersarbeit", text="Auch mit Beratung.", published=days_ago(2)
        )
        sync()

        newest = api(client, q="Beratung", sort="newest")
        relevance = api(client, q="Beratung")

        assert titles(newest) == ["Quartiersarbeit", "Beratung im Quartier"]
        assert titles(relevance) == ["Beratung im Quartier", "Quartiersarbeit"]
        # The API gives the date in the site's time zone (Berlin), a day ahead of UTC at night.
        assert newest["results"][0]["date"] == timezone.localdate(days_ago(2)).isoformat()

    def test_pages_keep_the_filters(self, client, backend, library):
        for number in range(23):
            create_practice(
                library, f"Projekt {number:02d}", published=days_ago(number), bundeslaender=("NW",)
            )
        create_practice(library, "Anderswo", bundeslaender=("BY",))
        sync()

        first = api(client, bundesland="NW")
        third = api(client, bundesland="NW", page=3)
        beyond = api(client, bundesland="NW", page=99)
        html = client.get("/suche/", {"bundesland": "NW", "page": 2}).content.decode()

        assert (first["total"], first["pages"], len(first["results"])) == (23, 3, 10)
        assert titles(first)[0] == "Projekt 00"
        assert (third["page"], titles(third)) == (3, ["Projekt 20", "Projekt 21", "Projekt 22"])
        assert beyond["page"] == 3 and len(beyond["results"]) == 3
        assert 'href="?bundesland=NW&amp;page=3"' in html
        assert 'href="?bundesland=NW&amp;page=1"' in html  # back to page 1


class TestBadInput:
    @pytest.fixture
    def counselling(self, counselling_of_the_class, backend):
        """Written once for the class; pushed to the index of each test's backend."""
        sync_again()
        return counselling_of_the_class

    @pytest.mark.parametrize(
        "params",
        [
            {"q": 'Sucht" AND (Beratung OR [a TO b]) ~2 ^3 \\ /x/ * ? : ! { } -+&&||'},
            {"q": "x" * 5000},
            {"q": "\u202e<script>"},  # a NUL gets a 400 first: tests/cms/test_unstorable_input.py
            {"topic": "gibt-es-nicht", "bundesland": "XX"},
            {"page": "-3"},
            {"page": "zwei"},
            {"page": "999999999999999999999"},
            {"sort": "DROP TABLE"},
            {"type": ["practice"] * 100},
        ],
    )
    def test_never_a_server_error(self, client, backend, counselling, params):
        api_response = client.get("/api/v1/search/", params)
        page_response = client.get("/suche/", params)

        assert api_response.status_code == 200
        assert page_response.status_code == 200

    def test_unknown_filter_values_are_ignored_with_a_notice(self, client, backend, counselling):
        data = api(client, topic="gibt-es-nicht")

        assert data["total"] == 4
        assert data["notices"] == ["Nicht vorhandene Filter wurden ignoriert."]

    def test_overlong_query_is_shortened_with_a_message(self, client, backend, counselling):
        html = client.get("/suche/", {"q": "Beratung " * 100}).content.decode()

        assert "höchstens 200 Zeichen" in html
        assert "2 Treffer" in html


class TestIndexFollowsContent:
    def test_unpublish_edit_move_and_delete(self, client, backend, library, home):
        from practices.models import PracticeIndexPage

        gone = create_practice(library, "Wird zurückgezogen")
        edited = create_practice(library, "Alter Titel")
        deleted = create_practice(library, "Wird gelöscht")
        sync()

        gone.unpublish()
        edited.title = "Neuer Titel zur Schuldnerberatung"
        edited.save_revision().publish()
        deleted.delete()
        sync()

        assert titles(api(client)) == ["Neuer Titel zur Schuldnerberatung"]
        assert api(client, q="Titel")["results"][0]["url"].endswith("/alter-titel/")

        archive = PracticeIndexPage(title="Archiv", slug="archiv")
        home.add_child(instance=archive)
        edited.refresh_from_db()
        edited.move(archive, pos="last-child")
        sync()

        assert api(client, q="Titel")["results"][0]["url"] == "/archiv/alter-titel/"

    def test_taxonomy_rename_reaches_the_text(self, client, backend, library):
        from practices.models import Topic

        create_practice(library, "Ein Projekt", topics=("wohnen",))
        sync()
        topic = Topic.objects.get(slug="wohnen")
        topic.name = "Wohnraumsicherung"
        topic.save()
        sync()

        assert titles(api(client, q="Wohnraumsicherung")) == ["Ein Projekt"]


def test_database_index_follows_every_change_even_before_the_commit(settings, library):
    """The fallback is never stale: its index changes in the content's own transaction."""
    settings.ELASTICSEARCH_URL = ""
    create_practice(library, "Sofort auffindbar")

    from django.test import Client

    assert titles(api(Client(), q="auffindbar")) == ["Sofort auffindbar"]


def test_api_runs_a_constant_number_of_queries(
    client, settings, library, django_assert_max_num_queries
):
    settings.ELASTICSEARCH_URL = ""
    create_practice(library, "Beratung eins", topics=("sucht",))
    with django_assert_max_num_queries(20) as small:
        api(client, q="Beratung")
    for number in range(15):
        create_practice(library, f"Beratung {number}", topics=("sucht", "schulden"))
    with django_assert_max_num_queries(len(small.captured_queries)):
        api(client, q="Beratung")
