"""Helpers for the tests of the forum's community features (watching, notifications, moderation)."""

from itertools import count

from forum import services
from forum.models import Notification, Watch


def reply(topic, author, body: str):
    """A reply through the service, as the site writes it (signals, watching, notifications)."""
    return services.post_create(topic=topic, author=author, body=body)


_numbers = count(1)


def start(category, author, title: str = "Wie organisiert ihr Fallkonferenzen?", body: str = ""):
    """A new topic through the service; each gets its own text (no duplicate-post refusal)."""
    body = body or f"Wir sammeln Erfahrungen, Runde {next(_numbers)}."
    return services.topic_create(category=category, author=author, title=title, body=body)


def kinds_for(post) -> dict[str, str]:
    """Username → notification kind, for everyone notified about ``post``."""
    return dict(Notification.objects.filter(post=post).values_list("recipient__username", "kind"))


def watch_level(user, *, topic=None, category=None) -> str | None:
    row = Watch.objects.filter(user=user, topic=topic, category=category).first()
    return row.level if row else None
