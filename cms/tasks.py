"""Background tasks of the site's pages (Django tasks API, see ``cms.mail.services``)."""

from django_tasks import task


@task()
def make_guide_pdf(page_id: int) -> bool:
    from .guide_pdf import guide_pdf_refresh

    return guide_pdf_refresh(page_id=page_id)


@task()
def run_command(name: str, args: list[str]) -> None:
    """A management command of the schedule (``cms.schedule``), run by the worker."""
    from django.core.management import call_command

    call_command(name, *args, verbosity=0)
