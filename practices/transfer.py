"""Import and export of practices in the exchange format described in docs/import-format.md.

The import runs in two stages so that it is all-or-nothing: ``import_plan`` checks every
record against reference data loaded once (no writes, no query per value) and either returns a
plan or raises ``ImportAborted`` with every error; ``practices_import`` then writes the plan in
one transaction.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from wagtail.models import PageViewRestriction

from cms.access import page_set_staff_only
from cms.validators import has_control_characters

from .blocks import SECTIONS
from .models import (
    Bundesland,
    Jobcenter,
    PartnerType,
    PracticeFigure,
    PracticeIndexPage,
    PracticePage,
    PracticePartner,
    PracticeStatus,
    ProcessPhase,
    TargetGroup,
    Topic,
)
from .reference import term_slug
from .services import richtext_to_text, text_to_richtext

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
SLUG_MAX_LENGTH = 200


def _max_length(model: type[models.Model], field_name: str) -> int:
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


# ---------------------------------------------------------------------------------------------
# Reading the file


class UnreadableFile(Exception):
    """An import file that cannot be read at all; the message says why, in German."""


def import_file_text(path: str | Path) -> str:
    """The text of an import file (UTF-8, with or without a byte-order mark: Windows editors
    and our own CSV export write one); raises ``UnreadableFile``."""
    path = Path(path)
    if not path.exists():
        raise UnreadableFile(_("File “%(path)s” not found.") % {"path": path})
    if not path.is_file():
        raise UnreadableFile(_("“%(path)s” is not a file.") % {"path": path})
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            _("The file is not UTF-8 encoded (byte %(position)s).") % {"position": error.start + 1}
        ) from error
    except OSError as error:
        raise UnreadableFile(
            _("The file cannot be read: %(detail)s") % {"detail": error.strerror}
        ) from error


def records_load(path: str | Path) -> list[Any]:
    """The records of a JSON import file; raises ``ImportAborted`` for unreadable files."""
    try:
        text = import_file_text(path)
    except UnreadableFile as unreadable:
        raise ImportAborted([TransferError(str(unreadable))]) from unreadable
    return records_parse(text)


def records_parse(text: str) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportAborted(
            [
                TransferError(
                    _("The file is not valid JSON: line %(line)s, column %(column)s: %(detail)s.")
                    % {"line": error.lineno, "column": error.colno, "detail": error.msg}
                )
            ]
        ) from error
    if not isinstance(data, list):
        raise ImportAborted(
            [
                TransferError(
                    _(
                        "The file must contain a list of practices at the top level "
                        "([ {…}, {…} ]); found: %(type)s."
                    )
                    % {"type": _json_type(data)}
                )
            ]
        )
    return data


def _json_type(value: Any) -> str:
    if isinstance(value, dict):
        return _("JSON object")
    if isinstance(value, str):
        return _("JSON text")
    if isinstance(value, bool):
        return _("JSON true/false")
    if isinstance(value, int | float):
        return _("JSON number")
    if value is None:
        return "null"
    return _("JSON list")


# ---------------------------------------------------------------------------------------------
# Reference data, loaded once per import


class _TermLookup:
    """Finds a row by name or slug, ignoring case and spelling of umlauts, from one query."""

    def __init__(self, rows: Iterable[Any], *, names: Callable[[Any], Iterable[str]]):
        self.rows = list(rows)
        self.by_key: dict[str, Any] = {}
        self.by_slug: dict[str, Any] = {}
        for row in self.rows:
            for key in names(row):
                self.by_key.setdefault(key.casefold(), row)
            self.by_slug.setdefault(row.slug, row)

    def find(self, value: str) -> Any | None:
        value = value.strip()
        return self.by_key.get(value.casefold()) or self.by_slug.get(term_slug(value))


class _BundeslandLookup:
    def __init__(self):
        self.rows = list(Bundesland.objects.all())
        self.by_key: dict[str, Bundesland] = {}
        for row in self.rows:
            for key in (row.code, row.name, term_slug(row.name)):
                self.by_key[key.casefold()] = row

    def find(self, value: str) -> Bundesland | None:
        value = value.strip()
        return self.by_key.get(value.casefold()) or self.by_key.get(term_slug(value))

    def allowed(self) -> str:
        codes = ", ".join(sorted(row.code for row in self.rows))
        return _("%(codes)s or the full name of the Land") % {"codes": codes}


def _term_names(row) -> tuple[str, str]:
    return (row.name, row.slug)


@dataclass
class NewJobcenter:
    """A Jobcenter named in the file but not in the directory; created when the plan is written."""

    name: str
    slug: str
    bundesland: Bundesland
    record: int


class _Lookups:
    def __init__(self):
        self.statuses = _TermLookup(PracticeStatus.objects.all(), names=_term_names)
        self.topics = _TermLookup(Topic.objects.all(), names=_term_names)
        self.target_groups = _TermLookup(TargetGroup.objects.all(), names=_term_names)
        self.phases = _TermLookup(ProcessPhase.objects.all(), names=_term_names)
        self.partner_types = _TermLookup(PartnerType.objects.all(), names=_term_names)
        self.bundeslaender = _BundeslandLookup()
        self.jobcenters = _TermLookup(
            Jobcenter.objects.select_related("bundesland"), names=_term_names
        )
        self.jobcenter_slugs = {row.slug for row in self.jobcenters.rows}
        self.new_jobcenters: dict[str, NewJobcenter] = {}


def _allowed(lookup: _TermLookup) -> str:
    return ", ".join(row.name for row in lookup.rows)


# ---------------------------------------------------------------------------------------------
# Checking records


@dataclass
class PracticeData:
    """A checked record, with every reference resolved to a row (or a Jobcenter to create)."""

    number: int
    title: str
    teaser: str
    external_id: str | None = None
    jobcenters: list[Jobcenter | NewJobcenter] = field(default_factory=list)
    supra_regional: bool = False
    bundeslaender: list[Bundesland] = field(default_factory=list)
    status: PracticeStatus | None = None
    start_date: date | None = None
    end_date: date | None = None
    topics: list[Topic] = field(default_factory=list)
    target_groups: list[TargetGroup] = field(default_factory=list)
    phases: list[ProcessPhase] = field(default_factory=list)
    partners: list[tuple[PartnerType, str]] = field(default_factory=list)
    sections: list[tuple[str, str]] = field(default_factory=list)
    figures: list[tuple[str, str, str]] = field(default_factory=list)
    contact: dict[str, str] = field(default_factory=dict)
    staff_only: bool = False
    page: PracticePage | None = None
    slug: str = ""


@dataclass
class ImportPlan:
    index: PracticeIndexPage
    practices: list[PracticeData]
    new_jobcenters: list[NewJobcenter]

    @property
    def creates(self) -> int:
        return sum(1 for practice in self.practices if practice.page is None)

    @property
    def updates(self) -> int:
        return len(self.practices) - self.creates


class _Record:
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
                self.error(path, _("must be text or a number (found: %(type)s)") % _typed(value))
            else:
                self.error(path, _("must be text (found: %(type)s)") % _typed(value))
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
            self.error(path, _("must be a list […] (found: %(type)s)") % _typed(value))
            return []
        return value

    def object(self, value: Any, path: str, keys: Iterable[str]) -> dict | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(path, _("must be an object {…} (found: %(type)s)") % _typed(value))
            return None
        keys = tuple(keys)
        for key in value:
            if key not in keys:
                self.error(
                    f"{path}.{key}",
                    _("unknown field. Allowed: %(allowed)s") % {"allowed": ", ".join(keys)},
                )
        return value

    def terms(self, lookup: _TermLookup, name: str) -> list:
        found = []
        for position, value in enumerate(self.list(self.raw.get(name), name), start=1):
            path = f"{name}[{position}]"
            text = self.text(value, path, required=True)
            if text is None:
                continue
            row = lookup.find(text)
            if row is None:
                self.error(path, _unknown(text, _allowed(lookup)))
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


def _typed(value: Any) -> dict[str, str]:
    return {"type": _json_type(value)}


def _unknown(value: str, allowed: str) -> str:
    return _("unknown value “%(value)s”. Allowed: %(allowed)s") % {
        "value": value,
        "allowed": allowed,
    }


def import_plan(records: list[Any]) -> ImportPlan:
    """Check every record; returns what to write, or raises ``ImportAborted`` with all errors."""
    errors: list[TransferError] = []
    index = PracticeIndexPage.objects.first()
    if index is None:
        errors.append(
            TransferError(
                _(
                    "There is no practice index page to add practices to. "
                    "Create the page “Praxisbeispiele” first."
                )
            )
        )
    lookups = _Lookups()
    seen_external_ids: dict[str, int] = {}
    checked = [
        _check_record(number, raw, lookups, errors, seen_external_ids)
        for number, raw in enumerate(records, start=1)
    ]
    practices = [practice for practice in checked if practice is not None]
    existing = {
        page.external_id: page
        for page in PracticePage.objects.filter(external_id__in=list(seen_external_ids))
    }
    taken_slugs = set(index.get_children().values_list("slug", flat=True)) if index else set()
    for practice in practices:
        practice.page = existing.get(practice.external_id) if practice.external_id else None
        if practice.page is None:
            practice.slug = _unique_slug(practice.title, taken_slugs, default="praxisbeispiel")
    if errors:
        raise ImportAborted(errors)
    return ImportPlan(
        index=index, practices=practices, new_jobcenters=list(lookups.new_jobcenters.values())
    )


def _unique_slug(text: str, taken: set[str], *, default: str) -> str:
    base = term_slug(text)[:SLUG_MAX_LENGTH].strip("-") or default
    slug, counter = base, 2
    while slug in taken:
        suffix = f"-{counter}"
        slug, counter = f"{base[: SLUG_MAX_LENGTH - len(suffix)]}{suffix}", counter + 1
    taken.add(slug)
    return slug


def _check_record(
    number: int,
    raw: Any,
    lookups: _Lookups,
    errors: list[TransferError],
    seen_external_ids: dict[str, int],
) -> PracticeData | None:
    if not isinstance(raw, dict):
        errors.append(
            TransferError(_("must be an object {…} (found: %(type)s)") % _typed(raw), record=number)
        )
        return None
    errors_before = len(errors)
    record = _Record(number, raw, errors)
    for key in raw:
        if key not in FIELDS:
            record.error(
                key, _("unknown field. Allowed: %(allowed)s") % {"allowed": ", ".join(FIELDS)}
            )

    title = record.text(
        raw.get("title"), "title", required=True, max_length=_max_length(PracticePage, "title")
    )
    teaser = record.text(
        raw.get("teaser"),
        "teaser",
        required=True,
        max_length=_max_length(PracticePage, "teaser"),
        single_line=False,
    )
    practice = PracticeData(number=number, title=title or "", teaser=teaser or "")

    external_id = record.text(
        raw.get("external_id"),
        "external_id",
        numbers=True,
        max_length=_max_length(PracticePage, "external_id"),
    )
    if external_id is not None:
        if external_id in seen_external_ids:
            record.error(
                "external_id",
                _("“%(value)s” already appears in record %(other)s; each practice needs its own")
                % {"value": external_id, "other": seen_external_ids[external_id]},
            )
        else:
            seen_external_ids[external_id] = number
        practice.external_id = external_id

    _check_places(record, practice, lookups)

    status = record.text(raw.get("status"), "status")
    if status is not None:
        practice.status = lookups.statuses.find(status)
        if practice.status is None:
            record.error("status", _unknown(status, _allowed(lookups.statuses)))
    practice.start_date = record.date("start")
    practice.end_date = record.date("end")
    if practice.start_date and practice.end_date and practice.end_date < practice.start_date:
        record.error(
            "end",
            _("the end (%(end)s) is before the start (%(start)s)")
            % {"end": practice.end_date.isoformat(), "start": practice.start_date.isoformat()},
        )

    practice.topics = record.terms(lookups.topics, "topics")
    practice.target_groups = record.terms(lookups.target_groups, "target_groups")
    practice.phases = record.terms(lookups.phases, "phases")
    _check_partners(record, practice, lookups)
    _check_sections(record, practice)
    _check_figures(record, practice)
    _check_contact(record, practice)

    visibility = record.text(raw.get("visibility"), "visibility")
    if visibility is not None:
        if visibility.casefold() not in VISIBILITIES:
            record.error("visibility", _unknown(visibility, ", ".join(VISIBILITIES)))
        practice.staff_only = visibility.casefold() == "staff"

    return practice if len(errors) == errors_before else None


def _check_places(record: _Record, practice: PracticeData, lookups: _Lookups) -> None:
    """Jobcenters and Länder; see docs/import-format.md for how the two interact."""
    raw = record.raw.get("bundesland")
    lands: list[Bundesland] = []
    land_is_list = isinstance(raw, list)
    if land_is_list:
        for position, value in enumerate(raw, start=1):
            path = f"bundesland[{position}]"
            text = record.text(value, path, required=True)
            if text is None:
                continue
            land = lookups.bundeslaender.find(text)
            if land is None:
                record.error(path, _unknown(text, lookups.bundeslaender.allowed()))
            elif land not in lands:
                lands.append(land)
    elif raw is not None and not isinstance(raw, str):
        record.error(
            "bundesland",
            _("must be text or a list of texts (found: %(type)s)") % _typed(raw),
        )
    else:
        text = record.text(raw, "bundesland")
        if text is not None:
            land = lookups.bundeslaender.find(text)
            if land is None:
                record.error("bundesland", _unknown(text, lookups.bundeslaender.allowed()))
            else:
                lands.append(land)
    # The Land new Jobcenters of this record are created in, when the record names exactly one.
    record_land = lands[0] if len(lands) == 1 else None

    jobcenters: list[Jobcenter | NewJobcenter] = []
    for position, value in enumerate(record.list(record.raw.get("jobcenters"), "jobcenters"), 1):
        path = f"jobcenters[{position}]"
        own_land = None
        if isinstance(value, dict):
            record.object(value, path, JOBCENTER_KEYS)
            name = record.text(
                value.get("name"),
                f"{path}.name",
                required=True,
                max_length=_max_length(Jobcenter, "name"),
            )
            land_text = record.text(value.get("bundesland"), f"{path}.bundesland")
            if land_text is not None:
                own_land = lookups.bundeslaender.find(land_text)
                if own_land is None:
                    record.error(
                        f"{path}.bundesland", _unknown(land_text, lookups.bundeslaender.allowed())
                    )
                    continue
        elif value is None or isinstance(value, str):
            name = record.text(
                value, path, required=True, max_length=_max_length(Jobcenter, "name")
            )
        else:
            record.error(
                path,
                _("must be a Jobcenter name or an object {“name”, “bundesland”} (found: %(type)s)")
                % _typed(value),
            )
            continue
        if name is None:
            continue
        jobcenter = lookups.jobcenters.find(name) or _new_jobcenter(
            record, path, name, own_land or record_land, lookups
        )
        if jobcenter is not None and jobcenter not in jobcenters:
            jobcenters.append(jobcenter)
    practice.jobcenters = jobcenters

    # A list names the Länder by hand; a single Land without Jobcenters is also chosen by hand,
    # otherwise the Länder follow from the Jobcenters when the page is saved.
    practice.supra_regional = land_is_list or (bool(lands) and not jobcenters)
    practice.bundeslaender = lands if practice.supra_regional else []


def _new_jobcenter(
    record: _Record, path: str, name: str, land: Bundesland | None, lookups: _Lookups
) -> NewJobcenter | None:
    known = lookups.new_jobcenters.get(name.casefold())
    if known is not None:
        if land is not None and land != known.bundesland:
            record.error(
                path,
                _(
                    "the new Jobcenter “%(name)s” is already created in %(land)s by record "
                    "%(other)s; the same Jobcenter cannot lie in %(this)s"
                )
                % {
                    "name": name,
                    "land": known.bundesland.name,
                    "other": known.record,
                    "this": land.name,
                },
            )
            return None
        return known
    if land is None:
        record.error(
            path,
            _(
                "“%(name)s” is not in the Jobcenter directory. To create it, give exactly one "
                "“bundesland” for the record, or the Jobcenter as "
                "{“name”: “…”, “bundesland”: “NW”}"
            )
            % {"name": name},
        )
        return None
    slug = _unique_slug(name, lookups.jobcenter_slugs, default="jobcenter")
    new = NewJobcenter(name=name, slug=slug, bundesland=land, record=record.number)
    lookups.new_jobcenters[name.casefold()] = new
    return new


def _check_partners(record: _Record, practice: PracticeData, lookups: _Lookups) -> None:
    max_name = _max_length(PracticePartner, "name")
    for position, value in enumerate(record.list(record.raw.get("partners"), "partners"), 1):
        path = f"partners[{position}]"
        if value is None:
            record.error(path, _("is required and must not be empty"))
            continue
        value = record.object(value, path, PARTNER_KEYS)
        if value is None:
            continue
        type_text = record.text(value.get("type"), f"{path}.type", required=True)
        partner_type = None
        if type_text is not None:
            partner_type = lookups.partner_types.find(type_text)
            if partner_type is None:
                record.error(f"{path}.type", _unknown(type_text, _allowed(lookups.partner_types)))
        name = record.text(value.get("name"), f"{path}.name", required=True, max_length=max_name)
        if partner_type is not None and name is not None:
            practice.partners.append((partner_type, name))


def _check_sections(record: _Record, practice: PracticeData) -> None:
    sections = record.raw.get("sections")
    if sections is None:
        return
    if not isinstance(sections, dict):
        record.error("sections", _("must be an object {…} (found: %(type)s)") % _typed(sections))
        return
    texts: dict[str, str] = {}
    given_as: dict[str, str] = {}
    for given, value in sections.items():
        path = f"sections.{given}"
        key = given.strip()
        key = key if key in SECTION_KEYS else SECTION_GERMAN_LABELS.get(key.casefold())
        if key is None:
            record.error(
                path,
                _("unknown section. Allowed: %(keys)s or the German labels %(labels)s")
                % {
                    "keys": ", ".join(SECTION_KEYS),
                    "labels": ", ".join(label.capitalize() for label in SECTION_GERMAN_LABELS),
                },
            )
            continue
        if key in given_as:
            record.error(
                path,
                _("the section is given twice (also as “%(other)s”)") % {"other": given_as[key]},
            )
            continue
        given_as[key] = given
        text = record.text(value, path, single_line=False)
        if text is not None:
            texts[key] = text
    # The reading order of the page, whatever the order in the file.
    practice.sections = [(key, texts[key]) for key in SECTION_KEYS if key in texts]


def _check_figures(record: _Record, practice: PracticeData) -> None:
    limits = {key: _max_length(PracticeFigure, key) for key in FIGURE_KEYS}
    for position, value in enumerate(record.list(record.raw.get("figures"), "figures"), 1):
        path = f"figures[{position}]"
        if value is None:
            record.error(path, _("is required and must not be empty"))
            continue
        value = record.object(value, path, FIGURE_KEYS)
        if value is None:
            continue
        label = record.text(
            value.get("label"), f"{path}.label", required=True, max_length=limits["label"]
        )
        number = record.text(
            value.get("value"),
            f"{path}.value",
            required=True,
            numbers=True,
            max_length=limits["value"],
        )
        note = record.text(value.get("note"), f"{path}.note", max_length=limits["note"])
        if label is not None and number is not None:
            practice.figures.append((label, number, note or ""))


def _check_contact(record: _Record, practice: PracticeData) -> None:
    contact = record.object(record.raw.get("contact"), "contact", CONTACT_KEYS)
    if not contact:
        return
    for key, model_field in CONTACT_FIELDS.items():
        path = f"contact.{key}"
        text = record.text(
            contact.get(key), path, max_length=_max_length(PracticePage, model_field)
        )
        if text is None:
            continue
        if key == "email":
            try:
                validate_email(text)
            except ValidationError:
                record.error(path, _("“%(value)s” is not a valid e-mail address") % {"value": text})
                continue
        practice.contact[key] = text


# ---------------------------------------------------------------------------------------------
# Writing


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    jobcenters_created: int


Progress = Callable[[int, int], None]


@transaction.atomic
def practices_import(*, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
    """Write a checked plan: new Jobcenters first, then every practice as a published revision."""
    created_jobcenters: dict[int, Jobcenter] = {}
    for new in plan.new_jobcenters:
        jobcenter = Jobcenter(name=new.name, slug=new.slug, bundesland=new.bundesland)
        jobcenter.full_clean()
        jobcenter.save()
        created_jobcenters[id(new)] = jobcenter

    total = len(plan.practices)
    for done, practice in enumerate(plan.practices, start=1):
        try:
            _practice_write(plan.index, practice, created_jobcenters)
        except ValidationError as error:
            # Only a rule the checks do not know about gets here; the transaction rolls back.
            raise ImportAborted(
                [TransferError("; ".join(error.messages), record=practice.number)]
            ) from error
        if progress is not None:
            progress(done, total)
    return ImportResult(
        created=plan.creates, updated=plan.updates, jobcenters_created=len(created_jobcenters)
    )


def _practice_write(
    index: PracticeIndexPage, practice: PracticeData, created_jobcenters: dict[int, Jobcenter]
) -> PracticePage:
    page = practice.page
    if page is None:
        page = PracticePage(slug=practice.slug, live=False)
    page.title = practice.title
    page.teaser = practice.teaser
    page.external_id = practice.external_id
    page.supra_regional = practice.supra_regional
    page.start_date = practice.start_date
    page.end_date = practice.end_date
    page.status = practice.status
    for key, model_field in CONTACT_FIELDS.items():
        setattr(page, model_field, practice.contact.get(key, ""))
    page.jobcenters = [
        created_jobcenters[id(jobcenter)] if isinstance(jobcenter, NewJobcenter) else jobcenter
        for jobcenter in practice.jobcenters
    ]
    page.bundeslaender = practice.bundeslaender
    page.topics = practice.topics
    page.target_groups = practice.target_groups
    page.phases = practice.phases
    page.partners = [
        PracticePartner(partner_type=partner_type, name=name, sort_order=position)
        for position, (partner_type, name) in enumerate(practice.partners)
    ]
    page.figures = [
        PracticeFigure(label=label, value=value, note=note, sort_order=position)
        for position, (label, value, note) in enumerate(practice.figures)
    ]
    # The file owns the text sections; images, quotes and downloads added in the admin stay.
    kept = [
        (block.block_type, block.value)
        for block in page.body
        if block.block_type not in SECTION_KEYS
    ]
    page.body = [(key, text_to_richtext(text)) for key, text in practice.sections] + kept

    if page.pk is None:
        index.add_child(instance=page)
    # Restrict before publishing, so nothing reacting to the publication sees it as public.
    if practice.staff_only or practice.page is not None:
        page_set_staff_only(page, practice.staff_only)
    page.save_revision(log_action=True).publish()
    return page


# ---------------------------------------------------------------------------------------------
# Export


def practices_export_queryset():
    """Every live practice with what the export writes, in a fixed number of queries."""
    return (
        PracticePage.objects.live()
        .select_related("status")
        .prefetch_related(
            "topics",
            "target_groups",
            "phases",
            "bundeslaender",
            Prefetch("jobcenters", queryset=Jobcenter.objects.select_related("bundesland")),
            Prefetch("partners", queryset=PracticePartner.objects.select_related("partner_type")),
            "figures",
        )
        .order_by("path")
    )


def practices_export_records() -> list[dict[str, Any]]:
    """The live practices as import records; importing them recreates the same content."""
    restricted_paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    return [
        practice_export_record(page, restricted_paths=restricted_paths)
        for page in practices_export_queryset()
    ]


def practice_export_record(page: PracticePage, *, restricted_paths: list[str]) -> dict[str, Any]:
    jobcenters = list(page.jobcenters.all())
    lands = [land.code for land in page.bundeslaender.all()]
    if page.supra_regional:
        # A single Land without Jobcenters reads back as chosen by hand; anything else needs a list.
        bundesland: str | list[str] | None = (
            lands[0] if len(lands) == 1 and not jobcenters else lands
        )
    else:
        jobcenter_lands = sorted({jobcenter.bundesland.code for jobcenter in jobcenters})
        bundesland = jobcenter_lands[0] if len(jobcenter_lands) == 1 else None
    record_land = bundesland if isinstance(bundesland, str) else None
    if isinstance(bundesland, list) and len(bundesland) == 1:
        record_land = bundesland[0]

    sections: dict[str, list[str]] = {}
    for block in page.body:
        if block.block_type in SECTION_KEYS:
            text = richtext_to_text(block.value.source)
            if text:
                sections.setdefault(block.block_type, []).append(text)
    contact = {
        key: getattr(page, model_field)
        for key, model_field in CONTACT_FIELDS.items()
        if getattr(page, model_field)
    }
    return {
        "external_id": page.external_id,
        "title": page.title,
        "teaser": page.teaser,
        # A Jobcenter carries its own Land where the record's Land would not recreate it.
        "jobcenters": [
            jobcenter.name
            if jobcenter.bundesland.code == record_land
            else {"name": jobcenter.name, "bundesland": jobcenter.bundesland.code}
            for jobcenter in jobcenters
        ],
        "bundesland": bundesland,
        "status": page.status.name if page.status else None,
        "start": page.start_date.isoformat() if page.start_date else None,
        "end": page.end_date.isoformat() if page.end_date else None,
        "topics": [term.name for term in page.topics.all()],
        "target_groups": [term.name for term in page.target_groups.all()],
        "phases": [term.name for term in page.phases.all()],
        "partners": [
            {"type": partner.partner_type.name, "name": partner.name}
            for partner in page.partners.all()
        ],
        "sections": {key: "\n\n".join(sections[key]) for key in SECTION_KEYS if key in sections},
        "figures": [
            {
                "label": figure.label,
                "value": figure.value,
                **({"note": figure.note} if figure.note else {}),
            }
            for figure in page.figures.all()
        ],
        "contact": contact or None,
        "visibility": "staff"
        if any(page.path.startswith(path) for path in restricted_paths)
        else "public",
    }


def practices_export_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


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


def practices_export_csv(records: list[dict[str, Any]]) -> str:
    """One row per practice for spreadsheets; read-only, the import takes JSON."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow([_csv_safe(value) for value in csv_row(record)])
    return stream.getvalue()


