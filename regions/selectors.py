"""Reads of the regional view: the Jobcenter directory and what one Jobcenter page lists.

Each owns its joins so the pages keep a constant query count; pages are always live ones the
viewer may see (``cms.access.visible_pages``).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from cms.access import visible_pages
from events.models import EventPage
from events.selectors import event_cards
from offers.models import OfferLocation, OfferPage
from practices.models import Bundesland, Jobcenter, PracticePage, Regionaldirektion
from practices.selectors import jobcenter_practices

# The longest name search taken from the query string; the rest is cut off.
MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class JobcenterFilters:
    land: str | None = None
    rd: str | None = None
    form: str | None = None
    q: str = ""

    @property
    def active(self) -> bool:
        return bool(self.land or self.rd or self.form or self.q)

    @property
    def active_count(self) -> int:
        """How many filters narrow the directory, for the "Filter (n)" summary."""
        return sum(bool(value) for value in (self.land, self.rd, self.form, self.q))


def jobcenter_filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The values of the directory's filters as (parameter value, name), in display order."""
    return {
        "land": list(Bundesland.objects.order_by("name").values_list("code", "name")),
        "rd": list(Regionaldirektion.objects.values_list("slug", "name")),
        "form": [(value, str(label)) for value, label in Jobcenter.Form.choices],
    }


def jobcenter_directory(*, filters: JobcenterFilters) -> QuerySet[Jobcenter]:
    """The Jobcenters matching ``filters`` by name, with their Land and Regionaldirektion."""
    queryset = Jobcenter.objects.select_related("bundesland__regionaldirektion")
    if filters.land:
        queryset = queryset.filter(bundesland__code=filters.land)
    if filters.rd:
        queryset = queryset.filter(bundesland__regionaldirektion__slug=filters.rd)
    if filters.form:
        queryset = queryset.filter(form=filters.form)
    if filters.q:
        queryset = queryset.filter(name__icontains=filters.q)
    return queryset.order_by("name", "pk")


def jobcenter_detail(*, slug: str) -> Jobcenter | None:
    return (
        Jobcenter.objects.select_related("bundesland__regionaldirektion").filter(slug=slug).first()
    )


def jobcenter_page_practices(*, jobcenter: Jobcenter, user) -> list[PracticePage]:
    return list(jobcenter_practices(jobcenter=jobcenter, user=user))


def jobcenter_offers(*, jobcenter: Jobcenter, user) -> list[OfferPage]:
    """Live offers whose service area holds ``jobcenter``, with provider and locations."""
    return list(
        visible_pages(OfferPage.objects.live(), user)
        .filter(jobcenters=jobcenter)
        .select_related("provider")
        .prefetch_related(
            Prefetch("locations", queryset=OfferLocation.objects.order_by("sort_order", "pk"))
        )
        .order_by("title", "pk")
    )


def jobcenter_events(*, jobcenter: Jobcenter, user, now: datetime | None = None) -> list[EventPage]:
    """Upcoming live events of ``jobcenter``, soonest first; one still running counts."""
    now = now or timezone.now()
    events = (
        visible_pages(EventPage.objects.live(), user)
        .filter(jobcenters=jobcenter, end__gte=now)
        .select_related("bundesland")
        .order_by("start", "pk")
    )
    return event_cards(events, user)
