"""The one place that answers who may do what with offers outside the Wagtail admin.

Provider members keep their organisation's offers on the site: a member is a user in the
"Träger" group who is also in ``Provider.members``. Either alone is not enough, so that taking
someone out of the group (or out of the provider) ends their access at once.
"""

from django.db.models import QuerySet

from cms.access import can_view_page, is_authenticated, is_network_staff
from cms.accounts.groups import PROVIDERS

from .models import OfferPage, Provider


def _cache(user) -> dict:
    """Per request, like ``cms.access``: the user object lives as long as its request."""
    return user.__dict__.setdefault("_offers_access_cache", {})


def is_provider_member(user) -> bool:
    """Is ``user`` in the "Träger" group (cached per request like ``is_network_staff``)?"""
    if not is_authenticated(user) or not user.is_active:
        return False
    cache = _cache(user)
    if "provider" not in cache:
        cache["provider"] = user.groups.filter(name=PROVIDERS).exists()
    return cache["provider"]


def providers_of(user) -> QuerySet[Provider]:
    """The providers whose offers ``user`` keeps (none for users outside the "Träger" group)."""
    if not is_provider_member(user):
        return Provider.objects.none()
    return Provider.objects.filter(members=user)


def _provider_ids(user) -> frozenset[int]:
    cache = _cache(user)
    if "provider_ids" not in cache:
        cache["provider_ids"] = frozenset(providers_of(user).values_list("pk", flat=True))
    return cache["provider_ids"]


def may_keep_offers(user) -> bool:
    """May ``user`` open „Meine Angebote“ and add offers: a member of at least one provider."""
    return is_provider_member(user) and bool(_provider_ids(user))


def may_edit_provider_offers(user, provider: Provider) -> bool:
    return is_provider_member(user) and provider.pk in _provider_ids(user)


def may_edit_offer(user, page: OfferPage) -> bool:
    """May ``user`` change ``page`` on the site (always through the Redaktion's review)?"""
    return is_provider_member(user) and page.provider_id in _provider_ids(user)


def may_report_offer(user, page: OfferPage | None = None) -> bool:
    """May ``user`` tell the Redaktion that ``page`` is outdated or wrong: network staff who
    can see it."""
    if not is_network_staff(user):
        return False
    return page is None or can_view_page(user, page)
