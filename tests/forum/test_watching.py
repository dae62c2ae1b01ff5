"""Watching: the levels "Beobachten", "Normal" and "Stumm" per topic and category, who hears what,
automatic watching, and the page to manage it all."""

import pytest
from django.urls import reverse

from forum import watching
from forum.models import NotificationKind, Watch, WatchLevel
from tests.factories import create_user

from .community import kinds_for, reply, start, watch_level
from .helpers import create_category, create_topic

WATCHING, NORMAL, MUTED = WatchLevel.WATCHING, WatchLevel.NORMAL, WatchLevel.MUTED


@pytest.fixture
def colleague(forum):
    from cms.accounts.groups import STAFF

    return create_user(STAFF, username="petra.lang", display_name="Petra Lang")


class TestAutomaticWatching:
    def test_starting_and_replying_watch_the_topic(self, forum):
        topic = start(forum.open, forum.staff)
        reply(topic, forum.regional, "Wir machen das monatlich.")

        assert watch_level(forum.staff, topic=topic) == WATCHING
        assert watch_level(forum.regional, topic=topic) == WATCHING

    def test_replying_keeps_a_level_the_member_chose(self, forum):
        topic = start(forum.open, forum.staff)
        watching.watch_set(user=forum.regional, topic=topic, level=MUTED)

        reply(topic, forum.regional, "Kurze Ergänzung.")

        assert watch_level(forum.regional, topic=topic) == MUTED


class TestWhoHearsWhat:
    """One new reply; each member's level decides whether and how they hear of it."""

    def test_watching_hears_every_post(self, forum, colleague):
        topic = start(forum.open, forum.staff)
        watching.watch_set(user=colleague, topic=topic, level=WATCHING)

        first = reply(topic, forum.regional, "Erste Antwort")
        second = reply(topic, forum.other_regional, "Zweite Antwort")

        assert kinds_for(first)["petra.lang"] == NotificationKind.NEW_POST
        assert kinds_for(second)["petra.lang"] == NotificationKind.NEW_POST
        # The first replier watches automatically and hears of the second reply too.
        assert kinds_for(second)["anna.berger"] == NotificationKind.NEW_POST

    def test_normal_hears_replies_to_own_topic_and_mentions_only(self, forum, colleague):
        topic = start(forum.open, forum.staff)
        watching.watch_set(user=forum.staff, topic=topic, level=NORMAL)
        watching.watch_set(user=colleague, topic=topic, level=NORMAL)

        plain = reply(topic, forum.regional, "Eine Antwort ohne Erwähnung")
        mention = reply(topic, forum.other_regional, "Was meinst du, @petra.lang?")

        assert kinds_for(plain) == {"maria.schulz": NotificationKind.REPLY}
        assert kinds_for(mention)["petra.lang"] == NotificationKind.MENTION
        assert kinds_for(mention)["maria.schulz"] == NotificationKind.REPLY

    def test_muted_hears_nothing_not_even_mentions(self, forum):
        topic = start(forum.open, forum.staff)
        watching.watch_set(user=forum.staff, topic=topic, level=MUTED)

        post = reply(topic, forum.regional, "@maria.schulz, schau mal hier.")

        assert "maria.schulz" not in kinds_for(post)

    def test_the_writer_never_hears_of_their_own_post(self, forum):
        topic = start(forum.open, forum.staff)

        post = reply(topic, forum.staff, "Nachtrag von mir selbst, @maria.schulz")

        assert kinds_for(post) == {}

    def test_category_watchers_hear_of_new_topics_and_posts(self, forum, colleague):
        watching.watch_set(user=colleague, category=forum.open, level=WATCHING)

        topic = start(forum.open, forum.staff)
        post = reply(topic, forum.regional, "Antwort im beobachteten Bereich")

        assert kinds_for(topic.first_post)["petra.lang"] == NotificationKind.NEW_TOPIC
        assert kinds_for(post)["petra.lang"] == NotificationKind.NEW_POST

    def test_muted_category_is_silent_unless_the_topic_says_otherwise(self, forum, colleague):
        watching.watch_set(user=colleague, category=forum.open, level=MUTED)
        quiet = start(forum.open, forum.staff, title="Ein Thema unter vielen")
        followed = start(forum.open, forum.staff, title="Ein Thema, das mich interessiert")
        watching.watch_set(user=colleague, topic=followed, level=WATCHING)

        in_quiet = reply(quiet, forum.regional, "Antwort A, @petra.lang")
        in_followed = reply(followed, forum.regional, "Antwort B")

        assert "petra.lang" not in kinds_for(in_quiet)
        assert kinds_for(in_followed)["petra.lang"] == NotificationKind.NEW_POST

    def test_a_sub_category_inherits_the_parent_categorys_level(self, forum, colleague):
        child = create_category("Suchtberatung", parent=forum.open)
        watching.watch_set(user=colleague, category=forum.open, level=WATCHING)

        topic = start(child, forum.staff)

        assert kinds_for(topic.first_post)["petra.lang"] == NotificationKind.NEW_TOPIC

    def test_watchers_who_may_not_read_the_topic_hear_nothing(self, forum):
        topic = start(forum.restricted, forum.regional)
        # A watch from before the category was limited: the member no longer reads it.
        Watch.objects.create(user=forum.staff, topic=topic, level=WATCHING)

        post = reply(topic, forum.other_regional, "Nur für die Regionalgruppe")

        assert "maria.schulz" not in kinds_for(post)
        assert kinds_for(post)["anna.berger"] == NotificationKind.REPLY


