"""Confirmed imports in the admin, written by the task worker with their progress.

The confirm view stores the checked file in an ``ImportRun`` and enqueues ``import_run_task``;
the worker checks the file again (the data may have changed in the meantime) and writes it in
one transaction with ``practices_import``, all or nothing. The run's page reads the progress
from the row.

The progress is written beside the import's transaction, through a connection of its own, so
that the page sees it while the transaction is open. SQLite allows one writer at a time, and
the import holds it: there the progress is written inside the transaction and shows at the end
(the embedded database serves development, where the immediate task backend writes within the
request anyway).
"""

from __future__ import annotations

import logging
import math
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.progress import STEPS

from .models import ImportRun
from .transfer import (
    CSV,
    ImportAborted,
    TransferError,
    csv_column,
    import_plan,
    practices_import,
    records_from_text,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ErrorRow:
    where: str
    field: str
    message: str


def error_rows(errors: list[TransferError], *, file_format: str) -> list[ErrorRow]:
    """Errors as the table shows them: CSV by spreadsheet row and column, JSON by record."""
    rows = []
    for error in errors:
        if error.record is None:
            where = _("File")
        elif file_format == CSV:
            where = _("Row %(number)s") % {"number": error.record + 1}
        else:
            where = _("Record %(number)s") % {"number": error.record}
        field = error.field or ""
        if field and file_format == CSV:
            field = csv_column(field)
        rows.append(ErrorRow(where=where, field=field or "–", message=error.message))
    return rows


def import_run_create(*, user, text: str, file_format: str, file_name: str) -> ImportRun:
    """Store a checked file as a queued run and hand it to the task worker."""
    from .tasks import import_run_task

    run = ImportRun.objects.create(
        user=user, file_name=file_name, file_format=file_format, source=text
    )
    # The database backend writes the task in the caller's transaction, so the worker never
    # finds a task without its run; the immediate backend writes the practices right here.
    import_run_task.enqueue(run.pk)
    return run


def import_run_execute(*, run_id: int) -> str:
    """Check and write the file of a queued run; a run that started already is left alone, so
    a task delivered twice imports once. Returns the run's final status."""
    started = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).update(
        status=ImportRun.Status.RUNNING, started_at=timezone.now()
    )
    if not started:
        return ""
    run = ImportRun.objects.get(pk=run_id)
    # The worker has no request to take a language from; the messages are for the Redaktion.
    with translation.override(settings.LANGUAGE_CODE):
        try:
            plan = import_plan(records_from_text(run.source, file_format=run.file_format))
            run.total = len(plan.practices)
            run.save(update_fields=["total"])
            with _ProgressWriter(run) as progress:
                result = practices_import(plan=plan, progress=progress)
        except ImportAborted as aborted:
            rows = error_rows(aborted.errors, file_format=run.file_format)
            return _finish(
                run, ImportRun.Status.FAILED, done=0, errors=[asdict(row) for row in rows]
            )
        except Exception:
            logger.exception("Import run %s failed.", run_id)
            return _finish(
                run,
                ImportRun.Status.FAILED,
                done=0,
                message=_(
                    "The import stopped because of an unexpected error; nothing was written. "
                    "Please try again later or ask the technical team."
                ),
            )
    return _finish(
        run,
        ImportRun.Status.DONE,
        done=run.total,
        created=result.created,
        updated=result.updated,
        jobcenters_created=result.jobcenters_created,
    )


def _finish(run: ImportRun, status: str, **values) -> str:
    values.update(status=status, source="", finished_at=timezone.now())
    for name, value in values.items():
        setattr(run, name, value)
    run.save(update_fields=list(values))
    return status


class _ProgressWriter:
    """The ``progress(done, total)`` callback of a run: about twenty writes, whatever its size."""

    def __init__(self, run: ImportRun):
        self.run = run
        self.step = max(1, math.ceil(run.total / STEPS))
        self.connection = None

    def __enter__(self):
        if connection.vendor != "sqlite":
            self.connection = connections.create_connection(DEFAULT_DB_ALIAS)
        return self

    def __exit__(self, *exc_info):
        if self.connection is not None:
            self.connection.close()

    def __call__(self, done: int, total: int) -> None:
        if done % self.step and done != total:
            return
        if self.connection is None:
            ImportRun.objects.filter(pk=self.run.pk).update(done=done)
            return
        table = connection.ops.quote_name(ImportRun._meta.db_table)
        with self.connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET done = %s WHERE id = %s", [done, self.run.pk])
