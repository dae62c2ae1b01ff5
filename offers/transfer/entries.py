"""Reading the values of one organization or service of an import file.

``Entry`` extends the practice import's record reader with the offer file's own values
(whole numbers, dates in either notation, coordinates) and errors that name the record.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from practices.models import Jobcenter, PartnerType, TargetGroup, Topic
from practices.transfer import Record as _Record
from practices.transfer import TermLookup as _TermLookup

from ..models import AccessibilityFeature, FundingRoute, Language
from .reading import Source, TransferError

COORDINATE = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")
GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def max_length(model: type[models.Model], field_name: str) -> int | None:
    return model._meta.get_field(field_name).max_length


def _term_names(row) -> tuple[str, str]:
    return (row.name, row.slug)


class Lookups:
    """The reference data an import resolves names against, each from one query."""

    def __init__(self):
        self.topics = _TermLookup(Topic.objects.all(), names=_term_names)
        self.target_groups = _TermLookup(TargetGroup.objects.all(), names=_term_names)
        self.funding = _TermLookup(FundingRoute.objects.all(), names=_term_names)
        self.languages = _TermLookup(Language.objects.all(), names=_term_names)
        self.accessibility = _TermLookup(AccessibilityFeature.objects.all(), names=_term_names)
        self.partner_types = _TermLookup(PartnerType.objects.all(), names=_term_names)
        self.jobcenters = _TermLookup(Jobcenter.objects.all(), names=_term_names)


def allowed(lookup: _TermLookup) -> str:
    return ", ".join(row.name for row in lookup.rows)


def unknown(kind: str, value: str) -> str:
    values = {"value": value}
    messages = {
        "topics": _("Unknown field of action “%(value)s”."),
        "target_groups": _("Unknown target group “%(value)s”."),
        "funding": _("Unknown funding route “%(value)s”."),
        "languages": _("Unknown language “%(value)s”."),
        "accessibility": _("Unknown accessibility feature “%(value)s”."),
        "type": _("Unknown provider type “%(value)s”."),
        "service_areas": _("Unknown Jobcenter “%(value)s”: it is not in the Jobcenter directory."),
    }
    return messages[kind] % values


class Entry(_Record):
    """One organization or service of the file; errors carry its place and name."""

    def __init__(self, source: Source, raw: dict, errors: list[TransferError]):
        super().__init__(source.number, raw, errors)
        self.source = source
        self.label: str | None = None

    def error(self, field_path: str | None, message: str) -> None:
        self.errors.append(
            TransferError(message, source=self.source, label=self.label, field=field_path)
        )

    def only_keys(self, allowed: tuple[str, ...]) -> None:
        for key in self.raw:
            if key not in allowed:
                self.error(
                    key, _("unknown field. Allowed: %(allowed)s") % {"allowed": ", ".join(allowed)}
                )

    def field_text(self, key: str, model, model_field: str, **options) -> str:
        text = self.text(
            self.raw.get(key), key, max_length=max_length(model, model_field), **options
        )
        return text or ""

    def names(self, key: str, lookup: _TermLookup, *, kind: str | None = None) -> list:
        """Rows named by a list of names (or HSDS objects with a ``name``)."""
        found = []
        for position, value in enumerate(self.list(self.raw.get(key), key), start=1):
            path = f"{key}[{position}]"
            if isinstance(value, dict):
                value = value.get("name", value.get("source"))
            text = self.text(value, path, required=True)
            if text is None:
                continue
            row = lookup.find(text)
            if row is None:
                message = unknown(kind or key, text)
                if kind != "service_areas" and key != "service_areas":
                    message += " " + _("Allowed: %(allowed)s.") % {"allowed": allowed(lookup)}
                self.error(None, message)
            elif row not in found:
                found.append(row)
        return found

    def whole_number(self, key: str, *, maximum: int | None = None) -> int | None:
        value = self.raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        number = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and value.strip().isdigit():
            number = int(value.strip())
        if number is None or number < 0 or (maximum is not None and number > maximum):
            if maximum is None:
                message = _("must be a whole number of 0 or more (found: “%(value)s”)")
            else:
                message = _("must be a whole number from 0 to %(max)s (found: “%(value)s”)")
            self.error(key, message % {"value": value, "max": maximum})
            return None
        return number

    def day(self, key: str) -> date | None:
        text = self.text(self.raw.get(key), key)
        if text is None:
            return None
        iso, german = ISO_DATE.match(text), GERMAN_DATE.match(text)
        try:
            if iso:
                day = date(int(iso[1]), int(iso[2]), int(iso[3]))
            elif german:
                day = date(int(german[3]), int(german[2]), int(german[1]))
            else:
                raise ValueError(text)
        except ValueError:
            self.error(
                key,
                _("“%(value)s” is not a date such as 2026-11-22 or 22.11.2026") % {"value": text},
            )
            return None
        if day > timezone.localdate():
            self.error(key, _("the date %(value)s lies in the future") % {"value": text})
            return None
        return day

    def email(self, value: Any, path: str, limit: int | None) -> str:
        text = self.text(value, path, max_length=limit)
        if text is None:
            return ""
        try:
            validate_email(text)
        except ValidationError:
            self.error(path, _("“%(value)s” is not a valid e-mail address") % {"value": text})
            return ""
        return text

    def coordinate(self, value: Any, path: str, bounds: tuple[Decimal, Decimal]) -> Decimal | None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not COORDINATE.match(value.strip()):
            self.error(
                path,
                _("must be a decimal number such as 51.28660 (found: “%(value)s”)")
                % {"value": "" if value is None else value},
            )
            return None
        number = Decimal(value.strip().replace(",", ".")).quantize(Decimal("0.00001"))
        return number if bounds[0] <= number <= bounds[1] else OUTSIDE


# A coordinate that is a number but lies outside Germany; reported once per location.
OUTSIDE = Decimal("NaN")
