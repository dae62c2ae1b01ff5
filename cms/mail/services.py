"""The one way to send an e-mail, and how a failed one is tried again.

A message takes this path: ``email_send`` writes an ``OutgoingEmail`` row in the caller's
transaction, so the e-mail exists exactly when the change that caused it does. After the commit
it enqueues the ``deliver_email`` task (``cms.mail.tasks``) through the Django tasks API: the
immediate backend sends at once (development, tests), the database backend hands it to the
worker (production, ``manage.py db_worker``). Sending deletes the row.

A failure while sending is logged and never raised. The row keeps the error and the time of the
next attempt, doubling from one minute up to six hours; where the task backend can defer (the
database backend), the task is enqueued again for that time, and ``manage.py email_retry`` sends
every row that is due whatever the backend (production runs it every few minutes from a timer).
After ``MAX_ATTEMPTS`` the row is given up, logged as an error and kept for the operators
(``email_retry --given-up`` tries those again). Delivery is at least once: a process that dies
between sending and deleting sends that e-mail again once its lock has run out.
"""

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.core.mail import BadHeaderError, EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from cms.validators import one_line

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

SUBJECT_MAX_LENGTH = 200
# RFC 5322 allows lines of up to 998 characters; the mail library folds longer headers itself.
HEADER_MAX_LENGTH = 998
MAX_ATTEMPTS = 10
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)
SENDING_LOCK = timedelta(minutes=10)


def header_value(text: str, *, max_length: int = SUBJECT_MAX_LENGTH) -> str:
    """``text`` as one line fit for a mail header (``cms.validators.one_line``), with runs of
    white space as one space, and what is longer than ``max_length`` ending in an ellipsis."""
    line = " ".join(one_line(str(text)).split())
    if len(line) > max_length:
        line = line[: max_length - 1].rstrip() + "…"
    return line


def email_send(
    *,
    to: Sequence[str],
    subject: str,
    body: str,
    html: str = "",
    reply_to: Sequence[str] = (),
    headers: dict[str, str] | None = None,
    from_email: str = "",
) -> OutgoingEmail | None:
    """Queue an e-mail that leaves after the commit of the current transaction.

    Returns ``None`` when there is nobody to send it to.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return None
    email = OutgoingEmail.objects.create(
        subject=header_value(subject),
        body=body,
        html=html,
        from_email=header_value(from_email, max_length=HEADER_MAX_LENGTH),
        to=recipients,
        reply_to=[address for address in reply_to if address],
        headers={
            name: header_value(value, max_length=HEADER_MAX_LENGTH)
            for name, value in (headers or {}).items()
        },
    )
    # Robust: an error here must neither reach the request nor stop the other callbacks
    # (the search index push among them) that wait for the same commit.
    transaction.on_commit(partial(_enqueue, email_id=email.pk), robust=True)
    return email


@contextmanager
def isolated_side_effect(what: str) -> Iterator[None]:
    """Run a side effect inside the caller's transaction without letting it fail the caller.

    A savepoint undoes what the side effect wrote if it fails; the error is logged.
    """
    try:
        with transaction.atomic():
            yield
    except Exception:
        logger.exception("%s failed; the change that caused it stands.", what)


def _enqueue(*, email_id: int, run_after: datetime | None = None) -> None:
    from .tasks import deliver_email

    try:
        task = deliver_email if run_after is None else deliver_email.using(run_after=run_after)
        task.enqueue(email_id=email_id)
    except Exception:
        logger.exception("Queueing e-mail %s failed; manage.py email_retry sends it.", email_id)


def _can_defer() -> bool:
    from .tasks import deliver_email

    return deliver_email.get_backend().supports_defer


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed attempt."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


def _due(now: datetime):
    return OutgoingEmail.objects.filter(given_up=False, next_attempt_at__lte=now).filter(
        Q(locked_until__isnull=True) | Q(locked_until__lt=now)
    )


def _message(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=email.from_email or None,
        to=email.to,
        reply_to=email.reply_to or None,
        headers=email.headers or None,
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    return message


def email_deliver(*, email_id: int) -> bool:
    """Send the queued e-mail ``email_id`` if it is due; True when it left.

    Never raises for a failure of the mail server: it is logged and the next attempt scheduled.
    """
    now = timezone.now()
    claimed = (
        _due(now)
        .filter(pk=email_id)
        .update(locked_until=now + SENDING_LOCK, attempts=F("attempts") + 1)
    )
    if not claimed:
        return False
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        _message(email).send()
    except Exception as error:
        _record_failure(email, error)
        return False
    email.delete()
    return True


def _record_failure(email: OutgoingEmail, error: Exception) -> None:
    # A header the mail library refuses stays refused: trying again would not help.
    given_up = isinstance(error, BadHeaderError) or email.attempts >= MAX_ATTEMPTS
    next_attempt_at = timezone.now() + retry_delay(email.attempts)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        last_error=f"{type(error).__name__}: {error}"[:2000],
        next_attempt_at=next_attempt_at,
        locked_until=None,
        given_up=given_up,
    )
    if given_up:
        logger.error(
            "Sending e-mail %s failed %d times; given up (email_retry --given-up tries again).",
            email.pk,
            email.attempts,
            exc_info=error,
        )
        return
    logger.warning(
        "Sending e-mail %s failed (attempt %d); trying again from %s.",
        email.pk,
        email.attempts,
        next_attempt_at.isoformat(timespec="seconds"),
        exc_info=error,
    )
    if _can_defer():
        _enqueue(email_id=email.pk, run_after=next_attempt_at)


@dataclass
class RetryResult:
    sent: int = 0
    failed: int = 0
    waiting: int = 0
    given_up: int = 0


def email_retry(*, given_up: bool = False) -> RetryResult:
    """Send every queued e-mail that is due; ``given_up`` first revives the given-up ones."""
    if given_up:
        OutgoingEmail.objects.filter(given_up=True).update(
            given_up=False, attempts=0, next_attempt_at=timezone.now(), locked_until=None
        )
    result = RetryResult()
    for email_id in list(
        _due(timezone.now()).order_by("next_attempt_at", "pk").values_list("pk", flat=True)
    ):
        if email_deliver(email_id=email_id):
            result.sent += 1
        else:
            result.failed += 1
    result.waiting = OutgoingEmail.objects.filter(given_up=False).count()
    result.given_up = OutgoingEmail.objects.filter(given_up=True).count()
    return result
