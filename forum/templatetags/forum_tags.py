from django import template
from django.urls import reverse
from django.utils.http import urlencode

from practices.models import PracticePage

from .. import notifications as notification_services
from .. import selectors
from ..permissions import ForumPermissions, for_request

register = template.Library()

# The questions templates may ask; each is a method of ForumPermissions.
ACTIONS = {
    "can_see_category",
    "can_read_category",
    "can_start_topic",
    "can_moderate",
    "can_read_topic",
    "can_reply",
    "can_pin_topic",
    "can_lock_topic",
    "can_mark_solution",
    "can_read_post",
    "can_edit_post",
    "can_delete_post",
    "can_view_revisions",
    "can_vote_helpful",
    "can_accept_as_solution",
    "can_quote",
    "can_see_post_content",
    "can_report",
    "can_hide_post",
    "can_redact_post",
    "can_watch",
}


def _permissions(context) -> ForumPermissions:
    request = context.get("request")
    if request is not None:
        return for_request(request)
    return ForumPermissions(context.get("user"))


@register.simple_tag(takes_context=True)
def forum_can(context, action: str, obj) -> bool:
    """``{% forum_can "can_edit_post" post as can_edit %}``: asks the permission handler."""
    if action not in ACTIONS or obj is None:
        return False
    return getattr(_permissions(context), action)(obj)


@register.simple_tag(takes_context=True)
def forum_unread_notifications(context) -> int:
    """The bell's number for the header: one query, 0 for visitors who are not logged in."""
    request = context.get("request")
    return notification_services.unread_count(getattr(request, "user", None))


@register.filter
def post_page(number: int) -> int:
    return selectors.page_of_post(number)


@register.inclusion_tag("forum/includes/practice_discussions.html", takes_context=True)
def practice_discussions(context, practice: PracticePage):
    """The practice page's "Diskussionen zu diesem Praxisbeispiel" section."""
    request = context.get("request")
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    permissions = _permissions(context)
    topics = selectors.practice_topics(practice=practice, permissions=permissions)
    start_url = f"{reverse('forum:topic_create')}?praxis={practice.pk}"
    next_path = request.get_full_path() if request is not None else start_url
    return {
        "practice": practice,
        "topics": topics,
        "authenticated": authenticated,
        "can_start": authenticated and bool(permissions.startable_category_ids()),
        "start_url": start_url,
        "login_url": f"{reverse('accounts:login')}?{urlencode({'next': next_path})}",
        "request": request,
    }
