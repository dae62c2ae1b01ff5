"""Writes of the offer database by providers, the Redaktion's reports and confirmations.

Provider members never change a live offer: every save is a new revision by the member that
goes through the review workflow of the page ("Redaktionelle Prüfung"), as a practice
submitted by network staff does (``practices.services``). On approval ``cms.review`` publishes.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import WorkflowState

from practices.content import richtext_to_text, text_to_richtext
from practices.reference import UMLAUTS
from practices.services import _silence_admin_notifications
from search.indexing import outbox_record

from .models import OfferIndexPage, OfferPage, OfferReport, Provider, location_rows
from .permissions import may_edit_offer, may_edit_provider_offers, may_report_offer


@dataclass(frozen=True)
class Location:
    town: str
    latitude: Decimal
    longitude: Decimal
    name: str = ""
    street: str = ""
    postcode: str = ""


@dataclass(frozen=True)
class OfferContent:
    """What a provider member writes about an offer; ``description`` is plain text with
    blank-line paragraphs, the taxonomies are model instances."""

    title: str
    teaser: str = ""
    description: str = ""
    topics: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)
    eligibility: str = ""
    min_age: int | None = None
    max_age: int | None = None
    access: str = "zuweisung"
    funding_routes: list = field(default_factory=list)
    costs: str = ""
    languages: list = field(default_factory=list)
    accessibility: list = field(default_factory=list)
    accessibility_note: str = ""
    capacity: int | None = None
    waiting_weeks: int | None = None
    schedule: str = ""
    offer_status: str = "aktiv"
    jobcenters: list = field(default_factory=list)
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    locations: list[Location] = field(default_factory=list)


def offer_slug(parent, title: str) -> str:
    return find_available_slug(parent, slugify(title.translate(UMLAUTS))[:200] or "angebot")


@transaction.atomic
def offer_submit(*, user, provider: Provider, data: OfferContent) -> OfferPage:
    """A new offer of ``provider`` by its member ``user``: a draft page, not live, that goes to
    the Redaktion's review."""
    if not may_edit_provider_offers(user, provider):
        raise PermissionDenied(_("Only members of this provider can add offers for it."))
    index = OfferIndexPage.objects.first()
    if index is None:
        raise OfferIndexPage.DoesNotExist("There is no offer index to add offers to.")
    page = OfferPage(slug=offer_slug(index, data.title), provider=provider, live=False, owner=user)
    _offer_fill(page, user=user, data=data)
    page.full_clean(exclude=["path", "depth", "url_path"])
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    _review_start(page, user=user)
    return page


def offer_open_for_changes(*, page: OfferPage, user) -> WorkflowState | None:
    """May ``user`` change ``page`` now? Returns the review that waits for their changes (or
    ``None`` when a new review starts); raises ``PermissionDenied`` with the reason otherwise."""
    if not may_edit_offer(user, page):
        raise PermissionDenied(_("Only members of the provider of this offer can edit it."))
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise PermissionDenied(
            _(
                "The Redaktion is reviewing the changes to this offer. You can edit it again "
                "once the review is finished or the Redaktion asks you for changes."
            )
        )
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        requested_by = workflow_state.requested_by
        # A review the Redaktion started itself waits for the Redaktion, not for the provider.
        if requested_by is None or not may_edit_offer(requested_by, page):
            raise PermissionDenied(
                _("The Redaktion is revising this offer. Please try again later.")
            )
    else:
        workflow_state = None
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        raise PermissionDenied(
            _("The Redaktion is editing this offer at the moment. Please try again later.")
        )
    return workflow_state


