"""@mentions: which members a post names, and its HTML with those names linked to profiles."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from .markup import find_mentions, render_markdown

# More names than this in one post is a mailing list, not a mention.
MAX_MENTIONS = 20


def mentioned_members(body: str) -> list:
    """The active members mentioned in ``body`` (not in code or quotes), in order of mention."""
    names = find_mentions(body)[:MAX_MENTIONS]
    if not names:
        return []
    query = Q()
    for name in names:
        query |= Q(username__iexact=name)
    members = {
        member.username.lower(): member
        for member in get_user_model().objects.filter(query, is_active=True)
    }
    return [members[name] for name in names if name in members]


def render_post(body: str) -> str:
    """The HTML stored for ``body``: Markdown, sanitised, mentions of members linked."""
    links = {
        member.username.lower(): reverse("forum:member", kwargs={"username": member.username})
        for member in mentioned_members(body)
    }
    return render_markdown(body, mention_links=links)
