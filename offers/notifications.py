"""E-mails of the offer database: the yearly request to confirm offers, and reports for the
Redaktion. They are queued with the transaction that causes them (``cms.mail``)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from cms.accounts.groups import EDITORS, PROVIDERS
from cms.mail.services import email_send
from cms.site_url import absolute_url

from .models import OfferPage, OfferReport
from .services import offer_revision_update

# Asked a month before the offer turns stale (``models.STALE_AFTER``, a year) …
CONFIRM_AFTER = timedelta(days=335)
# … and again each month for as long as nobody answers.
ASK_AGAIN_AFTER = timedelta(days=30)


def offers_due_for_confirmation(*, now: datetime | None = None) -> QuerySet[OfferPage]:
    """Live offers last confirmed about eleven months ago (or never) whose providers were not
    asked in the last month."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    return (
        OfferPage.objects.live()
        .filter(Q(confirmed_at__isnull=True) | Q(confirmed_at__lte=today - CONFIRM_AFTER))
        .filter(
            Q(confirmation_requested_at__isnull=True)
            | Q(confirmation_requested_at__lte=now - ASK_AGAIN_AFTER)
        )
        .order_by("title", "pk")
    )


@dataclass(frozen=True)
class ConfirmationResult:
    emails: int
    offers: int


def confirmation_requests_send(
    *, now: datetime | None = None, progress: Callable[[object, int], None] | None = None
) -> ConfirmationResult:
    """One e-mail to each provider member listing their offers due for confirmation; each
    offer is then marked as asked. An offer whose provider has no member waits unmarked."""
    now = now or timezone.now()
    with transaction.atomic():
        offers = list(offers_due_for_confirmation(now=now).select_for_update())
        by_provider: dict[int, list[OfferPage]] = {}
        for offer in offers:
            by_provider.setdefault(offer.provider_id, []).append(offer)
        members = (
            get_user_model()
            .objects.filter(providers__in=list(by_provider), groups__name=PROVIDERS, is_active=True)
            .exclude(email="")
            .prefetch_related("providers")
            .distinct()
            .order_by("pk")
        )
        asked: set[int] = set()
        emails = 0
        for member in members:
            due = [
                offer
                for provider in member.providers.all()
                for offer in by_provider.get(provider.pk, [])
            ]
            if not due:
                continue
            _confirmation_request_send(member=member, offers=due)
            asked.update(offer.pk for offer in due)
            emails += 1
            if progress is not None:
                progress(member, len(due))
        OfferPage.objects.filter(pk__in=asked).update(confirmation_requested_at=now)
        for offer in offers:
            if offer.pk in asked:
                # Publishing a draft written before today must not forget the request.
                offer_revision_update(offer, confirmation_requested_at=now.isoformat())
    return ConfirmationResult(emails=emails, offers=len(asked))


def _confirmation_request_send(*, member, offers: list[OfferPage]) -> None:
    items = [
        {
            "offer": offer,
            "confirm_url": absolute_url(reverse("providers:confirm", args=[offer.pk])),
            "edit_url": absolute_url(reverse("providers:edit", args=[offer.pk])),
        }
        for offer in offers
    ]
    context = {
        "user": member,
        "items": items,
        "offers_url": absolute_url(reverse("providers:my_offers")),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    _send("confirmation_request", to=[member.email], context=context)


def editor_addresses() -> list[str]:
    return list(
        get_user_model()
        .objects.filter(groups__name=EDITORS, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
        .distinct()
    )


def report_notify_editors(*, report: OfferReport) -> None:
    """Tell the Redaktion about ``report``; answering the e-mail reaches the reporter."""
    reporter = report.reporter
    context = {
        "report": report,
        "page": report.page,
        "reporter": reporter,
        "page_url": absolute_url(report.page.url or ""),
        "admin_url": absolute_url(
            reverse("wagtailsnippets_offers_offerreport:edit", args=[report.pk])
        ),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    _send(
        "report",
        to=editor_addresses(),
        context=context,
        reply_to=[reporter.email] if reporter is not None and reporter.email else [],
    )


def _send(template: str, *, to: list[str], context: dict, reply_to: list[str] = ()) -> None:
    prefix = f"offers/providers/email/{template}"
    email_send(
        to=to,
        subject=render_to_string(f"{prefix}_subject.txt", context),
        body=render_to_string(f"{prefix}.txt", context),
        html=render_to_string(f"{prefix}.html", context),
        reply_to=reply_to,
    )


def review_notify_member(
    *, page: OfferPage, member, template: str, reviewer=None, comment: str = ""
) -> None:
    """Tell ``member``, who sent ``page`` for review, how the Redaktion decided."""
    context = {
        "user": member,
        "page": page,
        "comment": comment.strip(),
        "page_url": absolute_url(page.url or ""),
        "edit_url": absolute_url(reverse("providers:edit", args=[page.pk])),
        "offers_url": absolute_url(reverse("providers:my_offers")),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    _send(
        template,
        to=[member.email],
        context=context,
        reply_to=[reviewer.email] if reviewer is not None and reviewer.email else [],
    )
