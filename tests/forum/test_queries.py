"""The forum's pages cost the same number of queries at 10 and at 1,000 posts or topics."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from forum.markup import render_markdown
from forum.models import HelpfulVote, Post, Topic
from practices.models import Topic as FieldOfAction
from tests.factories import create_user

from .helpers import create_topic

# A ceiling as well, so that "constant" cannot hide "large".
MAX_QUERIES = 25


@pytest.fixture
def authors(forum):
    return [forum.staff, forum.regional, forum.other_regional] + [
        create_user(username=f"kollegin{number}") for number in range(7)
    ]


@pytest.fixture
def tags(db):
    return [
        FieldOfAction.objects.get_or_create(name=name, slug=slug)[0]
        for name, slug in (("Sucht", "sucht"), ("Gesundheit", "gesundheit"), ("Wohnen", "wohnen"))
    ]


def long_topic(forum, authors, tags, size: int) -> Topic:
    replies = [
        (authors[number % len(authors)], f"**Antwort** {number}") for number in range(size - 1)
    ]
    topic = create_topic(forum.open, forum.staff, replies=replies)
    topic.fields_of_action.set(tags)
    posts = list(topic.posts.order_by("number"))
    HelpfulVote.objects.bulk_create(
        HelpfulVote(post=post, user=authors[(index + 1) % len(authors)])
        for index, post in enumerate(posts[1::3])
    )
    topic.solution = posts[-1]
    topic.save()
    return topic


def many_topics(forum, authors, tags, count: int) -> None:
    start = timezone.now() - timedelta(days=30)
    topics = Topic.objects.bulk_create(
        Topic(
            category=forum.open,
            title=f"Thema {number}",
            author=authors[number % len(authors)],
            created_at=start + timedelta(minutes=number),
            last_activity_at=start + timedelta(minutes=number),
            post_count=2,
            is_pinned=number % 50 == 0,
        )
        for number in range(count)
    )
    html = render_markdown("Text")
    firsts = Post.objects.bulk_create(
        Post(topic=topic, number=1, author=topic.author, body="Text", body_html=html)
        for topic in topics
    )
    lasts = Post.objects.bulk_create(
        Post(topic=topic, number=2, author=authors[index % 3], body="Text", body_html=html)
        for index, topic in enumerate(topics)
    )
    for topic, first, last in zip(topics, firsts, lasts, strict=True):
        topic.first_post, topic.last_post = first, last
        topic.solution = last if topic.pk % 2 else None
    Topic.objects.bulk_update(topics, ["first_post", "last_post", "solution"])
    _link_tags(Topic.fields_of_action.through, topics, tags)


def _link_tags(through, topics, tags) -> None:
    # Both models are called Topic, so Django names the columns from_topic / to_topic.
    source, target = "from_topic_id", "to_topic_id"
    through.objects.bulk_create(
        through(**{source: topic.pk, target: tag.pk})
        for topic in topics
        for tag in tags[: topic.pk % 3 + 1]
    )


def count_queries(client, url, params=None) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("page", ["first", "last"])
def test_topic_page_queries_do_not_grow_with_posts(client, forum, authors, tags, page):
    counts = []
    for size in (10, 1000):
        topic = long_topic(forum, authors, tags, size)
        client.force_login(forum.regional)
        number = 1 if page == "first" else (size - 1) // 20 + 1
        url = topic.get_absolute_url()
        client.get(url, {"seite": number})  # the read state exists from here on
        counts.append(count_queries(client, url, {"seite": number}))

    assert counts[0] == counts[1]
    assert counts[0] <= MAX_QUERIES


@pytest.mark.parametrize("view", ["category", "latest", "unread", "index"])
def test_topic_lists_do_not_grow_with_topics(client, forum, authors, tags, view):
    counts = []
    for size in (10, 1000):
        Topic.objects.all().delete()
        many_topics(forum, authors, tags, size)
        client.force_login(forum.regional)
        client.get(Topic.objects.order_by("-last_activity_at").first().get_absolute_url())
        url, params = {
            "category": (forum.open.get_absolute_url(), {"seite": 1}),
            "latest": (reverse("forum:latest"), {"sortierung": "neu"}),
            "unread": (reverse("forum:latest"), {"ansicht": "ungelesen"}),
            "index": (reverse("forum:index"), {}),
        }[view]
        counts.append(count_queries(client, url, params))

    assert counts[0] == counts[1]
    assert counts[0] <= MAX_QUERIES


def test_member_page_does_not_grow_with_posts(client, forum, authors, tags):
    counts = []
    for size in (10, 1000):
        long_topic(forum, [forum.regional], tags, size)
        client.force_login(forum.staff)
        url = reverse("forum:member", args=["anna.berger"])
        client.get(url)  # fills the per-process caches (content types, site) first
        counts.append(count_queries(client, url))

    assert counts[0] == counts[1]
    assert counts[0] <= MAX_QUERIES
