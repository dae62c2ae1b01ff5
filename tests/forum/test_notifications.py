"""Notifications: the bell, the list, marking as read, the e-mail preferences and the e-mails sent
straight away."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forum import notifications, watching
from forum.models import (
    EmailFrequency,
    EmailStatus,
    Notification,
    NotificationKind,
    NotificationSettings,
    WatchLevel,
)

from .community import kinds_for, reply, start


def set_frequency(user, frequency: str) -> None:
    notifications.notification_settings_set(user=user, email_frequency=frequency)


class TestWhoIsNotified:
    def test_author_of_the_topic_hears_of_a_reply(self, forum):
        topic = start(forum.open, forum.staff)

        post = reply(topic, forum.regional, "Bei uns klappt das mit festen Terminen.")

        assert kinds_for(post) == {"maria.schulz": NotificationKind.REPLY}
        notification = Notification.objects.get(post=post)
        assert (notification.actor, notification.topic, notification.read_at) == (
            forum.regional,
            topic,
            None,
        )

    def test_a_mention_beats_the_other_reasons_and_counts_once(self, forum):
        topic = start(forum.open, forum.staff)

        post = reply(topic, forum.regional, "@maria.schulz, @maria.schulz: siehe oben")

        assert kinds_for(post) == {"maria.schulz": NotificationKind.MENTION}
        assert Notification.objects.filter(post=post).count() == 1

    def test_inactive_members_are_not_notified(self, forum):
        topic = start(forum.open, forum.staff)
        forum.staff.is_active = False
        forum.staff.save()

        post = reply(topic, forum.regional, "Hallo?")

        assert kinds_for(post) == {}


class TestBell:
    def test_header_shows_the_unread_count(self, client, forum):
        topic = start(forum.open, forum.staff)
        reply(topic, forum.regional, "Antwort eins")
        reply(topic, forum.other_regional, "Antwort zwei")
        client.force_login(forum.staff)

        page = client.get(reverse("forum:index")).content.decode()

        assert "data-notification-bell" in page
        assert '<span class="notification-bell__count" data-notification-count>2' in page
        assert "Benachrichtigungen" in page

    def test_no_bell_for_visitors(self, client, forum, home):
        page = client.get("/").content.decode()

        assert "data-notification-bell" not in page

    def test_no_number_without_unread_notifications(self, client, forum):
        client.force_login(forum.staff)

        page = client.get(reverse("forum:index")).content.decode()

        assert "data-notification-bell" in page
        assert "data-notification-count" not in page

    def test_costs_one_query(self, rf, forum):
        from django.template import Context, Template

        start_topic = start(forum.open, forum.staff)
        for number in range(5):
            reply(start_topic, forum.regional, f"Antwort {number}")
        request = rf.get("/")
        request.user = forum.staff
        template = Template('{% include "forum/includes/notification_bell.html" %}')

        with CaptureQueriesContext(connection) as queries:
            html = template.render(Context({"request": request}))

        assert len(queries) == 1
        assert "data-notification-count>5<" in html


class TestList:
    def test_lists_notifications_in_german(self, client, forum):
        topic = start(forum.open, forum.staff, title="Suchtberatung im Haus")
        reply(topic, forum.regional, "Wir haben eine Sprechstunde, @maria.schulz.")
        client.force_login(forum.staff)

        page = client.get(reverse("forum:notifications")).content.decode()

        assert "Anna Berger hat Sie in „Suchtberatung im Haus“ erwähnt." in page
        assert "Ungelesen" in page

    def test_opening_marks_read_and_leads_to_the_post(self, client, forum):
        topic = start(forum.open, forum.staff)
        post = reply(topic, forum.regional, "Antwort")
        notification = Notification.objects.get(post=post)
        client.force_login(forum.staff)

        response = client.get(reverse("forum:notification_open", args=[notification.pk]))

        notification.refresh_from_db()
        assert notification.read_at is not None
        assert response["Location"] == reverse("forum:post", args=[post.pk])

    def test_others_cannot_open_ones_notification(self, client, forum):
        topic = start(forum.open, forum.staff)
        notification = Notification.objects.get(post=reply(topic, forum.regional, "Antwort"))
        client.force_login(forum.regional)

        response = client.get(reverse("forum:notification_open", args=[notification.pk]))

        notification.refresh_from_db()
        assert response.status_code == 404
        assert notification.read_at is None

    def test_mark_all_as_read(self, client, forum):
        topic = start(forum.open, forum.staff)
        reply(topic, forum.regional, "Eins")
        reply(topic, forum.other_regional, "Zwei")
        client.force_login(forum.staff)

        response = client.post(reverse("forum:notifications_mark_all_read"), follow=True)

        assert notifications.unread_count(forum.staff) == 0
        assert "Alle Benachrichtigungen sind als gelesen markiert." in response.content.decode()

    def test_topics_moved_out_of_reach_disappear(self, client, forum):
        topic = start(forum.open, forum.regional, title="Später eingeschränkt")
        reply(topic, forum.staff, "Antwort von Maria")
        watching.watch_set(user=forum.staff, topic=topic, level=WatchLevel.WATCHING)
        reply(topic, forum.other_regional, "Antwort von Jens")
        topic.category = forum.restricted
        topic.save()
        client.force_login(forum.staff)

        page = client.get(reverse("forum:notifications")).content.decode()

        assert "Später eingeschränkt" not in page

    def test_costs_the_same_queries_at_any_length(self, client, forum):
        topic = start(forum.open, forum.staff)
        client.force_login(forum.staff)
        counts = []
        for replies in (3, 40):
            for number in range(replies):
                reply(topic, forum.regional, f"Antwort {replies}-{number}")
            client.get(reverse("forum:notifications"))
            with CaptureQueriesContext(connection) as queries:
                response = client.get(reverse("forum:notifications"))
            assert response.status_code == 200
            counts.append(len(queries))

        assert counts[0] == counts[1]


class TestPreferences:
    def test_default_is_immediately(self, forum):
        assert notifications.email_frequency(forum.staff) == EmailFrequency.IMMEDIATELY

    def test_page_saves_the_choice(self, client, forum):
        client.force_login(forum.staff)

        response = client.post(
            reverse("forum:notification_settings"), {"email_frequency": "daily"}, follow=True
        )

        assert notifications.email_frequency(forum.staff) == EmailFrequency.DAILY
        assert "Ihre Benachrichtigungseinstellungen sind gespeichert." in response.content.decode()

    def test_bad_choice_changes_nothing(self, client, forum):
        set_frequency(forum.staff, EmailFrequency.DAILY)
        client.force_login(forum.staff)

        response = client.post(reverse("forum:notification_settings"), {"email_frequency": "oft"})

        assert response.status_code == 200
        assert "Bitte wählen Sie eine der angebotenen Möglichkeiten." in response.content.decode()
        assert notifications.email_frequency(forum.staff) == EmailFrequency.DAILY

    def test_never_closes_what_waits_for_the_digest(self, forum):
        set_frequency(forum.staff, EmailFrequency.DAILY)
        topic = start(forum.open, forum.staff)
        post = reply(topic, forum.regional, "Antwort")

        set_frequency(forum.staff, EmailFrequency.NEVER)

        assert Notification.objects.get(post=post).email_status == EmailStatus.SKIPPED


class TestImmediateEmail:
    def test_sent_after_the_commit_in_german_with_text_and_html(
        self, forum, django_capture_on_commit_callbacks
    ):
        topic = start(forum.open, forum.staff, title="Suchtberatung im Haus")

        with django_capture_on_commit_callbacks(execute=True):
            post = reply(topic, forum.regional, "Geheime Details zur Fallarbeit, @maria.schulz")

        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [forum.staff.email]
        assert message.subject == (
            "[Wissensbörse] Anna Berger hat Sie in „Suchtberatung im Haus“ erwähnt."
        )
        assert "Guten Tag Maria Schulz," in message.body
        assert f"/forum/beitrag/{post.pk}/" in message.body
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html"
        assert "Diese E-Mails abbestellen" in html
        # The text of the post stays in the forum.
        assert "Geheime Details" not in message.body + html
        assert message.extra_headers["List-Unsubscribe"].startswith("<http")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert Notification.objects.get(post=post).email_status == EmailStatus.SENT

    @pytest.mark.parametrize("frequency", [EmailFrequency.DAILY, EmailFrequency.NEVER])
    def test_not_sent_at_once_to_members_who_chose_otherwise(
        self, forum, django_capture_on_commit_callbacks, frequency
    ):
        NotificationSettings.objects.create(user=forum.staff, email_frequency=frequency)
        topic = start(forum.open, forum.staff)

        with django_capture_on_commit_callbacks(execute=True):
            post = reply(topic, forum.regional, "Antwort")

        assert mail.outbox == []
        expected = EmailStatus.PENDING if frequency == "daily" else EmailStatus.SKIPPED
        assert Notification.objects.get(post=post).email_status == expected

    def test_nothing_is_noted_when_the_post_is_refused(self, forum):
        topic = start(forum.open, forum.staff)
        reply(topic, forum.regional, "Gleicher Text")

        with pytest.raises(ValidationError):
            reply(topic, forum.regional, "Gleicher Text")

        assert Notification.objects.count() == 1


def test_reading_the_topic_marks_its_notifications_read(client, forum):
    topic = start(forum.open, forum.staff)
    post = reply(topic, forum.regional, "Antwort")
    elsewhere = reply(
        start(forum.open, forum.regional, title="Ein anderes Thema"),
        forum.other_regional,
        "x @maria.schulz",
    )
    client.force_login(forum.staff)

    client.get(topic.get_absolute_url(), {"seite": 1})

    assert Notification.objects.get(post=post).read_at is not None
    assert Notification.objects.get(post=elsewhere, recipient=forum.staff).read_at is None
