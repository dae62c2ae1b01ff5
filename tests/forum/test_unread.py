"""Unread tracking: marks in lists, the jump to the first unread post, "mark everything read"."""

from django.urls import reverse

from forum import services

from .helpers import create_topic


def unread_titles(client) -> list[str]:
    response = client.get(reverse("forum:latest"))
    return [topic.title for topic in response.context["page"].object_list if topic.is_unread]


def test_new_topic_is_unread_until_opened(client, forum):
    topic = create_topic(forum.open, forum.staff, title="Frage zur Suchtberatung")
    client.force_login(forum.regional)

    before = unread_titles(client)
    listing = client.get(forum.open.get_absolute_url()).content.decode()
    client.get(topic.get_absolute_url())
    after = unread_titles(client)

    assert before == ["Frage zur Suchtberatung"]
    assert 'badge--unread">Ungelesen' in listing
    assert after == []


def test_reply_by_someone_else_makes_it_unread_again_but_not_ones_own(client, forum):
    topic = create_topic(forum.open, forum.staff, title="Frage zur Suchtberatung")
    client.force_login(forum.regional)
    client.get(topic.get_absolute_url())

    services.post_create(topic=topic, author=forum.regional, body="Meine Antwort")
    after_own = unread_titles(client)
    services.post_create(topic=topic, author=forum.staff, body="Rückfrage")
    after_other = unread_titles(client)

    assert after_own == []
    assert after_other == ["Frage zur Suchtberatung"]


def test_opening_jumps_to_the_first_unread_post(client, forum):
    replies = [(forum.staff, f"Antwort {number}") for number in range(2, 46)]
    topic = create_topic(forum.open, forum.staff, replies=replies)
    client.force_login(forum.regional)

    first_visit = client.get(topic.get_absolute_url())
    jump = client.get(topic.get_absolute_url())
    client.get(jump["Location"])
    second_jump = client.get(topic.get_absolute_url())
    client.get(topic.get_absolute_url(), {"seite": 3})
    all_read = client.get(topic.get_absolute_url())

    assert first_visit.status_code == 200
    assert first_visit.context["page"].number == 1
    assert jump.status_code == 302
    assert jump["Location"] == f"/forum/thema/{topic.pk}/?seite=2#beitrag-21"
    assert second_jump["Location"] == f"/forum/thema/{topic.pk}/?seite=3#beitrag-41"
    assert all_read.status_code == 200


def test_new_posts_are_marked_as_new(client, forum):
    topic = create_topic(forum.open, forum.staff, replies=[(forum.staff, "Antwort")])
    client.force_login(forum.regional)
    client.get(topic.get_absolute_url())
    services.post_create(topic=topic, author=forum.other_regional, body="Ganz neu")

    page = client.get(client.get(topic.get_absolute_url())["Location"])

    assert [post.number for post in page.context["posts"] if post.is_new] == [3]
    assert 'id="beitrag-3"' in page.content.decode()


def test_mark_all_as_read(client, forum):
    first = create_topic(forum.open, forum.staff, title="Erstes Thema")
    create_topic(forum.open, forum.staff, title="Zweites Thema")
    client.force_login(forum.regional)

    response = client.post(reverse("forum:mark_all_read"), follow=True)
    nothing = unread_titles(client)
    services.post_create(topic=first, author=forum.staff, body="Neue Antwort")
    one = unread_titles(client)
    jump = client.get(first.get_absolute_url())

    assert "Alle Themen sind als gelesen markiert." in response.content.decode()
    assert nothing == []
    assert one == ["Erstes Thema"]
    assert jump["Location"] == f"/forum/thema/{first.pk}/?seite=1#beitrag-2"


def test_unread_view_lists_only_unread_topics(client, forum):
    read = create_topic(forum.open, forum.staff, title="Schon gelesen")
    create_topic(forum.open, forum.staff, title="Noch ungelesen")
    client.force_login(forum.regional)
    client.get(read.get_absolute_url())

    response = client.get(reverse("forum:latest"), {"ansicht": "ungelesen"})
    titles = [topic.title for topic in response.context["page"].object_list]
    client.post(reverse("forum:mark_all_read"), {"next": "/forum/neueste/?ansicht=ungelesen"})
    emptied = client.get(reverse("forum:latest"), {"ansicht": "ungelesen"})

    assert titles == ["Noch ungelesen"]
    assert list(emptied.context["page"].object_list) == []
    assert "Sie haben alles gelesen." in emptied.content.decode()


def test_mark_all_read_redirect_stays_in_the_forum(client, forum):
    client.force_login(forum.regional)

    response = client.post(reverse("forum:mark_all_read"), {"next": "https://evil.example/"})

    assert response["Location"] == reverse("forum:index")
