"""The import plan: every record checked and matched to what exists, before anything is written.

Providers are matched by external id, else by name; offers by external id, else (without an
id) by provider and title. That matching is what makes a second run of the same file change
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from wagtail.models import PageViewRestriction

from practices.transfer import typed as _typed
from practices.transfer import unique_slug as _unique_slug

from ..models import OfferIndexPage, OfferLocation, OfferPage, Provider
from .checking import Entry, Lookups, OfferData, ProviderData, check_organization, check_service
from .reading import ImportAborted, ReadFile, TransferError


@dataclass
class ImportPlan:
    index: OfferIndexPage
    providers: list[ProviderData]
    offers: list[OfferData]
    # Matched pages with a view restriction of their own (network staff only) today.
    staff_only_pages: set[int]

    @property
    def creates(self) -> int:
        return sum(1 for offer in self.offers if offer.page is None)

    @property
    def matches(self) -> int:
        return len(self.offers) - self.creates


def import_plan(read: ReadFile, *, update_existing: bool = True) -> ImportPlan:
    """Check the whole file; returns what to write or raises ``ImportAborted`` with every error.

    With ``update_existing=False`` offers and providers that exist already are left as they
    are (the demo content adds only what is missing).
    """
    errors: list[TransferError] = list(read.errors)
    index = OfferIndexPage.objects.first()
    if index is None:
        errors.append(
            TransferError(
                _(
                    "There is no offer overview page to add offers to. "
                    "Create the page “Angebote” first."
                )
            )
        )
    lookups = Lookups()
    providers: list[ProviderData] = []
    offers: list[OfferData] = []
    seen_providers: dict[str, ProviderData] = {}
    seen_offers: dict[tuple, OfferData] = {}
    for organization in read.organizations:
        if not isinstance(organization.raw, dict):
            Entry(organization.source, {}, errors).error(
                None, _("must be an object {…} (found: %(type)s)") % _typed(organization.raw)
            )
            continue
        entry = Entry(organization.source, organization.raw, errors)
        provider = check_organization(entry, lookups)
        if provider is not None:
            key = provider.external_id.casefold() or provider.name.casefold()
            other = seen_providers.get(key) or seen_providers.get(provider.name.casefold())
            if other is not None:
                entry.error(
                    None,
                    _("the provider “%(name)s” already appears in %(other)s")
                    % {"name": provider.name, "other": other.source},
                )
            else:
                seen_providers[key] = seen_providers[provider.name.casefold()] = provider
                providers.append(provider)
        for service in organization.services:
            if not isinstance(service.raw, dict):
                Entry(service.source, {}, errors).error(
                    None, _("must be an object {…} (found: %(type)s)") % _typed(service.raw)
                )
                continue
            service_entry = Entry(service.source, service.raw, errors)
            offer = check_service(service_entry, provider, lookups)
            key = (
                ("id", offer.external_id)
                if offer.external_id
                else ("title", provider.name.casefold() if provider else "", offer.title)
            )
            other_offer = seen_offers.get(key)
            if other_offer is not None:
                service_entry.error(
                    "id" if offer.external_id else "name",
                    _("the offer already appears in %(other)s; each offer may appear only once")
                    % {"other": other_offer.source},
                )
            seen_offers.setdefault(key, offer)
            offers.append(offer)

    _match_providers(providers, errors)
    _match_offers(offers)
    if errors:
        # A CSV file's problems in the order of its rows, whichever check found them.
        if all(error.source and error.source.kind == "row" for error in errors):
            errors.sort(key=lambda error: error.source.number)
        raise ImportAborted(errors)
    staff_only_pages = set(
        PageViewRestriction.objects.filter(
            page_id__in=[offer.page.pk for offer in offers if offer.page]
        ).values_list("page_id", flat=True)
    )
    if not update_existing:
        offers = [offer for offer in offers if offer.page is None]
        for provider in providers:
            provider.keep = provider.provider is not None
    return ImportPlan(
        index=index, providers=providers, offers=offers, staff_only_pages=staff_only_pages
    )


def _match_providers(providers: list[ProviderData], errors: list[TransferError]) -> None:
    rows = list(Provider.objects.all())
    by_id = {row.external_id: row for row in rows if row.external_id}
    by_name = {row.name.casefold(): row for row in rows}
    taken_slugs = {row.slug for row in rows}
    for data in providers:
        data.provider = by_id.get(data.external_id) if data.external_id else None
        named = by_name.get(data.name.casefold())
        if data.provider is None:
            data.provider = named
        elif named is not None and named != data.provider:
            errors.append(
                TransferError(
                    _(
                        "the name “%(name)s” belongs to another provider than the id "
                        "“%(id)s”; names of providers must be unique"
                    )
                    % {"name": data.name, "id": data.external_id},
                    source=data.source,
                    label=data.name,
                    field="name",
                )
            )
        if data.provider is None:
            data.slug = _unique_slug(data.name, taken_slugs, default="traeger")


def _match_offers(offers: list[OfferData]) -> None:
    ids = [offer.external_id for offer in offers if offer.external_id]
    titles = [offer.title for offer in offers if not offer.external_id]
    providers = [
        offer.provider.provider
        for offer in offers
        if not offer.external_id and offer.provider and offer.provider.provider
    ]
    found = list(
        OfferPage.objects.filter(
            Q(external_id__in=ids) | Q(external_id="", provider__in=providers, title__in=titles)
        )
        .select_related("provider")
        .prefetch_related(
            "topics",
            "target_groups",
            "funding_routes",
            "languages",
            "accessibility",
            "jobcenters",
            Prefetch("locations", queryset=OfferLocation.objects.order_by("sort_order")),
        )
        .order_by("pk")
    )
    by_id = {page.external_id: page for page in found if page.external_id}
    by_title = {
        (page.provider_id, page.title): page for page in reversed(found) if not page.external_id
    }
    for offer in offers:
        if offer.external_id:
            offer.page = by_id.get(offer.external_id)
        elif offer.provider and offer.provider.provider:
            offer.page = by_title.get((offer.provider.provider.pk, offer.title))
