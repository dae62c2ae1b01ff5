"""The daily digest: `manage.py forum_digest` sends what waits, and never the same item twice."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from forum import notifications
from forum.models import EmailFrequency, EmailStatus, Notification, Post

from .community import reply, start


class FailingBackend(EmailBackend):
    """A mail server that is away."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server not reachable")


def digest() -> str:
    """Run the command; its e-mails leave after its commits, as they do outside the tests."""
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("forum_digest", stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def daily(forum):
    """Maria wants daily digests and has three notifications waiting in two topics.

    (Anna, who replies and so watches, wants no e-mails: this is about Maria's digest.)"""
    notifications.notification_settings_set(user=forum.staff, email_frequency="daily")
    notifications.notification_settings_set(user=forum.regional, email_frequency="never")
    first = start(forum.open, forum.staff, title="Fallkonferenzen")
    second = start(forum.open, forum.staff, title="Kinderbetreuung")
    reply(first, forum.regional, "Antwort eins")
    reply(first, forum.other_regional, "Antwort zwei")
    reply(second, forum.regional, "Antwort drei")
    return forum


def test_one_digest_with_everything_waiting(daily):
    output = digest()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [daily.staff.email]
    assert message.subject == "[Wissensbörse] Ihre Forum-Zusammenfassung: 3 neue Benachrichtigungen"
    assert message.body.count("hat auf Ihr Thema") == 3
    assert "„Kinderbetreuung“" in message.alternatives[0][0]
    assert "1 Mitglieder" in output or "an 1 Mitglied" in output
    statuses = Notification.objects.filter(recipient=daily.staff).values_list("email_status")
    assert set(statuses) == {(EmailStatus.SENT,)}


def test_running_twice_sends_nothing_twice(daily):
    digest()
    output = digest()

    assert len(mail.outbox) == 1
    assert "0 E-Mails" in output


def test_new_items_after_a_run_come_in_the_next_digest_only(daily):
    digest()
    topic = Notification.objects.filter(recipient=daily.staff).first().topic
    reply(topic, daily.regional, "Noch eine späte Antwort")

    digest()
    digest()

    assert len(mail.outbox) == 2
    assert "1 neue Benachrichtigung" in mail.outbox[1].subject


def test_rows_claimed_by_a_running_digest_are_left_alone(daily):
    # Another run has claimed one row and is sending it right now.
    claimed = Notification.objects.filter(recipient=daily.staff).first()
    Notification.objects.filter(pk=claimed.pk).update(email_batch="other-run")

    digest()

    assert len(mail.outbox) == 1
    assert "2 neue Benachrichtigungen" in mail.outbox[0].subject
    claimed.refresh_from_db()
    assert claimed.email_status == EmailStatus.PENDING


def test_failed_sending_is_retried_and_sent_once(daily, settings, monkeypatch):
    settings.EMAIL_BACKEND = "tests.forum.test_digest.FailingBackend"
    digest()
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    digest()
    later = timezone.now() + timedelta(minutes=5)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("email_retry", stdout=StringIO())

    assert len(mail.outbox) == 1
    assert "3 neue Benachrichtigungen" in mail.outbox[0].subject


def test_members_who_chose_never_get_nothing(daily):
    notifications.notification_settings_set(user=daily.staff, email_frequency="never")

    digest()

    assert mail.outbox == []
    assert set(Notification.objects.values_list("email_status", flat=True)) == {EmailStatus.SKIPPED}


def test_hidden_or_deleted_posts_are_left_out(daily):
    gone = Notification.objects.filter(recipient=daily.staff).order_by("pk")
    Post.objects.filter(pk=gone[0].post_id).update(is_deleted=True)
    Post.objects.filter(pk=gone[1].post_id).update(is_hidden=True)

    digest()

    assert "1 neue Benachrichtigung" in mail.outbox[0].subject
    assert "Antwort" not in mail.outbox[0].body  # names, not texts


def test_left_overs_of_immediate_mails_come_in_the_digest(forum):
    # Immediate sending failed (the mail server was away): the rows are still pending.
    topic = start(forum.open, forum.staff)
    reply(topic, forum.regional, "Antwort")
    assert notifications.email_frequency(forum.staff) == EmailFrequency.IMMEDIATELY

    digest()
    digest()

    assert len(mail.outbox) == 1


def test_the_scheduler_hands_the_digest_to_the_worker(daily):
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("schedule", "--once", stdout=StringIO())

    assert [message.to for message in mail.outbox] == [[daily.staff.email]]
