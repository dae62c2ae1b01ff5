"""The recurring work of the site, handed to the task worker at its time.

One place for everything that runs on a clock: scheduled publishing and expiry of pages, the
daily forum digest, the safety nets of the mail queue and the search index, and the clean-up of
finished task results, of the search log and of the personal data whose storage period is over.
``manage.py schedule`` (a service beside ``db_worker``) enqueues each job when it is due; the
worker runs it like any other task. Every job is safe to run twice, so a restart of the
scheduler, which forgets when it last ran a job, costs nothing.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class Job:
    command: str
    args: tuple[str, ...] = ()
    every: timedelta | None = None
    daily_at: time | None = None

    @property
    def name(self) -> str:
        return " ".join((self.command, *self.args))

    def is_due(self, now: datetime, last_run: datetime | None) -> bool:
        if self.every is not None:
            return last_run is None or now - last_run >= self.every
        local = timezone.localtime(now)
        today_at = local.replace(
            hour=self.daily_at.hour, minute=self.daily_at.minute, second=0, microsecond=0
        )
        if local < today_at:
            return False
        return last_run is None or timezone.localtime(last_run) < today_at


def jobs() -> list[Job]:
    digest_at = time.fromisoformat(settings.FORUM_DIGEST_TIME)
    scheduled = [
        Job("publish_scheduled", every=timedelta(minutes=1)),
        Job("email_retry", every=timedelta(minutes=5)),
        Job("search_index", ("sync",), every=timedelta(minutes=5)),
        Job("forum_digest", daily_at=digest_at),
        Job("search_log_purge", daily_at=time(3, 15)),
        # The periods the Datenschutz page states: login records, answered accessibility feedback.
        Job("personal_data_purge", daily_at=time(3, 45)),
        Job("offers_confirmation", daily_at=time(9, 0)),
        # Daily: each weekly saved search is mailed once its own week is over.
        Job("alerts_weekly", daily_at=time(7, 0)),
    ]
    if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        # Only the database queue keeps results that need clearing.
        scheduled.append(Job("prune_db_task_results", daily_at=time(3, 30)))
    return scheduled


def due_jobs(
    *, now: datetime, last_runs: dict[str, datetime], started: datetime | None = None
) -> list[Job]:
    """The jobs to enqueue at ``now``. A daily job whose time had passed before the scheduler
    ``started`` waits for the next day, so that a restart does not send a second digest."""
    due = []
    for job in jobs():
        last_run = last_runs.get(job.name)
        if last_run is None and job.daily_at is not None and started is not None:
            last_run = started
        if job.is_due(now, last_run):
            due.append(job)
    return due


def enqueue(job_list: Iterable[Job]) -> list[str]:
    from .tasks import run_command

    names = []
    for job in job_list:
        run_command.enqueue(job.command, list(job.args))
        names.append(job.name)
    return names
