"""Notifications: who hears about a post, in the forum (the bell) and by e-mail.

Who: for a new post, the members watching its topic ("Beobachten"), the author of the topic
(a reply to them), and the members it mentions; never the writer, never anyone who may not
read the topic, nobody for whom the topic is muted ("Stumm"). Each member gets at most one
notification per post (a database constraint), so editing a post never notifies twice.

E-mail follows each member's preference: immediately (a task after the commit), as a daily
digest (``manage.py forum_digest``) or never. A sending run first *claims* the rows it will send
by writing its batch key into them; a claimed row is never claimed again, so two runs at the same
time, or one run twice, never send an item twice. The e-mails are queued through ``cms.mail``
together with marking the rows sent, in one transaction; from there a mail server that is away
delays them but does not lose them.

E-mails name the topic, the writer and the link, but not the text of the post: e-mails leave the
platform and could not be redacted afterwards (Sozialdatenschutz).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from cms.mail.services import email_send
from cms.site_url import site_url

from .mentions import mentioned_members
from .models import (
    EmailFrequency,
    EmailStatus,
    Notification,
    NotificationKind,
    NotificationSettings,
    Post,
    WatchLevel,
)
from .permissions import ForumPermissions, members_who_can_read
from .watching import DEFAULT_LEVEL, levels_for_topic

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "forum.notifications.unsubscribe"


# Preferences


def default_frequency() -> str:
    value = getattr(settings, "FORUM_EMAIL_DEFAULT_FREQUENCY", EmailFrequency.IMMEDIATELY)
    return value if value in EmailFrequency.values else EmailFrequency.IMMEDIATELY


def email_frequency(user) -> str:
    stored = (
        NotificationSettings.objects.filter(user=user)
        .values_list("email_frequency", flat=True)
        .first()
    )
    return stored or default_frequency()


def _frequencies(user_ids) -> dict[int, str]:
    stored = dict(
        NotificationSettings.objects.filter(user_id__in=list(user_ids)).values_list(
            "user_id", "email_frequency"
        )
    )
    return {user_id: stored.get(user_id, default_frequency()) for user_id in user_ids}


@transaction.atomic
def notification_settings_set(*, user, email_frequency: str) -> NotificationSettings:
    if email_frequency not in EmailFrequency.values:
        raise ValidationError({"email_frequency": _("Please choose one of the offered options.")})
    row, _created = NotificationSettings.objects.update_or_create(
        user=user,
        defaults={"email_frequency": email_frequency, "updated_at": timezone.now()},
    )
    if email_frequency == EmailFrequency.NEVER:
        # Nothing still waiting for a digest goes out after one said "never".
        Notification.objects.filter(
            recipient=user, email_status=EmailStatus.PENDING, email_batch=""
        ).update(email_status=EmailStatus.SKIPPED)
    return row


# Creating notifications (called by the receivers)


def _create(*, post: Post, kinds: dict[int, str]) -> list[Notification]:
    """Notify the members in ``kinds`` (user id → kind) who may read the topic, once each."""
    if not kinds:
        return []
    already = set(
        Notification.objects.filter(post=post, recipient_id__in=list(kinds)).values_list(
            "recipient_id", flat=True
        )
    )
    candidates = get_user_model().objects.filter(pk__in=set(kinds) - already, is_active=True)
    readers = members_who_can_read(candidates, post.topic.category_id)
    if not readers:
        return []
    frequencies = _frequencies([reader.pk for reader in readers])
    notifications = [
        Notification(
            recipient=reader,
            kind=kinds[reader.pk],
            topic_id=post.topic_id,
            post=post,
            actor_id=post.author_id,
            created_at=post.edited_at or post.created_at,
            email_status=(
                EmailStatus.SKIPPED
                if frequencies[reader.pk] == EmailFrequency.NEVER
                else EmailStatus.PENDING
            ),
        )
        for reader in readers
    ]
    # A concurrent edit may have notified someone meanwhile: the constraint keeps it to one.
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    if any(frequencies[reader.pk] == EmailFrequency.IMMEDIATELY for reader in readers):
        transaction.on_commit(partial(_enqueue_immediate, post_id=post.pk), robust=True)
    return notifications


def notify_post(*, post: Post, new_topic: bool = False) -> list[Notification]:
    """Notifications for a new post (``new_topic``: the first post of a new topic)."""
    topic = post.topic
    levels = levels_for_topic(topic=topic)
    kinds: dict[int, str] = {}
    for user_id, level in levels.items():
        if level == WatchLevel.WATCHING:
            kinds[user_id] = NotificationKind.NEW_TOPIC if new_topic else NotificationKind.NEW_POST
    if (
        not new_topic
        and topic.author_id
        and levels.get(topic.author_id, DEFAULT_LEVEL) != WatchLevel.MUTED
    ):
        kinds[topic.author_id] = NotificationKind.REPLY
    for member in mentioned_members(post.body):
        if levels.get(member.pk, DEFAULT_LEVEL) != WatchLevel.MUTED:
            kinds[member.pk] = NotificationKind.MENTION
    kinds.pop(post.author_id, None)
    return _create(post=post, kinds=kinds)


def notify_mentions(*, post: Post) -> list[Notification]:
    """After an edit: notify members newly mentioned (members notified before are not again)."""
    members = mentioned_members(post.body)
    if not members:
        return []
    levels = levels_for_topic(topic=post.topic, user_ids=[member.pk for member in members])
    kinds = {
        member.pk: NotificationKind.MENTION
        for member in members
        if levels.get(member.pk, DEFAULT_LEVEL) != WatchLevel.MUTED
    }
    kinds.pop(post.author_id, None)
    return _create(post=post, kinds=kinds)


# Reading


def unread_count(user) -> int:
    """The bell's number: one query."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_list(*, user, permissions: ForumPermissions) -> QuerySet[Notification]:
    """The member's notifications, newest first, only for topics they may still read."""
    return (
        Notification.objects.filter(
            recipient=user, topic__category_id__in=permissions.readable_category_ids()
        )
        .select_related("topic__category", "post", "actor")
        .order_by("-created_at", "-pk")
    )


