from datetime import date
from decimal import Decimal
from itertools import count

from django.apps import apps
from django.utils import timezone

from cms.access import page_set_staff_only
from offers.models import (
    FundingRoute,
    OfferIndexPage,
    OfferLocation,
    OfferPage,
    Provider,
)
from offers.reference import load_reference_data as load_offer_reference_data
from practices.models import Jobcenter, PartnerType, TargetGroup, Topic
from practices.reference import load_reference_data

from .site import site_home

_numbers = count(1)


def offer_index() -> OfferIndexPage:
    index = OfferIndexPage.objects.first()
    if index is None:
        load_reference_data(apps.get_model)
        load_offer_reference_data(apps.get_model)
        index = OfferIndexPage(title="Angebote", slug="angebote")
        site_home().add_child(instance=index)
    return index


def create_provider(name: str | None = None, *, members=(), partner_type: str = "", **fields):
    number = next(_numbers)
    provider = Provider.objects.create(
        name=name or f"Beratungsstelle Muster {number}",
        slug=fields.pop("slug", f"traeger-{number}"),
        partner_type=PartnerType.objects.filter(slug=partner_type).first()
        if partner_type
        else None,
        **fields,
    )
    provider.members.add(*members)
    return provider


def create_offer(
    title: str | None = None,
    *,
    provider: Provider | None = None,
    topics=(),
    target_groups=(),
    funding=(),
    jobcenters=(),
    locations=((51.2869, 7.3370, "Schwelm"),),
    confirmed_at: date | None = None,
    staff_only: bool = False,
    live: bool = True,
    **fields,
) -> OfferPage:
    """A published offer; ``topics``/``target_groups``/``funding``: slugs; ``jobcenters``:
    objects or names; ``locations``: (latitude, longitude, town) triples."""
    number = next(_numbers)
    index = offer_index()
    page = OfferPage(
        title=title or f"Angebot {number}",
        slug=fields.pop("slug", f"angebot-{number}"),
        provider=provider or create_provider(),
        confirmed_at=confirmed_at if confirmed_at is not None else timezone.localdate(),
        live=live,
        **fields,
    )
    page.topics = list(Topic.objects.filter(slug__in=topics))
    page.target_groups = list(TargetGroup.objects.filter(slug__in=target_groups))
    page.funding_routes = list(FundingRoute.objects.filter(slug__in=funding))
    page.jobcenters = [
        jc if isinstance(jc, Jobcenter) else Jobcenter.objects.get(name=jc) for jc in jobcenters
    ]
    page.locations = [
        OfferLocation(
            town=town, latitude=Decimal(str(lat)), longitude=Decimal(str(lon)), sort_order=i
        )
        for i, (lat, lon, town) in enumerate(locations)
    ]
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    if staff_only:
        page_set_staff_only(page, True)
    return OfferPage.objects.get(pk=page.pk)
