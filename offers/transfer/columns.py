"""The CSV table of offers: its German column headers and how cells hold lists and places.

The headers are part of the file format, like the JSON keys, so they are fixed German words
rather than translated text: a file must read the same whatever language the site runs in.
"""

from __future__ import annotations

import re
from decimal import Decimal

from practices.transfer import FORMULA as _FORMULA

# Between the values of a list cell (Förderwege, Sprachen, Standorte, …).
LIST_SEPARATOR = " | "
DELIMITER = ";"

# Key of the import record (JSON key for offers; ``org_…`` for the provider) → column header.
CSV_COLUMNS: dict[str, str] = {
    "org_id": "Träger-ID",
    "org_name": "Träger",
    "org_type": "Trägerart",
    "org_description": "Beschreibung des Trägers",
    "org_website": "Website des Trägers",
    "org_email": "E-Mail des Trägers",
    "org_phone": "Telefon des Trägers",
    "id": "Angebots-ID",
    "name": "Titel",
    "short_description": "Kurzbeschreibung",
    "description": "Beschreibung",
    "topics": "Handlungsfelder",
    "target_groups": "Zielgruppen",
    "eligibility_description": "Teilnahmevoraussetzungen",
    "minimum_age": "Mindestalter",
    "maximum_age": "Höchstalter",
    "application_process": "Zugang",
    "funding": "Förderwege",
    "fees_description": "Kosten",
    "languages": "Sprachen",
    "accessibility": "Barrierefreiheit",
    "accessibility_description": "Hinweise zur Barrierefreiheit",
    "capacity": "Plätze",
    "wait_time": "Wartezeit in Wochen",
    "schedules": "Zeiten",
    "status": "Status",
    "service_areas": "Einzugsgebiet (Jobcenter)",
    "locations": "Standorte",
    "contact_name": "Ansprechperson",
    "contact_email": "E-Mail der Ansprechperson",
    "contact_phone": "Telefon der Ansprechperson",
    "assured_date": "Zuletzt bestätigt am",
    "assurer": "Bestätigt von",
    "last_modified": "Zuletzt geändert",
    "visibility": "Sichtbarkeit",
}
REQUIRED_COLUMNS = ("org_name", "name")
ORGANIZATION_COLUMNS = (
    "org_id",
    "org_name",
    "org_type",
    "org_description",
    "org_website",
    "org_email",
    "org_phone",
)
# CSV key → key of the JSON contact object.
CONTACT_COLUMNS = {"contact_name": "name", "contact_email": "email", "contact_phone": "phone"}
LIST_COLUMNS = (
    "topics",
    "target_groups",
    "funding",
    "languages",
    "accessibility",
    "service_areas",
    "locations",
)

# What the checks call a field (JSON path) → the column a CSV user sees, for error messages.
SERVICE_FIELD_COLUMNS = {
    **{key: CSV_COLUMNS[key] for key in CSV_COLUMNS if not key.startswith("org_")},
    **{f"contacts[1].{name}": CSV_COLUMNS[key] for key, name in CONTACT_COLUMNS.items()},
    "contacts": CSV_COLUMNS["contact_name"],
    "schedules[1].description": CSV_COLUMNS["schedules"],
}
ORGANIZATION_FIELD_COLUMNS = {
    **{key.removeprefix("org_"): CSV_COLUMNS[key] for key in ORGANIZATION_COLUMNS},
    **{key: CSV_COLUMNS[key] for key in ORGANIZATION_COLUMNS},
}

# "Name: Straße 1, 58332 Schwelm (51.28660 7.29360)"; name, street and postcode may be left out.
LOCATION = re.compile(
    r"^(?:(?P<name>[^:]+?):\s+)?"
    r"(?:(?P<street>.+),\s+)?"
    r"(?:(?P<postcode>\d{5})\s+)?"
    r"(?P<town>[^()]+?)\s*"
    r"\(\s*(?P<latitude>[-+]?\d+(?:[.,]\d+)?)\s+(?P<longitude>[-+]?\d+(?:[.,]\d+)?)\s*\)$"
)


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def join_list(values) -> str:
    return LIST_SEPARATOR.join(values)


def location_text(location: dict) -> str:
    """A location of an export record as one cell entry, read back by ``location_parse``."""
    place = " ".join(part for part in (location.get("postal_code"), location.get("city")) if part)
    address = ", ".join(part for part in (location.get("address_1"), place) if part)
    if location.get("name"):
        address = f"{location['name']}: {address}"
    return f"{address} ({location['latitude']} {location['longitude']})"


def location_parse(text: str) -> dict | None:
    """The location object a cell entry stands for, or None if it does not fit the form."""
    match = LOCATION.match(text.strip())
    if match is None:
        return None
    return {
        "name": match["name"] or None,
        "address_1": match["street"] or None,
        "postal_code": match["postcode"] or None,
        "city": match["town"].strip(),
        "latitude": match["latitude"].replace(",", "."),
        "longitude": match["longitude"].replace(",", "."),
    }


def coordinate_text(value: Decimal) -> str:
    return f"{value:.5f}"


def csv_safe(value: str) -> str:
    """Spreadsheets run cells that start like a formula; such cells get a leading apostrophe."""
    return f"'{value}" if _FORMULA.match(value) else value


def unquote_formula(value: str) -> str:
    """The value ``csv_safe`` protected, without the apostrophe it added."""
    if value.startswith("'") and _FORMULA.match(value[1:]):
        return value[1:]
    return value
