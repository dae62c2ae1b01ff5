"""Import and export of practices in the exchange format described in docs/import-format.md.

The import runs in two stages so that it is all-or-nothing: ``import_plan`` (checking) checks
every record against reference data loaded once (no writes, no query per value) and either
returns a plan or raises ``ImportAborted`` with every error; ``practices_import`` (writing) then
writes the plan in one transaction. Reading turns a JSON or CSV file into raw records; export
writes the live practices back in both formats.
"""

from .checking import ImportPlan, PracticeData, import_plan, unique_slug
from .export import (
    CSV_COLUMNS,
    FORMULA,
    csv_row,
    csv_safe,
    export_file_write,
    practice_export_record,
    practices_export_csv,
    practices_export_json,
    practices_export_queryset,
    practices_export_records,
    practices_export_xlsx,
)
from .format import FIELDS, ImportAborted, TransferError
from .lookups import NewJobcenter, TermLookup
from .reading import (
    CSV,
    FORMATS,
    JSON,
    UnreadableFile,
    csv_column,
    import_file_text,
    json_list_parse,
    json_type,
    records_from_text,
    records_load,
    records_parse,
    records_parse_csv,
    upload_text,
)
from .record import Record, typed
from .writing import ImportResult, Progress, practices_import

__all__ = [
    "export_file_write",
    "CSV",
    "CSV_COLUMNS",
    "FIELDS",
    "FORMATS",
    "FORMULA",
    "JSON",
    "csv_column",
    "csv_row",
    "csv_safe",
    "import_file_text",
    "import_plan",
    "ImportAborted",
    "ImportPlan",
    "ImportResult",
    "json_list_parse",
    "json_type",
    "NewJobcenter",
    "practice_export_record",
    "PracticeData",
    "practices_export_csv",
    "practices_export_json",
    "practices_export_queryset",
    "practices_export_records",
    "practices_export_xlsx",
    "practices_import",
    "Progress",
    "Record",
    "records_from_text",
    "records_load",
    "records_parse",
    "records_parse_csv",
    "TermLookup",
    "TransferError",
    "typed",
    "unique_slug",
    "UnreadableFile",
    "upload_text",
]
