import time as clock

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.schedule import due_jobs, enqueue, jobs


class Command(BaseCommand):
    help = (
        "Hands the site's recurring work (scheduled publishing, forum digest, mail and search "
        "index safety nets, task clean-up) to the task worker when it is due. Runs until "
        "stopped; run exactly one, as a service beside `db_worker`. --once enqueues every job "
        "now and ends."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue every job once, then end.")
        parser.add_argument(
            "--interval", type=int, default=30, help="Seconds between looks at the clock."
        )

    def handle(self, *args, **options):
        if options["once"]:
            for name in enqueue(jobs()):
                self.stdout.write(f"eingereiht: {name}")
            return
        started = timezone.now()
        last_runs: dict = {}
        while True:
            now = timezone.now()
            for job in due_jobs(now=now, last_runs=last_runs, started=started):
                enqueue([job])
                last_runs[job.name] = now
                if options["verbosity"] > 1:
                    self.stdout.write(f"eingereiht: {job.name}")
            clock.sleep(options["interval"])
