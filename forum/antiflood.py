"""Anti-flood rules for new posts: a pause between posts, daily caps for new accounts and no
identical text twice in a row. Configured by the FORUM_* settings; 0 turns a limit off.
Moderators of the category are not slowed down, but are kept from double posting too.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Post
from .permissions import ForumPermissions


def _normalised(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def flood_check(*, author, category_id: int, body: str, is_topic: bool) -> None:
    """Raise a ``ValidationError`` with a German explanation if ``author`` may not post now."""
    now = timezone.now()
    last = (
        Post.objects.filter(author=author)
        .order_by("-created_at", "-pk")
        .values("body", "created_at")
        .first()
    )
    if (
        last is not None
        and getattr(settings, "FORUM_PREVENT_DUPLICATE_POSTS", True)
        and _normalised(last["body"]) == _normalised(body)
    ):
        raise ValidationError(
            _(
                "You have just published exactly this text. Please write something new, or "
                "edit your earlier post if you want to add to it."
            ),
            code="duplicate",
        )
    permissions = ForumPermissions(author)
    if author.is_superuser or permissions.can_moderate(category_id):
        return

    interval = getattr(settings, "FORUM_MIN_POST_INTERVAL_SECONDS", 0)
    if interval and last is not None:
        wait = interval - int((now - last["created_at"]).total_seconds())
        if wait > 0:
            raise ValidationError(
                ngettext(
                    "Please wait %(seconds)d more second before you post again: a short "
                    "pause between posts protects the forum from floods.",
                    "Please wait %(seconds)d more seconds before you post again: a short "
                    "pause between posts protects the forum from floods.",
                    wait,
                )
                % {"seconds": wait},
                code="interval",
            )

    new_member_days = getattr(settings, "FORUM_NEW_MEMBER_DAYS", 0)
    if not new_member_days or author.date_joined <= now - timedelta(days=new_member_days):
        return
    setting = "FORUM_NEW_MEMBER_TOPICS_PER_DAY" if is_topic else "FORUM_NEW_MEMBER_REPLIES_PER_DAY"
    limit = getattr(settings, setting, 0)
    if not limit:
        return
    recent = Post.objects.filter(author=author, created_at__gt=now - timedelta(days=1))
    recent = recent.filter(number=1) if is_topic else recent.filter(number__gt=1)
    if recent.count() >= limit:
        if is_topic:
            message = ngettext(
                "In their first %(days)d days, members can start %(limit)d topic a day. "
                "You have reached this limit; please try again tomorrow.",
                "In their first %(days)d days, members can start %(limit)d topics a day. "
                "You have reached this limit; please try again tomorrow.",
                limit,
            )
        else:
            message = ngettext(
                "In their first %(days)d days, members can write %(limit)d reply a day. "
                "You have reached this limit; please try again tomorrow.",
                "In their first %(days)d days, members can write %(limit)d replies a day. "
                "You have reached this limit; please try again tomorrow.",
                limit,
            )
        raise ValidationError(
            message % {"days": new_member_days, "limit": limit}, code="daily_limit"
        )
