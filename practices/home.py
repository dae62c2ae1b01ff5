"""The practice library on the home page: the newest practices for everybody, and for members
the newest of the Bundesland in their profile („Neu in Ihrer Region“)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest

from cms.home import (
    HomeSection,
    RegionPart,
    index_page_url,
    register_region_part,
    register_section,
    request_memo,
)

from .models import Jobcenter, PracticeIndexPage, PracticePage
from .selectors import SORTS, PracticeFilters, practice_base_queryset, practice_list

NEWEST_SHOWN = 6
REGION_SHOWN = 4


def _cards(request: HttpRequest, ids: list[int]) -> list[PracticePage]:
    """The practices ``ids`` with what a card shows; each read once per request, so that a
    practice in two sections costs no second round of queries."""
    cards = request_memo(request, "practices:cards", dict)
    missing = [pk for pk in ids if pk not in cards]
    if missing:
        cards.update(practice_base_queryset(user=request.user).in_bulk(missing))
    return [cards[pk] for pk in ids if pk in cards]


def _ids(queryset: QuerySet, limit: int) -> list[int]:
    return list(queryset.prefetch_related(None).values_list("pk", flat=True)[:limit])


def newest_practices_section(request: HttpRequest) -> dict | None:
    """„Neue Praxisbeispiele“: the newest practices the viewer may see."""
    queryset = practice_list(filters=PracticeFilters(), user=request.user)
    practices = _cards(request, _ids(queryset, NEWEST_SHOWN))
    if not practices:
        return None
    return {
        "practices": practices,
        "index_url": index_page_url(request, PracticeIndexPage),
    }


def region_practices_part(request: HttpRequest, land_code: str) -> dict | None:
    """The newest practices of the member's Land, those of the Jobcenter their profile names
    first."""
    user = request.user
    queryset = practice_list(filters=PracticeFilters(bundeslaender=[land_code]), user=user)
    own_ids: set[int] = set()
    organisation = user.organisation.strip()
    if organisation:
        own = Jobcenter.objects.filter(name=organisation, practices=OuterRef("pk"))
        queryset = queryset.annotate(at_own_jobcenter=Exists(own)).order_by(
            "-at_own_jobcenter", *SORTS["neueste"]
        )
        rows = list(
            queryset.prefetch_related(None).values_list("pk", "at_own_jobcenter")[:REGION_SHOWN]
        )
        ids = [pk for pk, _own in rows]
        own_ids = {pk for pk, own_jobcenter in rows if own_jobcenter}
    else:
        ids = _ids(queryset, REGION_SHOWN)
    practices = _cards(request, ids)
    if not practices:
        return None
    index_url = index_page_url(request, PracticeIndexPage)
    return {
        "practices": practices,
        "own_ids": own_ids,
        "organisation": organisation,
        "land_url": f"{index_url}?bundesland={land_code}" if index_url else "",
    }


def register() -> None:
    register_section(
        HomeSection(
            name="practices",
            order=10,
            template="cms/home/newest_practices.html",
            load=newest_practices_section,
            cached=True,
        )
    )
    register_region_part(
        RegionPart(
            name="practices",
            order=10,
            template="cms/home/region_practices.html",
            load=region_practices_part,
        )
    )
