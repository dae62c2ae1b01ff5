"""Reading an offer file (HSDS-style JSON or the CSV table) into organizations with services.

Both formats end up in the same shape, the JSON one: a list of organization objects, each with
its ``services``. The CSV reader builds that shape from one row per offer, so the checks are
written once. Every object remembers where it came from (``Source``), so that an error names
the record or spreadsheet row and, for CSV, the German column.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from practices.transfer import UnreadableFile, import_file_text, json_list_parse

from .columns import (
    CONTACT_COLUMNS,
    CSV_COLUMNS,
    LIST_COLUMNS,
    ORGANIZATION_COLUMNS,
    ORGANIZATION_FIELD_COLUMNS,
    REQUIRED_COLUMNS,
    SERVICE_FIELD_COLUMNS,
    split_list,
    unquote_formula,
)

JSON = "json"
CSV = "csv"
FORMATS = (JSON, CSV)
# The spreadsheet row of the first offer: the header is row 1.
FIRST_CSV_ROW = 2


# ---------------------------------------------------------------------------------------------
# Errors


@dataclass(frozen=True)
class Source:
    """Where an object of the file is: the n-th organization or service, or a CSV row."""

    kind: str  # "organization", "record" or "row"
    number: int
    # CSV: the column header of each key, so that errors name what the user sees.
    columns: dict[str, str] | None = None

    def __str__(self) -> str:
        if self.kind == "organization":
            return _("Organisation %(number)s") % {"number": self.number}
        if self.kind == "row":
            return _("Row %(number)s") % {"number": self.number}
        return _("Record %(number)s") % {"number": self.number}

    def field_name(self, path: str) -> str:
        """``path`` as the user knows it: the JSON path, or the CSV column with its entry."""
        if self.columns is None:
            return path
        if path in self.columns:
            return self.columns[path]
        match = re.match(r"^([a-z_]+)(?:\[(\d+)\])?", path)
        if match is None:
            return path
        column = self.columns.get(match.group(1), match.group(1))
        if match.group(2):
            return _("%(column)s, entry %(number)s") % {
                "column": column,
                "number": match.group(2),
            }
        return column


@dataclass(frozen=True)
class TransferError:
    """One problem of an import file, with where it is and, when known, the record's name."""

    message: str
    source: Source | None = None
    label: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        if self.source is None:
            return self.message
        values = {"where": str(self.source), "label": self.label, "message": self.message}
        if self.field:
            values["field"] = self.source.field_name(self.field)
            if self.label:
                return _("%(where)s (%(label)s), field “%(field)s”: %(message)s") % values
            return _("%(where)s, field “%(field)s”: %(message)s") % values
        if self.label:
            return _("%(where)s (%(label)s): %(message)s") % values
        return _("%(where)s: %(message)s") % values


class ImportAborted(Exception):
    """The file cannot be imported; nothing has been written."""

    def __init__(self, errors: list[TransferError]):
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


# ---------------------------------------------------------------------------------------------
# The read file


@dataclass
class ServiceInput:
    source: Source
    raw: Any


@dataclass
class OrganizationInput:
    source: Source
    raw: Any
    services: list[ServiceInput] = field(default_factory=list)


@dataclass
class ReadFile:
    organizations: list[OrganizationInput]
    # Problems found while reading rows (CSV), reported with those of the checks.
    errors: list[TransferError] = field(default_factory=list)


def format_of(path: str | Path, given: str | None = None) -> str:
    """The format named, or the one the file name ends with (JSON unless ``.csv``)."""
    if given:
        return given
    return CSV if str(path).lower().endswith(".csv") else JSON


def file_read(path: str | Path, *, format: str | None = None) -> ReadFile:
    """Read an import file; raises ``ImportAborted`` when it cannot be read at all."""
    try:
        text = import_file_text(path)
    except UnreadableFile as unreadable:
        raise ImportAborted([TransferError(str(unreadable))]) from unreadable
    if format_of(path, format) == CSV:
        return csv_parse(text)
    return json_parse(text)


