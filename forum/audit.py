"""The moderation audit log: every moderation action leaves one entry (who, what, when, why)."""

from .models import ModerationAction, ModerationLogEntry, Post, Topic


def _subject(topic: Topic | None, post: Post | None, member) -> str:
    if post is not None:
        return f"„{post.topic.title}“ #{post.number}"[:300]
    if topic is not None:
        return f"„{topic.title}“"[:300]
    if member is not None:
        return f"{member.public_name} ({member.username})"[:300]
    return ""


def audit_log(
    *,
    actor,
    action: ModerationAction | str,
    reason: str = "",
    topic: Topic | None = None,
    post: Post | None = None,
    member=None,
    details: dict | None = None,
) -> ModerationLogEntry:
    """Write one entry; call inside the transaction of the action itself."""
    if post is not None and topic is None:
        topic = post.topic
    entry = ModerationLogEntry(
        actor=actor,
        action=action,
        reason=(reason or "").strip(),
        category_id=topic.category_id if topic is not None else None,
        topic=topic,
        post=post,
        member=member if member is not None else (post.author if post is not None else None),
        subject=_subject(topic, post, member),
        details=details or {},
    )
    # No actor means the forum itself acted (auto-hide after reports).
    entry.full_clean(exclude=["actor"])
    entry.save()
    return entry
