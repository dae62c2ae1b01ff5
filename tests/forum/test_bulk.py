from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum.bulk import topics_bulk_create
from forum.models import Post, PostRevision, Topic
from forum.services import post_create

pytestmark = pytest.mark.django_db


def thread(author, length: int, *, start=None) -> list[Post]:
    start = start or timezone.now() - timedelta(days=1)
    return [
        Post(
            author=author,
            body=f"Beitrag **{number}**",
            created_at=start + timedelta(minutes=number),
        )
        for number in range(1, length + 1)
    ]


class TestTopicsBulkCreate:
    def test_counters_and_pointers_match_the_posts(self, forum):
        start = timezone.now() - timedelta(days=2)

        short, long = topics_bulk_create(
            topics=[
                Topic(category=forum.open, title="Kurz", author=forum.staff),
                Topic(category=forum.open, title="Lang", author=forum.regional),
            ],
            posts=[thread(forum.staff, 1, start=start), thread(forum.regional, 30, start=start)],
        )

        long.refresh_from_db()
        posts = list(long.posts.order_by("number"))
        assert [post.number for post in posts] == list(range(1, 31))
        assert (long.post_count, long.reply_count) == (30, 29)
        assert (long.first_post_id, long.last_post_id) == (posts[0].pk, posts[-1].pk)
        assert long.last_activity_at == start + timedelta(minutes=30)
        assert posts[1].body_html == "<p>Beitrag <strong>2</strong></p>"
        assert PostRevision.objects.filter(post__topic=long, number=1).count() == 30
        short.refresh_from_db()
        assert short.first_post_id == short.last_post_id == short.posts.get().pk

    def test_topic_pages_show_bulk_posts_and_accept_replies(self, client, forum):
        [topic] = topics_bulk_create(
            topics=[
                Topic(category=forum.open, title="Suchtberatung einbinden", author=forum.staff)
            ],
            posts=[thread(forum.staff, 3)],
        )
        client.force_login(forum.staff)

        category = BeautifulSoup(client.get(forum.open.get_absolute_url()).content, "html.parser")
        page = BeautifulSoup(client.get(topic.get_absolute_url()).content, "html.parser")
        reply = post_create(topic=topic, author=forum.regional, body="Neu", rate_limited=False)

        assert [a.get_text(strip=True) for a in category.select(".topic-row__title")] == [
            "Suchtberatung einbinden"
        ]
        assert [post["id"] for post in page.select("article.post")] == [
            "beitrag-1",
            "beitrag-2",
            "beitrag-3",
        ]
        topic.refresh_from_db()
        assert reply.number == 4
        assert (topic.post_count, topic.last_post_id) == (4, reply.pk)

    def test_query_count_does_not_grow_with_the_number_of_posts(self, forum):
        def build(count: int):
            return (
                [Topic(category=forum.open, title=f"Thema {n}") for n in range(count)],
                [thread(forum.staff, 10) for _ in range(count)],
            )

        few_topics, few_posts = build(2)
        many_topics, many_posts = build(300)

        with CaptureQueriesContext(connection) as for_few:
            topics_bulk_create(topics=few_topics, posts=few_posts)
        with CaptureQueriesContext(connection) as for_many:
            topics_bulk_create(topics=many_topics, posts=many_posts)

        assert len(for_many) == len(for_few) <= 12
        assert Post.objects.count() == 3_020

    def test_a_topic_without_posts_is_refused(self, forum):
        with pytest.raises(ValueError):
            topics_bulk_create(topics=[Topic(category=forum.open, title="Leer")], posts=[[]])
        assert not Topic.objects.exists()