def json_parse(text: str) -> ReadFile:
    try:
        data = json_list_parse(
            text,
            not_a_list=_(
                "The file must contain a list of organizations with their services at "
                "the top level ([ {…}, {…} ]); found: %(type)s."
            ),
        )
    except UnreadableFile as unreadable:
        raise ImportAborted([TransferError(str(unreadable))]) from unreadable
    return records_read(data)


def records_read(data: list[Any]) -> ReadFile:
    """Organizations given as JSON data (the demo content comes this way)."""
    organizations = []
    services = 0
    for number, raw in enumerate(data, start=1):
        organization = OrganizationInput(Source("organization", number), raw)
        if isinstance(raw, dict) and isinstance(raw.get("services"), list):
            for service in raw["services"]:
                services += 1
                organization.services.append(ServiceInput(Source("record", services), service))
        organizations.append(organization)
    return ReadFile(organizations)


def csv_parse(text: str) -> ReadFile:
    """One offer per row; rows of the same provider (by id, else name) form one organization."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise ImportAborted([TransferError(_("The file is empty."))])
    header = [cell.strip() for cell in header]
    by_header = {column: key for key, column in CSV_COLUMNS.items()}
    problems = [
        TransferError(
            _("Unknown column “%(column)s”. Allowed: %(allowed)s")
            % {"column": column, "allowed": ", ".join(CSV_COLUMNS.values())}
        )
        for column in header
        if column and column not in by_header
    ]
    problems += [
        TransferError(_("The column “%(column)s” is missing.") % {"column": CSV_COLUMNS[key]})
        for key in REQUIRED_COLUMNS
        if CSV_COLUMNS[key] not in header
    ]
    if problems:
        raise ImportAborted(problems)

    read = ReadFile([])
    providers: dict[str, tuple[OrganizationInput, dict[str, str]]] = {}
    for number, cells in enumerate(reader, start=FIRST_CSV_ROW):
        if not any(cell.strip() for cell in cells):
            continue
        row = {
            by_header[column]: unquote_formula(cell.strip())
            for column, cell in zip(header, cells, strict=False)
            if column
        }
        source = Source("row", number, columns=SERVICE_FIELD_COLUMNS)
        organization_source = Source("row", number, columns=ORGANIZATION_FIELD_COLUMNS)
        details = {key: row.get(key, "") for key in ORGANIZATION_COLUMNS}
        key = details["org_id"].casefold() or details["org_name"].casefold()
        known = providers.get(key) if key else None
        if known is None:
            organization = OrganizationInput(organization_source, _organization_raw(details))
            read.organizations.append(organization)
            if key:
                providers[key] = (organization, details)
        else:
            organization, first = known
            for column in ORGANIZATION_COLUMNS:
                if details[column] and first[column] and details[column] != first[column]:
                    read.errors.append(
                        TransferError(
                            _("the details of the provider “%(name)s” differ from row %(other)s")
                            % {"name": first["org_name"], "other": organization.source.number},
                            source=organization_source,
                            field=column,
                        )
                    )
                elif details[column] and not first[column]:
                    first[column] = details[column]
                    organization.raw = _organization_raw(first)
        organization.services.append(ServiceInput(source, _service_raw(row)))
    return read


def _organization_raw(details: dict[str, str]) -> dict[str, Any]:
    return {
        "id": details["org_id"] or None,
        "name": details["org_name"],
        "type": details["org_type"] or None,
        "description": details["org_description"] or None,
        "website": details["org_website"] or None,
        "email": details["org_email"] or None,
        "phone": details["org_phone"] or None,
    }


def _service_raw(row: dict[str, str]) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for key, value in row.items():
        if key in ORGANIZATION_COLUMNS or key in CONTACT_COLUMNS:
            continue
        if key in LIST_COLUMNS:
            raw[key] = split_list(value)
        elif key == "schedules":
            raw[key] = [{"description": value}] if value else []
        else:
            raw[key] = value or None
    contact = {name: row.get(key, "") for key, name in CONTACT_COLUMNS.items() if row.get(key, "")}
    raw["contacts"] = [contact] if contact else []
    return raw
