"""The "Träger" role and the Redaktion's admin for providers and offer taxonomies."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission

from cms.accounts.groups import EDITORS, PROVIDERS, groups_sync
from offers.models import FundingRoute, Provider
from tests.factories import create_user
from tests.factories.offers import create_provider, offer_index

pytestmark = pytest.mark.django_db


def test_the_provider_group_has_no_admin_and_no_page_permissions(home):
    groups_sync()
    providers = Group.objects.get(name=PROVIDERS)
    assert not providers.permissions.exists()
    assert not GroupPagePermission.objects.filter(group=providers).exists()


def test_the_redaktion_adds_members_to_a_provider(client, home):
    groups_sync()
    offer_index()
    provider = create_provider("Diakonie Ennepe-Ruhr")
    member = create_user(PROVIDERS, username="traeger")
    client.force_login(create_user(EDITORS, username="redaktion"))
    url = reverse("wagtailsnippets_offers_provider:edit", args=[provider.pk])

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": provider.name,
            "slug": provider.slug,
            "partner_type": "",
            "description": "",
            "website": "",
            "email": "",
            "phone": "",
            "members": [str(member.pk)],
        },
    )

    assert response.status_code == 302
    assert list(Provider.objects.get(pk=provider.pk).members.all()) == [member]


@pytest.mark.parametrize(
    "name",
    [
        "wagtailsnippets_offers_provider:list",
        "wagtailsnippets_offers_fundingroute:list",
        "wagtailsnippets_offers_language:list",
        "wagtailsnippets_offers_accessibilityfeature:list",
        "wagtailsnippets_offers_offerreport:list",
    ],
)
def test_the_redaktion_opens_every_listing(client, home, name):
    groups_sync()
    offer_index()
    client.force_login(create_user(EDITORS, username="redaktion"))
    assert client.get(reverse(name)).status_code == 200


def test_the_redaktion_adds_a_funding_route(client, home):
    groups_sync()
    offer_index()
    client.force_login(create_user(EDITORS, username="redaktion"))
    response = client.post(
        reverse("wagtailsnippets_offers_fundingroute:add"),
        {"name": "ESF Plus", "slug": "esf-plus", "sort_order": "9"},
    )
    assert response.status_code == 302
    assert FundingRoute.objects.filter(slug="esf-plus").exists()
