"""The write side of saved searches: saving, changing, unsubscribing, and the alert e-mails."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.mail.services import email_send
from cms.site_url import site_url

from .models import Frequency, SavedSearch, SavedSearchHit
from .selectors import (
    AlertItem,
    query_describe,
    query_normalise,
    saved_search_match,
    saved_search_new_items,
    saved_search_url,
)

logger = logging.getLogger(__name__)

MAX_SAVED_SEARCHES = 20
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
WEEK = timedelta(days=7)
# The weekly job runs daily at a fixed time; this slack keeps a digest from slipping a day
# when one run starts a little earlier than the last.
WEEKLY_SLACK = timedelta(hours=2)


# --- saving -------------------------------------------------------------------------------


def saved_search_create(*, user, kind: str, query: str, frequency: str) -> SavedSearch:
    """Save the search; raises ``ValidationError`` with a German message for bad input."""
    if frequency not in Frequency.values:
        raise ValidationError(_("Please choose how often you want to be notified."))
    try:
        stored = query_normalise(kind=kind, query=query)
    except ValueError as error:
        raise ValidationError(str(error)) from error
    with transaction.atomic():
        # Locks the member's row so that two quick clicks cannot pass the limit together.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        searches = SavedSearch.objects.filter(user=user)
        if searches.filter(kind=kind, query=stored).exists():
            raise ValidationError(_("You have already saved this search."))
        if searches.count() >= MAX_SAVED_SEARCHES:
            raise ValidationError(
                _("You can save at most %(max)d searches. Please delete one first.")
                % {"max": MAX_SAVED_SEARCHES}
            )
        saved = SavedSearch(
            user=user,
            kind=kind,
            query=stored,
            frequency=frequency,
            name=query_describe(kind=kind, query=stored),
        )
        saved.full_clean()
        saved.save()
    return saved


def saved_search_update(*, saved: SavedSearch, name: str, frequency: str) -> SavedSearch:
    name = " ".join(str(name).split())
    if not name:
        raise ValidationError(_("Please enter a name."))
    if frequency not in Frequency.values:
        raise ValidationError(_("Please choose how often you want to be notified."))
    saved.name = name
    saved.frequency = frequency
    saved.full_clean()
    saved.save(update_fields=["name", "frequency"])
    return saved


def saved_search_delete(*, saved: SavedSearch) -> None:
    saved.delete()


# --- unsubscribing without login ------------------------------------------------------------


def unsubscribe_token(saved: SavedSearch) -> str:
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).sign(str(saved.pk))


def unsubscribe_url(saved: SavedSearch) -> str:
    return site_url() + reverse("alerts:unsubscribe", kwargs={"token": unsubscribe_token(saved)})


def saved_search_from_token(token: str) -> SavedSearch | None:
    """The saved search of ``token``, ``None`` if it is gone; raises ``SignatureExpired`` or
    ``BadSignature`` for a token that is too old or was changed."""
    max_age = getattr(settings, "ALERTS_UNSUBSCRIBE_MAX_AGE_DAYS", 90) * 24 * 60 * 60
    value = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).unsign(token, max_age=max_age)
    if not value.isdigit():
        raise signing.BadSignature("Not a saved search.")
    return SavedSearch.objects.filter(pk=int(value)).first()


# --- the e-mails --------------------------------------------------------------------------


def _send(saved: SavedSearch, items: list[AlertItem], *, digest: bool) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": saved.user,
            "saved_search": saved,
            "items": items,
            "digest": digest,
            "site_url": site_url(),
            "results_url": saved_search_url(saved),
            "settings_url": site_url() + reverse("alerts:list"),
            "unsubscribe_url": unsubscribe_url(saved),
        }
        if digest:
            subject = _("[Wissensbörse] This week in your saved search “%(name)s”") % {
                "name": saved.name
            }
        else:
            subject = _("[Wissensbörse] New in your saved search “%(name)s”: %(title)s") % {
                "name": saved.name,
                "title": items[0].title,
            }
        text = render_to_string("alerts/email/alert.txt", context)
        html = render_to_string("alerts/email/alert.html", context)
    email_send(
        to=[saved.user.email],
        subject=subject,
        body=text,
        html=html,
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _claim(saved: SavedSearch, items: list[AlertItem]) -> list[AlertItem]:
    """The items not mailed for ``saved`` before, now noted as mailed (in the caller's
    transaction: if the e-mail is not queued, nothing is noted)."""
    known = set(
        SavedSearchHit.objects.filter(
            saved_search=saved, doc_id__in=[item.doc_id for item in items]
        ).values_list("doc_id", flat=True)
    )
    fresh = [item for item in items if item.doc_id not in known]
    SavedSearchHit.objects.bulk_create(
        [SavedSearchHit(saved_search=saved, doc_id=item.doc_id) for item in fresh]
    )
    return fresh


def alerts_for_page(*, page_id: int) -> int:
    """Mail the members whose immediate saved searches find the newly published page;
    returns the number of e-mails. Safe to run again: an item is mailed once per search."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return 0
    page = page.specific
    sent = 0
    searches = SavedSearch.objects.filter(
        frequency=Frequency.IMMEDIATE, user__is_active=True
    ).select_related("user")
    for saved in searches:
        try:
            item = saved_search_match(saved, page=page)
            if item is None:
                continue
            with transaction.atomic():
                if _claim(saved, [item]):
                    _send(saved, [item], digest=False)
                    sent += 1
        except IntegrityError:
            continue  # another run mailed it a moment ago
        except Exception:
            logger.exception("Saved search %s could not be checked; it is skipped.", saved.pk)
    return sent


@dataclass
class DigestResult:
    searches: int = 0
    emails: int = 0
    failed: int = 0


def send_weekly_digests(
    *, now: datetime | None = None, progress: Callable[[SavedSearch, int], None] | None = None
) -> DigestResult:
    """One e-mail per weekly saved search whose last week is over, naming what it found for
    its owner since; safe to run again (the window moves on, and an item is mailed once)."""
    now = now or timezone.now()
    result = DigestResult()
    searches = SavedSearch.objects.filter(
        frequency=Frequency.WEEKLY, user__is_active=True
    ).select_related("user")
    for saved in searches:
        since = saved.last_sent_at or saved.created_at
        if now - since < WEEK - WEEKLY_SLACK:
            continue
        result.searches += 1
        try:
            with transaction.atomic():
                items = _claim(saved, saved_search_new_items(saved, since=since))
                if items:
                    _send(saved, items, digest=True)
                    result.emails += 1
                saved.last_sent_at = now
                saved.save(update_fields=["last_sent_at"])
        except Exception:
            logger.exception("Weekly digest of saved search %s failed.", saved.pk)
            result.failed += 1
            continue
        if progress is not None:
            progress(saved, len(items))
    return result