def notification_mark_read(*, notification: Notification, user) -> None:
    if notification.recipient_id != user.pk:
        raise ValidationError(_("This notification is not yours."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )


def notifications_mark_read_in_topic(*, user, topic, up_to_number: int) -> int:
    """Reading a topic page settles the notifications about the posts on it (one query)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(
        recipient=user, topic=topic, read_at__isnull=True, post__number__lte=up_to_number
    ).update(read_at=timezone.now())


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def _actor_name(notification: Notification) -> str:
    return notification.actor.public_name if notification.actor else _("A former member")


def describe(notification: Notification) -> str:
    """One German sentence for the list, the e-mail subject and the digest."""
    values = {"actor": _actor_name(notification), "title": notification.topic.title}
    if notification.kind == NotificationKind.MENTION:
        return _("%(actor)s mentioned you in “%(title)s”.") % values
    if notification.kind == NotificationKind.REPLY:
        return _("%(actor)s replied to your topic “%(title)s”.") % values
    if notification.kind == NotificationKind.NEW_TOPIC:
        values["category"] = notification.topic.category.name
        return _("%(actor)s started the topic “%(title)s” in %(category)s.") % values
    return _("%(actor)s wrote a new post in “%(title)s”.") % values


# E-mail


def unsubscribe_token(user) -> str:
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).sign(str(user.pk))


def unsubscribe_url(user) -> str:
    return site_url() + reverse("forum:unsubscribe", kwargs={"token": unsubscribe_token(user)})


def user_from_unsubscribe_token(token: str):
    """The member the token was made for; ``SignatureExpired`` or ``BadSignature`` otherwise."""
    max_age = getattr(settings, "FORUM_UNSUBSCRIBE_MAX_AGE_DAYS", 90) * 24 * 60 * 60
    value = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).unsign(token, max_age=max_age)
    user = get_user_model().objects.filter(pk=int(value) if value.isdigit() else None).first()
    if user is None:
        raise signing.BadSignature("No such member.")
    return user


def unsubscribe(*, token: str):
    """Switch e-mail notifications off for the member of ``token``; raises like the lookup."""
    user = user_from_unsubscribe_token(token)
    notification_settings_set(user=user, email_frequency=EmailFrequency.NEVER)
    return user


def _item(notification: Notification) -> dict:
    post = notification.post
    url = site_url() + reverse("forum:post", kwargs={"pk": post.pk})
    return {"text": describe(notification), "url": url, "created_at": notification.created_at}


def _message(user, items: list[Notification], *, digest: bool) -> dict:
    """The arguments of ``email_send`` for one e-mail to ``user`` about ``items``."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "items": [_item(item) for item in items],
            "digest": digest,
            "site_url": site_url(),
            "settings_url": site_url() + reverse("forum:notification_settings"),
            "notifications_url": site_url() + reverse("forum:notifications"),
            "unsubscribe_url": unsubscribe_url(user),
        }
        if digest:
            subject = ngettext(
                "[Wissensbörse] Your forum digest: %(count)d new notification",
                "[Wissensbörse] Your forum digest: %(count)d new notifications",
                len(items),
            ) % {"count": len(items)}
        else:
            subject = "[Wissensbörse] " + describe(items[0])
        text = render_to_string("forum/email/notifications.txt", context)
        html = render_to_string("forum/email/notifications.html", context)
    return {
        "to": [user.email],
        "subject": subject,
        "body": text,
        "html": html,
        "headers": {
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }


def _claim(notification_ids) -> str:
    batch = uuid.uuid4().hex
    Notification.objects.filter(
        pk__in=list(notification_ids), email_status=EmailStatus.PENDING, email_batch=""
    ).update(email_batch=batch)
    return batch


def _deliver(user, batch: str, *, digest: bool) -> int:
    """Queue the e-mails of the claimed notifications of ``batch`` to ``user``; returns their
    number."""
    items = list(
        Notification.objects.filter(email_batch=batch)
        .select_related("topic__category", "post__topic", "actor")
        .order_by("created_at", "pk")
    )
    permissions = ForumPermissions(user)
    # Things may have changed since: a hidden or deleted post, a topic moved out of reach.
    deliverable = [
        item
        for item in items
        if not item.post.is_deleted and permissions.can_see_post_content(item.post)
    ]
    skipped = [item.pk for item in items if item not in deliverable]
    if skipped:
        Notification.objects.filter(pk__in=skipped).update(email_status=EmailStatus.SKIPPED)
    if not deliverable or not user.email:
        Notification.objects.filter(pk__in=[item.pk for item in deliverable]).update(
            email_status=EmailStatus.SKIPPED
        )
        return 0
    try:
        messages = (
            [_message(user, deliverable, digest=True)]
            if digest
            else [_message(user, [item], digest=False) for item in deliverable]
        )
        with transaction.atomic():
            for message in messages:
                email_send(**message)
            Notification.objects.filter(pk__in=[item.pk for item in deliverable]).update(
                email_status=EmailStatus.SENT, emailed_at=timezone.now()
            )
    except Exception:
        # Give the rows back, so the next run tries again.
        Notification.objects.filter(email_batch=batch, email_status=EmailStatus.PENDING).update(
            email_batch=""
        )
        raise
    return len(messages)


def send_immediately(*, post_id: int) -> int:
    """Queue the e-mails of one post to the members who want them at once."""
    pending = list(
        Notification.objects.filter(
            post_id=post_id, email_status=EmailStatus.PENDING, email_batch=""
        ).values_list("pk", "recipient_id")
    )
    if not pending:
        return 0
    frequencies = _frequencies({recipient_id for _pk, recipient_id in pending})
    users = get_user_model().objects.in_bulk([recipient for _pk, recipient in pending])
    sent = 0
    for pk, recipient_id in pending:
        if frequencies[recipient_id] != EmailFrequency.IMMEDIATELY:
            continue
        batch = _claim([pk])
        sent += _deliver(users[recipient_id], batch, digest=False)
    return sent


@task()
def send_immediately_task(post_id: int) -> None:
    """``send_immediately`` as a task, enqueued after the commit of the new post."""
    try:
        send_immediately(post_id=post_id)
    except Exception:
        logger.exception("Sending forum notification e-mails failed; the digest run retries.")


def _enqueue_immediate(*, post_id: int) -> None:
    try:
        send_immediately_task.enqueue(post_id=post_id)
    except Exception:  # nothing after the commit may break the request that posted
        logger.exception("Queueing forum notification e-mails failed; the digest run sends them.")


@dataclass
class DigestResult:
    members: int = 0
    emails: int = 0
    failed: int = 0


def send_digests(*, progress=None) -> DigestResult:
    """One e-mail per member with everything still waiting; safe to run any number of times.

    Members who want daily digests get them here; so do left-overs of immediate e-mails that
    could not be queued. Members who chose "never" since get nothing, and their rows are closed.
    """
    result = DigestResult()
    recipient_ids = list(
        Notification.objects.filter(email_status=EmailStatus.PENDING, email_batch="")
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )
    frequencies = _frequencies(recipient_ids)
    users = get_user_model().objects.in_bulk(recipient_ids)
    for user_id in recipient_ids:
        waiting = Notification.objects.filter(
            recipient_id=user_id, email_status=EmailStatus.PENDING, email_batch=""
        )
        if frequencies[user_id] == EmailFrequency.NEVER or not users[user_id].is_active:
            waiting.update(email_status=EmailStatus.SKIPPED)
            continue
        batch = _claim(waiting.values_list("pk", flat=True))
        try:
            sent = _deliver(users[user_id], batch, digest=True)
        except Exception:
            logger.exception("Sending the forum digest to member %s failed.", user_id)
            result.failed += 1
            continue
        if sent:
            result.members += 1
            result.emails += sent
        if progress is not None:
            progress(users[user_id], sent)
    return result
