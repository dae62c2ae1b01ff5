"""Export of the live practices: JSON records the import reads back, and a CSV table."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.core.management.base import CommandError
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.models import PageViewRestriction

from ..content import richtext_to_text
from ..models import Jobcenter, PracticePage, PracticePartner
from .format import (
    BOM,
    CONTACT_FIELDS,
    CONTACT_KEYS,
    CSV_COLUMNS,
    CSV_LIST_SEPARATOR,
    EXCEL_DELIMITER,
    FORMULA,
    SECTION_KEYS,
)


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


def practices_export_records(*, page_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """The live practices as import records; importing them recreates the same content.

    ``page_ids`` limits the export to these practices, in this order (a filtered list).
    """
    restricted_paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    pages = practices_export_queryset()
    if page_ids is not None:
        by_id = {page.pk: page for page in pages.filter(pk__in=page_ids)}
        pages = [by_id[pk] for pk in page_ids if pk in by_id]
    return [practice_export_record(page, restricted_paths=restricted_paths) for page in pages]


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


def practices_export_csv(records: list[dict[str, Any]]) -> str:
    """One row per practice, as German Excel opens it by double-click: the BOM makes it read UTF-8
    (umlauts) instead of ANSI, the semicolon is its list separator (a comma puts every row
    into one cell), and it expects Windows line ends. The CSV import reads it back."""
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=EXCEL_DELIMITER, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow([csv_safe(value) for value in csv_row(record)])
    return BOM + stream.getvalue()


def practices_export_xlsx(records: list[dict[str, Any]]) -> bytes:
    """The CSV table as an Excel workbook: the same columns, every cell text."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Praxisbeispiele")
    sheet.append(CSV_COLUMNS)
    for record in records:
        sheet.append([_text_cell(sheet, value) for value in csv_row(record)])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _text_cell(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    # A text cell is never run, so unlike CSV it needs no apostrophe before "=…".
    cell.data_type = "s"
    return cell


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


def csv_safe(value: str) -> str:
    return f"'{value}" if FORMULA.match(value) else value


def export_file_write(path: str, text: str) -> None:
    """Write an export to ``path`` as it is: UTF-8 and its own line ends (no translation on
    Windows). Raises ``CommandError`` with a German message when the file cannot be written."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as error:
        raise CommandError(
            _("Cannot write “%(path)s”: %(detail)s") % {"path": path, "detail": error.strerror}
        ) from error
