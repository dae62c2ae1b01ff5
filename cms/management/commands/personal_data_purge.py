from django.conf import settings
from django.core.management.base import BaseCommand

from cms.retention import personal_data_purge


class Command(BaseCommand):
    help = (
        "Deletes login records older than AXES_RECORD_RETENTION_DAYS and accessibility "
        "feedback answered more than ACCESSIBILITY_FEEDBACK_RETENTION_DAYS ago and practice "
        "imports finished more than IMPORT_RUN_RETENTION_DAYS ago. Runs daily "
        "through `manage.py schedule`; safe to run at any time."
    )

    def handle(self, *args, **options):
        deleted = personal_data_purge()
        self.stdout.write(
            f"Anmeldeprotokolle: {deleted['login_records']} Einträge gelöscht "
            f"(älter als {settings.AXES_RECORD_RETENTION_DAYS} Tage)"
        )
        self.stdout.write(
            f"Rückmeldungen zur Barrierefreiheit: {deleted['accessibility_feedback']} gelöscht "
            f"(beantwortet vor mehr als {settings.ACCESSIBILITY_FEEDBACK_RETENTION_DAYS} Tagen)"
        )
        self.stdout.write(
            f"Importe von Praxisbeispielen: {deleted['import_runs']} gelöscht "
            f"(abgeschlossen vor mehr als {settings.IMPORT_RUN_RETENTION_DAYS} Tagen)"
        )