def csv_row(record: dict[str, Any]) -> list[str]:
    lands = record["bundesland"]
    jobcenter_names = [
        jobcenter["name"] if isinstance(jobcenter, dict) else jobcenter
        for jobcenter in record["jobcenters"]
    ]
    if lands is None:
        lands = sorted(
            {
                jobcenter["bundesland"]
                for jobcenter in record["jobcenters"]
                if isinstance(jobcenter, dict)
            }
        )
    supra_regional = isinstance(lands, list) or (bool(lands) and not jobcenter_names)
    lands = [lands] if isinstance(lands, str) else lands
    contact = record["contact"] or {}
    join = CSV_LIST_SEPARATOR.join
    return [
        record["external_id"] or "",
        record["title"],
        record["teaser"],
        join(jobcenter_names),
        join(lands),
        "ja" if supra_regional else "nein",
        record["status"] or "",
        record["start"] or "",
        record["end"] or "",
        join(record["topics"]),
        join(record["target_groups"]),
        join(record["phases"]),
        join(f"{partner['type']}: {partner['name']}" for partner in record["partners"]),
        join(
            f"{figure['label']}: {figure['value']}"
            + (f" ({figure['note']})" if figure.get("note") else "")
            for figure in record["figures"]
        ),
        *[record["sections"].get(key, "") for key in SECTION_KEYS],
        *[contact.get(key, "") for key in CONTACT_KEYS],
        record["visibility"],
    ]


# Spreadsheets run cells that start like a formula; phone numbers such as +49 … stay as they are.
_FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s()./+-]*$))")


def _csv_safe(value: str) -> str:
    return f"'{value}" if _FORMULA.match(value) else value
