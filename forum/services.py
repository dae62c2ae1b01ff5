"""Every write in the forum. Each checks the actor's rights again, so no caller can skip them."""

from collections.abc import Iterable, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.privacy_guard import known_kinds
from search.indexing import outbox_batch

from . import signals
from .antiflood import flood_check
from .audit import audit_log
from .mentions import render_post
from .models import (
    Category,
    HelpfulVote,
    ModerationAction,
    Post,
    PostRevision,
    ReadMark,
    Topic,
    TopicReadState,
)
from .permissions import ForumPermissions


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _silenced_message(permissions: ForumPermissions) -> str | None:
    silence = permissions.silence if permissions.is_authenticated else None
    if silence is None:
        return None
    return silenced_message(silence)


def silenced_message(silence) -> str:
    """The German explanation a silenced member sees wherever they would write."""
    until = timezone.localtime(silence.until)
    return _(
        "The moderators have silenced you until %(date)s, %(time)s: until then you cannot "
        "write or edit posts. Reason: %(reason)s"
    ) % {
        "date": until.strftime("%d.%m.%Y"),
        "time": until.strftime("%H:%M"),
        "reason": silence.reason,
    }


def _clean_body(body: str) -> str:
    body = (body or "").rstrip()
    if not body.strip():
        raise ValidationError({"body": _("Please write something.")})
    return body


def _post_add(
    *, topic: Topic, author, body: str, now, personal_data_overridden: Sequence[str] = ()
) -> Post:
    # The row lock serialises concurrent replies so that post numbers stay gapless and unique.
    locked = Topic.objects.select_for_update().only("pk", "post_count").get(pk=topic.pk)
    kinds = known_kinds(personal_data_overridden)
    post = Post(
        topic=topic,
        number=locked.post_count + 1,
        author=author,
        body=body,
        body_html=render_post(body),
        created_at=now,
        personal_data_confirmed_at=now if kinds else None,
        personal_data_kinds=kinds,
    )
    post.full_clean()
    post.save()
    PostRevision.objects.create(post=post, number=1, body=body, editor=author, created_at=now)
    changes = {"post_count": post.number, "last_post": post, "last_activity_at": now}
    if post.number == 1:
        changes["first_post"] = post
    Topic.objects.filter(pk=topic.pk).update(**changes)
    for field, value in changes.items():
        setattr(topic, field, value)
    return post


@transaction.atomic
def topic_create(
    *,
    category: Category,
    author,
    title: str,
    body: str,
    fields_of_action: Iterable = (),
    practice=None,
    rate_limited: bool = True,
    personal_data_overridden: Sequence[str] = (),
) -> Topic:
    """Start a topic. ``rate_limited=False`` skips the anti-flood rules (demo data, imports).

    ``personal_data_overridden``: the kinds of data the guard found and the author confirmed;
    the question then waits in the moderators' queue.
    """
    permissions = ForumPermissions(author)
    _require(
        permissions.can_start_topic(category),
        _silenced_message(permissions) or _("You may not start topics in this category."),
    )
    body = _clean_body(body)
    if rate_limited:
        flood_check(author=author, category_id=category.pk, body=body, is_topic=True)
    now = timezone.now()
    topic = Topic(
        category=category,
        title=(title or "").strip(),
        author=author,
        practice=practice,
        created_at=now,
        last_activity_at=now,
    )
    topic.full_clean(exclude=["first_post", "last_post", "solution"])
    # The topic, its fields of action and its question reach the search index once, together.
    with outbox_batch():
        topic.save()
        topic.fields_of_action.set(list(fields_of_action))
        post = _post_add(
            topic=topic,
            author=author,
            body=body,
            now=now,
            personal_data_overridden=personal_data_overridden,
        )
    topic_mark_read(topic=topic, user=author, number=post.number)
    signals.topic_created.send(sender=Topic, topic=topic, post=post)
    return topic


