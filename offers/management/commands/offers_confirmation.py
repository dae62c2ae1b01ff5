from django.core.management.base import BaseCommand

from offers.notifications import confirmation_requests_send


class Command(BaseCommand):
    help = (
        "Asks provider members by e-mail to confirm or update their offers once a year (offers "
        "last confirmed about eleven months ago, asked again after 30 days without an answer). "
        "Safe to run again: nobody is asked twice within 30 days."
    )

    def handle(self, *args, **options):
        def progress(member, count: int) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"  {member.username}: {count} Angebot(e)")

        result = confirmation_requests_send(progress=progress)
        self.stdout.write(
            f"Bestätigung der Angebote: {result.emails} E-Mails zu {result.offers} Angeboten"
        )