class TestWatchControls:
    def test_topic_page_shows_and_changes_the_level(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.regional)

        before = client.get(topic.get_absolute_url(), {"seite": 1}).content.decode()
        response = client.post(
            reverse("forum:topic_watch", args=[topic.pk]), {"level": "watching"}, follow=True
        )

        assert "Benachrichtigungen zu diesem Thema" in before
        assert watch_level(forum.regional, topic=topic) == WATCHING
        assert "Ihre Benachrichtigungseinstellung ist gespeichert." in response.content.decode()

    def test_inherit_removes_the_topic_level(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        watching.watch_set(user=forum.regional, topic=topic, level=MUTED)
        watching.watch_set(user=forum.regional, category=forum.open, level=WATCHING)
        client.force_login(forum.regional)

        client.post(reverse("forum:topic_watch", args=[topic.pk]), {"level": "erben"})

        state = watching.watch_state(user=forum.regional, topic=topic)
        assert watch_level(forum.regional, topic=topic) is None
        assert (state.level, state.own, state.inherited_from) == (WATCHING, False, forum.open)

    def test_category_page_sets_the_category_level(self, client, forum):
        client.force_login(forum.staff)

        client.post(reverse("forum:category_watch", args=[forum.open.slug]), {"level": "muted"})

        assert watch_level(forum.staff, category=forum.open) == MUTED

    def test_unknown_level_changes_nothing(self, client, forum):
        topic = create_topic(forum.open, forum.staff)
        client.force_login(forum.regional)

        response = client.post(
            reverse("forum:topic_watch", args=[topic.pk]), {"level": "laut"}, follow=True
        )

        assert Watch.objects.count() == 0
        assert "Bitte wählen Sie eine der angebotenen Stufen." in response.content.decode()

    def test_topics_one_may_not_read_cannot_be_watched(self, client, forum):
        topic = create_topic(forum.restricted, forum.regional)
        client.force_login(forum.staff)

        response = client.post(reverse("forum:topic_watch", args=[topic.pk]), {"level": "watching"})

        assert response.status_code == 404
        assert Watch.objects.count() == 0


class TestWatchPage:
    def test_lists_topics_and_categories_and_changes_them(self, client, forum):
        topic = create_topic(forum.open, forum.staff, title="Fallkonferenzen mit dem Jugendamt")
        watching.watch_set(user=forum.regional, topic=topic, level=WATCHING)
        watching.watch_set(user=forum.regional, category=forum.open, level=MUTED)
        client.force_login(forum.regional)

        page = client.get(reverse("forum:watches")).content.decode()
        client.post(
            reverse("forum:topic_watch", args=[topic.pk]),
            {"level": "normal", "next": reverse("forum:watches")},
        )

        assert "Fallkonferenzen mit dem Jugendamt" in page
        assert "Gesundheit und Sucht" in page
        assert watch_level(forum.regional, topic=topic) == NORMAL

    def test_hides_watches_on_topics_one_can_no_longer_read(self, client, forum):
        topic = create_topic(forum.restricted, forum.regional, title="Internes Regionaltreffen")
        Watch.objects.create(user=forum.staff, topic=topic, level=WATCHING)
        client.force_login(forum.staff)

        page = client.get(reverse("forum:watches")).content.decode()

        assert "Internes Regionaltreffen" not in page

    def test_costs_the_same_queries_at_any_number_of_watches(
        self, client, forum, django_assert_max_num_queries
    ):
        client.force_login(forum.regional)
        client.get(reverse("forum:watches"))
        for number in range(3):
            topic = create_topic(forum.open, forum.staff, title=f"Thema {number}")
            Watch.objects.create(user=forum.regional, topic=topic, level=WATCHING)
        with django_assert_max_num_queries(40) as small:
            client.get(reverse("forum:watches"))
        for number in range(30):
            topic = create_topic(forum.open, forum.staff, title=f"Weiteres Thema {number}")
            Watch.objects.create(user=forum.regional, topic=topic, level=WATCHING)

        with django_assert_max_num_queries(len(small.captured_queries)):
            response = client.get(reverse("forum:watches"))

        assert response.content.decode().count('class="watch-row"') == 33