@transaction.atomic
def offer_change(*, user, page: OfferPage, data: OfferContent) -> OfferPage:
    """Save ``user``'s changes to ``page`` as a new revision for review; the live offer stays
    as it is until the Redaktion approves. Returns the revised draft."""
    page = OfferPage.objects.select_for_update().get(pk=page.pk)
    workflow_state = offer_open_for_changes(page=page, user=user)
    draft = page.get_latest_revision_as_object()
    _offer_fill(draft, user=user, data=data)
    # The yearly request is stamped on the row alone; publishing this draft must not undo it.
    draft.confirmation_requested_at = page.confirmation_requested_at
    draft.full_clean(exclude=["path", "depth", "url_path", "slug"])
    if not draft.live:
        # As in Wagtail's editor: the row of a page never published holds its latest draft.
        draft.save()
    draft.save_revision(user=user, log_action=True)
    if workflow_state is not None:
        workflow_state.resume(user)
    else:
        _review_start(draft, user=user)
    return draft


def _review_start(page: OfferPage, *, user) -> None:
    if not user.has_perm("wagtailadmin.access_admin"):
        _silence_admin_notifications(user)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)


def _offer_fill(page: OfferPage, *, user, data: OfferContent) -> None:
    """Put ``data`` into ``page``; saving it also confirms the offer in ``user``'s name."""
    page.title = data.title
    page.draft_title = data.title
    page.teaser = data.teaser
    before = richtext_to_text(page.description or "")
    # Unchanged text keeps the links and formatting the Redaktion may have given it.
    if _plain(data.description) != _plain(before):
        page.description = text_to_richtext(data.description)
    for name in (
        "eligibility",
        "min_age",
        "max_age",
        "access",
        "costs",
        "accessibility_note",
        "capacity",
        "waiting_weeks",
        "schedule",
        "offer_status",
        "contact_name",
        "contact_email",
        "contact_phone",
    ):
        setattr(page, name, getattr(data, name))
    page.topics = list(data.topics)
    page.target_groups = list(data.target_groups)
    page.funding_routes = list(data.funding_routes)
    page.languages = list(data.languages)
    page.accessibility = list(data.accessibility)
    page.jobcenters = list(data.jobcenters)
    page.locations = location_rows(data.locations)
    page.confirmed_at = timezone.localdate()
    page.confirmed_by = user.public_name


def _plain(text: str) -> str:
    return richtext_to_text(text_to_richtext(text or ""))


@transaction.atomic
def offer_confirm(*, user, page: OfferPage) -> date:
    """``user`` confirms that the details of ``page`` are still right: nothing else changes,
    so no review is needed. Returns the date of the confirmation."""
    if not may_edit_offer(user, page):
        raise PermissionDenied(_("Only members of the provider of this offer can confirm it."))
    if not page.live:
        raise PermissionDenied(_("Only published offers can be confirmed."))
    today = timezone.localdate()
    name = user.public_name
    OfferPage.objects.filter(pk=page.pk).update(confirmed_at=today, confirmed_by=name)
    # A draft waiting for review would otherwise bring the older date back when published.
    offer_revision_update(page, confirmed_at=today.isoformat(), confirmed_by=name)
    page.confirmed_at, page.confirmed_by = today, name
    outbox_record(objects=[page])
    return today


def offer_revision_update(page: OfferPage, **values) -> None:
    """Write ``values`` (JSON-ready) into the latest revision of ``page`` if it is not the live
    one: fields that change without review must not be undone by publishing it."""
    revision = page.latest_revision
    if revision is None or revision.pk == page.live_revision_id:
        return
    revision.content.update(values)
    revision.save(update_fields=["content"])


@transaction.atomic
def offer_report_create(*, user, page: OfferPage, reason: str, message: str = "") -> OfferReport:
    """A staff member reports ``page`` as outdated or wrong; the Redaktion hears by e-mail."""
    from .notifications import report_notify_editors

    if not may_report_offer(user, page):
        raise PermissionDenied(_("Only network staff can report offers."))
    report = OfferReport(page=page, reporter=user, reason=reason, message=message.strip())
    report.full_clean()
    report.save()
    report_notify_editors(report=report)
    return report
