"""Checking one organization or service of an import file, without writing anything.

Every value is resolved against reference data loaded once (``Lookups``); problems are
collected, not raised, so that the user gets the whole list at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from practices.models import PartnerType
from practices.transfer import typed as _typed

from ..models import (
    Access,
    OfferLocation,
    OfferPage,
    OfferStatus,
    Provider,
)
from .columns import location_parse
from .entries import Entry, Lookups, allowed, max_length, unknown
from .reading import Source

ORGANIZATION_KEYS = ("id", "name", "type", "description", "website", "email", "phone", "services")
SERVICE_KEYS = (
    "id",
    "name",
    "short_description",
    "description",
    "topics",
    "target_groups",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "application_process",
    "funding",
    "fees_description",
    "languages",
    "accessibility",
    "accessibility_description",
    "capacity",
    "wait_time",
    "schedules",
    "status",
    "service_areas",
    "locations",
    "contacts",
    "assured_date",
    "assurer",
    "last_modified",
    "visibility",
)
LOCATION_KEYS = ("name", "address_1", "postal_code", "city", "latitude", "longitude")
CONTACT_KEYS = ("name", "email", "phone")
# HSDS service status → offer status; the German values are accepted as well.
STATUSES = {
    "active": OfferStatus.ACTIVE,
    "inactive": OfferStatus.PAUSED,
    "defunct": OfferStatus.ENDED,
    **{status.value: status for status in OfferStatus},
}
ACCESSES = {
    **{access.value: access for access in Access},
    **{str(access.label).casefold(): access for access in Access},
}
VISIBILITIES = {"public": False, "öffentlich": False, "staff": True, "intern": True}
MAX_AGE = 120
MAX_WAITING_WEEKS = 104
# Germany's extent, as the location's coordinate validators allow it.
LATITUDES = (Decimal("47"), Decimal("55.1"))
LONGITUDES = (Decimal("5.8"), Decimal("15.1"))
POSTCODE = re.compile(r"^\d{5}$")


# ---------------------------------------------------------------------------------------------
# Organizations


@dataclass
class ProviderData:
    source: Source
    name: str
    external_id: str = ""
    partner_type: PartnerType | None = None
    description: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    provider: Provider | None = None
    slug: str = ""
    # Left as it is (the demo adds only what is missing).
    keep: bool = False


def check_organization(entry: Entry, lookups: Lookups) -> ProviderData | None:
    raw = entry.raw
    entry.only_keys(ORGANIZATION_KEYS)
    name = entry.text(
        raw.get("name"), "name", required=True, max_length=max_length(Provider, "name")
    )
    entry.label = name
    data = ProviderData(source=entry.source, name=name or "")
    data.external_id = entry.field_text("id", Provider, "external_id", numbers=True)
    type_name = entry.text(raw.get("type"), "type")
    if type_name is not None:
        data.partner_type = lookups.partner_types.find(type_name)
        if data.partner_type is None:
            entry.error(
                None,
                unknown("type", type_name)
                + " "
                + _("Allowed: %(allowed)s.") % {"allowed": allowed(lookups.partner_types)},
            )
    data.description = entry.field_text("description", Provider, "description", single_line=False)
    data.website = entry.field_text("website", Provider, "website")
    if data.website:
        try:
            URLValidator(schemes=["http", "https"])(data.website)
        except ValidationError:
            entry.error(
                "website",
                _("“%(value)s” is not a web address such as https://www.example.de")
                % {"value": data.website},
            )
    data.email = entry.email(raw.get("email"), "email", max_length(Provider, "email"))
    data.phone = entry.field_text("phone", Provider, "phone", numbers=True)
    if raw.get("services") is not None and not isinstance(raw.get("services"), list):
        entry.error("services", _("must be a list […] (found: %(type)s)") % _typed(raw["services"]))
    return data if name else None


# ---------------------------------------------------------------------------------------------
# Services


@dataclass
class LocationData:
    name: str
    street: str
    postcode: str
    town: str
    latitude: Decimal
    longitude: Decimal


@dataclass
class OfferData:
    source: Source
    provider: ProviderData | None
    title: str
    external_id: str = ""
    teaser: str = ""
    description: str = ""
    topics: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)
    eligibility: str = ""
    min_age: int | None = None
    max_age: int | None = None
    access: str = Access.REFERRAL
    funding_routes: list = field(default_factory=list)
    costs: str = ""
    languages: list = field(default_factory=list)
    accessibility: list = field(default_factory=list)
    accessibility_note: str = ""
    capacity: int | None = None
    waiting_weeks: int | None = None
    schedule: str = ""
    offer_status: str = OfferStatus.ACTIVE
    jobcenters: list = field(default_factory=list)
    locations: list[LocationData] = field(default_factory=list)
    contact: dict[str, str] = field(default_factory=dict)
    confirmed_at: date | None = None
    confirmed_by: str = ""
    staff_only: bool = False
    page: OfferPage | None = None


def check_service(entry: Entry, provider: ProviderData | None, lookups: Lookups) -> OfferData:
    raw = entry.raw
    entry.only_keys(SERVICE_KEYS)
    title = entry.text(
        raw.get("name"), "name", required=True, max_length=max_length(OfferPage, "title")
    )
    entry.label = title
    data = OfferData(source=entry.source, provider=provider, title=title or "")
    data.external_id = entry.field_text("id", OfferPage, "external_id", numbers=True)
    data.teaser = entry.field_text("short_description", OfferPage, "teaser", single_line=False)
    data.description = entry.text(raw.get("description"), "description", single_line=False) or ""
    data.topics = entry.names("topics", lookups.topics)
    data.target_groups = entry.names("target_groups", lookups.target_groups)
    data.eligibility = (
        entry.text(raw.get("eligibility_description"), "eligibility_description", single_line=False)
        or ""
    )
    data.min_age = entry.whole_number("minimum_age", maximum=MAX_AGE)
    data.max_age = entry.whole_number("maximum_age", maximum=MAX_AGE)
    if data.min_age is not None and data.max_age is not None and data.min_age > data.max_age:
        entry.error(
            "maximum_age",
            _("the maximum age (%(max)s) is below the minimum age (%(min)s)")
            % {"max": data.max_age, "min": data.min_age},
        )
    access = entry.text(raw.get("application_process"), "application_process")
    if access is not None:
        if access.casefold() in ACCESSES:
            data.access = ACCESSES[access.casefold()]
        else:
            entry.error(None, _choice(_("Unknown access “%(value)s”."), access, Access.labels))
    data.funding_routes = entry.names("funding", lookups.funding)
    data.costs = entry.field_text("fees_description", OfferPage, "costs")
    data.languages = entry.names("languages", lookups.languages)
    data.accessibility = entry.names("accessibility", lookups.accessibility)
    data.accessibility_note = entry.field_text(
        "accessibility_description", OfferPage, "accessibility_note"
    )
    data.capacity = entry.whole_number("capacity")
    data.waiting_weeks = entry.whole_number("wait_time", maximum=MAX_WAITING_WEEKS)
    data.schedule = _schedule(entry)
    status = entry.text(raw.get("status"), "status")
    if status is not None:
        if status.casefold() in STATUSES:
            data.offer_status = STATUSES[status.casefold()]
        else:
            entry.error(None, _choice(_("Unknown status “%(value)s”."), status, STATUSES))
    data.jobcenters = entry.names("service_areas", lookups.jobcenters)
    data.locations = _locations(entry)
    data.contact = _contact(entry)
    data.confirmed_at = entry.day("assured_date")
    data.confirmed_by = entry.field_text("assurer", OfferPage, "confirmed_by")
    visibility = entry.text(raw.get("visibility"), "visibility")
    if visibility is not None:
        if visibility.casefold() in VISIBILITIES:
            data.staff_only = VISIBILITIES[visibility.casefold()]
        else:
            entry.error(
                None, _choice(_("Unknown visibility “%(value)s”."), visibility, VISIBILITIES)
            )
    return data


def _choice(message: str, value: str, choices) -> str:
    return f"{message % {'value': value}} " + _("Allowed: %(allowed)s.") % {
        "allowed": ", ".join(str(choice) for choice in choices)
    }


def _schedule(entry: Entry) -> str:
    texts = []
    for position, value in enumerate(entry.list(entry.raw.get("schedules"), "schedules"), 1):
        path = f"schedules[{position}]"
        value = entry.object(value, path, ("description",))
        if value is not None:
            text = entry.text(value.get("description"), f"{path}.description")
            if text:
                texts.append(text)
    schedule = "; ".join(texts)
    limit = max_length(OfferPage, "schedule")
    if limit and len(schedule) > limit:
        entry.error(
            "schedules",
            _("is too long (%(length)s characters, at most %(max)s)")
            % {"length": len(schedule), "max": limit},
        )
        return ""
    return schedule


def _locations(entry: Entry) -> list[LocationData]:
    found = []
    for position, value in enumerate(entry.list(entry.raw.get("locations"), "locations"), 1):
        path = f"locations[{position}]"
        if isinstance(value, str):
            parsed = location_parse(value)
            if parsed is None:
                entry.error(
                    path,
                    _(
                        "“%(value)s” is not a location in the form "
                        "“Name: Street 1, 12345 Town (latitude longitude)”"
                    )
                    % {"value": value},
                )
                continue
            value = parsed
        value = entry.object(value, path, LOCATION_KEYS)
        if value is None:
            continue
        limits = {key: max_length(OfferLocation, key) for key in ("name", "street", "town")}
        name = entry.text(value.get("name"), f"{path}.name", max_length=limits["name"]) or ""
        street = entry.text(
            value.get("address_1"), f"{path}.address_1", max_length=limits["street"]
        )
        postcode = entry.text(value.get("postal_code"), f"{path}.postal_code", numbers=True) or ""
        if postcode and not POSTCODE.match(postcode):
            entry.error(
                f"{path}.postal_code",
                _("“%(value)s” is not a German postcode (five digits)") % {"value": postcode},
            )
        town = entry.text(
            value.get("city"), f"{path}.city", required=True, max_length=limits["town"]
        )
        latitude = entry.coordinate(value.get("latitude"), f"{path}.latitude", LATITUDES)
        longitude = entry.coordinate(value.get("longitude"), f"{path}.longitude", LONGITUDES)
        if latitude is None or longitude is None or town is None:
            continue
        if latitude.is_nan() or longitude.is_nan():
            entry.error(
                path,
                _(
                    "the location “%(town)s” (%(latitude)s, %(longitude)s) is not in Germany: "
                    "the latitude must lie between 47 and 55.1, the longitude between 5.8 "
                    "and 15.1"
                )
                % {
                    "town": town,
                    "latitude": value.get("latitude"),
                    "longitude": value.get("longitude"),
                },
            )
            continue
        found.append(LocationData(name, street or "", postcode, town, latitude, longitude))
    return found


def _contact(entry: Entry) -> dict[str, str]:
    contacts = entry.list(entry.raw.get("contacts"), "contacts")
    if len(contacts) > 1:
        entry.error(
            "contacts",
            _("only one contact person per offer is possible (found: %(count)s)")
            % {"count": len(contacts)},
        )
        return {}
    if not contacts:
        return {}
    contact = entry.object(contacts[0], "contacts[1]", CONTACT_KEYS)
    if contact is None:
        return {}
    return {
        "name": entry.text(
            contact.get("name"),
            "contacts[1].name",
            max_length=max_length(OfferPage, "contact_name"),
        )
        or "",
        "email": entry.email(
            contact.get("email"), "contacts[1].email", max_length(OfferPage, "contact_email")
        ),
        "phone": entry.text(
            contact.get("phone"),
            "contacts[1].phone",
            numbers=True,
            max_length=max_length(OfferPage, "contact_phone"),
        )
        or "",
    }
