"""Searching the index: the lexical query, the hybrid search's two requests in flight at once,
and the documents of a page."""

import math
from dataclasses import replace
from datetime import datetime

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import A, Q, Search

from ... import registry
from ...documents import (
    VECTOR_FIELD,
    alias_name,
    facet_field,
)
from ...embeddings import PendingVector, process_threads
from ...query import Clause, ParsedQuery
from .. import BackendResult, Hit, HybridResult, SearchRequest, relaxed_request, sort_newest
from . import client

BOOSTS = {"title_exact": 6, "title_stems": 3, "exact": 2, "stems": 1, "parts": 1}


# What a hit shows: the stored fields read for a page of results.
HIT_FIELDS = ["doc_type", "object_id", "title", "url", "teaser", "body", "date", "bundesland"]


# The name under which a neighbour by meaning reports that it contains the query's words.
WORDS = "words"
SOME_WORDS = "some_words"


def _term_query(term) -> Q:
    queries = [
        Q("term", stems={"value": term.stem, "boost": BOOSTS["stems"]}),
        Q("term", parts={"value": term.stem, "boost": BOOSTS["parts"]}),
        Q("term", title_stems={"value": term.stem, "boost": BOOSTS["title_stems"]}),
    ]
    if term.exact:
        queries.append(Q("term", exact={"value": term.exact, "boost": BOOSTS["exact"]}))
        queries.append(Q("term", title_exact={"value": term.exact, "boost": BOOSTS["title_exact"]}))
    return Q("dis_max", queries=queries)


def _alternative_query(alternative) -> Q:
    if alternative.phrase:
        phrase = " ".join(term.stem for term in alternative.terms)
        return Q("match_phrase", stems={"query": phrase, "boost": BOOSTS["exact"]})
    return Q("bool", must=[_term_query(term) for term in alternative.terms])


def _clause_query(clause: Clause) -> Q:
    return Q(
        "bool",
        should=[_alternative_query(alternative) for alternative in clause.alternatives],
        minimum_should_match=1,
    )


def text_query(query: ParsedQuery) -> Q:
    if query.matches_all:
        return Q("match_all")
    clauses = [_clause_query(clause) for clause in query.clauses]
    if query.minimum_clauses:
        # Each clause a document matches adds to its score.
        matching = {"should": clauses, "minimum_should_match": query.minimum_clauses}
    else:
        matching = {"must": clauses or [Q("match_all")]}
    if not query.excluded:
        return Q("bool", **matching)
    return Q("bool", **matching, must_not=[_clause_query(clause) for clause in query.excluded])


def _filter(facet: str, values: list[str]) -> Q:
    return Q("terms", **{facet_field(facet): values})


def build_search(request: SearchRequest, es: Elasticsearch) -> Search:
    """The lexical search of ``request``: its page of hits, total, facets and spelling."""
    start = (request.page - 1) * request.page_size
    return _lexical(request, es).source(HIT_FIELDS)[start : start + request.page_size]


def _lexical(request: SearchRequest, es: Elasticsearch, *, facets: bool = True) -> Search:
    access = (
        []
        if request.visibilities is None
        else [Q("terms", visibility=sorted(request.visibilities))]
    )
    text = text_query(request.query)
    if not sort_newest(request) and request.near is None:
        # An out-of-date offer (``IndexEntry.rank``) ranks as if it matched less well.
        text = Q(
            "function_score",
            query=text,
            field_value_factor={"field": "rank", "missing": 1},
            boost_mode="multiply",
        )
    search = Search(using=es, index=alias_name()).query(
        Q("bool", must=[text], filter=access + _near_filter(request))
    )
    filters = {facet: _filter(facet, values) for facet, values in request.filters.items()}
    if filters:
        # post_filter narrows the hits but not the aggregations: the counts stay disjunctive.
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    for facet in registry.facet_names() if facets else []:
        others = [q for other, q in filters.items() if other != facet]
        bucket = A("filter", filter=Q("bool", filter=others) if others else Q("match_all"))
        bucket.bucket("values", A("terms", field=facet_field(facet), size=500))
        search.aggs.bucket(f"facet_{facet}", bucket)
    if request.near is not None:
        near = request.near
        search = search.sort(
            {
                "_geo_distance": {
                    "location": {"lat": near.latitude, "lon": near.longitude},
                    "order": "asc",
                    "unit": "km",
                    "mode": "min",
                    "distance_type": "arc",
                }
            },
            # Ties as the database breaks them: newest first.
            {"date": {"order": "desc", "missing": "_last"}},
        )
    elif sort_newest(request):
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    else:
        search = search.sort("_score", {"date": {"order": "desc", "missing": "_last"}})
    if not facets:
        return search.extra(track_total_hits=False)
    return _with_spelling(search, request.spelling).extra(track_total_hits=True)


