from django.core.management.base import BaseCommand

from cms.demo import DEMO_PASSWORD, DEMO_USERS, load_demo


class Command(BaseCommand):
    help = "Load the demo content (safe to run again: existing content is left as it is)."

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 1
        load_demo(lambda line: self.stdout.write(f"  {line}") if verbose else None)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind geladen."))
        self.stdout.write(f"Demo-Zugänge (Passwort für alle: {DEMO_PASSWORD}):")
        for user in DEMO_USERS:
            role = "Administration" if user.superuser else user.group
            self.stdout.write(f"  {user.username:<14} {role}")
