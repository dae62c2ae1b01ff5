"""Forum pages of the community features: notifications, watching, reports, mentions, e-mail
preferences and the unsubscribe link. Rights come from ``permissions.for_request``; writes from
the services in ``notifications``, ``watching`` and ``moderation``."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import moderation, notifications, selectors, watching
from .forms import NotificationSettingsForm, ReportForm, WatchForm
from .models import Notification
from .permissions import for_request, members_who_can_read
from .services import silenced_message
from .views import (
    _forbidden,
    _form_errors_to,
    _int_or_none,
    _readable_post,
    _readable_topic,
    post_url,
)

NOTIFICATIONS_PER_PAGE = 30
SUGGESTIONS = 8
SUGGESTION_CANDIDATES = 40


def _next_or(request, fallback: str) -> str:
    next_url = request.POST.get("next", "")
    if next_url.startswith("/forum/") and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        return next_url
    return fallback


# Notifications


@login_required
def notification_list(request):
    entries = notifications.notification_list(user=request.user, permissions=for_request(request))
    page = Paginator(entries, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("seite"))
    items = [(item, notifications.describe(item)) for item in page.object_list]
    return render(
        request,
        "forum/notifications.html",
        {"page": page, "items": items, "forum_section": "notifications"},
    )


@login_required
def notification_open(request, pk: int):
    """Follow a notification: it counts as read, and the member lands on the post."""
    notification = (
        Notification.objects.select_related("post", "topic")
        .filter(pk=pk, recipient=request.user)
        .first()
    )
    if notification is None or not for_request(request).can_read_topic(notification.topic):
        raise Http404(_("This notification does not exist."))
    notifications.notification_mark_read(notification=notification, user=request.user)
    return redirect(reverse("forum:post", kwargs={"pk": notification.post_id}))


@login_required
@require_POST
def notifications_mark_all_read(request):
    count = notifications.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    else:
        messages.info(request, _("There were no unread notifications."))
    return redirect("forum:notifications")


@login_required
def notification_settings(request):
    current = notifications.email_frequency(request.user)
    form = NotificationSettingsForm(
        request.POST if request.method == "POST" else None, initial={"email_frequency": current}
    )
    if request.method == "POST" and form.is_valid():
        notifications.notification_settings_set(
            user=request.user, email_frequency=form.cleaned_data["email_frequency"]
        )
        messages.success(request, _("Your notification settings are saved."))
        return redirect("forum:notification_settings")
    return render(
        request,
        "forum/notification_settings.html",
        {"form": form, "forum_section": "notifications"},
    )


# Watching


@login_required
def watch_list(request):
    topic_watches, category_watches = watching.watch_list(
        user=request.user, permissions=for_request(request)
    )
    return render(
        request,
        "forum/watches.html",
        {
            "topic_watches": list(topic_watches),
            "category_watches": list(category_watches),
            "watch_form": WatchForm(),
            "forum_section": "watches",
        },
    )


def _watch(request, *, topic=None, category=None, fallback: str):
    form = WatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["level"]))
        return redirect(_next_or(request, fallback))
    level = form.cleaned_data["level"]
    if level == WatchForm.INHERIT:
        watching.watch_remove(user=request.user, topic=topic, category=category)
        messages.success(request, _("Your own setting is removed; the category's applies."))
    else:
        try:
            watching.watch_set(user=request.user, topic=topic, category=category, level=level)
        except PermissionDenied as error:
            return _forbidden(request, str(error))
        messages.success(request, _("Your notification setting is saved."))
    return redirect(_next_or(request, fallback))


@login_required
@require_POST
def topic_watch(request, pk: int):
    topic = _readable_topic(request, pk)
    return _watch(request, topic=topic, fallback=topic.get_absolute_url())


@login_required
@require_POST
def category_watch(request, slug: str):
    category = selectors.category_by_slug(slug=slug)
    if category is None or not for_request(request).can_read_category(category):
        raise Http404(_("This category does not exist or you may not see it."))
    if request.POST.get("level") == WatchForm.INHERIT:
        # A category has nothing above it to inherit from but its parent or the default.
        watching.watch_remove(user=request.user, category=category)
        messages.success(request, _("Your notification setting is saved."))
        return redirect(_next_or(request, category.get_absolute_url()))
    return _watch(request, category=category, fallback=category.get_absolute_url())


# Reports


@login_required
def post_report(request, pk: int):
    post = _readable_post(request, pk)
    permissions = for_request(request)
    if not permissions.can_report(post):
        if permissions.is_silenced:
            return _forbidden(request, silenced_message(permissions.silence))
        return _forbidden(request, _("You cannot report this post."))
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.report_create(
                post=post,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            _form_errors_to(form, error)
        else:
            messages.success(
                request, _("Thank you. The moderators have been told and will look at the post.")
            )
            return redirect(post_url(post))
    return render(request, "forum/report.html", {"post": post, "form": form})


# Mentions


@login_required
def mention_suggestions(request):
    """JSON for the @mention autocomplete: members matching ``q`` who may read the topic
    (``thema``) or the category (``kategorie``) being written in."""
    permissions = for_request(request)
    category_id = None
    topic_id = _int_or_none(request.GET.get("thema"))
    if topic_id is not None:
        category_id = _readable_topic(request, topic_id).category_id
    else:
        category_id = _int_or_none(request.GET.get("kategorie"))
        if category_id is not None and category_id not in permissions.readable_category_ids():
            raise Http404(_("This category does not exist or you may not see it."))
    if not permissions.readable_category_ids():
        raise Http404(_("This topic does not exist or you may not read it."))
    query = (request.GET.get("q") or "").strip().lstrip("@")[:50]
    if not query:
        return JsonResponse({"results": []})
    candidates = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(username__istartswith=query)
            | Q(display_name__icontains=query)
            | Q(first_name__istartswith=query)
            | Q(last_name__istartswith=query)
        )
        .exclude(pk=request.user.pk)
        .order_by("username")[:SUGGESTION_CANDIDATES]
    )
    readers = members_who_can_read(candidates, category_id)[:SUGGESTIONS]
    return JsonResponse(
        {
            "results": [
                {
                    "username": member.username,
                    "name": member.public_name,
                    "organisation": member.organisation,
                }
                for member in readers
            ]
        }
    )


# E-mail unsubscribe (no login: the signed token is the proof)


@csrf_exempt
def unsubscribe(request, token: str):
    """Switch forum e-mails off from a link in an e-mail.

    GET asks for confirmation (mail scanners follow links); POST switches off, which also
    serves RFC 8058 one-click unsubscribing, hence no CSRF token: the signed, expiring token in
    the URL is what proves the request.
    """
    try:
        member = notifications.user_from_unsubscribe_token(token)
    except signing.SignatureExpired:
        return render(request, "forum/unsubscribe.html", {"state": "expired"}, status=400)
    except signing.BadSignature:
        return render(request, "forum/unsubscribe.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        notifications.unsubscribe(token=token)
        return render(request, "forum/unsubscribe.html", {"state": "done", "member": member})
    return render(request, "forum/unsubscribe.html", {"state": "confirm", "member": member})
