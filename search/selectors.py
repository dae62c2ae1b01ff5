"""The read side of search: one call answers the page and the API alike."""

import logging
import math
import time
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext as _

from .backends import BackendResult, SearchRequest
from .backends import database as database_backend
from .builders import (
    FACETS,
    PUBLIC,
    STAFF,
    TYPE_LABELS,
    builder_for_type,
    builders,
    forum_visibility,
)
from .highlight import highlight
from .models import Synonym
from .query import PAGE_SIZE, ParsedQuery, SearchParams, parse_query

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


def user_sees_staff_content(user) -> bool:
    from practices.visibility import STAFF_GROUPS

    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=STAFF_GROUPS).exists()


def user_visibilities(user) -> tuple[str, ...]:
    """Which documents ``user`` may find; the forum's own rules decide for its topics."""
    visible = [PUBLIC]
    if user_sees_staff_content(user):
        visible.append(STAFF)
    if user is not None and user.is_authenticated and builder_for_type("topic") is not None:
        from forum.permissions import readable_category_ids

        visible.extend(forum_visibility(pk) for pk in sorted(readable_category_ids(user)))
    return tuple(visible)


# Labels and synonyms change rarely but are read by every search: keep them for a short while
# in this process (SEARCH_CACHE_SECONDS); a change made in this process clears them at once.
_cache: dict[str, tuple[float, object]] = {}


def _cached(key: str, load):
    seconds = getattr(settings, "SEARCH_CACHE_SECONDS", 60)
    now = time.monotonic()
    hit = _cache.get(key)
    if seconds > 0 and hit is not None and now - hit[0] < seconds:
        return hit[1]
    value = load()
    _cache[key] = (now, value)
    return value


def clear_cache(**kwargs) -> None:
    _cache.clear()


def synonym_groups() -> list[list[str]]:
    return _cached("synonyms", lambda: [synonym.term_list for synonym in Synonym.objects.all()])


def facet_labels() -> dict[str, dict[str, str]]:
    """Value → label per facet, in display order (a fixed number of queries)."""
    return _cached("labels", _load_facet_labels)


def _load_facet_labels() -> dict[str, dict[str, str]]:
    from practices.models import (
        Bundesland,
        PartnerType,
        PracticeStatus,
        ProcessPhase,
        TargetGroup,
        Topic,
    )

    registered = {builder.doc_type for builder in builders()}
    return {
        "type": {key: str(label) for key, label in TYPE_LABELS.items() if key in registered},
        "bundesland": dict(Bundesland.objects.order_by("name").values_list("code", "name")),
        "topic": dict(Topic.objects.values_list("slug", "name")),
        "target_group": dict(TargetGroup.objects.values_list("slug", "name")),
        "partner_type": dict(PartnerType.objects.values_list("slug", "name")),
        "phase": dict(ProcessPhase.objects.values_list("slug", "name")),
        "status": dict(PracticeStatus.objects.values_list("slug", "name")),
    }


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
        visibilities=user_visibilities(user),
        sort=params.sort,
        page=params.page,
        page_size=PAGE_SIZE,
    )
    result, backend, fallback = _run(request)
    stems = query.highlight_stems()
    results = [
        ResultItem(
            type=hit.doc_type,
            type_label=str(TYPE_LABELS.get(hit.doc_type, hit.doc_type)),
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
    for facet in FACETS:
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
