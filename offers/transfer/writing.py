"""Writing a checked import plan in one transaction: providers, then offers as published pages.

An import is an editor's act, as the practice import is: offers are published directly, not
sent through the review. An offer whose content equals the file gets no new revision, so a
second run of the same file changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.coreutils import find_available_slug

from cms.access import page_set_staff_only
from practices.content import text_to_richtext
from practices.reference import term_slug

from ..models import OfferPage, Provider, location_rows
from .checking import OfferData, ProviderData
from .plan import ImportPlan
from .reading import ImportAborted, TransferError

PROVIDER_FIELDS = (
    "name",
    "external_id",
    "partner_type",
    "description",
    "website",
    "email",
    "phone",
)
# Page fields the file owns, with the same name on ``OfferData``.
OFFER_FIELDS = (
    "teaser",
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
    "confirmed_at",
    "confirmed_by",
    "external_id",
)
OFFER_RELATIONS = (
    "topics",
    "target_groups",
    "funding_routes",
    "languages",
    "accessibility",
    "jobcenters",
)
CONTACT_FIELDS = {"name": "contact_name", "email": "contact_email", "phone": "contact_phone"}

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    providers_created: int
    providers_updated: int


@transaction.atomic
def offers_import(*, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
    """Write a checked plan (from ``import_plan``); all or nothing."""
    providers_created = providers_updated = 0
    for data in plan.providers:
        created, changed = _provider_write(data)
        providers_created += created
        providers_updated += changed and not created

    counts = {"created": 0, "updated": 0, "unchanged": 0}
    total = len(plan.offers)
    for done, offer in enumerate(plan.offers, start=1):
        try:
            counts[_offer_write(plan, offer)] += 1
        except ValidationError as error:
            # Only a rule the checks do not know gets here; the transaction rolls back.
            raise ImportAborted(
                [TransferError("; ".join(error.messages), source=offer.source, label=offer.title)]
            ) from error
        if progress is not None:
            progress(done, total)
    return ImportResult(
        **counts, providers_created=providers_created, providers_updated=providers_updated
    )


def _provider_write(data: ProviderData) -> tuple[bool, bool]:
    """Create or update the provider; returns (created, changed)."""
    provider = data.provider
    if data.keep and provider is not None:
        return False, False
    created = provider is None
    if created:
        provider = Provider(slug=data.slug)
    values = {name: getattr(data, name) for name in PROVIDER_FIELDS}
    if not created and all(getattr(provider, name) == value for name, value in values.items()):
        return False, False
    for name, value in values.items():
        setattr(provider, name, value)
    try:
        provider.full_clean()
    except ValidationError as error:
        raise ImportAborted(
            [TransferError("; ".join(error.messages), source=data.source, label=data.name)]
        ) from error
    provider.save()
    data.provider = provider
    return created, True


def offer_state(page: OfferPage, *, staff_only: bool) -> dict[str, Any]:
    """What the import writes of an offer, to tell whether a record changes anything."""
    state = {name: getattr(page, name) for name in OFFER_FIELDS}
    state.update(
        title=page.title,
        provider=page.provider_id,
        description=page.description,
        live=page.live,
        staff_only=staff_only,
        contact={key: getattr(page, name) for key, name in CONTACT_FIELDS.items()},
        locations=[
            (loc.name, loc.street, loc.postcode, loc.town, loc.latitude, loc.longitude)
            for loc in page.locations.all()
        ],
    )
    for name in OFFER_RELATIONS:
        state[name] = {row.pk for row in getattr(page, name).all()}
    return state


def _data_state(data: OfferData) -> dict[str, Any]:
    state = {name: getattr(data, name) for name in OFFER_FIELDS}
    state.update(
        title=data.title,
        provider=data.provider.provider.pk,
        description=text_to_richtext(data.description),
        live=True,
        staff_only=data.staff_only,
        contact={key: data.contact.get(key, "") for key in CONTACT_FIELDS},
        locations=[
            (loc.name, loc.street, loc.postcode, loc.town, loc.latitude, loc.longitude)
            for loc in data.locations
        ],
    )
    for name in OFFER_RELATIONS:
        state[name] = {row.pk for row in getattr(data, name)}
    return state


def _offer_write(plan: ImportPlan, data: OfferData) -> str:
    page = data.page
    if page is not None and offer_state(
        page, staff_only=page.pk in plan.staff_only_pages
    ) == _data_state(data):
        return "unchanged"
    if page is None:
        page = OfferPage(live=False)
    page.title = data.title
    page.provider = data.provider.provider
    page.description = text_to_richtext(data.description)
    for name in OFFER_FIELDS:
        setattr(page, name, getattr(data, name))
    for key, name in CONTACT_FIELDS.items():
        setattr(page, name, data.contact.get(key, ""))
    for name in OFFER_RELATIONS:
        setattr(page, name, getattr(data, name))
    page.locations = location_rows(data.locations)
    created = page.pk is None
    if created:
        page.slug = find_available_slug(plan.index, term_slug(data.title)[:190] or "angebot")
        plan.index.add_child(instance=page)
    # Restrict before publishing, so nothing reacting to the publication sees it as public.
    if data.staff_only or not created:
        page_set_staff_only(page, data.staff_only)
    page.save_revision(log_action=True).publish()
    return "created" if created else "updated"
