"""Export the live practices as JSON (re-importable) or CSV (for spreadsheets)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import ngettext

from practices.transfer import (
    export_file_write,
    practices_export_csv,
    practices_export_json,
    practices_export_records,
)

# CSV: semicolons, BOM and CRLF, for a double-click in German Excel.
WRITERS = {"json": practices_export_json, "csv": practices_export_csv}


class Command(BaseCommand):
    help = "Export all live practices as JSON or CSV (see docs/import-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(WRITERS), default="json")
        parser.add_argument("--output", "-o", help="File to write; standard output by default.")

    def handle(self, *args, format="json", output=None, verbosity=1, **options):
        with translation.override(settings.LANGUAGE_CODE):
            records = practices_export_records()
            text = WRITERS[format](records)
            if output is None:
                self.stdout.write(text, ending="")
                return
            export_file_write(output, text)
            if verbosity:
                self.stdout.write(
                    ngettext(
                        "%(count)s practice exported to %(path)s.",
                        "%(count)s practices exported to %(path)s.",
                        len(records),
                    )
                    % {"count": len(records), "path": output}
                )
