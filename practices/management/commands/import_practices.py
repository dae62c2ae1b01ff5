"""Import practices from a JSON file (format: docs/import-format.md)."""

from typing import NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.progress import step_reporter
from practices.transfer import ImportAborted, import_plan, practices_import, records_load

# Progress lines per import, whatever its size.


class Command(BaseCommand):
    help = "Import practices from a JSON file; all or nothing (see docs/import-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON file with a list of practices")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only check the file; write nothing.",
        )

    def handle(self, *args, file, dry_run=False, verbosity=1, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._import(file, dry_run=dry_run, verbosity=verbosity)

    def _import(self, path: str, *, dry_run: bool, verbosity: int) -> None:
        try:
            records = records_load(path)
            if verbosity:
                self.stdout.write(
                    ngettext(
                        "Checking %(count)s record …", "Checking %(count)s records …", len(records)
                    )
                    % {"count": len(records)}
                )
            plan = import_plan(records)
        except ImportAborted as aborted:
            self._abort(aborted)

        if dry_run:
            self.stdout.write(
                _(
                    "Check passed. New: %(created)s, to update: %(updated)s, "
                    "new Jobcenters: %(jobcenters)s. Nothing was written (--dry-run)."
                )
                % {
                    "created": plan.creates,
                    "updated": plan.updates,
                    "jobcenters": len(plan.new_jobcenters),
                }
            )
            return

        progress = step_reporter(
            self.stdout.write,
            total=len(plan.practices),
            message=_("Practices written: %(done)s/%(total)s (%(percent)s %%)"),
            enabled=bool(verbosity),
        )

        try:
            result = practices_import(plan=plan, progress=progress)
        except ImportAborted as aborted:
            self._abort(aborted)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Import finished. Practices created: %(created)s, updated: %(updated)s; "
                    "Jobcenters added to the directory: %(jobcenters)s."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "jobcenters": result.jobcenters_created,
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
