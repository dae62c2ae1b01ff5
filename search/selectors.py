"""The read side of search: one call answers the page and the API alike."""

import logging
import math
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext as _

from cms.access import user_tokens

from . import embeddings
from .backends import BackendResult, Near, SearchRequest
from .backends import database as database_backend
from .corrections import Correction, correction_for, unknown_words
from .fusion import hybrid_result
from .highlight import highlight
from .models import Synonym
from .promotions import promoted_results
from .query import PAGE_SIZE, ParsedQuery, SearchParams, meaning_text, parse_query
from .registry import cached, facet_labels, facet_names

logger = logging.getLogger(__name__)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class ResultItem:
    type: str
    type_label: str
    title: str
    url: str
    teaser: str
    highlight: str
    date: datetime | None
    bundeslaender: list[str]
    # Found by meaning, without the query's words.
    similar: bool = False
    distance_km: float | None = None
    object_id: str = ""


@dataclass
class SearchPage:
    params: SearchParams
    total: int
    page: int
    pages: int
    results: list[ResultItem]
    facets: dict[str, list[FacetOption]]
    backend: str
    fallback: bool = False
    notices: list[str] = field(default_factory=list)
    # Top-Treffer of the Redaktion (``promotions.py``), on the first page only.
    promoted: list = field(default_factory=list)
    # "Meinten Sie …?" (``corrections.py``); ``applied``: the results are the corrected query's.
    correction: Correction | None = None
    # How many of the ``total`` results contain the query's words (the others: by meaning).
    word_total: int = 0

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def synonym_groups() -> list[list[str]]:
    return cached("synonyms", lambda: [synonym.term_list for synonym in Synonym.objects.all()])


def _answer(backend, request: SearchRequest, vector) -> BackendResult:
    if vector is None:
        return backend.search(request)
    embedder = embeddings.get_embedder()
    return hybrid_result(
        backend,
        request,
        vector,
        min_similarity=embedder.min_similarity,
        margin=embedder.similarity_margin,
    )


def _run(request: SearchRequest, vector=None) -> tuple[BackendResult, str, bool]:
    """The answer of Elasticsearch, or of the database when it is not configured or fails;
    with a query ``vector``, lexical and semantic hits fused."""
    if settings.ELASTICSEARCH_URL:
        from .backends import elasticsearch as es_backend

        if not es_backend.recently_failed():
            try:
                result = _answer(es_backend, request, vector)
            except es_backend.NotFoundError:
                # Reachable, but no index yet (never built): not a reason to back off.
                logger.warning("No search index in Elasticsearch yet; run `search_index rebuild`.")
            except es_backend.UNAVAILABLE:
                logger.warning("Elasticsearch failed; answering from the database.", exc_info=True)
                es_backend.mark_failed()
            else:
                es_backend.mark_ok()
                return result, es_backend.NAME, False
        return _answer(database_backend, request, vector), database_backend.NAME, True
    return _answer(database_backend, request, vector), database_backend.NAME, False


def _query_vector(params: SearchParams, query: ParsedQuery):
    """The meaning of the query, for a search by relevance with words to search for."""
    if not embeddings.enabled() or query.is_empty or params.sort != "relevance":
        return None
    text = meaning_text(params.q)
    if not text:
        return None
    # Computed in the embedding thread while the lexical half runs.
    return embeddings.query_vector_soon(text)


def knowledge_search(*, params: SearchParams, user, near: Near | None = None) -> SearchPage:
    """The page of results for ``params``; ``near``: a distance search, nearest first."""
    labels = facet_labels()
    params.drop_unknown_values(labels)
    synonyms = synonym_groups()
    query: ParsedQuery = parse_query(params.q, synonyms)
    # Nearest first leaves no room for "close in meaning": only the words decide.
    vector = None if near is not None else _query_vector(params, query)
    request = SearchRequest(
        query=query,
        filters=params.filters,
        visibilities=user_tokens(user),
        sort=params.sort,
        page=params.page,
        page_size=PAGE_SIZE,
        near=near,
        spelling=unknown_words(params, query, synonyms),
    )

    def promoted() -> list:
        return promoted_results(query=params.q, user=user, synonym_groups=synonyms)

    # Read while the query is embedded: a search by meaning waits for its vector anyway.
    pins = promoted() if params.page == 1 else None
    result, backend, fallback = _run(request, vector)
    correction = correction_for(
        params=params,
        request=request,
        synonyms=synonyms,
        result=result,
        probe=lambda probe_request: _run(probe_request)[0],
    )
    if correction is not None and correction.applied:
        query = correction.query
        request = replace(request, query=query, spelling=())
        # The meaning stays that of the words as typed: the model reads a misspelt word much
        # like the right one, and the query is not embedded a second time.
        result, backend, fallback = _run(request, vector)
    stems = query.highlight_stems()
    results = [
        ResultItem(
            type=hit.doc_type,
            type_label=labels["type"].get(hit.doc_type, hit.doc_type),
            title=hit.title,
            url=hit.url,
            teaser=hit.teaser,
            highlight=highlight(f"{hit.teaser} {hit.body}", stems),
            date=hit.date,
            bundeslaender=[labels["bundesland"].get(code, code) for code in hit.bundeslaender],
            similar=hit.similar,
            distance_km=hit.distance_km,
            object_id=hit.object_id,
        )
        for hit in result.hits
    ]
    facets = {}
    for facet in facet_names():
        counts = result.facet_counts.get(facet, {})
        selected = set(params.filters.get(facet, []))
        facets[facet] = [
            FacetOption(
                value=value, label=label, count=counts.get(value, 0), selected=value in selected
            )
            for value, label in labels[facet].items()
            if counts.get(value) or value in selected
        ]
    notices = list(dict.fromkeys(params.notices))
    if results and all(item.similar for item in results) and result.page == 1:
        notices.append(
            _(
                "No content contains all of your search words. These results come closest "
                "in meaning."
            )
        )
    elif result.relaxed and results and result.page == 1:
        notices.append(
            _(
                "No content contains all of your search words. These results contain some "
                "of them or come closest in meaning."
            )
        )
    if fallback:
        notices.insert(
            0,
            _(
                "The full-text search is not available at the moment. These results come "
                "from the simpler database search."
            ),
        )
    return SearchPage(
        params=params,
        total=result.total,
        word_total=result.word_matches,
        page=result.page,
        pages=max(1, math.ceil(result.total / PAGE_SIZE)),
        results=results,
        facets=facets,
        backend=backend,
        fallback=fallback,
        notices=notices,
        promoted=(promoted() if pins is None else pins) if result.page == 1 else [],
        correction=correction,
    )