def _with_spelling(search: Search, words: tuple[str, ...]) -> Search:
    """``search`` asking the term suggester for index words close to ``words`` as well.

    On ``exact`` (the vocabulary of the database backend's ``SearchTerm``): edits of up to two,
    the first letter kept (``prefix_length``). The document frequencies count every document,
    hidden ones too: the caller only ranks by them and checks a correction with a search for
    the user before offering it.
    """
    for number, word in enumerate(words):
        search = search.suggest(
            f"word{number}",
            word,
            term={
                "field": "exact",
                "suggest_mode": "missing",
                "string_distance": "damerau_levenshtein",
                "max_edits": 2,
                "prefix_length": 1,
                "min_word_length": 4,
                "size": 10,
            },
        )
    return search


def _spelling(response: dict, words: tuple[str, ...]) -> dict[str, list[tuple[str, int]]] | None:
    if not words:
        return None
    return {
        word: [
            (option["text"], option["freq"])
            for entry in response["suggest"][f"word{number}"]
            for option in entry["options"]
        ]
        for number, word in enumerate(words)
    }


def _near_filter(request: SearchRequest) -> list[Q]:
    near = request.near
    if near is None:
        return []
    return [
        Q(
            "geo_distance",
            distance=f"{near.radius_km}km",
            location={"lat": near.latitude, "lon": near.longitude},
        )
    ]


def _filters(request: SearchRequest) -> list[Q]:
    access = (
        []
        if request.visibilities is None
        else [Q("terms", visibility=sorted(request.visibilities))]
    )
    # "-Wort" holds for the documents found by meaning too.
    excluded = [_clause_query(clause) for clause in request.query.excluded]
    return (
        access
        + _near_filter(request)
        + [_filter(facet, values) for facet, values in request.filters.items()]
        + ([Q("bool", must_not=excluded)] if excluded else [])
    )


# The answers are read as the client's plain dicts: wrapping them in the DSL's response
# objects costs more than the rest of the page's work.
def _facet_counts(response: dict) -> dict[str, dict[str, int]]:
    aggregations = response["aggregations"]
    return {
        facet: {
            bucket["key"]: bucket["doc_count"]
            for bucket in aggregations[f"facet_{facet}"]["values"]["buckets"]
        }
        for facet in registry.facet_names()
    }


def hybrid(
    request: SearchRequest, vector: PendingVector, *, window: int, k: int, min_similarity: float
) -> HybridResult:
    """Two requests in flight at once: an ``_msearch`` with the lexical window (ids, total,
    facets, spelling) and the documents of the part of it that can reach the requested page,
    sent at once; and the nearest neighbours by meaning with their documents, each marked if
    it contains the query's words, sent from another thread as soon as the query is embedded.
    The fused page needs no further request."""
    es = client(timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT)
    # Sent by one of the process's sender threads while this one waits for the lexical answer.
    nearest = process_threads("es-nearest", 4).submit(_nearest, request, vector, k, min_similarity)
    type_field = facet_field(registry.TYPE_FACET)
    # A hit found by words alone keeps its lexical rank or falls behind at most ``k`` hits
    # found by meaning: only those ranks can land on the page.
    start = (request.page - 1) * request.page_size

    def window_and_shown(request: SearchRequest) -> list[Search]:
        lexical = _lexical(request, es).source(False).extra(docvalue_fields=[type_field])
        shown = _lexical(request, es, facets=False).source(HIT_FIELDS)
        return [lexical[:window], shown[max(0, start - k) : start + request.page_size]]

    try:
        counted, page = _msearch(es, window_and_shown(request))
        spelling = _spelling(counted, request.spelling)
        # No document with every word: those with all but one, asked while the neighbours by
        # meaning are still on their way (sent along every time, the extra search cost more
        # than this round trip, which only these queries pay).
        relaxed = None if counted["hits"]["total"]["value"] else relaxed_request(request)
        if relaxed is not None:
            counted, page = _msearch(es, window_and_shown(relaxed))
    finally:
        # Never leave the other request behind unanswered, not even after a failure here.
        neighbours = nearest.result()
    found = HybridResult(
        total=counted["hits"]["total"]["value"],
        lexical=[hit["_id"] for hit in counted["hits"]["hits"]],
        facet_counts=_facet_counts(counted),
        semantic=[],
        documents={hit["_id"]: _hit(hit["_source"]) for hit in page["hits"]["hits"]},
        spelling=spelling,
        types={hit["_id"]: hit["fields"][type_field][0] for hit in counted["hits"]["hits"]},
        relaxed=relaxed is not None,
    )
    if neighbours is None:
        return found
    words = SOME_WORDS if relaxed else WORDS
    found.semantic_matching = set()
    facet_fields = {facet: facet_field(facet) for facet in registry.facet_names()}
    for hit in neighbours["hits"]["hits"]:
        source = hit["_source"]
        values = {facet: _as_list(source.get(field)) for facet, field in facet_fields.items()}
        # Elasticsearch scores cosine as (1 + cos) / 2.
        found.semantic.append((hit["_id"], 2 * hit["_score"] - 1, values))
        found.documents.setdefault(hit["_id"], _hit(source))
        if words in hit.get("matched_queries", ()):
            found.semantic_matching.add(hit["_id"])
    return found


