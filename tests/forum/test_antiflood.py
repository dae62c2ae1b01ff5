"""Anti-flood: a pause between posts, daily caps for new accounts, no identical text twice in a
row. The test settings switch the first two off; these tests switch them on."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from forum import services
from forum.models import Post

from .community import reply, start
from .helpers import create_topic


@pytest.fixture
def limits(settings):
    settings.FORUM_MIN_POST_INTERVAL_SECONDS = 30
    settings.FORUM_NEW_MEMBER_DAYS = 7
    settings.FORUM_NEW_MEMBER_TOPICS_PER_DAY = 2
    settings.FORUM_NEW_MEMBER_REPLIES_PER_DAY = 3
    settings.FORUM_PREVENT_DUPLICATE_POSTS = True
    return settings


def age(user, days: int) -> None:
    user.date_joined = timezone.now() - timedelta(days=days)
    user.save(update_fields=["date_joined"])


def backdate_posts(user, minutes: int) -> None:
    Post.objects.filter(author=user).update(created_at=timezone.now() - timedelta(minutes=minutes))


class TestInterval:
    def test_second_post_too_soon_is_refused(self, forum, limits):
        age(forum.regional, 30)
        topic = start(forum.open, forum.staff)
        reply(topic, forum.regional, "Erste Antwort")

        with pytest.raises(ValidationError) as refused:
            reply(topic, forum.regional, "Zweite Antwort")

        assert "Bitte warten Sie noch" in refused.value.messages[0]
        assert "Sekunden" in refused.value.messages[0]
        assert Post.objects.filter(author=forum.regional).count() == 1

    def test_after_the_pause_it_works(self, forum, limits):
        age(forum.regional, 30)
        topic = start(forum.open, forum.staff)
        reply(topic, forum.regional, "Erste Antwort")
        backdate_posts(forum.regional, 1)

        reply(topic, forum.regional, "Zweite Antwort")

        assert Post.objects.filter(author=forum.regional).count() == 2

    def test_moderators_are_not_slowed_down(self, forum, limits):
        topic = start(forum.open, forum.staff)
        reply(topic, forum.moderator, "Hinweis der Moderation")

        reply(topic, forum.moderator, "Zweiter Hinweis")

        assert Post.objects.filter(author=forum.moderator).count() == 2

    def test_the_form_shows_the_german_message_and_saves_nothing(self, client, forum, limits):
        age(forum.regional, 30)
        topic = create_topic(forum.open, forum.staff)
        reply(topic, forum.regional, "Erste Antwort")
        client.force_login(forum.regional)

        response = client.post(reverse("forum:reply", args=[topic.pk]), {"body": "Noch was"})

        assert response.status_code == 200
        assert "Bitte warten Sie noch" in response.content.decode()
        assert Post.objects.filter(author=forum.regional).count() == 1


class TestNewMembers:
    def test_topics_per_day_are_capped_for_new_accounts(self, forum, limits):
        for number in range(2):
            start(forum.open, forum.regional, title=f"Neues Thema Nummer {number}")
            backdate_posts(forum.regional, 5)

        with pytest.raises(ValidationError) as refused:
            start(forum.open, forum.regional, title="Drittes Thema heute")

        assert "2 Themen pro Tag" in refused.value.messages[0]
        assert "ersten 7 Tagen" in refused.value.messages[0]

    def test_replies_per_day_are_capped_for_new_accounts(self, forum, limits):
        topic = start(forum.open, forum.staff)
        for number in range(3):
            reply(topic, forum.regional, f"Antwort {number}")
            backdate_posts(forum.regional, 5)

        with pytest.raises(ValidationError) as refused:
            reply(topic, forum.regional, "Vierte Antwort")

        assert "3 Antworten pro Tag" in refused.value.messages[0]

    def test_the_cap_counts_the_last_24_hours(self, forum, limits):
        topic = start(forum.open, forum.staff)
        for number in range(3):
            reply(topic, forum.regional, f"Antwort {number}")
            backdate_posts(forum.regional, 25 * 60)

        reply(topic, forum.regional, "Am nächsten Tag")

        assert Post.objects.filter(author=forum.regional).count() == 4

    def test_older_accounts_have_no_cap(self, forum, limits):
        age(forum.regional, 8)
        topic = start(forum.open, forum.staff)
        for number in range(5):
            reply(topic, forum.regional, f"Antwort {number}")
            backdate_posts(forum.regional, 5)

        assert Post.objects.filter(author=forum.regional).count() == 5


class TestDuplicates:
    def test_same_text_twice_in_a_row_is_refused(self, forum, limits):
        age(forum.regional, 30)
        first = start(forum.open, forum.staff, title="Erstes Thema")
        second = start(forum.open, forum.other_regional, title="Zweites Thema")
        reply(first, forum.regional, "Wir nutzen dafür  die Sprechstunde.")
        backdate_posts(forum.regional, 5)

        with pytest.raises(ValidationError) as refused:
            reply(second, forum.regional, "wir nutzen dafür die Sprechstunde. ")

        assert (
            "Genau diesen Text haben Sie gerade schon veröffentlicht" in refused.value.messages[0]
        )

    def test_same_text_after_something_else_is_fine(self, forum, limits):
        age(forum.regional, 30)
        topic = start(forum.open, forum.staff)
        reply(topic, forum.regional, "Danke!")
        backdate_posts(forum.regional, 5)
        reply(topic, forum.regional, "Noch eine Frage dazu.")
        backdate_posts(forum.regional, 5)

        reply(topic, forum.regional, "Danke!")

        assert Post.objects.filter(author=forum.regional, body="Danke!").count() == 2

    def test_switch_off_by_setting(self, forum, limits):
        limits.FORUM_PREVENT_DUPLICATE_POSTS = False
        age(forum.regional, 30)
        topic = start(forum.open, forum.staff)
        reply(topic, forum.regional, "+1")
        backdate_posts(forum.regional, 5)

        reply(topic, forum.regional, "+1")

        assert Post.objects.filter(author=forum.regional, body="+1").count() == 2


def test_system_writes_may_skip_the_limits(forum, limits):
    topic = start(forum.open, forum.staff)
    for number in range(5):
        services.post_create(
            topic=topic, author=forum.regional, body=f"Import {number}", rate_limited=False
        )

    assert Post.objects.filter(author=forum.regional).count() == 5
