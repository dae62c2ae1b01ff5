"""Send the queued e-mails that are due: those whose sending failed and waits for its retry.

Production runs it every few minutes from a timer (cron or a systemd timer) beside the task
worker; it is safe to run at any time and several times at once.
"""

from django.core.management.base import BaseCommand

from cms.mail.services import email_retry


class Command(BaseCommand):
    help = "Sends queued e-mails whose time for another attempt has come."

    def add_arguments(self, parser):
        parser.add_argument(
            "--given-up",
            action="store_true",
            help="Also try again the e-mails given up after too many failed attempts.",
        )

    def handle(self, *args, **options):
        result = email_retry(given_up=options["given_up"])
        self.stdout.write(
            f"E-Mails: {result.sent} gesendet, {result.failed} nicht gesendet, "
            f"{result.waiting} warten, {result.given_up} aufgegeben"
        )
