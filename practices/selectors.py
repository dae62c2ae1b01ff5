"""Reads of the practice library; each owns its joins so pages keep a constant query count."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.cache import cache
from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import pgettext_lazy
from wagtail.models import Page, WorkflowState

from cms.access import visible_pages
from cms.ranking import rrf

from .models import (
    Bundesland,
    Jobcenter,
    PartnerType,
    PracticePage,
    PracticeStatus,
    ProcessPhase,
    Regionaldirektion,
    TargetGroup,
    Topic,
)

SORTS = {"neueste": ("-first_published_at", "-pk"), "titel": ("title", "pk")}
DEFAULT_SORT = "neueste"


@dataclass(frozen=True)
class PracticeFilters:
    topics: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    partner_types: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    bundeslaender: list[str] = field(default_factory=list)
    regionaldirektionen: list[str] = field(default_factory=list)
    jobcenters: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = DEFAULT_SORT

    @property
    def active_count(self) -> int:
        """How many filters narrow the list (the sort order does not), for "Filter (n)"."""
        chosen = (
            self.topics,
            self.target_groups,
            self.partner_types,
            self.phases,
            self.statuses,
            self.bundeslaender,
            self.regionaldirektionen,
            self.jobcenters,
        )
        years = (self.year_from, self.year_to)
        return sum(len(values) for values in chosen) + sum(year is not None for year in years)


# Filter parameter → the model whose values it offers and the field that names a value in URLs.
FILTER_CHOICE_SOURCES = {
    "handlungsfeld": (Topic, "slug"),
    "zielgruppe": (TargetGroup, "slug"),
    "partner": (PartnerType, "slug"),
    "phase": (ProcessPhase, "slug"),
    "status": (PracticeStatus, "slug"),
    "bundesland": (Bundesland, "code"),
    "rd": (Regionaldirektion, "slug"),
    "jobcenter": (Jobcenter, "slug"),
}
FILTER_CHOICES_KEY = "practices:filter-choices:2"
# A change clears the choices of the process that made it; other processes (whose cache is
# their own unless a shared one is configured) see it after this many seconds at the latest.
FILTER_CHOICES_SECONDS = 300


def practice_filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The values each filter of the library offers, as (parameter value, name) in order.

    Every list page shows all of them, and they change rarely: they are read once and kept
    in the cache until one of them changes.
    """
    choices = cache.get(FILTER_CHOICES_KEY)
    if choices is None:
        choices = {
            name: list(model.objects.values_list(key, "name"))
            for name, (model, key) in FILTER_CHOICE_SOURCES.items()
        }
        cache.set(FILTER_CHOICES_KEY, choices, FILTER_CHOICES_SECONDS)
    return choices


def practice_filter_choices_forget() -> None:
    cache.delete(FILTER_CHOICES_KEY)


def practice_visible(*, user) -> QuerySet[PracticePage]:
    """Live practices the user may see, nothing loaded with them."""
    return visible_pages(PracticePage.objects.live(), user)


def practice_base_queryset(*, user) -> QuerySet[PracticePage]:
    """Live practices the user may see, with what a card shows, in a fixed number of queries."""
    return (
        practice_visible(user=user)
        .select_related("status")
        .prefetch_related(
            "topics",
            "target_groups",
            "bundeslaender",
            Prefetch("jobcenters", queryset=Jobcenter.objects.select_related("bundesland")),
        )
    )


def practice_list(*, filters: PracticeFilters, user) -> QuerySet[PracticePage]:
    queryset = practice_base_queryset(user=user)
    for relation, slugs in [
        ("topics__slug", filters.topics),
        ("target_groups__slug", filters.target_groups),
        ("partners__partner_type__slug", filters.partner_types),
        ("phases__slug", filters.phases),
        ("status__slug", filters.statuses),
        ("bundeslaender__code", filters.bundeslaender),
        ("jobcenters__slug", filters.jobcenters),
    ]:
        if slugs:
            # Values of one filter widen the result (OR); different filters narrow it (AND).
            # A subquery of ids per filter, rather than joins folded by DISTINCT, spares the
            # database comparing whole rows (bodies included) of every matching practice.
            matching = PracticePage.objects.filter(**{f"{relation}__in": slugs}).values("pk")
            queryset = queryset.filter(pk__in=matching)
    if filters.regionaldirektionen:
        # A practice lies in a Regionaldirektion through its own Länder or its Jobcenters'.
        rds = filters.regionaldirektionen
        by_land = PracticePage.objects.filter(bundeslaender__regionaldirektion__slug__in=rds)
        by_jobcenter = PracticePage.objects.filter(
            jobcenters__bundesland__regionaldirektion__slug__in=rds
        )
        queryset = queryset.filter(
            Q(pk__in=by_land.values("pk")) | Q(pk__in=by_jobcenter.values("pk"))
        )
    if filters.year_to is not None:
        queryset = queryset.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=date(filters.year_to, 12, 31))
        )
    if filters.year_from is not None:
        queryset = queryset.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=date(filters.year_from, 1, 1))
        )
    return queryset.order_by(*SORTS.get(filters.sort, SORTS[DEFAULT_SORT]))


