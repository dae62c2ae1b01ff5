"""The one place that answers "may this member do that in the forum".

Rights are three-state per group (not set / granted / denied) at three levels: the category,
its parent category, and the forum-wide default. The first level at which any of the member's
groups says something decides; at that level a grant by one group wins over a denial by another,
so a category limited to a regional group stays open to members of both groups. Superusers may do
everything, members outside every group nothing.

Views, templates (through ``forum_tags``), search and feeds ask a ``ForumPermissions`` object;
``for_request`` keeps one per request, so a page full of posts costs three queries in total.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import IntegerField, Subquery
from django.utils import timezone

from cms.accounts.groups import MODERATORS, STAFF

from .models import (
    Category,
    CategoryGroupPermission,
    DefaultGroupPermission,
    GroupPermissionSet,
    PermissionState,
    Post,
    Silence,
    Topic,
)

SEE = "see_category"
READ = "read_category"
START = "start_topics"
REPLY = "reply_topics"
EDIT_OWN = "edit_own_posts"
DELETE_OWN = "delete_own_posts"
MODERATE = "moderate"
CODES = GroupPermissionSet.CODES

# The forum-wide rights created for the platform's groups when none are stored yet.
DEFAULT_GRANTS: dict[str, tuple[str, ...]] = {
    STAFF: (SEE, READ, START, REPLY, EDIT_OWN, DELETE_OWN),
    MODERATORS: CODES,
}


def ensure_default_permissions() -> None:
    """Store the default rights of the staff and moderator groups unless they have some already."""
    with transaction.atomic():
        for group_name, granted in DEFAULT_GRANTS.items():
            group, _created = Group.objects.get_or_create(name=group_name)
            DefaultGroupPermission.objects.get_or_create(
                group=group,
                defaults=dict.fromkeys(granted, PermissionState.GRANTED),
            )


def _decide(rows: list[GroupPermissionSet], code: str) -> bool | None:
    states = {getattr(row, code) for row in rows}
    if PermissionState.GRANTED in states:
        return True
    if PermissionState.DENIED in states:
        return False
    return None


def _compute_granted(
    categories: list[tuple[int, int | None]],
    by_category: dict[int, list[CategoryGroupPermission]],
    defaults: list[DefaultGroupPermission],
) -> dict[int, frozenset[str]]:
    """Category id → the codes granted there, for one member's permission rows."""

    def decide(category_id: int, parent_id: int | None, code: str) -> bool:
        for rows in (by_category.get(category_id), by_category.get(parent_id), defaults):
            if rows:
                decision = _decide(rows, code)
                if decision is not None:
                    return decision
        return False

    raw = {
        pk: frozenset(code for code in CODES if decide(pk, parent_id, code))
        for pk, parent_id in categories
    }
    granted = {}
    for pk, parent_id in categories:
        codes = raw[pk]
        # Nothing in a category one cannot see, nor below a parent one cannot see.
        if SEE not in codes or (parent_id is not None and SEE not in raw.get(parent_id, ())):
            codes = frozenset()
        elif READ not in codes:
            codes = frozenset({SEE})
        granted[pk] = codes
    return granted


# What a silenced member loses until the silence ends: everything that writes a post.
SILENCED_CODES = frozenset({START, REPLY, EDIT_OWN})


