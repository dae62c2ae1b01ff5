"""The exchange format of practices (docs/import-format.md): its keys and its errors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _

from ..blocks import SECTIONS

# The keys of a record, in the order the export writes them.
FIELDS = (
    "external_id",
    "title",
    "teaser",
    "jobcenters",
    "bundesland",
    "status",
    "start",
    "end",
    "topics",
    "target_groups",
    "phases",
    "partners",
    "sections",
    "figures",
    "contact",
    "visibility",
)
REQUIRED_FIELDS = ("title", "teaser")
SECTION_KEYS = [key for key, _label in SECTIONS]
# German labels as editors know them from the page; accepted as section keys besides the keys.
SECTION_GERMAN_LABELS = {
    "ausgangslage": "situation",
    "ziele": "goals",
    "vorgehen": "approach",
    "ergebnisse": "results",
    "erfolgsfaktoren": "success_factors",
    "stolpersteine": "pitfalls",
    "übertragbarkeit": "transferability",
}
CONTACT_KEYS = ("name", "function", "email", "phone")
CONTACT_FIELDS = {
    "name": "contact_name",
    "function": "contact_function",
    "email": "contact_email",
    "phone": "contact_phone",
}
PARTNER_KEYS = ("type", "name")
FIGURE_KEYS = ("label", "value", "note")
JOBCENTER_KEYS = ("name", "bundesland")
VISIBILITIES = ("public", "staff")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Separator of list values in CSV cells.
CSV_LIST_SEPARATOR = " | "
EXCEL_DELIMITER = ";"
BOM = "\ufeff"
# Spreadsheets run cells that start like a formula; phone numbers such as +49 … stay as they are.
FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s()./+-]*$))")
SLUG_MAX_LENGTH = 200

# The columns of the CSV table, one row per practice; the CSV import reads the same columns.
CSV_COLUMNS = [
    "external_id",
    "title",
    "teaser",
    "jobcenters",
    "bundesland",
    "supra_regional",
    "status",
    "start",
    "end",
    "topics",
    "target_groups",
    "phases",
    "partners",
    "figures",
    *[f"section_{key}" for key in SECTION_KEYS],
    "contact_name",
    "contact_function",
    "contact_email",
    "contact_phone",
    "visibility",
]


def max_length(model: type[models.Model], field_name: str) -> int:
    return model._meta.get_field(field_name).max_length


# ---------------------------------------------------------------------------------------------
# Errors


@dataclass(frozen=True)
class TransferError:
    """One problem of an import file.

    ``record`` counts from 1; ``field`` is a path such as ``partners[2].type`` (also from 1).
    """

    message: str
    record: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        if self.record is not None and self.field:
            return _("Record %(number)s, field “%(field)s”: %(message)s") % {
                "number": self.record,
                "field": self.field,
                "message": self.message,
            }
        if self.record is not None:
            return _("Record %(number)s: %(message)s") % {
                "number": self.record,
                "message": self.message,
            }
        return self.message


class ImportAborted(Exception):
    """The file cannot be imported; nothing has been written."""

    def __init__(self, errors: list[TransferError]):
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors
