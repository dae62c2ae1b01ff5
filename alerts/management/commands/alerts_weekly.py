from django.core.management.base import BaseCommand

from alerts.services import send_weekly_digests


class Command(BaseCommand):
    help = (
        "Queues the weekly e-mails of saved searches whose last week is over. Run daily; "
        "safe to run again: nobody receives the same item twice."
    )

    def handle(self, *args, **options):
        def progress(saved, found: int) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"  {saved.user.username} – {saved.name}: {found} neu")

        result = send_weekly_digests(progress=progress)
        self.stdout.write(
            f"Suchaufträge: {result.searches} geprüft, {result.emails} E-Mails"
            + (f", {result.failed} fehlgeschlagen" if result.failed else "")
        )
        if result.failed:
            self.stderr.write("Einige Suchaufträge konnten nicht geprüft werden.")
