"""The home page as the hub: content apps add their sections to it here.

Each app registers, from its ``AppConfig.ready()``, the sections it shows on the home page
(``register_section``): a name, a place in the order, a template, a loader that gives the
template its context (or ``None`` to leave the section out), whether only members see it and
whether it may be cached. ``HomePage`` asks only this registry, so ``cms`` imports none of the
apps that come after it. The members' section „Neu in Ihrer Region“ is made the same way: each
app adds what it has of the member's Land (``register_region_part``).

A cached section shows the same to everybody who may see the same pages, so its rendered HTML
is kept per audience: the page restrictions a viewer does not pass (``audience_key``). The keys
also carry a generation that every change of what pages show bumps (publishing, unpublishing,
moving, deleting, privacy), so a change shows on the next request; the time limit only bounds
what no signal announces (an event that has ended, pages written in bulk).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.access import is_authenticated, page_restrictions, visible_pages
from cms.regions import BUNDESLAENDER

GENERATION_KEY = "home:generation"
# Upcoming events pass without a signal; this bounds how long one may outstay its end.
FRAGMENT_SECONDS = 300

Loader = Callable[[HttpRequest], dict | None]


@dataclass(frozen=True)
class HomeSection:
    name: str
    order: int
    template: str
    load: Loader
    members_only: bool = False
    # Cached sections must show only what the page restrictions decide, nothing personal.
    cached: bool = False


@dataclass(frozen=True)
class RenderedSection:
    name: str
    html: str


_sections: dict[str, HomeSection] = {}


def register_section(section: HomeSection) -> None:
    _sections[section.name] = section


def registered_sections() -> list[HomeSection]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.name))


def request_memo(request: HttpRequest, key: str, load: Callable[[], object]):
    """``load()`` once per request: sections that need the same thing read it once."""
    memo = request.__dict__.setdefault("_home_memo", {})
    if key not in memo:
        memo[key] = load()
    return memo[key]


def index_page_url(request: HttpRequest, model) -> str:
    """The URL of the live start page of type ``model`` (a section's "all of them" link)."""

    def load() -> str:
        page = model.objects.live().first()
        return (page.get_url(request) or "") if page is not None else ""

    return request_memo(request, f"index-url:{model._meta.label_lower}", load)


def audience_key(user) -> str:
    """Who sees the same pages in lists: those the same page restrictions keep out."""
    if is_authenticated(user) and user.is_superuser:
        return "all"
    restrictions = page_restrictions(user)
    hidden = sorted(
        restriction.pk
        for restriction in restrictions.restrictions
        if restriction.kind == BaseViewRestriction.PASSWORD
        or not restrictions.passes(restriction, user)
    )
    return hashlib.sha256(",".join(map(str, hidden)).encode()).hexdigest()[:16]


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid4().hex, None)
        generation = cache.get(GENERATION_KEY) or ""
    return generation


def _bump_generation() -> None:
    cache.set(GENERATION_KEY, uuid4().hex, None)


def home_content_changed() -> None:
    """Forget every cached section. Again after the commit: a request between the change and
    its commit would otherwise keep the old content under the new generation."""
    _bump_generation()
    transaction.on_commit(_bump_generation, robust=True)


def _render(section: HomeSection, request: HttpRequest) -> str:
    context = section.load(request)
    if context is None:
        return ""
    context = {"section": section, **context}
    return render_to_string(section.template, context, request=request).strip()


def render_sections(request: HttpRequest) -> list[RenderedSection]:
    """The sections ``request.user`` sees, in order, rendered (from the cache where allowed)."""
    user = request.user
    is_member = is_authenticated(user) and user.is_active
    prefix = None
    rendered = []
    for section in registered_sections():
        if section.members_only and not is_member:
            continue
        if section.cached:
            if prefix is None:
                prefix = f"home:{_generation()}:{get_language()}:{audience_key(user)}"
            key = f"{prefix}:{section.name}"
            html = cache.get(key)
            if html is None:
                html = _render(section, request)
                cache.set(key, html, FRAGMENT_SECONDS)
        else:
            html = _render(section, request)
        if html:
            # The sections' own templates made it, escaping what they show; plain text again
            # after ``strip()`` and the cache's round trip.
            rendered.append(RenderedSection(name=section.name, html=mark_safe(html)))
    return rendered


