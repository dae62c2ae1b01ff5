"""Reads of the practice library; each owns its joins so pages keep a constant query count."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

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
