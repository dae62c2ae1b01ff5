"""Import offers with their providers from HSDS-style JSON or the CSV table; all or nothing."""

from typing import NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.progress import step_reporter
from offers.transfer import (
    FORMATS,
    ImportAborted,
    file_read,
    format_of,
    import_plan,
    offers_import,
)

# Progress lines per import, whatever its size.


class Command(BaseCommand):
    help = "Import offers from a JSON (HSDS-style) or CSV file; all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON or CSV file with providers and their offers")
        parser.add_argument(
            "--format",
            choices=FORMATS,
            help="Format of the file; by default CSV for *.csv, otherwise JSON.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only check the file; write nothing."
        )

    def handle(self, *args, file, format=None, dry_run=False, verbosity=1, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._import(file, format=format_of(file, format), dry_run=dry_run, verbosity=verbosity)

    def _import(self, path: str, *, format: str, dry_run: bool, verbosity: int) -> None:
        try:
            read = file_read(path, format=format)
            if verbosity:
                count = sum(len(organization.services) for organization in read.organizations)
                self.stdout.write(
                    ngettext("Checking %(count)s offer …", "Checking %(count)s offers …", count)
                    % {"count": count}
                )
            plan = import_plan(read)
        except ImportAborted as aborted:
            self._abort(aborted)

        if dry_run:
            self.stdout.write(
                _(
                    "Check passed. New offers: %(created)s, existing offers: %(matched)s. "
                    "Nothing was written (--dry-run)."
                )
                % {"created": plan.creates, "matched": plan.matches}
            )
            return

        progress = step_reporter(
            self.stdout.write,
            total=len(plan.offers),
            message=_("Offers written: %(done)s/%(total)s (%(percent)s %%)"),
            enabled=bool(verbosity),
        )

        try:
            result = offers_import(plan=plan, progress=progress)
        except ImportAborted as aborted:
            self._abort(aborted)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Import finished. Offers created: %(created)s, updated: %(updated)s, "
                    "unchanged: %(unchanged)s; providers created: %(providers_created)s, "
                    "updated: %(providers_updated)s."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "providers_created": result.providers_created,
                    "providers_updated": result.providers_updated,
                }
            )
        )

    def _abort(self, aborted: ImportAborted) -> NoReturn:
        for error in aborted.errors:
            self.stderr.write(str(error))
        raise CommandError(
            ngettext(
                "Import aborted: %(count)s error; nothing was written.",
                "Import aborted: %(count)s errors; nothing was written.",
                len(aborted.errors),
            )
            % {"count": len(aborted.errors)}
        ) from aborted
