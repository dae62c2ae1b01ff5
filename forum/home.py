"""The forum's section of the home page: „Aktive Diskussionen“, for members only."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from cms.home import HomeSection, register_section

from .permissions import for_request
from .selectors import latest_topics

TOPICS_SHOWN = 5


def active_discussions_section(request: HttpRequest) -> dict | None:
    """The topics with the latest activity that the member may read; none without a category
    to read."""
    permissions = for_request(request)
    if not permissions.readable_category_ids():
        return None
    return {
        "topics": latest_topics(user=request.user, permissions=permissions, limit=TOPICS_SHOWN),
        "latest_url": reverse("forum:latest"),
        "start_url": reverse("forum:topic_create"),
        "may_start": bool(permissions.startable_category_ids()),
    }


def register() -> None:
    register_section(
        HomeSection(
            name="forum",
            order=30,
            template="cms/home/active_discussions.html",
            load=active_discussions_section,
            members_only=True,
        )
    )