@transaction.atomic
def post_create(
    *,
    topic: Topic,
    author,
    body: str,
    rate_limited: bool = True,
    personal_data_overridden: Sequence[str] = (),
) -> Post:
    """Reply to a topic. ``rate_limited=False`` skips the anti-flood rules (demo data, imports);
    ``personal_data_overridden`` as for ``topic_create``."""
    permissions = ForumPermissions(author)
    _require(
        permissions.can_reply(topic),
        _silenced_message(permissions) or _("You may not reply to this topic."),
    )
    body = _clean_body(body)
    if rate_limited:
        flood_check(author=author, category_id=topic.category_id, body=body, is_topic=False)
    post = _post_add(
        topic=topic,
        author=author,
        body=body,
        now=timezone.now(),
        personal_data_overridden=personal_data_overridden,
    )
    topic_mark_read(topic=topic, user=author, number=post.number)
    signals.post_created.send(sender=Post, post=post)
    return post


@transaction.atomic
def post_edit(
    *,
    post: Post,
    editor,
    body: str,
    title: str | None = None,
    fields_of_action: Iterable | None = None,
    reason: str = "",
    personal_data_overridden: Sequence[str] = (),
) -> Post:
    """Change a post's text (and, for the question, the topic's title and tags).

    Every text is kept as a revision; saving without a change adds none. A moderator changing
    someone else's post is written to the moderation log, with ``reason``. A confirmed
    data-protection warning (``personal_data_overridden``) puts the post back into the
    moderators' queue, with the kinds found before and now.
    """
    permissions = ForumPermissions(editor)
    _require(
        permissions.can_edit_post(post),
        _silenced_message(permissions) or _("You may not edit this post."),
    )
    body = _clean_body(body)
    by_moderator = post.author_id != editor.pk
    topic = post.topic
    title_changed = post.is_question and title is not None and title.strip() != topic.title
    if post.is_question and title is not None:
        topic.title = title.strip()
        topic.full_clean(exclude=["first_post", "last_post", "solution"])
        Topic.objects.filter(pk=topic.pk).update(title=topic.title)
        if fields_of_action is not None:
            topic.fields_of_action.set(list(fields_of_action))
    if personal_data_overridden:
        _post_record_override(post=post, kinds=personal_data_overridden)
    if body == post.body:
        if by_moderator and title_changed:
            audit_log(actor=editor, action=ModerationAction.EDIT, reason=reason, post=post)
        return post
    now = timezone.now()
    post = (
        Post.objects.select_for_update(of=("self",))
        .select_related("topic", "author")
        .get(pk=post.pk)
    )
    post.body = body
    post.body_html = render_post(body)
    post.edited_at = now
    post.edit_count += 1
    post.full_clean()
    post.save(update_fields=["body", "body_html", "edited_at", "edit_count"])
    revision = PostRevision.objects.create(
        post=post, number=post.edit_count + 1, body=body, editor=editor, created_at=now
    )
    if by_moderator:
        audit_log(
            actor=editor,
            action=ModerationAction.EDIT,
            reason=reason,
            post=post,
            details={"revision": revision.number},
        )
    signals.post_edited.send(sender=Post, post=post, editor=editor, revision=revision)
    return post


def _post_record_override(*, post: Post, kinds: Sequence[str]) -> None:
    post.personal_data_kinds = known_kinds([*post.personal_data_kinds, *kinds])
    post.personal_data_confirmed_at = timezone.now()
    post.personal_data_checked_at, post.personal_data_checked_by = None, None
    Post.objects.filter(pk=post.pk).update(
        personal_data_kinds=post.personal_data_kinds,
        personal_data_confirmed_at=post.personal_data_confirmed_at,
        personal_data_checked_at=None,
        personal_data_checked_by=None,
    )


@transaction.atomic
def post_delete(*, post: Post, actor) -> Post:
    """Hide a post's text behind "Beitrag gelöscht"; its place in the topic stays."""
    _require(ForumPermissions(actor).can_delete_post(post), _("You may not delete this post."))
    post.is_deleted = True
    post.deleted_at = timezone.now()
    post.deleted_by = actor
    post.save(update_fields=["is_deleted", "deleted_at", "deleted_by"])
    Topic.objects.filter(pk=post.topic_id, solution=post).update(solution=None)
    if post.topic.solution_id == post.pk:
        post.topic.solution = None
    signals.post_deleted.send(sender=Post, post=post, actor=actor)
    return post


