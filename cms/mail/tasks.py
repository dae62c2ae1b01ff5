"""Background tasks of outgoing e-mail (Django tasks API, see ``services``)."""

from django_tasks import task


@task()
def deliver_email(email_id: int) -> bool:
    from .services import email_deliver

    return email_deliver(email_id=email_id)