class ForumPermissions:
    """The rights of one member, worked out once for every category."""

    def __init__(self, user) -> None:
        self.user = user

    @property
    def is_authenticated(self) -> bool:
        return bool(self.user is not None and self.user.is_authenticated)

    @cached_property
    def _granted(self) -> dict[int, frozenset[str]]:
        """Category id → the codes granted there (after the see/read dependencies)."""
        self._silence_id = None
        if not self.is_authenticated or not self.user.is_active:
            return {}
        if self.user.is_superuser:
            categories = list(Category.objects.values_list("pk", "parent_id"))
            return {pk: frozenset(CODES) for pk, _parent in categories}
        # The silence in force rides along with the categories: no query of its own.
        silence = Silence.objects.filter(
            user=self.user, until__gt=timezone.now(), lifted_at__isnull=True
        ).order_by("-until")
        rows = list(
            Category.objects.annotate(
                silence_id=Subquery(silence.values("pk")[:1], output_field=IntegerField())
            ).values_list("pk", "parent_id", "silence_id")
        )
        categories = [(pk, parent_id) for pk, parent_id, _silence in rows]
        self._silence_id = rows[0][2] if rows else None

        defaults = list(DefaultGroupPermission.objects.filter(group__user=self.user))
        by_category: dict[int, list[CategoryGroupPermission]] = {}
        for row in CategoryGroupPermission.objects.filter(group__user=self.user):
            by_category.setdefault(row.category_id, []).append(row)
        granted = _compute_granted(categories, by_category, defaults)
        self._is_global_moderator = _decide(defaults, MODERATE) is True
        if self._silence_id is not None:
            granted = {pk: codes - SILENCED_CODES for pk, codes in granted.items()}
        return granted

    @property
    def is_silenced(self) -> bool:
        self._granted  # noqa: B018 (finds the silence along with the rights)
        return self._silence_id is not None

    @cached_property
    def silence(self) -> Silence | None:
        """The silence in force for this member, if any (the one lasting longest)."""
        if not self.is_silenced:
            return None
        return Silence.objects.filter(pk=self._silence_id).first()

    def has(self, category_id: int | None, code: str) -> bool:
        return code in self._granted.get(category_id, ())

    # Categories

    def can_see_category(self, category: Category) -> bool:
        return self.has(category.pk, SEE)

    def can_read_category(self, category: Category) -> bool:
        return self.has(category.pk, READ)

    def can_start_topic(self, category: Category) -> bool:
        return self.has(category.pk, READ) and self.has(category.pk, START)

    def can_moderate(self, category: Category | int) -> bool:
        category_id = category if isinstance(category, int) else category.pk
        return self.has(category_id, MODERATE)

    def visible_category_ids(self) -> set[int]:
        return {pk for pk, codes in self._granted.items() if SEE in codes}

    def readable_category_ids(self) -> set[int]:
        return {pk for pk, codes in self._granted.items() if READ in codes}

    def startable_category_ids(self) -> set[int]:
        return {pk for pk, codes in self._granted.items() if READ in codes and START in codes}

    def moderated_category_ids(self) -> set[int]:
        return {pk for pk, codes in self._granted.items() if MODERATE in codes}

    def can_moderate_category(self, category: Category | int) -> bool:
        return self.can_moderate(category)

    def can_use_moderation_queue(self) -> bool:
        return bool(self.moderated_category_ids())

    def is_global_moderator(self) -> bool:
        """Moderates through the forum-wide default rights (group "Moderation"), or superuser."""
        if not self.is_authenticated or not self.user.is_active:
            return False
        if self.user.is_superuser:
            return True
        self._granted  # noqa: B018 (computes the flag along with the rights)
        return getattr(self, "_is_global_moderator", False)

    def can_silence_members(self) -> bool:
        # A silence holds in the whole forum, so it takes a forum-wide moderator.
        return self.is_global_moderator()

    def can_move_topic(self, topic: Topic, target: Category | None = None) -> bool:
        if not self.can_moderate(topic.category_id):
            return False
        return target is None or (self.can_moderate(target.pk) and self.has(target.pk, READ))

    # Topics

    def can_read_topic(self, topic: Topic) -> bool:
        return self.has(topic.category_id, READ)

    def can_reply(self, topic: Topic) -> bool:
        if not (self.has(topic.category_id, READ) and self.has(topic.category_id, REPLY)):
            return False
        return not topic.is_locked or self.can_moderate(topic.category_id)

    def can_pin_topic(self, topic: Topic) -> bool:
        return self.can_moderate(topic.category_id)

    def can_lock_topic(self, topic: Topic) -> bool:
        return self.can_moderate(topic.category_id)

    def can_mark_solution(self, topic: Topic) -> bool:
        """Whether this member may choose (or change) the accepted answer of ``topic``."""
        if not self.has(topic.category_id, READ):
            return False
        if self.can_moderate(topic.category_id):
            return True
        return self._is_own(topic.author_id) and not topic.is_locked

    # Posts (``post.topic`` should be loaded with the post)

    def _is_own(self, author_id: int | None) -> bool:
        return self.is_authenticated and author_id is not None and author_id == self.user.pk

    def can_read_post(self, post: Post) -> bool:
        return self.can_read_topic(post.topic)

    def can_edit_post(self, post: Post) -> bool:
        topic = post.topic
        if post.is_deleted or not self.has(topic.category_id, READ):
            return False
        if self.can_moderate(topic.category_id):
            return True
        # A hidden post waits for the moderators' decision.
        return (
            self._is_own(post.author_id)
            and self.has(topic.category_id, EDIT_OWN)
            and not topic.is_locked
            and not post.is_hidden
        )

    def can_delete_post(self, post: Post) -> bool:
        topic = post.topic
        if post.is_deleted or not self.has(topic.category_id, READ):
            return False
        if self.can_moderate(topic.category_id):
            return True
        return (
            self._is_own(post.author_id)
            and self.has(topic.category_id, DELETE_OWN)
            and not topic.is_locked
        )

    def can_view_revisions(self, post: Post) -> bool:
        if not self.has(post.topic.category_id, READ):
            return False
        return self._is_own(post.author_id) or self.can_moderate(post.topic.category_id)

    def can_vote_helpful(self, post: Post) -> bool:
        return (
            self.is_authenticated
            and not post.is_deleted
            and not post.is_hidden
            and not self._is_own(post.author_id)
            and self.has(post.topic.category_id, READ)
        )

    def can_accept_as_solution(self, post: Post) -> bool:
        """Whether ``post`` may become its topic's accepted answer by this member's hand."""
        return (
            not post.is_deleted
            and not post.is_hidden
            and not post.is_question
            and self.can_mark_solution(post.topic)
        )

    def can_quote(self, post: Post) -> bool:
        return not post.is_deleted and not post.is_hidden and self.can_reply(post.topic)

    def can_see_post_content(self, post: Post) -> bool:
        """Hidden posts show their text to their author and the moderators only."""
        if not post.is_hidden:
            return self.can_read_post(post)
        return self.can_read_post(post) and (
            self._is_own(post.author_id) or self.can_moderate(post.topic.category_id)
        )

    def can_report(self, post: Post) -> bool:
        return (
            self.is_authenticated
            and not post.is_deleted
            and not self._is_own(post.author_id)
            and not self.is_silenced
            and self.has(post.topic.category_id, READ)
        )

    def can_hide_post(self, post: Post) -> bool:
        return not post.is_deleted and self.can_moderate(post.topic.category_id)

    def can_redact_post(self, post: Post) -> bool:
        return self.can_moderate(post.topic.category_id)

    def can_watch(self, obj: Topic | Category) -> bool:
        category_id = obj.pk if isinstance(obj, Category) else obj.category_id
        return self.has(category_id, READ)


