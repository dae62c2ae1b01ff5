"""Building forum content for tests without going through the rights checks of the services."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from forum.markup import render_markdown
from forum.models import (
    Category,
    CategoryGroupPermission,
    PermissionState,
    Post,
    PostRevision,
    Topic,
)
from search.indexing import outbox_batch

RESTRICTED_CODES = (
    "see_category",
    "read_category",
    "start_topics",
    "reply_topics",
    "edit_own_posts",
    "delete_own_posts",
)


def create_category(name: str = "Netzwerkarbeit", slug: str | None = None, **fields) -> Category:
    from django.utils.text import slugify

    return Category.objects.create(name=name, slug=slug or slugify(name), **fields)


def restrict_category(category: Category, *, deny: str, grant: str) -> None:
    """Limit ``category`` to group ``grant``, taking the rights away from group ``deny``."""
    for group_name, state in ((deny, PermissionState.DENIED), (grant, PermissionState.GRANTED)):
        group = Group.objects.get_or_create(name=group_name)[0]
        CategoryGroupPermission.objects.update_or_create(
            category=category, group=group, defaults=dict.fromkeys(RESTRICTED_CODES, state)
        )


def set_category_rights(category: Category, group_name: str, **states) -> None:
    group = Group.objects.get_or_create(name=group_name)[0]
    CategoryGroupPermission.objects.update_or_create(
        category=category, group=group, defaults=states
    )


def create_topic(
    category: Category,
    author,
    *,
    title: str = "Wie bindet ihr die Suchtberatung ein?",
    body: str = "Wir suchen Erfahrungen.",
    replies=(),
    start=None,
) -> Topic:
    """A topic with its question and ``replies`` as (author, body) pairs, in one go."""
    start = start or timezone.now() - timedelta(hours=1)
    # Indexed once, when it is complete, as the forum's own service does it.
    with outbox_batch():
        topic = Topic.objects.create(
            category=category, title=title, author=author, created_at=start, last_activity_at=start
        )
        entries = [(author, body), *replies]
        posts = Post.objects.bulk_create(
            Post(
                topic=topic,
                number=number,
                author=post_author,
                body=text,
                body_html=render_markdown(text),
                created_at=start + timedelta(seconds=number),
            )
            for number, (post_author, text) in enumerate(entries, start=1)
        )
        PostRevision.objects.bulk_create(
            PostRevision(
                post=post, number=1, body=post.body, editor=post.author, created_at=post.created_at
            )
            for post in posts
        )
        topic.first_post = posts[0]
        topic.last_post = posts[-1]
        topic.post_count = len(posts)
        topic.last_activity_at = posts[-1].created_at
        topic.save()
    return topic
