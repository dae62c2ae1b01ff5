"""The search measured against judged queries (tests/search/judged/), once per backend.

The corpus is published through Wagtail and pushed to the index like any content; every query
then runs through ``knowledge_search`` as an anonymous visitor, and the first page of titles is
scored per kind of query. The table goes to the terminal as the test runs, and again into the
terminal summary (also from xdist workers) through ``tests/search/conftest.py``.

The corpus is published once for the module, in a transaction rolled back after its last test;
each test pushes it to the index of its backend, and what a test writes (the search log) is
rolled back after it.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from search import embeddings, fusion
from search.query import SearchParams
from search.selectors import knowledge_search
from tests.conftest import rows_for_the_class

from .helpers import create_practice, library_page, sync_again
from .judged.corpus import CORPUS
from .judged.metrics import (
    Outcome,
    format_lowest,
    format_misses,
    format_table,
    missed_aims,
    score_by_kind,
)
from .judged.queries import QUERIES

# What the search has to reach (see tests/search/judged/queries.py for the kinds).
MIN_HITS_AT_3 = {"everyday": 0.90, "typo": 0.90}

REPORT_PROPERTY = "judged_queries_report"


# One test process runs the module: its corpus (a module fixture) is published once.
pytestmark = pytest.mark.xdist_group("judged_queries")


def publish_corpus(library) -> None:
    for practice in CORPUS:
        create_practice(
            library,
            practice["title"],
            teaser=practice["teaser"],
            text=practice["text"],
            topics=practice["topics"],
            target_groups=practice["target_groups"],
            partner_types=practice["partner_types"],
            phases=practice.get("phases", ()),
            status=practice["status"],
            bundeslaender=practice["bundeslaender"],
        )


published_once = rows_for_the_class(
    lambda: publish_corpus(library_page()), name="published_once", scope="module"
)


@pytest.fixture
def corpus(published_once, db):
    """The corpus in the index of the test's backend (the outbox rows come back after every
    test, and each test starts with an empty Elasticsearch index)."""
    sync_again()


def run_queries(queries: list[dict], backend: str) -> list[Outcome]:
    outcomes = []
    for query in queries:
        params = SearchParams.from_querydict(QueryDict(urlencode({"q": query["q"]})))
        page = knowledge_search(params=params, user=AnonymousUser())
        # A silent fallback would measure the database while claiming Elasticsearch.
        assert (page.backend, page.fallback) == (backend, False), query["q"]
        outcomes.append(
            Outcome(
                q=query["q"],
                kind=query["kind"],
                ranking=tuple(result.title for result in page.results),
                judgements=query["relevant"],
            )
        )
    return outcomes


def test_judged_queries(backend, corpus, settings, capsys, request):
    outcomes = run_queries(QUERIES, backend)
    settings.SEARCH_HYBRID = False
    lexical_outcomes = run_queries(QUERIES, backend)

    scores = score_by_kind(outcomes)
    lexical = score_by_kind(lexical_outcomes)
    report = "\n".join(
        [
            f"judged queries, {backend} backend ({len(CORPUS)} practices)",
            format_table(
                {**scores, **{f"{kind}, lexical only": score for kind, score in lexical.items()}}
            ),
            "top 3 without a relevant result:",
            format_misses(outcomes) or "(none)",
            "lowest nDCG@10:",
            format_lowest(outcomes),
        ]
    )
    # On the report, so that xdist workers hand it to the terminal summary.
    request.node.user_properties.append((REPORT_PROPERTY, report))
    with capsys.disabled():
        print(f"\n{report}")

    missed = missed_aims(scores, lexical, MIN_HITS_AT_3)
    assert not missed, "Aims missed:\n" + "\n".join(missed) + f"\n\n{report}"


def test_elasticsearch_returns_the_exact_nearest_neighbours(elasticsearch, corpus):
    from search.backends import SearchRequest
    from search.backends import database as database_backend
    from search.backends import elasticsearch as es_backend
    from search.models import SearchDocument
    from search.query import PAGE_SIZE, parse_query

    embedder = embeddings.get_embedder()
    for q in (
        "Hilfe bei der Wohnungssuche",
        "obdachlose Kunden",
        "nach dem Knast Arbeit finden",
        "Leute ohne Führerschein auf dem Land",
        "Unterstützung bei Überschuldung",
    ):
        request = SearchRequest(
            query=parse_query(q, []),
            filters={},
            visibilities=("public",),
            sort="relevance",
            page=1,
            page_size=PAGE_SIZE,
        )
        vector = embeddings.query_vector(q)
        # The database scores every stored vector: the exact answer.
        exact = database_backend.nearest(
            request, vector, k=3, min_similarity=embedder.min_similarity
        )
        doc_ids = dict(
            SearchDocument.objects.filter(pk__in=[pk for pk, _score in exact]).values_list(
                "pk", "doc_id"
            )
        )
        found = es_backend.hybrid(
            request,
            embeddings.query_vector_soon(q),
            window=PAGE_SIZE,
            k=fusion.SEMANTIC_K,
            min_similarity=embedder.min_similarity,
        )

        # Close scores may swap places (Elasticsearch compares 8-bit copies of the vectors);
        # none of the three nearest may be missing.
        nearest_ten = [key for key, _score, _facets in found.semantic[:10]]
        assert [doc_ids[pk] for pk, _score in exact if doc_ids[pk] not in nearest_ten] == [], q
