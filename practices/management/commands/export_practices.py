"""Export the live practices as JSON (re-importable) or CSV (for spreadsheets)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from practices.transfer import (
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
            try:
                # newline="": the text has its line endings already; no translation on Windows.
                with open(output, "w", encoding="utf-8", newline="") as stream:
                    stream.write(text)
            except OSError as error:
                raise CommandError(
                    _("Cannot write “%(path)s”: %(detail)s")
                    % {"path": output, "detail": error.strerror}
                ) from error
            if verbosity:
                self.stdout.write(
                    ngettext(
                        "%(count)s practice exported to %(path)s.",
                        "%(count)s practices exported to %(path)s.",
                        len(records),
                    )
                    % {"count": len(records), "path": output}
                )
