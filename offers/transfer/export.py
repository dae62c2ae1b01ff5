"""Export of the live offers, grouped by provider, as HSDS-style JSON or as the CSV table.

What the export writes, the import reads back: importing an export into an empty database
recreates the same providers and offers.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.db.models import Prefetch
from wagtail.models import PageViewRestriction

from practices.content import richtext_to_text
from practices.models import Jobcenter

from ..models import Access, OfferLocation, OfferPage, OfferStatus, Provider
from .columns import (
    CONTACT_COLUMNS,
    CSV_COLUMNS,
    DELIMITER,
    LIST_COLUMNS,
    ORGANIZATION_COLUMNS,
    coordinate_text,
    csv_safe,
    join_list,
    location_text,
)

# Offer status → HSDS service status.
HSDS_STATUSES = {
    OfferStatus.ACTIVE: "active",
    OfferStatus.PAUSED: "inactive",
    OfferStatus.ENDED: "defunct",
}
# The BOM makes spreadsheet programs read the file as UTF-8 (umlauts) rather than ANSI.
BOM = "\ufeff"


def offers_export_queryset():
    """Every live offer with what the export writes, in a fixed number of queries."""
    return (
        OfferPage.objects.live()
        .select_related("provider__partner_type")
        .prefetch_related(
            "topics",
            "target_groups",
            "funding_routes",
            "languages",
            "accessibility",
            Prefetch("jobcenters", queryset=Jobcenter.objects.order_by("name")),
            Prefetch("locations", queryset=OfferLocation.objects.order_by("sort_order")),
        )
        .order_by("provider__name", "path")
    )


def offers_export_records() -> list[dict[str, Any]]:
    """The providers of live offers, each with its live offers (HSDS ``services``)."""
    restricted = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    organizations: dict[int, dict[str, Any]] = {}
    for page in offers_export_queryset():
        organization = organizations.get(page.provider_id)
        if organization is None:
            organization = organizations[page.provider_id] = organization_record(page.provider)
        staff_only = any(page.path.startswith(path) for path in restricted)
        organization["services"].append(service_record(page, staff_only=staff_only))
    return list(organizations.values())


def organization_record(provider: Provider) -> dict[str, Any]:
    return {
        "id": provider.external_id or None,
        "name": provider.name,
        "type": provider.partner_type.name if provider.partner_type else None,
        "description": provider.description or None,
        "website": provider.website or None,
        "email": provider.email or None,
        "phone": provider.phone or None,
        "services": [],
    }


def service_record(page: OfferPage, *, staff_only: bool) -> dict[str, Any]:
    contact = {
        "name": page.contact_name,
        "email": page.contact_email,
        "phone": page.contact_phone,
    }
    return {
        "id": page.external_id or None,
        "name": page.title,
        "short_description": page.teaser or None,
        "description": richtext_to_text(page.description) or None,
        "topics": [term.name for term in page.topics.all()],
        "target_groups": [term.name for term in page.target_groups.all()],
        "eligibility_description": page.eligibility or None,
        "minimum_age": page.min_age,
        "maximum_age": page.max_age,
        "application_process": str(Access(page.access).label),
        "funding": [term.name for term in page.funding_routes.all()],
        "fees_description": page.costs or None,
        "languages": [term.name for term in page.languages.all()],
        "accessibility": [term.name for term in page.accessibility.all()],
        "accessibility_description": page.accessibility_note or None,
        "capacity": page.capacity,
        "wait_time": page.waiting_weeks,
        "schedules": [{"description": page.schedule}] if page.schedule else [],
        "status": HSDS_STATUSES[OfferStatus(page.offer_status)],
        "service_areas": [jobcenter.name for jobcenter in page.jobcenters.all()],
        "locations": [
            {
                "name": location.name or None,
                "address_1": location.street or None,
                "postal_code": location.postcode or None,
                "city": location.town,
                "latitude": coordinate_text(location.latitude),
                "longitude": coordinate_text(location.longitude),
            }
            for location in page.locations.all()
        ],
        "contacts": [{k: v for k, v in contact.items() if v}] if any(contact.values()) else [],
        "assured_date": page.confirmed_at.isoformat() if page.confirmed_at else None,
        "assurer": page.confirmed_by or None,
        "last_modified": page.last_published_at.isoformat() if page.last_published_at else None,
        "visibility": "staff" if staff_only else "public",
    }


def offers_export_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def offers_export_csv(records: list[dict[str, Any]]) -> str:
    """One row per offer: UTF-8 with BOM, semicolons, German headers; read back by the import."""
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS.values())
    for organization in records:
        for service in organization["services"]:
            row = csv_row(organization, service)
            writer.writerow([csv_safe(row[key]) for key in CSV_COLUMNS])
    return BOM + stream.getvalue()


def csv_row(organization: dict[str, Any], service: dict[str, Any]) -> dict[str, str]:
    row: dict[str, str] = {
        key: _cell(organization.get(key.removeprefix("org_"))) for key in ORGANIZATION_COLUMNS
    }
    for key in CSV_COLUMNS:
        if key in row or key in CONTACT_COLUMNS:
            continue
        value = service.get(key)
        if key == "locations":
            row[key] = join_list(location_text(location) for location in value)
        elif key in LIST_COLUMNS:
            row[key] = join_list(value)
        elif key == "schedules":
            row[key] = "; ".join(schedule["description"] for schedule in value)
        elif key == "status":
            row[key] = {hsds: status.value for status, hsds in HSDS_STATUSES.items()}[value]
        elif key == "visibility":
            row[key] = "intern" if value == "staff" else "öffentlich"
        elif key == "assured_date" and value:
            year, month, day = value.split("-")
            row[key] = f"{day}.{month}.{year}"
        else:
            row[key] = _cell(value)
    contact = service["contacts"][0] if service["contacts"] else {}
    for key, name in CONTACT_COLUMNS.items():
        row[key] = contact.get(name, "")
    return row


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
