"""Reads for the provider pages: a member's offers and where each stands in the review."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy
from wagtail.models import WorkflowState

from .models import OfferPage
from .permissions import providers_of


def provider_offers(*, user) -> QuerySet[OfferPage]:
    """The offers of ``user``'s providers, live or not, with their reviews (newest first);
    what ``offer_state`` reads comes with them in a fixed number of queries."""
    reviews = WorkflowState.objects.select_related(
        "current_task_state__finished_by", "review_decline__declined_by"
    ).order_by("-created_at", "-pk")
    return (
        OfferPage.objects.filter(provider__in=providers_of(user))
        .select_related("provider")
        .prefetch_related(
            Prefetch("_specific_workflow_states", queryset=reviews, to_attr="offer_reviews")
        )
        .order_by("provider__name", "draft_title", "pk")
    )


@dataclass(frozen=True)
class OfferState:
    """Where an offer stands, as its provider sees it."""

    PUBLISHED = "published"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    DECLINED = "declined"
    DRAFT = "draft"

    code: str
    label: str | Promise
    note: str = ""
    by: object | None = None
    at: datetime | None = None

    @property
    def editable(self) -> bool:
        return self.code != self.IN_REVIEW


def offer_state(page: OfferPage) -> OfferState:
    reviews = getattr(page, "offer_reviews", None)
    if reviews is None:
        reviews = list(
            page.workflow_states.select_related(
                "current_task_state__finished_by", "review_decline__declined_by"
            ).order_by("-created_at", "-pk")
        )
    latest = reviews[0] if reviews else None
    if latest is not None and latest.status == WorkflowState.STATUS_IN_PROGRESS:
        return OfferState(
            OfferState.IN_REVIEW,
            pgettext_lazy("offer state", "in review"),
            at=latest.created_at,
        )
    if latest is not None and latest.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = latest.current_task_state
        return OfferState(
            OfferState.CHANGES_REQUESTED,
            pgettext_lazy("offer state", "changes requested"),
            note=(task_state.comment or "") if task_state else "",
            by=task_state.finished_by if task_state else None,
            at=task_state.finished_at if task_state else None,
        )
    decline = getattr(latest, "review_decline", None) if latest is not None else None
    if decline is not None:
        # Declined changes to a published offer leave it online as it was.
        return OfferState(
            OfferState.DECLINED,
            pgettext_lazy("offer state", "declined"),
            note=decline.reason,
            by=decline.declined_by,
            at=decline.declined_at,
        )
    if page.live:
        return OfferState(
            OfferState.PUBLISHED,
            pgettext_lazy("offer state", "published"),
            at=page.last_published_at,
        )
    return OfferState(OfferState.DRAFT, pgettext_lazy("offer state", "draft"))
