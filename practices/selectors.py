"""Reads of the practice library; each owns its joins so pages keep a constant query count."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import pgettext_lazy
from wagtail.models import WorkflowState

from cms.access import visible_pages

from .models import Jobcenter, PracticePage

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
    jobcenters: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = DEFAULT_SORT


def practice_base_queryset(*, user) -> QuerySet[PracticePage]:
    """Live practices the user may see, with what a card shows, in a fixed number of queries."""
    queryset = PracticePage.objects.live().select_related("status")
    return visible_pages(queryset, user).prefetch_related(
        "topics",
        "target_groups",
        "bundeslaender",
        Prefetch("jobcenters", queryset=Jobcenter.objects.select_related("bundesland")),
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
            # Values of one filter widen the result (OR); different filters narrow it (AND):
            # each filter() call joins the relation anew, DISTINCT folds the duplicates.
            queryset = queryset.filter(**{f"{relation}__in": slugs}).distinct()
    if filters.year_to is not None:
        queryset = queryset.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=date(filters.year_to, 12, 31))
        )
    if filters.year_from is not None:
        queryset = queryset.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=date(filters.year_from, 1, 1))
        )
    return queryset.order_by(*SORTS.get(filters.sort, SORTS[DEFAULT_SORT]))


def practice_similar(*, practice: PracticePage, user, limit: int = 3) -> list[PracticePage]:
    """Practices sharing the most fields of action and target groups with ``practice``."""
    topic_ids = [topic.pk for topic in practice.topics.all()]
    group_ids = [group.pk for group in practice.target_groups.all()]
    if not topic_ids and not group_ids:
        return []
    # An empty ``__in`` list makes its whole Count (and so the sum) empty: count only what is set.
    counts = [
        Count(relation, filter=Q(**{f"{relation}__in": ids}), distinct=True)
        for relation, ids in (("topics", topic_ids), ("target_groups", group_ids))
        if ids
    ]
    queryset = (
        practice_base_queryset(user=user)
        .exclude(pk=practice.pk)
        .annotate(shared=sum(counts[1:], counts[0]))
        .filter(shared__gt=0)
        .order_by("-shared", "-first_published_at")
    )
    return list(queryset[:limit])


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
