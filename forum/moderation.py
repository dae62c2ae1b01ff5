"""Reports and moderation: what members and moderators do to keep the forum useful and lawful.

Each action checks the actor's rights with the permission handler and writes its entry to the
moderation log (``audit.audit_log``) in the same transaction. Pinning, closing and moderator
edits live in ``services`` and log the same way.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from .audit import audit_log
from .mentions import render_post
from .models import (
    Category,
    ModerationAction,
    ModerationLogEntry,
    Post,
    PostRevision,
    Report,
    ReportReason,
    ReportStatus,
    Silence,
    Topic,
)
from .permissions import ForumPermissions
from .services import search_refresh_topic

REASON_MAX_LENGTH = 1000
REDACTED = "[entfernt]"
SILENCE_MAX_DAYS = 365


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _reason(reason: str, *, required: bool = True) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError(
            {"reason": _("Please give a reason: it is kept in the moderation log.")}
        )
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": _("The reason is too long: at most %(limit)d characters are allowed.")
                % {"limit": REASON_MAX_LENGTH}
            }
        )
    return reason


def _locked_post(post: Post) -> Post:
    return (
        Post.objects.select_for_update(of=("self",))
        .select_related("topic__category", "author")
        .get(pk=post.pk)
    )


def _decide_reports(*, post: Post, actor, status: str) -> int:
    return Report.objects.filter(post=post, status=ReportStatus.OPEN).update(
        status=status, decided_at=timezone.now(), decided_by=actor
    )


# Reports


def reports_to_hide() -> int:
    return getattr(settings, "FORUM_REPORTS_TO_HIDE", 3)


@transaction.atomic
def report_create(*, post: Post, reporter, reason: str, comment: str = "") -> Report:
    """ "Beitrag melden". Enough different members reporting a post hide it until a moderator
    decides (FORUM_REPORTS_TO_HIDE, three by default)."""
    permissions = ForumPermissions(reporter)
    _require(permissions.can_report(post), _("You cannot report this post."))
    if reason not in ReportReason.values:
        raise ValidationError({"reason": _("Please choose a reason from the list.")})
    post = _locked_post(post)
    if Report.objects.filter(post=post, reporter=reporter, status=ReportStatus.OPEN).exists():
        raise ValidationError(
            _("You have already reported this post; the moderators will look at it.")
        )
    report = Report(post=post, reporter=reporter, reason=reason, comment=(comment or "").strip())
    report.full_clean()
    report.save()
    reporters = Report.objects.filter(post=post, status=ReportStatus.OPEN).aggregate(
        count=Count("reporter", distinct=True)
    )["count"]
    threshold = reports_to_hide()
    if threshold and reporters >= threshold and not post.is_hidden and not post.is_deleted:
        now = timezone.now()
        Post.objects.filter(pk=post.pk).update(
            is_hidden=True, hidden_at=now, hidden_by=None, hidden_automatically=True
        )
        post.is_hidden, post.hidden_at, post.hidden_automatically = True, now, True
        audit_log(
            actor=None,
            action=ModerationAction.AUTO_HIDE,
            reason=_("Reported by %(count)d different members.") % {"count": reporters},
            post=post,
            details={"reporters": reporters},
        )
        search_refresh_topic(topic=post.topic)
    return report


@transaction.atomic
def reports_dismiss(*, post: Post, actor, reason: str = "") -> int:
    """The reports were unfounded: close them; a post hidden by them is shown again."""
    _require(ForumPermissions(actor).can_moderate(post.topic.category_id), _no_moderator())
    reason = _reason(reason, required=False)
    post = _locked_post(post)
    count = _decide_reports(post=post, actor=actor, status=ReportStatus.DISMISSED)
    unhidden = post.is_hidden and post.hidden_automatically
    if unhidden:
        _set_hidden(post, hidden=False, actor=actor)
    audit_log(
        actor=actor,
        action=ModerationAction.DISMISS,
        reason=reason,
        post=post,
        details={"reports": count, "shown_again": unhidden},
    )
    return count


def _no_moderator() -> str:
    return _("Only the moderators of this category can do this.")


def _set_hidden(post: Post, *, hidden: bool, actor) -> None:
    post.is_hidden = hidden
    post.hidden_at = timezone.now() if hidden else None
    post.hidden_by = actor if hidden else None
    post.hidden_automatically = False
    # save() rather than update(): the search index follows the post's changes.
    post.save(update_fields=["is_hidden", "hidden_at", "hidden_by", "hidden_automatically"])


# Posts


@transaction.atomic
def post_hide(*, post: Post, actor, reason: str) -> Post:
    _require(ForumPermissions(actor).can_hide_post(post), _no_moderator())
    reason = _reason(reason)
    post = _locked_post(post)
    if post.is_hidden and not post.hidden_automatically:
        raise ValidationError(_("This post is hidden already."))
    _set_hidden(post, hidden=True, actor=actor)
    reports = _decide_reports(post=post, actor=actor, status=ReportStatus.RESOLVED)
    audit_log(
        actor=actor,
        action=ModerationAction.HIDE,
        reason=reason,
        post=post,
        details={"reports": reports},
    )
    return post


@transaction.atomic
def post_unhide(*, post: Post, actor, reason: str) -> Post:
    _require(ForumPermissions(actor).can_moderate(post.topic.category_id), _no_moderator())
    reason = _reason(reason)
    post = _locked_post(post)
    if not post.is_hidden:
        raise ValidationError(_("This post is not hidden."))
    _set_hidden(post, hidden=False, actor=actor)
    reports = _decide_reports(post=post, actor=actor, status=ReportStatus.RESOLVED)
    audit_log(
        actor=actor,
        action=ModerationAction.UNHIDE,
        reason=reason,
        post=post,
        details={"reports": reports},
    )
    return post


@transaction.atomic
def post_redact(*, post: Post, actor, passage: str, reason: str) -> int:
    """Replace ``passage`` with "[entfernt]" everywhere the post's text is kept.

    That is the current text and its HTML, every earlier revision, the topic's title (for the
    question), the comments of its reports and the subjects of its moderation log entries; the
    search index is rebuilt for the topic. The passage itself is not logged. Returns how many
    places changed; a passage found nowhere changes nothing.
    """
    _require(ForumPermissions(actor).can_redact_post(post), _no_moderator())
    reason = _reason(reason)
    passage = (passage or "").strip()
    if len(passage) < 3:
        raise ValidationError(
            {"passage": _("Please copy the passage to remove (at least 3 characters).")}
        )
    post = _locked_post(post)
    topic = post.topic
    revisions = [revision for revision in post.revisions.all() if passage in revision.body]
    reports = [report for report in post.reports.all() if passage in report.comment]
    in_body = passage in post.body
    in_title = post.is_question and passage in topic.title
    places = len(revisions) + len(reports) + int(in_body) + int(in_title)
    if not places:
        raise ValidationError(
            {
                "passage": _(
                    "This passage does not occur in the post or its earlier versions. Please "
                    "copy it exactly from the text."
                )
            }
        )
    if in_body:
        post.body = post.body.replace(passage, REDACTED)
        post.body_html = render_post(post.body)
        post.save(update_fields=["body", "body_html"])
    for revision in revisions:
        revision.body = revision.body.replace(passage, REDACTED)
    PostRevision.objects.bulk_update(revisions, ["body"])
    for report in reports:
        report.comment = report.comment.replace(passage, REDACTED)
    Report.objects.bulk_update(reports, ["comment"])
    if in_title:
        topic.title = topic.title.replace(passage, REDACTED)
        topic.save(update_fields=["title"])
        for entry in ModerationLogEntry.objects.filter(topic=topic):
            if passage in entry.subject:
                entry.subject = entry.subject.replace(passage, REDACTED)
                entry.save(update_fields=["subject"])
    _decide_reports(post=post, actor=actor, status=ReportStatus.RESOLVED)
    audit_log(
        actor=actor,
        action=ModerationAction.REDACT,
        reason=reason,
        post=post,
        details={"places": places, "characters": len(passage)},
    )
    search_refresh_topic(topic=topic)
    return places


@transaction.atomic
def post_personal_data_checked(*, post: Post, actor, reason: str = "") -> Post:
    """A moderator has checked a post its author published despite the data-protection warning
    (and removed what had to go, with ``post_redact``): it leaves the queue."""
    _require(ForumPermissions(actor).can_moderate(post.topic.category_id), _no_moderator())
    reason = _reason(reason, required=False)
    post = _locked_post(post)
    if post.personal_data_confirmed_at is None or post.personal_data_checked_at is not None:
        raise ValidationError(_("This post is not waiting for a data-protection check."))
    post.personal_data_checked_at = timezone.now()
    post.personal_data_checked_by = actor
    Post.objects.filter(pk=post.pk).update(
        personal_data_checked_at=post.personal_data_checked_at, personal_data_checked_by=actor
    )
    audit_log(
        actor=actor,
        action=ModerationAction.DATA_CHECK,
        reason=reason,
        post=post,
        details={"kinds": post.personal_data_kinds},
    )
    return post


# Topics


@transaction.atomic
def topic_move(*, topic: Topic, actor, category: Category, reason: str) -> Topic:
    permissions = ForumPermissions(actor)
    _require(
        permissions.can_move_topic(topic, category),
        _("You can only move topics between categories you moderate."),
    )
    reason = _reason(reason)
    if category.pk == topic.category_id:
        raise ValidationError({"category": _("The topic is in this category already.")})
    source = Category.objects.get(pk=topic.category_id)
    topic.category = category
    topic.save(update_fields=["category"])
    audit_log(
        actor=actor,
        action=ModerationAction.MOVE,
        reason=reason,
        topic=topic,
        details={"from": source.name, "to": category.name},
    )
    search_refresh_topic(topic=topic)
    return topic


# Members


@transaction.atomic
def member_silence(*, member, actor, days: int, reason: str) -> Silence:
    """Silence ``member`` in the whole forum for ``days`` days."""
    _require(
        ForumPermissions(actor).can_silence_members(),
        _("Only forum-wide moderators can silence members."),
    )
    reason = _reason(reason)
    if member.pk == actor.pk:
        raise ValidationError(_("You cannot silence yourself."))
    if member.is_superuser:
        raise ValidationError(_("Administrators cannot be silenced."))
    if not isinstance(days, int) or not 1 <= days <= SILENCE_MAX_DAYS:
        raise ValidationError(
            {"days": _("Please choose between 1 and %(limit)d days.") % {"limit": SILENCE_MAX_DAYS}}
        )
    silence = Silence(
        user=member, until=timezone.now() + timedelta(days=days), reason=reason, created_by=actor
    )
    silence.full_clean()
    silence.save()
    audit_log(
        actor=actor,
        action=ModerationAction.SILENCE,
        reason=reason,
        member=member,
        details={"days": days, "until": silence.until.isoformat()},
    )
    return silence


@transaction.atomic
def silence_lift(*, silence: Silence, actor, reason: str) -> Silence:
    _require(
        ForumPermissions(actor).can_silence_members(),
        _("Only forum-wide moderators can lift a silence."),
    )
    reason = _reason(reason)
    if silence.lifted_at is not None or silence.until <= timezone.now():
        raise ValidationError(_("This silence is over already."))
    silence.lifted_at = timezone.now()
    silence.lifted_by = actor
    silence.save(update_fields=["lifted_at", "lifted_by"])
    audit_log(actor=actor, action=ModerationAction.UNSILENCE, reason=reason, member=silence.user)
    return silence
