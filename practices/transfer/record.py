"""Reading the values of one raw record, collecting errors instead of stopping at the first."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from cms.validators import has_control_characters

from .format import ISO_DATE, TransferError
from .lookups import TermLookup, allowed
from .reading import json_type


class Record:
    """Reads one raw record, collecting errors instead of stopping at the first."""

    def __init__(self, number: int, raw: dict, errors: list[TransferError]):
        self.number = number
        self.raw = raw
        self.errors = errors

    def error(self, field_path: str | None, message: str) -> None:
        self.errors.append(TransferError(message, record=self.number, field=field_path))

    def text(
        self,
        value: Any,
        path: str,
        *,
        max_length: int | None = None,
        required: bool = False,
        numbers: bool = False,
        single_line: bool = True,
    ) -> str | None:
        """A stripped string, or None when absent/empty (an error when ``required``).

        Only multi-line texts (``single_line=False``: teaser, sections) may hold line breaks.
        """
        if numbers and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(path, _("is required and must not be empty"))
            return None
        if not isinstance(value, str):
            if numbers:
                self.error(path, _("must be text or a number (found: %(type)s)") % typed(value))
            else:
                self.error(path, _("must be text (found: %(type)s)") % typed(value))
            return None
        value = value.strip()
        if single_line and has_control_characters(value):
            self.error(path, _("must be a single line without line breaks or control characters"))
            return None
        if max_length is not None and len(value) > max_length:
            self.error(
                path,
                _("is too long (%(length)s characters, at most %(max)s)")
                % {"length": len(value), "max": max_length},
            )
            return None
        return value

    def list(self, value: Any, path: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, _("must be a list […] (found: %(type)s)") % typed(value))
            return []
        return value

    def object(self, value: Any, path: str, keys: Iterable[str]) -> dict | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(path, _("must be an object {…} (found: %(type)s)") % typed(value))
            return None
        keys = tuple(keys)
        for key in value:
            if key not in keys:
                self.error(
                    f"{path}.{key}",
                    _("unknown field. Allowed: %(allowed)s") % {"allowed": ", ".join(keys)},
                )
        return value

    def terms(self, lookup: TermLookup, name: str) -> list:
        found = []
        for position, value in enumerate(self.list(self.raw.get(name), name), start=1):
            path = f"{name}[{position}]"
            text = self.text(value, path, required=True)
            if text is None:
                continue
            row = lookup.find(text)
            if row is None:
                self.error(path, unknown(text, allowed(lookup)))
            elif row not in found:
                found.append(row)
        return found

    def date(self, name: str) -> date | None:
        text = self.text(self.raw.get(name), name)
        if text is None:
            return None
        try:
            if not ISO_DATE.match(text):
                raise ValueError(text)
            return date.fromisoformat(text)
        except ValueError:
            self.error(
                name,
                _("“%(value)s” is not a date in the form YYYY-MM-DD (e.g. 2024-03-01)")
                % {"value": text},
            )
            return None


def typed(value: Any) -> dict[str, str]:
    return {"type": json_type(value)}


def unknown(value: str, allowed: str) -> str:
    return _("unknown value “%(value)s”. Allowed: %(allowed)s") % {
        "value": value,
        "allowed": allowed,
    }
