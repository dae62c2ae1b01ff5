"""Background tasks of the practice library (Django tasks API, see ``cms.mail.services``)."""

from django_tasks import task


@task()
def import_run_task(run_id: int) -> str:
    """Write the file of a confirmed import (``practices.import_runs``)."""
    from .import_runs import import_run_execute

    return import_run_execute(run_id=run_id)
