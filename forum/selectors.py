"""Reads of the forum. Each owns its joins so a page costs the same queries at any data size."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    Category,
    HelpfulVote,
    ModerationLogEntry,
    Post,
    PostRevision,
    ReadMark,
    Report,
    ReportStatus,
    Silence,
    Topic,
    TopicReadState,
)
from .permissions import ForumPermissions

TOPICS_PER_PAGE = 25
POSTS_PER_PAGE = 20

SORT_ACTIVITY = "aktivitaet"
SORT_NEWEST = "neu"
SORTS = {
    SORT_ACTIVITY: (_("Last activity"), ["-last_activity_at", "-pk"]),
    SORT_NEWEST: (_("Newest"), ["-created_at", "-pk"]),
}


def sort_key(value: str | None) -> str:
    return value if value in SORTS else SORT_ACTIVITY


# Categories


@dataclass
class CategoryNode:
    category: Category
    children: list[CategoryNode] = field(default_factory=list)


def category_tree(*, permissions: ForumPermissions) -> list[CategoryNode]:
    """The categories the member may see, main categories with their sub-categories, with totals."""
    visible = permissions.visible_category_ids()
    categories = (
        Category.objects.filter(pk__in=visible)
        .annotate(
            topic_count=Count("topics"),
            post_count=Sum("topics__post_count"),
            last_activity=Max("topics__last_activity_at"),
        )
        .order_by("sort_order", "name")
    )
    nodes = {category.pk: CategoryNode(category) for category in categories}
    roots = []
    for node in nodes.values():
        parent_id = node.category.parent_id
        if parent_id is None:
            roots.append(node)
        elif parent_id in nodes:
            nodes[parent_id].children.append(node)
    return roots


def category_by_slug(*, slug: str) -> Category | None:
    return Category.objects.select_related("parent").filter(slug=slug).first()


def subcategories(*, category: Category, permissions: ForumPermissions) -> list[Category]:
    return list(
        category.children.filter(pk__in=permissions.visible_category_ids()).annotate(
            topic_count=Count("topics"), last_activity=Max("topics__last_activity_at")
        )
    )


# Topic lists


def _read_mark(user) -> datetime | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return ReadMark.objects.filter(user=user).values_list("marked_at", flat=True).first()


def topic_list(
    *,
    user,
    category_ids: set[int] | list[int],
    sort: str = SORT_ACTIVITY,
    pinned_first: bool = False,
) -> QuerySet[Topic]:
    """Topics of the given categories with everything a list row shows."""
    ordering = SORTS[sort_key(sort)][1]
    if pinned_first:
        ordering = ["-is_pinned", *ordering]
    topics = (
        Topic.objects.filter(category_id__in=category_ids)
        .select_related("category", "author", "last_post__author")
        .prefetch_related("fields_of_action")
        .order_by(*ordering)
    )
    if getattr(user, "is_authenticated", False):
        topics = topics.annotate(
            last_read_number=Subquery(
                TopicReadState.objects.filter(user=user, topic=OuterRef("pk")).values(
                    "last_read_number"
                )[:1]
            )
        )
    return topics


def mark_unread(topics, *, user) -> list[Topic]:
    """Set ``is_unread`` on the topics of one page (from ``topic_list``); one query."""
    topics = list(topics)
    marked_at = _read_mark(user) if topics else None
    for topic in topics:
        topic.is_unread = _is_unread(topic, getattr(topic, "last_read_number", None), marked_at)
    return topics


def _is_unread(topic: Topic, last_read_number: int | None, marked_at: datetime | None) -> bool:
    if marked_at is not None and topic.last_activity_at <= marked_at:
        return False
    return (last_read_number or 0) < topic.post_count


def readable_topic_list(
    *, user, permissions: ForumPermissions, sort: str = SORT_ACTIVITY, unread_only: bool = False
):
    """ "Neueste Themen": every topic the member may read, or only those with unread posts."""
    topics = topic_list(user=user, category_ids=permissions.readable_category_ids(), sort=sort)
    if unread_only and getattr(user, "is_authenticated", False):
        topics = topics.filter(
            Q(last_read_number__isnull=True) | Q(last_read_number__lt=F("post_count"))
        )
        marked_at = _read_mark(user)
        if marked_at is not None:
            topics = topics.filter(last_activity_at__gt=marked_at)
    return topics


def latest_topics(*, user, permissions: ForumPermissions, limit: int = 5) -> list[Topic]:
    return mark_unread(readable_topic_list(user=user, permissions=permissions)[:limit], user=user)


# One topic


def topic_detail(*, pk: int) -> Topic | None:
    return (
        Topic.objects.select_related("category__parent", "author", "practice", "solution__author")
        .prefetch_related("fields_of_action")
        .filter(pk=pk)
        .first()
    )


def topic_posts(*, topic: Topic, user) -> QuerySet[Post]:
    """The posts of ``topic`` in order, each knowing whether ``user`` found it helpful or
    reported it, and how many reports wait for the moderators."""
    open_reports = (
        Report.objects.filter(post=OuterRef("pk"), status=ReportStatus.OPEN)
        .order_by()
        .values("post")
        .annotate(count=Count("pk"))
        .values("count")
    )
    posts = (
        Post.objects.filter(topic=topic)
        .select_related("author")
        .annotate(
            open_report_count=Coalesce(Subquery(open_reports, output_field=IntegerField()), 0)
        )
        .order_by("number")
    )
    if getattr(user, "is_authenticated", False):
        posts = posts.annotate(
            voted_helpful=Exists(HelpfulVote.objects.filter(post=OuterRef("pk"), user=user)),
            reported_by_me=Exists(
                Report.objects.filter(post=OuterRef("pk"), reporter=user, status=ReportStatus.OPEN)
            ),
        )
    return posts


def attach_topic(posts, topic: Topic) -> list[Post]:
    """Give each post the already loaded topic, so permission checks need no query."""
    posts = list(posts)
    for post in posts:
        post.topic = topic
    return posts


def post_detail(*, pk: int) -> Post | None:
    return Post.objects.select_related("topic__category", "author").filter(pk=pk).first()


def page_of_post(number: int) -> int:
    return (number - 1) // POSTS_PER_PAGE + 1


def read_position(*, topic: Topic, user) -> int:
    """How many posts of ``topic`` ``user`` has seen, counting "mark everything as read"."""
    if not getattr(user, "is_authenticated", False):
        return 0
    last_read = (
        TopicReadState.objects.filter(user=user, topic=topic)
        .values_list("last_read_number", flat=True)
        .first()
    ) or 0
    marked_at = _read_mark(user)
    if last_read >= topic.post_count:
        return topic.post_count
    if marked_at is None:
        return last_read
    if topic.last_activity_at <= marked_at:
        return topic.post_count
    # Posts are numbered in the order they were written.
    seen = Post.objects.filter(topic=topic, created_at__lte=marked_at).aggregate(
        seen=Max("number")
    )["seen"]
    return max(last_read, seen or 0)


# Revisions


@dataclass
class RevisionDiff:
    revision: PostRevision
    lines: list[tuple[str, str]]  # ("added" | "removed" | "same", text)


def post_revision_diffs(*, post: Post) -> list[RevisionDiff]:
    """Each revision of ``post`` with what changed against the one before, newest first."""
    revisions = list(post.revisions.select_related("editor").order_by("number"))
    diffs = []
    previous = ""
    for revision in revisions:
        lines = []
        for line in difflib.ndiff(previous.splitlines(), revision.body.splitlines()):
            marker, text = line[:2], line[2:]
            if marker == "+ ":
                lines.append(("added", text))
            elif marker == "- ":
                lines.append(("removed", text))
            elif marker == "  ":
                lines.append(("same", text))
        diffs.append(RevisionDiff(revision=revision, lines=lines))
        previous = revision.body
    return list(reversed(diffs))


# Members


def member_by_username(*, username: str):
    return get_user_model().objects.filter(username=username, is_active=True).first()


def member_topics(*, member, permissions: ForumPermissions, limit: int = 10) -> list[Topic]:
    return list(
        Topic.objects.filter(author=member, category_id__in=permissions.readable_category_ids())
        .select_related("category")
        .order_by("-created_at")[:limit]
    )


def member_posts(*, member, permissions: ForumPermissions, limit: int = 10) -> list[Post]:
    return list(
        Post.objects.filter(
            author=member,
            is_deleted=False,
            is_hidden=False,
            number__gt=1,
            topic__category_id__in=permissions.readable_category_ids(),
        )
        .select_related("topic")
        .order_by("-created_at")[:limit]
    )


def member_counts(*, member, permissions: ForumPermissions) -> dict[str, int]:
    readable = permissions.readable_category_ids()
    return Post.objects.filter(author=member, topic__category_id__in=readable).aggregate(
        topics=Count("pk", filter=Q(number=1)),
        replies=Count("pk", filter=Q(number__gt=1, is_deleted=False)),
        helpful=Sum("helpful_count", filter=Q(is_deleted=False), default=0),
    )


# Practices


def practice_topics(*, practice, permissions: ForumPermissions, limit: int = 5) -> list[Topic]:
    return list(
        Topic.objects.filter(practice=practice, category_id__in=permissions.readable_category_ids())
        .select_related("category", "author")
        .order_by("-last_activity_at")[:limit]
    )


# Moderation


def moderation_queue(*, permissions: ForumPermissions) -> QuerySet[Post]:
    """Posts with open reports in the categories the member moderates; hidden ones first."""
    open_reports = Report.objects.filter(status=ReportStatus.OPEN).select_related("reporter")
    return (
        Post.objects.filter(
            reports__status=ReportStatus.OPEN,
            topic__category_id__in=permissions.moderated_category_ids(),
        )
        .annotate(
            open_report_count=Count("reports", filter=Q(reports__status=ReportStatus.OPEN)),
            first_reported_at=Min("reports__created_at", filter=Q(reports__status="open")),
        )
        .select_related("topic__category", "author")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
        .order_by("-is_hidden", "first_reported_at", "pk")
    )


def personal_data_queue(*, permissions: ForumPermissions) -> QuerySet[Post]:
    """Posts published despite the data-protection warning that no moderator has checked yet,
    in the categories the member moderates; the oldest first."""
    return (
        Post.objects.filter(
            personal_data_confirmed_at__isnull=False,
            personal_data_checked_at__isnull=True,
            topic__category_id__in=permissions.moderated_category_ids(),
        )
        .select_related("topic__category", "author")
        .order_by("personal_data_confirmed_at", "pk")
    )


def moderation_post(*, pk: int) -> Post | None:
    return (
        Post.objects.select_related(
            "topic__category__parent", "author", "hidden_by", "personal_data_checked_by"
        )
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.select_related("reporter", "decided_by").order_by(
                    "-created_at"
                ),
                to_attr="all_reports",
            )
        )
        .filter(pk=pk)
        .first()
    )


def moderation_log(*, permissions: ForumPermissions) -> QuerySet[ModerationLogEntry]:
    """Entries about the categories the member moderates; forum-wide moderators see all."""
    entries = ModerationLogEntry.objects.select_related(
        "actor", "member", "topic", "post", "category"
    ).order_by("-created_at", "-pk")
    if permissions.is_global_moderator():
        return entries
    return entries.filter(category_id__in=permissions.moderated_category_ids())


def active_silences() -> QuerySet[Silence]:
    return (
        Silence.objects.filter(until__gt=timezone.now(), lifted_at__isnull=True)
        .select_related("user", "created_by")
        .order_by("until")
    )
