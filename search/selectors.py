"""The read side of search: one call answers the page and the API alike."""

import logging
import math
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext as _

from cms.access import user_tokens

from .backends import BackendResult, SearchRequest
from .backends import database as database_backend
from .highlight import highlight
from .models import Synonym
from .query import PAGE_SIZE, ParsedQuery, SearchParams, parse_query
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

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def synonym_groups() -> list[list[str]]:
    return cached("synonyms", lambda: [synonym.term_list for synonym in Synonym.objects.all()])


def _run(request: SearchRequest) -> tuple[BackendResult, str, bool]:
    if settings.ELASTICSEARCH_URL:
        from .backends import elasticsearch as es_backend

        if not es_backend.recently_failed():
            try:
                result = es_backend.search(request)
            except es_backend.NotFoundError:
                # Reachable, but no index yet (never built): not a reason to back off.
                logger.warning("No search index in Elasticsearch yet; run `search_index rebuild`.")
            except es_backend.UNAVAILABLE:
                logger.warning("Elasticsearch failed; answering from the database.", exc_info=True)
                es_backend.mark_failed()
            else:
                es_backend.mark_ok()
                return result, es_backend.NAME, False
        return database_backend.search(request), database_backend.NAME, True
    return database_backend.search(request), database_backend.NAME, False


def knowledge_search(*, params: SearchParams, user) -> SearchPage:
    labels = facet_labels()
    params.drop_unknown_values(labels)
    query: ParsedQuery = parse_query(params.q, synonym_groups())
    request = SearchRequest(
        query=query,
        filters=params.filters,
        visibilities=user_tokens(user),
        sort=params.sort,
        page=params.page,
        page_size=PAGE_SIZE,
    )
    result, backend, fallback = _run(request)
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
        page=result.page,
        pages=max(1, math.ceil(result.total / PAGE_SIZE)),
        results=results,
        facets=facets,
        backend=backend,
        fallback=fallback,
        notices=notices,
    )