@transaction.atomic
def post_vote_helpful(*, post: Post, user, helpful: bool = True) -> int:
    """Add (or with ``helpful=False`` take back) ``user``'s vote; returns the new count."""
    permissions = ForumPermissions(user)
    if post.author_id == getattr(user, "pk", None):
        raise PermissionDenied(_("You cannot mark your own post as helpful."))
    _require(permissions.can_vote_helpful(post), _("You may not vote on this post."))
    if helpful:
        _vote, changed = HelpfulVote.objects.get_or_create(post=post, user=user)
        delta = 1
    else:
        changed = bool(HelpfulVote.objects.filter(post=post, user=user).delete()[0])
        delta = -1
    if changed:
        Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") + delta)
    post.helpful_count = Post.objects.values_list("helpful_count", flat=True).get(pk=post.pk)
    return post.helpful_count


@transaction.atomic
def topic_mark_solution(*, topic: Topic, post: Post | None, actor) -> Topic:
    """Make ``post`` the accepted answer of ``topic``; ``None`` takes the mark back."""
    permissions = ForumPermissions(actor)
    if post is None:
        _require(
            permissions.can_mark_solution(topic),
            _("Only the author of the question or a moderator can choose the solution."),
        )
    else:
        if post.topic_id != topic.pk:
            raise ValidationError(_("This post belongs to another topic."))
        if post.is_question:
            raise ValidationError(_("The question itself cannot be its solution."))
        if post.is_deleted:
            raise ValidationError(_("A deleted post cannot be the solution."))
        _require(
            permissions.can_accept_as_solution(post),
            _("Only the author of the question or a moderator can choose the solution."),
        )
    topic.solution = post
    Topic.objects.filter(pk=topic.pk).update(solution=post)
    signals.solution_changed.send(sender=Topic, topic=topic, post=post, actor=actor)
    return topic


def topic_mark_read(*, topic: Topic, user, number: int) -> None:
    """Remember that ``user`` has seen the posts of ``topic`` up to ``number``."""
    if not getattr(user, "is_authenticated", False) or number < 1:
        return
    updated = TopicReadState.objects.filter(
        user=user, topic=topic, last_read_number__lt=number
    ).update(last_read_number=number, updated_at=timezone.now())
    if not updated:
        TopicReadState.objects.get_or_create(
            user=user, topic=topic, defaults={"last_read_number": number}
        )


def forum_mark_all_read(*, user) -> ReadMark:
    mark, _created = ReadMark.objects.update_or_create(
        user=user, defaults={"marked_at": timezone.now()}
    )
    return mark


@transaction.atomic
def topic_set_pinned(*, topic: Topic, actor, pinned: bool, reason: str = "") -> Topic:
    _require(ForumPermissions(actor).can_pin_topic(topic), _("Only moderators can pin topics."))
    topic.is_pinned = pinned
    Topic.objects.filter(pk=topic.pk).update(is_pinned=pinned)
    audit_log(
        actor=actor,
        action=ModerationAction.PIN if pinned else ModerationAction.UNPIN,
        reason=reason,
        topic=topic,
    )
    return topic


@transaction.atomic
def topic_set_locked(*, topic: Topic, actor, locked: bool, reason: str = "") -> Topic:
    _require(ForumPermissions(actor).can_lock_topic(topic), _("Only moderators can lock topics."))
    topic.is_locked = locked
    Topic.objects.filter(pk=topic.pk).update(is_locked=locked)
    audit_log(
        actor=actor,
        action=ModerationAction.LOCK if locked else ModerationAction.UNLOCK,
        reason=reason,
        topic=topic,
    )
    return topic


def search_refresh_topic(*, topic: Topic) -> None:
    """Have the search index rebuild ``topic``'s document (after a redaction, a move, …).

    The search app keeps the index in step through its outbox; recording the topic there inside
    the current transaction updates the database index at once and Elasticsearch after the
    commit.
    """
    from search.indexing import outbox_record

    outbox_record(objects=[topic])
