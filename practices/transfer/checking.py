"""Checking import records: ``import_plan`` resolves every reference or raises ``ImportAborted``
with every error, and writes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from ..models import (
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
from ..reference import term_slug
from .format import (
    CONTACT_FIELDS,
    CONTACT_KEYS,
    FIELDS,
    FIGURE_KEYS,
    JOBCENTER_KEYS,
    PARTNER_KEYS,
    SECTION_GERMAN_LABELS,
    SECTION_KEYS,
    SLUG_MAX_LENGTH,
    VISIBILITIES,
    ImportAborted,
    TransferError,
    max_length,
)
from .lookups import Lookups, NewJobcenter, allowed
from .record import Record, typed, unknown


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
    lookups = Lookups()
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
            practice.slug = unique_slug(practice.title, taken_slugs, default="praxisbeispiel")
    if errors:
        raise ImportAborted(errors)
    return ImportPlan(
        index=index, practices=practices, new_jobcenters=list(lookups.new_jobcenters.values())
    )


def unique_slug(text: str, taken: set[str], *, default: str) -> str:
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
    lookups: Lookups,
    errors: list[TransferError],
    seen_external_ids: dict[str, int],
) -> PracticeData | None:
    if not isinstance(raw, dict):
        errors.append(
            TransferError(_("must be an object {…} (found: %(type)s)") % typed(raw), record=number)
        )
        return None
    errors_before = len(errors)
    record = Record(number, raw, errors)
    for key in raw:
        if key not in FIELDS:
            record.error(
                key, _("unknown field. Allowed: %(allowed)s") % {"allowed": ", ".join(FIELDS)}
            )

    title = record.text(
        raw.get("title"), "title", required=True, max_length=max_length(PracticePage, "title")
    )
    teaser = record.text(
        raw.get("teaser"),
        "teaser",
        required=True,
        max_length=max_length(PracticePage, "teaser"),
        single_line=False,
    )
    practice = PracticeData(number=number, title=title or "", teaser=teaser or "")

    external_id = record.text(
        raw.get("external_id"),
        "external_id",
        numbers=True,
        max_length=max_length(PracticePage, "external_id"),
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
            record.error("status", unknown(status, allowed(lookups.statuses)))
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
            record.error("visibility", unknown(visibility, ", ".join(VISIBILITIES)))
        practice.staff_only = visibility.casefold() == "staff"

    return practice if len(errors) == errors_before else None


def _check_places(record: Record, practice: PracticeData, lookups: Lookups) -> None:
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
                record.error(path, unknown(text, lookups.bundeslaender.allowed()))
            elif land not in lands:
                lands.append(land)
    elif raw is not None and not isinstance(raw, str):
        record.error(
            "bundesland",
            _("must be text or a list of texts (found: %(type)s)") % typed(raw),
        )
    else:
        text = record.text(raw, "bundesland")
        if text is not None:
            land = lookups.bundeslaender.find(text)
            if land is None:
                record.error("bundesland", unknown(text, lookups.bundeslaender.allowed()))
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
                max_length=max_length(Jobcenter, "name"),
            )
            land_text = record.text(value.get("bundesland"), f"{path}.bundesland")
            if land_text is not None:
                own_land = lookups.bundeslaender.find(land_text)
                if own_land is None:
                    record.error(
                        f"{path}.bundesland", unknown(land_text, lookups.bundeslaender.allowed())
                    )
                    continue
        elif value is None or isinstance(value, str):
            name = record.text(value, path, required=True, max_length=max_length(Jobcenter, "name"))
        else:
            record.error(
                path,
                _("must be a Jobcenter name or an object {“name”, “bundesland”} (found: %(type)s)")
                % typed(value),
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
    record: Record, path: str, name: str, land: Bundesland | None, lookups: Lookups
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
    slug = unique_slug(name, lookups.jobcenter_slugs, default="jobcenter")
    new = NewJobcenter(name=name, slug=slug, bundesland=land, record=record.number)
    lookups.new_jobcenters[name.casefold()] = new
    return new


def _check_partners(record: Record, practice: PracticeData, lookups: Lookups) -> None:
    max_name = max_length(PracticePartner, "name")
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
                record.error(f"{path}.type", unknown(type_text, allowed(lookups.partner_types)))
        name = record.text(value.get("name"), f"{path}.name", required=True, max_length=max_name)
        if partner_type is not None and name is not None:
            practice.partners.append((partner_type, name))


def _check_sections(record: Record, practice: PracticeData) -> None:
    sections = record.raw.get("sections")
    if sections is None:
        return
    if not isinstance(sections, dict):
        record.error("sections", _("must be an object {…} (found: %(type)s)") % typed(sections))
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


def _check_figures(record: Record, practice: PracticeData) -> None:
    limits = {key: max_length(PracticeFigure, key) for key in FIGURE_KEYS}
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


def _check_contact(record: Record, practice: PracticeData) -> None:
    contact = record.object(record.raw.get("contact"), "contact", CONTACT_KEYS)
    if not contact:
        return
    for key, model_field in CONTACT_FIELDS.items():
        path = f"contact.{key}"
        text = record.text(contact.get(key), path, max_length=max_length(PracticePage, model_field))
        if text is None:
            continue
        if key == "email":
            try:
                validate_email(text)
            except ValidationError:
                record.error(path, _("“%(value)s” is not a valid e-mail address") % {"value": text})
                continue
        practice.contact[key] = text
