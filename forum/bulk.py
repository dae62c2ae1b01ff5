"""Many topics with their posts in a handful of INSERTs, counters and pointers set as the
services would set them.

For generated data (benchmarks, large test fixtures), not for members' writes: no permission or
flood checks, no signals, no notifications, no read states, no search outbox rows (run
``search_index rebuild`` afterwards when the topics should be found).
"""

from collections.abc import Sequence

from django.db import router, transaction
from django.db.models import OuterRef, Subquery

from cms.bulk import full_sqlite_batches, rows_insert

from .mentions import render_post
from .models import Post, PostRevision, Topic

BATCH = 5_000  # rows per INSERT


def topics_bulk_create(
    *, topics: Sequence[Topic], posts: Sequence[Sequence[Post]], revisions: bool = True
) -> list[Topic]:
    """Save ``topics`` (unsaved) and, for each, its ``posts`` (unsaved, question first).

    Posts get their topic, their number in it and their rendered HTML (each distinct Markdown
    text is rendered once); each topic gets ``post_count``, ``first_post``, ``last_post`` and
    ``last_activity_at`` from its posts. ``revisions=False`` leaves out the original-text row
    every post has after ``post_create`` (only the edit history reads it).
    """
    if len(topics) != len(posts) or not all(posts):
        raise ValueError("topics_bulk_create() needs a non-empty list of posts per topic.")
    using = router.db_for_write(Topic)
    rendered: dict[str, str] = {}
    for topic, thread in zip(topics, posts, strict=True):
        topic.post_count = len(thread)
        topic.last_activity_at = max(post.created_at for post in thread)
    with transaction.atomic(using=using), full_sqlite_batches(using):
        created = Topic.objects.using(using).bulk_create(topics, batch_size=BATCH)
        rows = []
        for topic, thread in zip(created, posts, strict=True):
            for number, post in enumerate(thread, start=1):
                post.topic = topic
                post.number = number
                if not post.body_html:
                    if post.body not in rendered:
                        rendered[post.body] = render_post(post.body)
                    post.body_html = rendered[post.body]
                rows.append(post)
        rows_insert(Post, rows, using=using)
        # The ids of the posts, by their unique (topic, number), for the callers and revisions.
        pks = [topic.pk for topic in created]
        by_position = {}
        for start in range(0, len(pks), BATCH):
            by_position.update(
                ((topic_id, number), pk)
                for pk, topic_id, number in Post.objects.using(using)
                .filter(topic_id__in=pks[start : start + BATCH])
                .values_list("pk", "topic_id", "number")
            )
        for post in rows:
            post.pk = by_position[post.topic_id, post.number]
            post._state.adding, post._state.db = False, using
        if revisions:
            rows_insert(
                PostRevision,
                [
                    PostRevision(
                        post_id=post.pk,
                        number=1,
                        body=post.body,
                        editor_id=post.author_id,
                        created_at=post.created_at,
                    )
                    for post in rows
                ],
                using=using,
            )
        # The database points each topic at its first and last post.
        of_topic = Post.objects.using(using).filter(topic=OuterRef("pk"))
        for start in range(0, len(pks), BATCH):
            Topic.objects.using(using).filter(pk__in=pks[start : start + BATCH]).update(
                first_post=Subquery(of_topic.filter(number=1).values("pk")[:1]),
                last_post=Subquery(of_topic.filter(number=OuterRef("post_count")).values("pk")[:1]),
            )
    for topic, thread in zip(created, posts, strict=True):
        topic.first_post, topic.last_post = thread[0], thread[-1]
    return list(created)
