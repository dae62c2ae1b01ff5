"""Reading an import file: its text, and the list of raw records in it."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from .format import (
    BOM,
    CONTACT_KEYS,
    CSV_COLUMNS,
    CSV_LIST_SEPARATOR,
    EXCEL_DELIMITER,
    FORMULA,
    REQUIRED_FIELDS,
    SECTION_GERMAN_LABELS,
    SECTION_KEYS,
    ImportAborted,
    TransferError,
)


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
    """The records of a JSON import file (a ``.csv`` file: the CSV table); raises
    ``ImportAborted`` for unreadable files."""
    try:
        text = import_file_text(path)
    except UnreadableFile as unreadable:
        raise ImportAborted([TransferError(str(unreadable))]) from unreadable
    if Path(path).suffix.casefold() == ".csv":
        return records_parse_csv(text)
    return records_parse(text)


def records_parse(text: str) -> list[Any]:
    try:
        return json_list_parse(
            text,
            not_a_list=_(
                "The file must contain a list of practices at the top level "
                "([ {…}, {…} ]); found: %(type)s."
            ),
        )
    except UnreadableFile as unreadable:
        raise ImportAborted([TransferError(str(unreadable))]) from unreadable


def json_list_parse(text: str, *, not_a_list: str) -> list[Any]:
    """The list a JSON import file holds, or UnreadableFile with a German message;
    ``not_a_list`` (with ``%(type)s``) says what the file must contain instead."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            _("The file is not valid JSON: line %(line)s, column %(column)s: %(detail)s.")
            % {"line": error.lineno, "column": error.colno, "detail": error.msg}
        ) from error
    if not isinstance(data, list):
        raise UnreadableFile(not_a_list % {"type": json_type(data)})
    return data


def json_type(value: Any) -> str:
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
# The CSV table (export columns, one row per practice)

JSON = "json"
CSV = "csv"
FORMATS = (JSON, CSV)
# The spreadsheet row of the first practice: the header is row 1.
FIRST_CSV_ROW = 2
CSV_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
FIGURE_CELL = re.compile(r"^(?P<label>.*?):\s*(?P<value>.*?)(?:\s+\((?P<note>[^()]*)\))?$")
LIST_FIELDS = ("jobcenters", "topics", "target_groups", "phases")
SECTION_COLUMNS = {f"section_{key}": key for key in SECTION_KEYS}
CONTACT_COLUMNS = {f"contact_{key}": key for key in CONTACT_KEYS}


def upload_text(data: bytes, *, file_format: str) -> str:
    """The text of an uploaded file: UTF-8 with or without BOM; a CSV file that is not UTF-8 is
    read as Windows-1252, the encoding German Excel saves "CSV (Trennzeichen-getrennt)" in."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if file_format == CSV:
            return data.decode("cp1252", errors="replace")
        raise UnreadableFile(
            _("The file is not UTF-8 encoded (byte %(position)s).") % {"position": error.start + 1}
        ) from error


def records_from_text(text: str, *, file_format: str) -> list[Any]:
    """The raw records of a JSON or CSV import; raises ``ImportAborted`` for unreadable files."""
    if file_format == CSV:
        return records_parse_csv(text)
    return records_parse(text)


def records_parse_csv(text: str) -> list[dict[str, Any]]:
    """Records from the CSV table the export writes (semicolons or commas), so that the checks
    are the same as for JSON. Record n is spreadsheet row n + 1."""
    text = text.lstrip(BOM)
    first_line = text.split("\n", 1)[0]
    delimiter = EXCEL_DELIMITER if first_line.count(";") >= first_line.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportAborted(
            [
                TransferError(
                    _("The file is not a readable CSV table: %(detail)s.") % {"detail": error}
                )
            ]
        ) from error
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise ImportAborted([TransferError(_("The file is empty."))])
    header = [cell.strip() for cell in rows[0]]
    errors = [
        TransferError(
            _("Unknown column “%(column)s”. Allowed: %(allowed)s")
            % {"column": column, "allowed": ", ".join(CSV_COLUMNS)}
        )
        for column in header
        if column not in CSV_COLUMNS
    ]
    errors += [
        TransferError(_("The column “%(column)s” is missing.") % {"column": column})
        for column in REQUIRED_FIELDS
        if column not in header
    ]
    if errors:
        raise ImportAborted(errors)
    records = []
    for number, row in enumerate(rows[1:], start=1):
        if len(row) > len(header):
            errors.append(
                TransferError(
                    _("has %(cells)s cells, but the header has only %(columns)s columns")
                    % {"cells": len(row), "columns": len(header)},
                    record=number,
                )
            )
            continue
        cells = {column: _csv_cell(value) for column, value in zip(header, row, strict=False)}
        records.append(_csv_record(cells))
    if errors:
        raise ImportAborted(errors)
    return records


def csv_column(path: str) -> str:
    """The CSV column holding the record field ``path`` (``partners[2].type`` → ``partners``)."""
    match = re.match(r"^([a-z_]+)(?:\[\d+\])?(?:\.(\w+))?", path)
    if match is None:
        return path
    name, key = match.groups()
    if name == "sections" and key:
        return f"section_{SECTION_GERMAN_LABELS.get(key.casefold(), key)}"
    if name == "contact" and key:
        return f"contact_{key}"
    return name


def _csv_cell(value: str) -> str:
    value = value.replace("\r\n", "\n").strip()
    # The export protects formula-like cells with an apostrophe; the import takes it off again.
    if value.startswith("'") and FORMULA.match(value[1:]):
        return value[1:]
    return value


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(CSV_LIST_SEPARATOR.strip()) if part.strip()]


def _csv_date(value: str) -> str:
    # Excel turns ISO dates into its own TT.MM.JJJJ when it saves the table again.
    match = CSV_DATE.match(value)
    if match is None:
        return value
    day, month, year = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _csv_record(cells: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key in ("external_id", "title", "teaser", "status", "visibility"):
        if cells.get(key):
            record[key] = cells[key]
    for key in ("start", "end"):
        if cells.get(key):
            record[key] = _csv_date(cells[key])
    for key in LIST_FIELDS:
        if cells.get(key):
            record[key] = _split(cells[key])
    lands = _split(cells.get("bundesland", ""))
    if cells.get("supra_regional", "").casefold() in ("ja", "yes", "1", "x"):
        record["bundesland"] = lands
    elif len(lands) == 1:
        record["bundesland"] = lands[0]
    partners = []
    for part in _split(cells.get("partners", "")):
        partner_type, colon, name = part.partition(":")
        partners.append(
            {"type": partner_type.strip(), "name": name.strip()} if colon else {"name": part}
        )
    if partners:
        record["partners"] = partners
    figures = []
    for part in _split(cells.get("figures", "")):
        match = FIGURE_CELL.match(part)
        if match is None:
            figures.append({"label": part})
            continue
        figure = {"label": match["label"].strip(), "value": match["value"].strip()}
        if match["note"]:
            figure["note"] = match["note"].strip()
        figures.append(figure)
    if figures:
        record["figures"] = figures
    sections = {key: cells[column] for column, key in SECTION_COLUMNS.items() if cells.get(column)}
    if sections:
        record["sections"] = sections
    contact = {key: cells[column] for column, key in CONTACT_COLUMNS.items() if cells.get(column)}
    if contact:
        record["contact"] = contact
    return record