# --- invalidation -----------------------------------------------------------------------------


@receiver(page_published, dispatch_uid="cms.home.page_published")
@receiver(page_unpublished, dispatch_uid="cms.home.page_unpublished")
@receiver(post_page_move, dispatch_uid="cms.home.page_moved")
def page_changed(sender, **kwargs) -> None:
    home_content_changed()


@receiver(post_delete, dispatch_uid="cms.home.page_deleted")
def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        home_content_changed()


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="cms.home.restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="cms.home.restriction_deleted")
def privacy_changed(sender, **kwargs) -> None:
    home_content_changed()


@receiver(m2m_changed, sender=PageViewRestriction.groups.through, dispatch_uid="cms.home.groups")
def privacy_groups_changed(sender, action, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        home_content_changed()


# --- the member's region ---------------------------------------------------------------------

RegionLoader = Callable[[HttpRequest, str], dict | None]


@dataclass(frozen=True)
class RegionPart:
    """What one app adds to „Neu in Ihrer Region“: ``load(request, land_code)`` gives the
    template its context for the member's Land, or ``None`` when the Land has nothing of it."""

    name: str
    order: int
    template: str
    load: RegionLoader


_region_parts: dict[str, RegionPart] = {}


def register_region_part(part: RegionPart) -> None:
    _region_parts[part.name] = part


def registered_region_parts() -> list[RegionPart]:
    return sorted(_region_parts.values(), key=lambda part: (part.order, part.name))


def region_section(request: HttpRequest) -> dict:
    """„Neu in Ihrer Region“: what the apps show of the Bundesland in the member's profile;
    without a Land, the way to set one. Never cached: the Land and the Jobcenter are personal."""
    user = request.user
    land_code = user.region
    land = dict(BUNDESLAENDER).get(land_code)
    if land is None:
        return {"land": None, "profile_url": reverse("accounts:profile")}
    parts = []
    for part in registered_region_parts():
        context = part.load(request, land_code)
        if context is None:
            continue
        context = {"part": part, "land": land, "land_code": land_code, **context}
        html = render_to_string(part.template, context, request=request).strip()
        if html:
            parts.append(RenderedSection(name=part.name, html=mark_safe(html)))
    return {"land": land, "parts": parts}


register_section(
    HomeSection(
        name="region",
        order=20,
        template="cms/home/region.html",
        load=region_section,
        members_only=True,
    )
)


# --- the magazine's section -------------------------------------------------------------------

ISSUE_ARTICLES_SHOWN = 3


def current_issue_section(request: HttpRequest) -> dict | None:
    """„Aktuelle Ausgabe“: the newest issue the viewer may see, its cover and first articles."""
    from django.db.models import Prefetch

    from .magazine import article_base_queryset
    from .models import MagazineIndexPage, MagazineIssue

    user = request.user
    issues = (
        MagazineIssue.objects.live()
        .prefetch_related(
            Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions())
        )
        .order_by("-publication_date", "-issue_number")
    )
    issue = visible_pages(issues, user).first()
    if issue is None:
        return None
    articles = list(
        article_base_queryset(user=user).child_of(issue).order_by("path")[:ISSUE_ARTICLES_SHOWN]
    )
    return {
        "issue": issue,
        "articles": articles,
        "index_url": index_page_url(request, MagazineIndexPage),
    }


register_section(
    HomeSection(
        name="magazine",
        order=50,
        template="cms/home/current_issue.html",
        load=current_issue_section,
        cached=True,
    )
)
