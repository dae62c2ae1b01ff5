from django.core.management.base import BaseCommand

from forum.notifications import send_digests


class Command(BaseCommand):
    help = (
        "Queues the daily forum digests (and immediate e-mails that could not be queued) "
        "for sending; a mail server that is away delays them until `email_retry`. "
        "Safe to run again: nobody receives the same notification twice."
    )

    def handle(self, *args, **options):
        def progress(user, sent: int) -> None:
            if sent and options["verbosity"] > 1:
                self.stdout.write(f"  {user.username}: {sent} E-Mail")

        result = send_digests(progress=progress)
        self.stdout.write(
            f"Forum-Zusammenfassungen: {result.emails} E-Mails an {result.members} Mitglieder"
            + (f", {result.failed} fehlgeschlagen" if result.failed else "")
        )
        if result.failed:
            self.stderr.write(
                "Einige E-Mails konnten nicht erstellt werden; der nächste Lauf versucht es erneut."
            )