def _msearch(es: Elasticsearch, searches: list[Search]) -> list[dict]:
    """The answers of ``searches``, sent in one ``_msearch``; the first failure raised as the
    client raises it."""
    body = []
    for search in searches:
        body += [{}, search.to_dict()]
    answer = es.msearch(index=alias_name(), searches=body)
    for response in answer["responses"]:
        if "error" in response:
            raise ApiError(
                message=str(response["error"].get("type", "error")),
                meta=answer.meta,
                body=response,
            )
    return answer["responses"]


def _nearest(request: SearchRequest, vector: PendingVector, k: int, min_similarity: float):
    """The ``k`` nearest documents to the query's vector that pass the request's filters, once
    the vector is there; None without one (the search then stays lexical)."""
    query_vector = vector.result()
    if query_vector is None:
        return None
    es = client(timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT)
    facet_fields = [facet_field(facet) for facet in registry.facet_names()]
    nearest = Q(
        "knn",
        field=VECTOR_FIELD,
        query_vector=[float(x) for x in query_vector],
        num_candidates=max(100, 4 * k),
        filter=[Q("bool", filter=_filters(request))],
        similarity=min_similarity,
    )
    # Scored by the neighbour alone; the named clauses only report a match of the words (of
    # all of them, and of all but one for a search that finds no document with all).
    words = [Q("constant_score", filter=text_query(request.query), boost=0, _name=WORDS)]
    relaxed = relaxed_request(request)
    if relaxed is not None:
        some_words = text_query(relaxed.query)
        words.append(Q("constant_score", filter=some_words, boost=0, _name=SOME_WORDS))
    # The hits are counted (at most ``num_candidates``, so it costs nothing): without counting,
    # Elasticsearch skips documents by their maximum score, and that skipping loses the very
    # nearest neighbours once the words clause is there.
    search = (
        Search()
        .query(Q("bool", must=[nearest], should=words))
        .source(HIT_FIELDS + facet_fields)
        .extra(size=k, track_total_hits=True)
    )
    return es.search(index=alias_name(), body=search.to_dict()).body


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def matching(request: SearchRequest, keys: list[str]) -> set[str]:
    if not keys or request.query.is_empty:
        return set(keys)
    es = client(timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT)
    response = (
        Search(using=es, index=alias_name())
        .query(Q("bool", must=[text_query(request.query)], filter=[Q("ids", values=keys)]))
        .source(False)
        .extra(size=len(keys))
        .execute()
    )
    return {hit.meta.id for hit in response.hits}


def load(keys: list[str]) -> dict[str, Hit]:
    if not keys:
        return {}
    es = client(timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT)
    response = es.mget(index=alias_name(), ids=keys, source_includes=HIT_FIELDS)
    return {doc["_id"]: _hit(doc["_source"]) for doc in response["docs"] if doc.get("found")}


def _hit(source: dict) -> Hit:
    date = source.get("date")
    return Hit(
        doc_type=source["doc_type"],
        title=source["title"],
        url=source["url"],
        teaser=source.get("teaser", ""),
        body=source.get("body", ""),
        date=datetime.fromisoformat(date) if isinstance(date, str) else date,
        bundeslaender=list(source.get("bundesland") or []),
        object_id=str(source.get("object_id", "")),
    )


def search(request: SearchRequest) -> BackendResult:
    es = client(timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT)

    def answer(request: SearchRequest) -> dict:
        return es.search(index=alias_name(), body=build_search(request, es).to_dict()).body

    response = answer(request)
    total = response["hits"]["total"]["value"]
    spelling = _spelling(response, request.spelling)
    relaxed = None if total else relaxed_request(request)
    if relaxed is not None:
        request = relaxed
        response = answer(request)
        total = response["hits"]["total"]["value"]
    pages = max(1, math.ceil(total / request.page_size))
    page = request.page
    if page > pages:
        # Out of range: answer the last page instead (one more round trip, only then).
        page = pages
        response = answer(replace(request, page=page))
    hits = []
    for response_hit in response["hits"]["hits"]:
        hit = _hit(response_hit["_source"])
        if request.near is not None:
            hit.distance_km = float(response_hit["sort"][0])
        hits.append(hit)
    return BackendResult(
        total=total,
        page=page,
        hits=hits,
        facet_counts=_facet_counts(response),
        spelling=spelling,
        relaxed=relaxed is not None,
    )


def index_names() -> list[str]:
    es = client()
    try:
        return sorted(es.indices.get_alias(name=alias_name()).body)
    except NotFoundError:
        return []


def stored_fingerprints() -> dict[str, tuple[str, str]]:
    """doc_id → (doc_type, fingerprint) of every document behind the alias.

    Read from doc values, so the stored sources (with the long texts) stay on disk.
    """
    es = client(timeout=settings.ELASTICSEARCH_BULK_TIMEOUT)
    if not es.indices.exists_alias(name=alias_name()):
        return {}
    stored = {}
    for hit in helpers.scan(
        es,
        index=alias_name(),
        query={"_source": False, "docvalue_fields": ["doc_type", "fingerprint"]},
        size=5000,
    ):
        fields = hit.get("fields", {})
        stored[hit["_id"]] = (
            (fields.get("doc_type") or [""])[0],
            (fields.get("fingerprint") or [""])[0],
        )
    return stored
