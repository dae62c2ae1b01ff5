from django.conf import settings
from django.core.management.base import BaseCommand

from search.log import search_log_purge


class Command(BaseCommand):
    help = (
        "Deletes search log entries older than SEARCH_LOG_RETENTION_DAYS. Runs daily through "
        "`manage.py schedule`; safe to run at any time."
    )

    def handle(self, *args, **options):
        deleted = search_log_purge()
        self.stdout.write(
            f"Suchprotokoll: {deleted} Einträge gelöscht "
            f"(älter als {settings.SEARCH_LOG_RETENTION_DAYS} Tage)"
        )
