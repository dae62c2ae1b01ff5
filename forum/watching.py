"""Watching topics and categories: the levels "Beobachten", "Normal" and "Stumm".

A member's level for a topic is the first that applies of: their watch of the topic, of its
category, of the parent category; otherwise "Normal". Starting or replying to a topic watches
it, unless the member has chosen a level for that topic already.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Category, Topic, Watch, WatchLevel
from .permissions import ForumPermissions

DEFAULT_LEVEL = WatchLevel.NORMAL


def _target(topic: Topic | None, category: Category | None) -> dict:
    if (topic is None) == (category is None):
        raise ValueError("Give exactly one of topic and category.")
    return {"topic": topic} if topic is not None else {"category": category}


@transaction.atomic
def watch_set(
    *, user, level: str, topic: Topic | None = None, category: Category | None = None
) -> Watch:
    """Set ``user``'s level for a topic or a category they may read."""
    target = _target(topic, category)
    if level not in WatchLevel.values:
        raise ValidationError({"level": _("Please choose one of the offered levels.")})
    if not ForumPermissions(user).can_watch(topic or category):
        raise PermissionDenied(_("You may not read this part of the forum."))
    watch, _created = Watch.objects.update_or_create(
        user=user, **target, defaults={"level": level, "updated_at": timezone.now()}
    )
    return watch


def watch_remove(*, user, topic: Topic | None = None, category: Category | None = None) -> bool:
    """Forget ``user``'s own level for the topic or category (the inherited one applies)."""
    deleted, _rows = Watch.objects.filter(user=user, **_target(topic, category)).delete()
    return bool(deleted)


def watch_auto(*, user, topic: Topic) -> None:
    """Watch a topic one has written in, unless one chose a level for it before."""
    if user is None:
        return
    Watch.objects.get_or_create(user=user, topic=topic, defaults={"level": WatchLevel.WATCHING})


def levels_for_topic(*, topic: Topic, user_ids=None) -> dict[int, str]:
    """User id → their effective level for ``topic``, for everyone with a watch that applies.

    Members without an entry are at the default level. Two queries at most, whatever the number
    of members. ``user_ids`` limits the answer to those members.
    """
    category_ids = [topic.category_id]
    parent_id = Category.objects.filter(pk=topic.category_id).values_list("parent_id", flat=True)
    parent_id = parent_id.first()
    if parent_id:
        category_ids.append(parent_id)
    watches = Watch.objects.filter(Q(topic=topic) | Q(category_id__in=category_ids))
    if user_ids is not None:
        watches = watches.filter(user_id__in=list(user_ids))
    ranked: dict[int, tuple[int, str]] = {}
    for user_id, topic_id, category_id, level in watches.values_list(
        "user_id", "topic_id", "category_id", "level"
    ):
        # Topic before category before parent category.
        rank = 0 if topic_id else (1 if category_id == topic.category_id else 2)
        if user_id not in ranked or rank < ranked[user_id][0]:
            ranked[user_id] = (rank, level)
    return {user_id: level for user_id, (_rank, level) in ranked.items()}


@dataclass
class WatchState:
    level: str
    own: bool  # chosen for this topic or category itself, not inherited
    inherited_from: Category | None = None


def watch_state(*, user, topic: Topic | None = None, category: Category | None = None):
    """What a topic or category page shows in its "Benachrichtigungen" control; one query."""
    if topic is not None:
        own_category = topic.category
        filters = Q(topic=topic)
    else:
        own_category = category
        filters = Q()
    category_ids = [own_category.pk] + ([own_category.parent_id] if own_category.parent_id else [])
    watches = list(
        Watch.objects.filter(user=user).filter(filters | Q(category_id__in=category_ids))
    )
    if topic is not None:
        for watch in watches:
            if watch.topic_id == topic.pk:
                return WatchState(level=watch.level, own=True)
    for watch in watches:
        if watch.category_id == own_category.pk:
            if topic is None:
                return WatchState(level=watch.level, own=True)
            return WatchState(level=watch.level, own=False, inherited_from=own_category)
    for watch in watches:
        if own_category.parent_id and watch.category_id == own_category.parent_id:
            return WatchState(level=watch.level, own=False, inherited_from=own_category.parent)
    return WatchState(level=DEFAULT_LEVEL, own=False)


def watch_list(*, user, permissions: ForumPermissions) -> tuple[QuerySet, QuerySet]:
    """The member's topic watches and category watches, where they may still read."""
    readable = permissions.readable_category_ids()
    topics = (
        Watch.objects.filter(user=user, topic__category_id__in=readable)
        .select_related("topic__category")
        .order_by("-topic__last_activity_at", "-pk")
    )
    categories = (
        Watch.objects.filter(user=user, category_id__in=readable)
        .select_related("category__parent")
        .order_by("category__sort_order", "category__name")
    )
    return topics, categories
