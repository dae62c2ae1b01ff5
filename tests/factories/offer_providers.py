"""Members of providers (the "Träger" role) and what they type into the provider pages."""

from cms.accounts.groups import PROVIDERS
from offers.models import OfferPage, Provider

from .accounts import create_user


def create_provider_member(provider: Provider, *groups: str, **fields):
    """A user in the "Träger" group and among ``provider``'s members."""
    fields.setdefault("organisation", provider.name)
    fields.setdefault("function", "Bereichsleitung")
    member = create_user(PROVIDERS, *groups, **fields)
    provider.members.add(member)
    return member


def offer_form_data(page: OfferPage | None = None, **overrides) -> dict:
    """The POST data of the provider's offer form: ``page``'s current values, or a new offer."""
    data = {
        "title": "Schuldnerberatung Schwelm",
        "teaser": "Offene Sprechstunde und Beratung nach Zuweisung.",
        "description": "Wir beraten zu Schulden.\n\nTermine nach Absprache.",
        "eligibility": "Leistungsberechtigte nach dem SGB II",
        "min_age": "18",
        "max_age": "",
        "access": "zuweisung",
        "costs": "kostenlos",
        "accessibility_note": "",
        "capacity": "20",
        "waiting_weeks": "2",
        "schedule": "Mo–Do 9–15 Uhr",
        "offer_status": "aktiv",
        "contact_name": "Petra Lange",
        "contact_email": "beratung@traeger.example",
        "contact_phone": "02336 123456",
        "location-TOTAL_FORMS": "2",
        "location-INITIAL_FORMS": "0",
        "location-MIN_NUM_FORMS": "0",
        "location-MAX_NUM_FORMS": "20",
        "location-0-name": "Beratungsstelle",
        "location-0-street": "Hauptstraße 1",
        "location-0-postcode": "58332",
        "location-0-town": "Schwelm",
        "location-0-latitude": "51.28690",
        "location-0-longitude": "7.33700",
    }
    if page is not None:
        data.update(
            title=page.title,
            teaser=page.teaser,
            waiting_weeks=str(page.waiting_weeks if page.waiting_weeks is not None else ""),
            topics=[str(pk) for pk in page.topics.values_list("pk", flat=True)],
            funding_routes=[str(pk) for pk in page.funding_routes.values_list("pk", flat=True)],
        )
    data.update(overrides)
    return data
