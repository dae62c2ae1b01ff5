"""Demo offers: the page „Angebote“, twelve providers and about thirty offers around the demo
Jobcenters, most within 30 km of Schwelm so that a distance search from Jobcenter EN has
something to sort. Safe to run again: what exists (by slug or external id) stays as it is.

The offers are in ``demo_offers.json``, an import file of the offer exchange format (see
``offers.transfer``), so the demo goes through the same checks as any import. Only
``confirmed_days_ago`` is the demo's own: confirmation dates follow the day the demo is loaded,
so that the offers confirmed more than a year ago are the same ones whenever it runs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.models import HomePage
from practices.demo import load_jobcenters
from practices.reference import load_reference_data

from .models import OfferIndexPage, OfferPage, Provider
from .reference import load_reference_data as load_offer_reference_data
from .transfer import ImportAborted, import_plan, offers_import
from .transfer.reading import records_read

DATA_FILE = Path(__file__).with_name("demo_offers.json")
INDEX_SLUG = "angebote"
INDEX_TITLE = "Angebote"
INDEX_INTRO = (
    "<p>Angebote von Trägern, Beratungsstellen und Partnern in Ihrer Region – von der "
    "Schuldnerberatung bis zum Coaching.</p>"
)
# The provider demo login (cms.demo.DEMO_USERS) keeps the offers of this provider.
PROVIDER_USERNAME = "traeger"
PROVIDER_ID = "demo-traeger-sib-en"

Log = Callable[[str], None]


def load_offers(log: Log) -> None:
    load_reference_data(apps.get_model)
    load_offer_reference_data(apps.get_model)
    home = HomePage.objects.first()
    if home is None:
        log("übersprungen: keine Startseite vorhanden")
        return
    load_jobcenters(log)
    index = OfferIndexPage.objects.first()
    if index is None:
        index = OfferIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO)
        home.add_child(instance=index)
        index.save_revision().publish()
        log(f"angelegt: Seite {INDEX_TITLE}")

    organizations = demo_organizations()
    existing = set(
        OfferPage.objects.filter(
            external_id__in=[
                service["id"]
                for organization in organizations
                for service in organization["services"]
            ]
        ).values_list("external_id", flat=True)
    )
    for organization in organizations:
        organization["services"] = [
            service for service in organization["services"] if service["id"] not in existing
        ]
    if any(organization["services"] for organization in organizations):
        try:
            plan = import_plan(records_read(organizations), update_existing=False)
        except ImportAborted as aborted:
            # Reference data renamed in the admin (a Jobcenter, a funding route) must not stop
            # the rest of the demo.
            for error in aborted.errors:
                log(f"übersprungen: {error}")
        else:
            result = offers_import(plan=plan)
            log(f"angelegt: {result.created} Angebote, {result.providers_created} Träger")

    member = get_user_model().objects.filter(username=PROVIDER_USERNAME).first()
    provider = Provider.objects.filter(external_id=PROVIDER_ID).first()
    if member is not None and provider is not None:
        provider.members.add(member)


def demo_organizations() -> list[dict[str, Any]]:
    """The demo file's organizations, with confirmation dates counted back from today."""
    organizations = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    today = timezone.localdate()
    for organization in organizations:
        for service in organization["services"]:
            days = service.pop("confirmed_days_ago")
            service["assured_date"] = (today - timedelta(days=days)).isoformat()
            service["assurer"] = service["contacts"][0]["name"]
    return organizations