def for_request(request) -> ForumPermissions:
    """The permission handler of ``request.user``, built once per request."""
    handler = getattr(request, "_forum_permissions", None)
    if handler is None or handler.user is not request.user:
        handler = ForumPermissions(request.user)
        request._forum_permissions = handler
    return handler


def readable_category_ids(user) -> set[int]:
    """Ids of the categories whose topics ``user`` may read (for search and feeds)."""
    return ForumPermissions(user).readable_category_ids()


def readable_topics(user, queryset=None):
    """The topics ``user`` may read, as a queryset (for search and feeds)."""
    queryset = Topic.objects.all() if queryset is None else queryset
    return queryset.filter(category_id__in=readable_category_ids(user))


def members_who_can_read(users: Iterable, category: Category | int | None = None) -> list:
    """Those of ``users`` who may read topics in ``category`` (any category if ``None``).

    Decides for many members at once with the same rules as ``ForumPermissions``, in four
    queries whatever the number of members: mentions, the mention autocomplete and
    notifications ask it.
    """
    users = [user for user in users if user is not None and user.is_active]
    if not users:
        return []
    category_id = category.pk if isinstance(category, Category) else category
    categories = list(Category.objects.values_list("pk", "parent_id"))
    rows_by_group: dict[int, list[CategoryGroupPermission]] = {}
    for row in CategoryGroupPermission.objects.all():
        rows_by_group.setdefault(row.group_id, []).append(row)
    defaults_by_group: dict[int, list[DefaultGroupPermission]] = {}
    for row in DefaultGroupPermission.objects.all():
        defaults_by_group.setdefault(row.group_id, []).append(row)
    memberships: dict[int, set[int]] = {}
    through = get_user_model().groups.through
    for user_id, group_id in through.objects.filter(
        user_id__in=[user.pk for user in users if not user.is_superuser]
    ).values_list("user_id", "group_id"):
        memberships.setdefault(user_id, set()).add(group_id)

    readers = []
    for user in users:
        if user.is_superuser:
            readers.append(user)
            continue
        groups = memberships.get(user.pk, set())
        by_category: dict[int, list[CategoryGroupPermission]] = {}
        defaults: list[DefaultGroupPermission] = []
        for group_id in groups:
            for row in rows_by_group.get(group_id, ()):
                by_category.setdefault(row.category_id, []).append(row)
            defaults.extend(defaults_by_group.get(group_id, ()))
        granted = _compute_granted(categories, by_category, defaults)
        if category_id is None:
            if any(READ in codes for codes in granted.values()):
                readers.append(user)
        elif READ in granted.get(category_id, ()):
            readers.append(user)
    return readers
