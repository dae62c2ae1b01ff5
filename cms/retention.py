"""Deletion of stored personal data after the periods the Datenschutz page states.

``personal_data_purge`` runs daily through ``manage.py schedule``; each period is a setting,
and the Datenschutz text (``cms.legal_demo``) states the same figures.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .legal import accessibility_feedback_purge


def login_records_purge(*, now: datetime | None = None) -> int:
    """Delete the login records of axes older than AXES_RECORD_RETENTION_DAYS.

    Attempts (the lock-out counters, by last attempt), failure logs and the log of successful
    logins all hold a user name, an address and a browser; a lock-out lasts an hour, so an
    attempt that old no longer locks anyone out."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    cutoff = (now or timezone.now()) - timedelta(days=settings.AXES_RECORD_RETENTION_DAYS)
    deleted = 0
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        _total, per_model = model.objects.filter(attempt_time__lt=cutoff).delete()
        # Not the rows deleted with them (an attempt's expiry), which are no record of their own.
        deleted += per_model.get(model._meta.label, 0)
    return deleted


def import_runs_purge(*, now: datetime | None = None) -> int:
    """Delete the practice imports that ended more than IMPORT_RUN_RETENTION_DAYS ago.

    A run names who started it and keeps the file name and the error rows, which may quote the
    file's contact data. Queued and running runs are kept whatever their age: the worker still
    writes to them, and their page is where an editor follows the import."""
    from practices.models import ImportRun

    cutoff = (now or timezone.now()) - timedelta(days=settings.IMPORT_RUN_RETENTION_DAYS)
    ended = Q(finished_at__lt=cutoff) | Q(finished_at__isnull=True, created_at__lt=cutoff)
    finished = ImportRun.objects.filter(status__in=[ImportRun.Status.DONE, ImportRun.Status.FAILED])
    _total, per_model = finished.filter(ended).delete()
    return per_model.get(ImportRun._meta.label, 0)


def personal_data_purge(*, now: datetime | None = None) -> dict[str, int]:
    """Every deletion of the Datenschutz page's periods; the number deleted of each."""
    now = now or timezone.now()
    return {
        "login_records": login_records_purge(now=now),
        "accessibility_feedback": accessibility_feedback_purge(today=timezone.localdate(now)),
        "import_runs": import_runs_purge(now=now),
    }
