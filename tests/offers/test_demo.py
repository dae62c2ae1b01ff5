"""The demo offers: about thirty around the demo Jobcenters, most near Schwelm, loaded through
the offer import; the provider demo login keeps the offers of her provider."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Revision

from cms.accounts.groups import PROVIDERS
from offers.demo import load_offers
from offers.models import OfferIndexPage, OfferLocation, OfferPage, OfferStatus, Provider
from practices.demo import JOBCENTERS
from practices.models import Jobcenter
from search.backends import distance_km

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "offers": sorted(OfferPage.objects.values_list("external_id", "title", "live")),
        "providers": sorted(Provider.objects.values_list("name", flat=True)),
        "locations": OfferLocation.objects.count(),
        "revisions": Revision.objects.count(),
        "members": sorted(Provider.members.through.objects.values_list("provider_id", "user_id")),
    }


def test_demo_loads_twice_without_duplicates(demo):
    # The demo fixture is the result of a first run.
    first = snapshot()

    call_command("load_demo", verbosity=0)

    assert snapshot() == first
    assert 25 <= len(first["offers"]) <= 35
    assert len(first["providers"]) == 12
    assert all(live for _, _, live in first["offers"])
    index = OfferIndexPage.objects.get()
    assert (index.slug, index.title, index.live) == ("angebote", "Angebote", True)
    assert index.get_parent().specific_class.__name__ == "HomePage"


def test_provider_demo_user_is_a_member_of_a_provider_with_offers_near_schwelm(demo):
    user = get_user_model().objects.get(username="traeger")

    [provider] = user.providers.all()

    assert user.groups.filter(name=PROVIDERS).exists()
    assert user.display_name == "Petra Lange"
    assert user.organisation == provider.name
    schwelm = Jobcenter.objects.get(name="Jobcenter EN")
    near = [
        offer
        for offer in provider.offers.live()
        if any(
            distance_km(
                float(schwelm.latitude),
                float(schwelm.longitude),
                float(location.latitude),
                float(location.longitude),
            )
            < 25
            for location in offer.locations.all()
        )
    ]
    assert len(near) >= 3


def test_a_distance_search_from_jobcenter_en_has_debt_counselling_at_many_distances(demo):
    schwelm = Jobcenter.objects.get(name="Jobcenter EN")
    debt = OfferPage.objects.live().filter(topics__slug="schulden").distinct()

    distances = sorted(
        round(
            distance_km(
                float(schwelm.latitude),
                float(schwelm.longitude),
                float(location.latitude),
                float(location.longitude),
            )
        )
        for offer in debt
        for location in offer.locations.all()
    )

    within = [distance for distance in distances if 0 <= distance <= 60]
    assert len(within) >= 6
    # Schwelm itself, the neighbouring towns, and the cities around.
    assert within[0] <= 2 and any(10 <= d <= 20 for d in within) and max(within) >= 25


def test_demo_offers_vary_like_real_ones(demo):
    offers = list(OfferPage.objects.live().prefetch_related("funding_routes"))

    assert {offer.offer_status for offer in offers} == set(OfferStatus.values)
    assert {offer.access for offer in offers} == {"zuweisung", "frei"}
    waits = {offer.waiting_weeks for offer in offers}
    assert min(waits) == 0 and max(waits) == 8
    assert len({route.slug for offer in offers for route in offer.funding_routes.all()}) == 6
    stale = [offer for offer in offers if offer.is_stale]
    assert 2 <= len(stale) < len(offers) // 2
    topics = set(OfferPage.objects.live().values_list("topics__name", flat=True))
    assert {"Schulden", "Sucht", "Kinderbetreuung", "Qualifizierung", "Wohnen"} <= topics


def test_every_demo_jobcenter_has_coordinates(demo):
    names = [name for name, *_ in JOBCENTERS]

    located = Jobcenter.objects.filter(name__in=names, latitude__isnull=False)

    assert located.count() == len(names)


def test_a_second_run_leaves_a_changed_demo_offer_alone(demo):
    page = OfferPage.objects.get(external_id="demo-schuldnerberatung-schwelm")
    page.waiting_weeks = 1
    page.save_revision().publish()

    load_offers(lambda line: None)

    page.refresh_from_db()
    assert page.waiting_weeks == 1
    assert OfferPage.objects.filter(title=page.title).count() == 1
