"""Export the live offers as HSDS-style JSON or as the CSV table (see ``offers.transfer``)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import ngettext

from offers.transfer import offers_export_csv, offers_export_json, offers_export_records
from practices.transfer import export_file_write

WRITERS = {"json": offers_export_json, "csv": offers_export_csv}


class Command(BaseCommand):
    help = "Export all live offers with their providers as JSON (HSDS-style) or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(WRITERS), default="json")
        parser.add_argument("--output", "-o", help="File to write; standard output by default.")

    def handle(self, *args, format="json", output=None, verbosity=1, **options):
        with translation.override(settings.LANGUAGE_CODE):
            records = offers_export_records()
            text = WRITERS[format](records)
            if output is None:
                self.stdout.write(text, ending="")
                return
            export_file_write(output, text)
            if verbosity:
                count = sum(len(record["services"]) for record in records)
                self.stdout.write(
                    ngettext(
                        "%(count)s offer exported to %(path)s.",
                        "%(count)s offers exported to %(path)s.",
                        count,
                    )
                    % {"count": count, "path": output}
                )
