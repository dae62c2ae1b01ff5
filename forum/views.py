"""Forum pages. Every "may they" question goes to ``permissions.for_request``; writes to services.

Things a member may not read answer 404, as if they did not exist; things they may read but not
change answer 403 with a German explanation.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.access import visible_pages
from practices.models import PracticePage

from . import notifications, selectors, services, similar, watching
from .forms import PostEditForm, PostForm, TopicForm, WatchForm
from .markup import quote_markdown
from .mentions import render_post
from .models import BODY_MAX_LENGTH
from .permissions import for_request


def _forbidden(request, message: str):
    return render(request, "forum/forbidden.html", {"message": message}, status=403)


def _unless_silenced(request, message: str) -> str:
    """``message``, or the silence notice when the member is silenced (which is then why)."""
    silence = for_request(request).silence
    return services.silenced_message(silence) if silence is not None else message


def _int_or_none(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def _readable_topic(request, pk: int):
    topic = selectors.topic_detail(pk=pk)
    if topic is None or not for_request(request).can_read_topic(topic):
        raise Http404(_("This topic does not exist or you may not read it."))
    return topic


def _readable_post(request, pk: int):
    post = selectors.post_detail(pk=pk)
    if post is None or not for_request(request).can_read_post(post):
        raise Http404(_("This post does not exist or you may not read it."))
    return post


def post_url(post) -> str:
    page = selectors.page_of_post(post.number)
    url = reverse("forum:topic", kwargs={"pk": post.topic_id})
    return f"{url}?seite={page}#beitrag-{post.number}"


def _visible_practice(user, practice_id: int | None):
    if practice_id is None:
        return None
    return visible_pages(PracticePage.objects.live().filter(pk=practice_id), user).first()


def _form_errors_to(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# Overview and lists


@login_required
def index(request):
    permissions = for_request(request)
    return render(
        request,
        "forum/index.html",
        {
            "categories": selectors.category_tree(permissions=permissions),
            "latest_topics": selectors.latest_topics(user=request.user, permissions=permissions),
            "can_start": bool(permissions.startable_category_ids()),
            "forum_section": "index",
        },
    )


def _topic_page(request, topics):
    page = Paginator(topics, selectors.TOPICS_PER_PAGE).get_page(request.GET.get("seite"))
    page.object_list = selectors.mark_unread(page.object_list, user=request.user)
    return page


@login_required
def category(request, slug: str):
    permissions = for_request(request)
    category = selectors.category_by_slug(slug=slug)
    if category is None or not permissions.can_see_category(category):
        raise Http404(_("This category does not exist or you may not see it."))
    sort = selectors.sort_key(request.GET.get("sortierung"))
    can_read = permissions.can_read_category(category)
    page = None
    if can_read:
        topics = selectors.topic_list(
            user=request.user, category_ids=[category.pk], sort=sort, pinned_first=True
        )
        page = _topic_page(request, topics)
    return render(
        request,
        "forum/category.html",
        {
            "category": category,
            "subcategories": selectors.subcategories(category=category, permissions=permissions),
            "can_read": can_read,
            "can_start": permissions.can_start_topic(category),
            "page": page,
            "sort": sort,
            "sorts": selectors.SORTS,
            "watch": watching.watch_state(user=request.user, category=category)
            if can_read
            else None,
            "watch_form": WatchForm(),
        },
    )


@login_required
def latest(request):
    permissions = for_request(request)
    sort = selectors.sort_key(request.GET.get("sortierung"))
    unread_only = request.GET.get("ansicht") == "ungelesen"
    topics = selectors.readable_topic_list(
        user=request.user, permissions=permissions, sort=sort, unread_only=unread_only
    )
    return render(
        request,
        "forum/latest.html",
        {
            "page": _topic_page(request, topics),
            "sort": sort,
            "sorts": selectors.SORTS,
            "unread_only": unread_only,
            "forum_section": "unread" if unread_only else "latest",
        },
    )


@login_required
@require_POST
def mark_all_read(request):
    services.forum_mark_all_read(user=request.user)
    messages.success(request, _("All topics are marked as read."))
    next_url = request.POST.get("next", "")
    if next_url.startswith("/forum/") and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        return redirect(next_url)
    return redirect("forum:index")


# Topics


@login_required
def topic(request, pk: int):
    permissions = for_request(request)
    topic = _readable_topic(request, pk)
    last_read = selectors.read_position(topic=topic, user=request.user)
    page_param = request.GET.get("seite")
    if page_param is None and last_read and last_read < topic.post_count:
        # Continue where the member stopped reading.
        number = last_read + 1
        url = reverse("forum:topic", kwargs={"pk": topic.pk})
        return redirect(f"{url}?seite={selectors.page_of_post(number)}#beitrag-{number}")

    paginator = Paginator(
        selectors.topic_posts(topic=topic, user=request.user), selectors.POSTS_PER_PAGE
    )
    page = paginator.get_page(page_param)
    posts = selectors.attach_topic(page.object_list, topic)
    for post in posts:
        post.is_new = post.number > last_read and last_read > 0
    if posts:
        services.topic_mark_read(topic=topic, user=request.user, number=posts[-1].number)
        notifications.notifications_mark_read_in_topic(
            user=request.user, topic=topic, up_to_number=posts[-1].number
        )
    solution = topic.solution
    if solution is not None:
        solution.topic = topic
    can_reply = permissions.can_reply(topic)
    return render(
        request,
        "forum/topic.html",
        {
            "topic": topic,
            "page": page,
            "posts": posts,
            "solution": solution,
            "practice": _visible_practice(request.user, topic.practice_id),
            "can_reply": can_reply,
            "can_moderate": permissions.can_moderate(topic.category_id),
            "reply_form": PostForm() if can_reply and not page.has_next() else None,
            "silence_message": services.silenced_message(permissions.silence)
            if permissions.is_silenced
            else None,
            "watch": watching.watch_state(user=request.user, topic=topic),
            "watch_form": WatchForm(),
        },
    )


def _preview_requested(request) -> bool:
    return "vorschau" in request.POST


def _similar_requested(request) -> bool:
    return request.method == "POST" and "similar" in request.POST


def _typed_values(request, form_class) -> dict:
    """What the member typed into ``form_class``, as initial values: a form shown again
    without validation errors for fields not filled in yet."""
    return {
        name: request.POST.getlist(name)
        if isinstance(field, forms.ModelMultipleChoiceField)
        else request.POST.get(name)
        for name, field in form_class.base_fields.items()
        if name in request.POST
    }


def _publish_or_preview(request, form, *, save, success_message: str):
    """The POST of a forum editor: "Vorschau" renders the text (also while other fields are
    still wrong), anything else saves through ``save``, which returns where to go next.

    Returns ``(redirect, None)`` after saving, else ``(None, preview HTML or None)``.
    """
    if request.method != "POST":
        return None, None
    if _preview_requested(request):
        if form.is_valid() or "body" not in form.errors:
            return None, render_post(form.cleaned_data.get("body", ""))
        return None, None
    if form.is_valid():
        try:
            target = save(form.cleaned_data)
        except ValidationError as error:
            _form_errors_to(form, error)
        else:
            messages.success(request, success_message)
            return redirect(target), None
    return None, None


@login_required
def topic_create(request, slug: str | None = None):
    permissions = for_request(request)
    startable = permissions.startable_category_ids()
    initial = {}
    if slug is not None:
        category = selectors.category_by_slug(slug=slug)
        if category is None or not permissions.can_see_category(category):
            raise Http404(_("This category does not exist or you may not see it."))
        if category.pk not in startable:
            return _forbidden(
                request, _unless_silenced(request, _("You may not start topics in this category."))
            )
        initial["category"] = category.pk
    if not startable:
        return _forbidden(
            request, _unless_silenced(request, _("You may not start topics in any category."))
        )
    practice = _visible_practice(request.user, _int_or_none(request.GET.get("praxis")))
    if practice is not None:
        initial["practice"] = practice.pk
        initial["fields_of_action"] = [topic.pk for topic in practice.topics.all()]

    similar_requested = _similar_requested(request)
    if similar_requested:
        # Looking for similar topics publishes nothing and checks nothing yet.
        initial |= _typed_values(request, TopicForm)
    form = TopicForm(
        request.POST if request.method == "POST" and not similar_requested else None,
        initial=initial,
        user=request.user,
        category_ids=startable,
        guard=not _preview_requested(request),
    )
    similar_found = None
    if similar_requested:
        similar_found = similar.similar_result(
            title=request.POST.get("title", ""),
            body=request.POST.get("body", ""),
            permissions=permissions,
        )
    saved, preview = _publish_or_preview(
        request,
        form,
        save=lambda data: services.topic_create(
            category=data["category"],
            author=request.user,
            title=data["title"],
            body=data["body"],
            fields_of_action=data["fields_of_action"],
            practice=data["practice"],
            personal_data_overridden=form.personal_data_overridden,
        ),
        success_message=_("Your topic has been published."),
    )
    if saved:
        return saved
    return render(
        request,
        "forum/topic_form.html",
        {
            "form": form,
            "preview": preview,
            "practice": practice,
            "similar": similar_found,
            "similar_min_length": similar.MIN_TEXT_LENGTH,
            "similar_too_short": similar.similar_status(topics=[], text_length=0),
        },
    )


@login_required
def reply(request, pk: int):
    permissions = for_request(request)
    topic = _readable_topic(request, pk)
    if not permissions.can_reply(topic):
        if permissions.is_silenced:
            return _forbidden(request, services.silenced_message(permissions.silence))
        if topic.is_locked:
            return _forbidden(request, _("This topic is closed: no new replies are possible."))
        return _forbidden(request, _("You may not reply to this topic."))

    initial = {}
    quoted = None
    quote_id = _int_or_none(request.GET.get("zitat"))
    if quote_id is not None:
        quoted = selectors.post_detail(pk=quote_id)
        if quoted is not None and quoted.topic_id == topic.pk and permissions.can_quote(quoted):
            author_name = quoted.author.public_name if quoted.author else _("former member")
            initial["body"] = quote_markdown(author_name=author_name, body=quoted.body)
        else:
            quoted = None

    form = PostForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        guard=not _preview_requested(request),
    )
    saved, preview = _publish_or_preview(
        request,
        form,
        save=lambda data: post_url(
            services.post_create(
                topic=topic,
                author=request.user,
                body=data["body"],
                personal_data_overridden=form.personal_data_overridden,
            )
        ),
        success_message=_("Your reply has been published."),
    )
    if saved:
        return saved
    return render(
        request,
        "forum/reply.html",
        {"topic": topic, "form": form, "preview": preview, "quoted": quoted},
    )


@login_required
@require_POST
def topic_moderate(request, pk: int):
    topic = _readable_topic(request, pk)
    if not for_request(request).can_moderate(topic.category_id):
        return _forbidden(request, _("Only moderators can do this."))
    action = request.POST.get("aktion")
    actions = {
        "anheften": (services.topic_set_pinned, "pinned", True, _("The topic is pinned.")),
        "loesen": (services.topic_set_pinned, "pinned", False, _("The topic is no longer pinned.")),
        "schliessen": (services.topic_set_locked, "locked", True, _("The topic is closed.")),
        "oeffnen": (services.topic_set_locked, "locked", False, _("The topic is open again.")),
    }
    if action not in actions:
        messages.error(request, _("Unknown action."))
        return redirect(topic)
    service, argument, value, message = actions[action]
    service(topic=topic, actor=request.user, **{argument: value})
    messages.success(request, message)
    return redirect(topic)


# Posts


@login_required
def post(request, pk: int):
    return redirect(post_url(_readable_post(request, pk)))


@login_required
def post_edit(request, pk: int):
    post = _readable_post(request, pk)
    if not for_request(request).can_edit_post(post):
        return _forbidden(request, _unless_silenced(request, _("You may not edit this post.")))
    topic = post.topic
    by_moderator = post.author_id != request.user.pk
    initial = {"body": post.body}
    if post.is_question:
        initial["title"] = topic.title
        initial["fields_of_action"] = [item.pk for item in topic.fields_of_action.all()]
    form = PostEditForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        is_question=post.is_question,
        by_moderator=by_moderator,
        guard=not _preview_requested(request),
    )

    def save(data) -> str:
        services.post_edit(
            post=post,
            editor=request.user,
            body=data["body"],
            title=data.get("title"),
            fields_of_action=data.get("fields_of_action"),
            reason=data.get("reason", ""),
            personal_data_overridden=form.personal_data_overridden,
        )
        return post_url(post)

    saved, preview = _publish_or_preview(
        request, form, save=save, success_message=_("Your changes have been saved.")
    )
    if saved:
        return saved
    return render(request, "forum/post_edit.html", {"post": post, "form": form, "preview": preview})


@login_required
def post_delete(request, pk: int):
    post = _readable_post(request, pk)
    if not for_request(request).can_delete_post(post):
        return _forbidden(request, _("You may not delete this post."))
    if request.method == "POST":
        services.post_delete(post=post, actor=request.user)
        messages.success(request, _("The post has been deleted."))
        return redirect(post_url(post))
    return render(request, "forum/post_delete.html", {"post": post})


@login_required
def post_revisions(request, pk: int):
    post = _readable_post(request, pk)
    if not for_request(request).can_view_revisions(post):
        return _forbidden(
            request, _("Only the author and the moderators can see earlier versions of a post.")
        )
    return render(
        request,
        "forum/post_revisions.html",
        {"post": post, "diffs": selectors.post_revision_diffs(post=post)},
    )


@login_required
@require_POST
def post_helpful(request, pk: int):
    post = _readable_post(request, pk)
    helpful = request.POST.get("hilfreich") != "0"
    try:
        services.post_vote_helpful(post=post, user=request.user, helpful=helpful)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Thank you: you marked this post as helpful.")
            if helpful
            else _("Your “helpful” vote has been taken back."),
        )
    return redirect(post_url(post))


@login_required
@require_POST
def post_solution(request, pk: int):
    post = _readable_post(request, pk)
    accept = request.POST.get("loesung") != "0"
    try:
        services.topic_mark_solution(
            topic=post.topic, post=post if accept else None, actor=request.user
        )
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(
            request,
            _("This reply is now marked as the solution.")
            if accept
            else _("The solution mark has been removed."),
        )
    return redirect(post_url(post))


@login_required
@require_POST
def preview(request):
    body = request.POST.get("body", "")
    if len(body) > BODY_MAX_LENGTH:
        return HttpResponseBadRequest(
            _("Your post is too long: at most %(limit)d characters are allowed.")
            % {"limit": BODY_MAX_LENGTH},
            content_type="text/plain; charset=utf-8",
        )
    if not body.strip():
        return HttpResponse(
            format_html('<p class="forum-preview__empty">{}</p>', _("Nothing to preview yet.")),
            content_type="text/html; charset=utf-8",
        )
    return HttpResponse(render_post(body), content_type="text/html; charset=utf-8")


@login_required
@require_POST
def similar_topics(request):
    """JSON for “Ähnliche Themen” while a member writes a new topic: existing topics close in
    meaning to the typed ``title`` and ``body``, only those the member may read.

    A POST like the preview: a draft may still hold clients' data the guard has not checked
    yet, and a query string would carry it into the access logs.
    """
    return JsonResponse(
        similar.similar_result(
            title=request.POST.get("title", ""),
            body=request.POST.get("body", ""),
            permissions=for_request(request),
        )
    )


# Members


@login_required
def member(request, username: str):
    permissions = for_request(request)
    member = selectors.member_by_username(username=username)
    if member is None:
        raise Http404(_("There is no member with this name."))
    if not permissions.readable_category_ids():
        # Profiles are part of the forum: only those who take part in it see them.
        return _forbidden(request, _("Member profiles are visible to forum members only."))
    return render(
        request,
        "forum/member.html",
        {
            "member": member,
            "topics": selectors.member_topics(member=member, permissions=permissions),
            "posts": selectors.member_posts(member=member, permissions=permissions),
            "counts": selectors.member_counts(member=member, permissions=permissions),
            "forum_section": "me" if member == request.user else None,
        },
    )