# Candidates ranked per round before their visibility is checked: enough that a few the user may
# not see still leave ``limit`` to show.
SIMILAR_CANDIDATES_PER_SHOWN = 10
# The most neighbours by meaning a related list asks for (``search.similar.MAX_LIMIT``).
MEANING_CANDIDATES = 20


def practice_similar(*, practice: PracticePage, user, limit: int = 3) -> list[PracticePage]:
    """Practices closest to ``practice`` in meaning and in fields of action and target groups."""
    return practices_related(
        page=practice,
        topic_ids=[topic.pk for topic in practice.topics.all()],
        group_ids=[group.pk for group in practice.target_groups.all()],
        user=user,
        exclude_ids=[practice.pk] if practice.pk is not None else [],
        limit=limit,
    )


def page_ids_near_in_meaning(*, page, user, doc_type: str, limit: int) -> list[int]:
    """Ids of the pages of ``doc_type`` closest in meaning to ``page`` that ``user`` may find,
    closest first. Empty when the semantic search is off or ``page`` has no vector yet."""
    from search.similar import similar_documents

    from .search import page_document_id

    doc_id = page_document_id(page) if page is not None else None
    if doc_id is None or limit <= 0:
        return []
    found = similar_documents(user=user, doc_id=doc_id, types=[doc_type], limit=limit)
    return [int(item.object_id) for item in found if item.object_id.isdigit()]


def practices_related(
    *, page=None, topic_ids: list[int], group_ids: list[int], user, exclude_ids=(), limit: int
) -> list[PracticePage]:
    """Practices the user may see, related to ``page`` by meaning and by the given terms.

    Two rankings, fused by reciprocal rank (``cms.ranking.rrf``): the nearest practices by
    meaning, and those sharing the most terms, newest first. The terms are ranked on the link
    tables alone, grouped by page id, so the work follows the practices that share a term
    rather than the whole library; only the ``limit`` shown are loaded in full. Without
    vectors (semantic search off, or none stored yet) the shared terms alone decide.
    """
    if limit <= 0:
        return []
    exclude_ids = list(exclude_ids)
    batch = limit * SIMILAR_CANDIDATES_PER_SHOWN
    by_meaning = [
        pk
        for pk in page_ids_near_in_meaning(
            page=page,
            user=user,
            doc_type="practice",
            limit=min(batch, MEANING_CANDIDATES),
        )
        if pk not in exclude_ids
    ]
    has_terms = bool(topic_ids or group_ids)
    if not has_terms and not by_meaning:
        return []
    ranked = _similar_ranking(topic_ids, group_ids, exclude_ids, batch) if has_terms else []
    # The index's audience tokens already filtered the neighbours; the page rules decide.
    visible = set(
        practice_visible(user=user)
        .filter(pk__in={*by_meaning, *ranked})
        .values_list("pk", flat=True)
    )
    by_meaning = [pk for pk in by_meaning if pk in visible]
    chosen = rrf([by_meaning, [pk for pk in ranked if pk in visible]])[:limit]
    if len(chosen) < limit and len(ranked) == batch:
        # The best candidates are hidden from this user: rank once more among those they may see.
        allowed = practice_visible(user=user).values("pk")
        ranked = _similar_ranking(topic_ids, group_ids, exclude_ids, batch, among=allowed)
        chosen = rrf([by_meaning, ranked])[:limit]
    pages = practice_base_queryset(user=user).in_bulk(chosen)
    return [pages[pk] for pk in chosen if pk in pages]


