"""Outgoing e-mail: one-line subjects, sending after the commit, retries that lose nothing."""

import logging
import signal
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from cms.mail.models import OutgoingEmail
from cms.mail.services import MAX_ATTEMPTS, email_deliver, email_send, header_value

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
WORKER_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class RefusingBackend(EmailBackend):
    """A mail server that is away."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server not reachable")


def queue(**overrides) -> OutgoingEmail:
    fields = {
        "to": ["anna.berger@jobcenter-en.example"],
        "subject": "Ihr Praxisbeispiel ist veröffentlicht",
        "body": "Guten Tag,\n\nes ist online.",
    }
    fields.update(overrides)
    return email_send(**fields)


def later(monkeypatch, **delta) -> None:
    moment = timezone.now() + timedelta(**delta)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def retry() -> str:
    out = StringIO()
    call_command("email_retry", stdout=out)
    return out.getvalue()


class TestOneLine:
    @pytest.mark.parametrize(
        "text",
        [
            "Peer-Mentoring\nim Absolventenmanagement",
            "Peer-Mentoring\r\nim Absolventenmanagement",
            "Peer-Mentoring\rim\tAbsolventenmanagement",
            "Peer-Mentoring\u2028im\u2029Absolventenmanagement",
            "Peer-Mentoring\x85im\x0bAbsolventenmanagement\x00",
            "  Peer-Mentoring \n\n  im   Absolventenmanagement \n",
        ],
    )
    def test_line_breaks_and_control_characters_become_single_spaces(self, text):
        assert header_value(text) == "Peer-Mentoring im Absolventenmanagement"

    def test_long_text_is_cut_with_an_ellipsis(self):
        line = header_value("Übergang ALG I → Bürgergeld " * 20, max_length=50)

        assert len(line) == 50
        assert line.endswith("…")
        assert line.startswith("Übergang ALG I → Bürgergeld Übergang")


class TestSending:
    def test_leaves_after_the_commit_with_a_one_line_subject(
        self, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            queue(
                subject="Ihr Praxisbeispiel „Sucht\nberatung“ ist veröffentlicht",
                html="<p>Guten Tag</p>",
                reply_to=["redaktion@example.org"],
                headers={"List-Unsubscribe": "<https://example.org/ab>\r\nBcc: x@example.org"},
            )
            assert mail.outbox == []

        [message] = mail.outbox
        assert message.subject == "Ihr Praxisbeispiel „Sucht beratung“ ist veröffentlicht"
        assert message.to == ["anna.berger@jobcenter-en.example"]
        assert message.reply_to == ["redaktion@example.org"]
        assert message.alternatives[0][0] == "<p>Guten Tag</p>"
        assert message.message()["List-Unsubscribe"] == (
            "<https://example.org/ab> Bcc: x@example.org"
        )
        assert not OutgoingEmail.objects.exists()

    def test_nothing_is_queued_without_a_recipient(self):
        assert queue(to=["", ""]) is None
        assert not OutgoingEmail.objects.exists()

    def test_is_not_sent_when_the_transaction_is_rolled_back(
        self, django_capture_on_commit_callbacks
    ):
        from django.db import transaction

        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(RuntimeError),
            transaction.atomic(),
        ):
            queue()
            raise RuntimeError("the change failed")

        assert mail.outbox == []
        assert not OutgoingEmail.objects.exists()


class TestFailures:
    @pytest.fixture(autouse=True)
    def mail_server_away(self, settings):
        settings.EMAIL_BACKEND = "tests.cms.test_mail.RefusingBackend"

    def test_failure_is_logged_not_raised_and_waits_for_its_retry(
        self, django_capture_on_commit_callbacks, caplog
    ):
        with (
            caplog.at_level(logging.WARNING, logger="cms.mail"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            email = queue()

        email.refresh_from_db()
        assert email.attempts == 1
        assert email.last_error == "ConnectionRefusedError: SMTP server not reachable"
        assert (
            timedelta(seconds=50) < email.next_attempt_at - timezone.now() <= timedelta(minutes=1)
        )
        assert not email.given_up
        assert f"Sending e-mail {email.pk} failed (attempt 1)" in caplog.text

    def test_retry_waits_for_its_time_then_sends_exactly_once(self, settings, monkeypatch):
        email = queue()
        assert email_deliver(email_id=email.pk) is False
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

        early = retry()
        assert mail.outbox == []
        later(monkeypatch, minutes=2)
        output = retry()
        again = retry()

        assert "0 gesendet" in early
        assert "1 gesendet" in output
        assert "0 gesendet" in again
        assert len(mail.outbox) == 1
        assert not OutgoingEmail.objects.exists()

    def test_waits_double_as_long_after_each_failure(self, monkeypatch):
        email = queue()
        waits = []
        for _attempt in range(4):
            later(monkeypatch, hours=7)
            email_deliver(email_id=email.pk)
            email.refresh_from_db()
            waits.append(round((email.next_attempt_at - timezone.now()).total_seconds() / 60))

        assert waits == [1, 2, 4, 8]

    def test_gives_up_after_the_last_attempt_and_can_be_revived(
        self, settings, monkeypatch, caplog
    ):
        email = queue()
        with caplog.at_level(logging.ERROR, logger="cms.mail"):
            for _attempt in range(MAX_ATTEMPTS + 2):
                later(monkeypatch, hours=7)
                retry()
        email.refresh_from_db()
        assert email.given_up
        assert email.attempts == MAX_ATTEMPTS
        assert f"Sending e-mail {email.pk} failed {MAX_ATTEMPTS} times; given up" in caplog.text

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        retry()
        assert mail.outbox == []
        call_command("email_retry", "--given-up", stdout=StringIO())

        assert len(mail.outbox) == 1

    def test_a_refused_header_is_given_up_at_once(self, settings):
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        email = queue(to=["anna.berger@jobcenter-en.example\nBcc: x@example.org"])

        email_deliver(email_id=email.pk)

        email.refresh_from_db()
        assert email.given_up
        assert email.last_error.startswith("BadHeaderError")
        assert mail.outbox == []


class TestTaskBackends:
    @override_settings(TASKS=DUMMY_TASKS, EMAIL_BACKEND="tests.cms.test_mail.RefusingBackend")
    def test_a_backend_that_can_defer_gets_the_retry_for_its_time(
        self, django_capture_on_commit_callbacks
    ):
        from cms.mail.tasks import deliver_email

        with django_capture_on_commit_callbacks(execute=True):
            email = queue()
        [first] = deliver_email.get_backend().results
        assert first.kwargs == {"email_id": email.pk}
        assert first.task.run_after is None

        email_deliver(email_id=email.pk)

        email.refresh_from_db()
        [_first, retried] = deliver_email.get_backend().results
        assert retried.kwargs == {"email_id": email.pk}
        assert retried.task.run_after == email.next_attempt_at

    # The worker closes the database connection between tasks (which a test transaction cannot
    # survive) and installs its own signal handlers (put back afterwards).
    @pytest.mark.django_db(transaction=True)
    @override_settings(TASKS=DATABASE_TASKS)
    def test_production_queue_is_worked_off_by_the_db_worker(self):
        from django_tasks_db.models import DBTaskResult

        queue()
        assert mail.outbox == []
        assert DBTaskResult.objects.count() == 1

        handlers = {number: signal.getsignal(number) for number in WORKER_SIGNALS}
        try:
            call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
        finally:
            for number, handler in handlers.items():
                signal.signal(number, handler)

        assert len(mail.outbox) == 1
        assert not OutgoingEmail.objects.exists()