def _similar_ranking(
    topic_ids: list[int],
    group_ids: list[int],
    exclude_ids: list[int],
    limit: int,
    among: QuerySet | None = None,
) -> list[int]:
    """Ids of live practices by shared terms, then newest first; ``among`` narrows them.

    In SQL of its own because the ORM cannot group the rows of a UNION of the two link tables.
    """
    qn = connection.ops.quote_name
    links = []
    params: list = []
    for relation, ids in (("topics", topic_ids), ("target_groups", group_ids)):
        if not ids:
            continue
        through = getattr(PracticePage, relation).through._meta
        page_column = through.get_field("practicepage").column
        term_column = next(
            field.column
            for field in through.fields
            if field.is_relation and field.related_model is not PracticePage
        )
        links.append(
            f"SELECT {qn(page_column)} AS page_id FROM {qn(through.db_table)}"
            f" WHERE {qn(term_column)} IN ({', '.join(['%s'] * len(ids))})"
        )
        params += ids
    page_table = qn(Page._meta.db_table)
    sql = (
        f"SELECT links.page_id FROM ({' UNION ALL '.join(links)}) links"
        f" INNER JOIN {page_table} page ON page.{qn(Page._meta.pk.column)} = links.page_id"
        f" WHERE page.{qn('live')} = %s"
    )
    params.append(True)
    if exclude_ids:
        sql += f" AND links.page_id NOT IN ({', '.join(['%s'] * len(exclude_ids))})"
        params += exclude_ids
    if among is not None:
        among_sql, among_params = among.query.sql_with_params()
        sql += f" AND links.page_id IN ({among_sql})"
        params += list(among_params)
    sql += (
        f" GROUP BY links.page_id, page.{qn('first_published_at')}"
        f" ORDER BY COUNT(*) DESC, page.{qn('first_published_at')} DESC, links.page_id DESC"
        " LIMIT %s"
    )
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def jobcenter_practices(*, jobcenter: Jobcenter, user) -> QuerySet[PracticePage]:
    return practice_base_queryset(user=user).filter(jobcenters=jobcenter).order_by("title")


def practice_submissions(*, user) -> QuerySet[PracticePage]:
    """The practices ``user`` submitted, newest first, each with its reviews (newest first).

    What ``submission_state`` reads comes with them, in a fixed number of queries.
    """
    reviews = WorkflowState.objects.select_related(
        "current_task_state__finished_by", "review_decline__declined_by"
    ).order_by("-created_at", "-pk")
    return (
        PracticePage.objects.filter(submitted_by=user)
        # A queryset of the page type itself: its reviews hang on the specific content type.
        .prefetch_related(
            Prefetch("_specific_workflow_states", queryset=reviews, to_attr="submission_reviews")
        )
        .order_by("-pk")
    )


@dataclass(frozen=True)
class SubmissionState:
    """Where a member's submission stands, as the member sees it."""

    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    PUBLISHED = "published"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"

    code: str
    label: str
    note: str = ""
    by: object | None = None
    at: datetime | None = None
    submitted_at: datetime | None = None


def submission_state(page: PracticePage) -> SubmissionState:
    """The state of ``page`` for the member who submitted it (from ``practice_submissions``)."""
    reviews = getattr(page, "submission_reviews", None)
    if reviews is None:
        reviews = list(
            page.workflow_states.select_related(
                "current_task_state__finished_by", "review_decline__declined_by"
            ).order_by("-created_at", "-pk")
        )
    latest = reviews[0] if reviews else None
    submitted_at = reviews[-1].created_at if reviews else page.latest_revision_created_at
    if page.live:
        return SubmissionState(
            SubmissionState.PUBLISHED,
            pgettext_lazy("submission state", "Published"),
            at=page.first_published_at,
            submitted_at=submitted_at,
        )
    decline = getattr(latest, "review_decline", None) if latest else None
    if decline is not None:
        return SubmissionState(
            SubmissionState.DECLINED,
            pgettext_lazy("submission state", "Declined"),
            note=decline.reason,
            by=decline.declined_by,
            at=decline.declined_at,
            submitted_at=submitted_at,
        )
    if (
        latest is not None
        and latest.status == WorkflowState.STATUS_NEEDS_CHANGES
        # Changes the Redaktion asks of an editor who took the page over are theirs to make.
        and latest.requested_by_id == page.submitted_by_id
    ):
        task_state = latest.current_task_state
        return SubmissionState(
            SubmissionState.CHANGES_REQUESTED,
            pgettext_lazy("submission state", "Changes requested"),
            note=(task_state.comment if task_state else "") or "",
            by=task_state.finished_by if task_state else None,
            at=task_state.finished_at if task_state else None,
            submitted_at=submitted_at,
        )
    if page.first_published_at is not None and not (latest is not None and latest.is_active):
        return SubmissionState(
            SubmissionState.WITHDRAWN,
            pgettext_lazy("submission state", "No longer published"),
            submitted_at=submitted_at,
        )
    return SubmissionState(
        SubmissionState.IN_REVIEW,
        pgettext_lazy("submission state", "In review"),
        submitted_at=submitted_at,
    )
