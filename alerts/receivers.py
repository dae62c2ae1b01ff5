import logging
from functools import partial

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from search.registry import builder_for

from .models import Frequency, SavedSearch

logger = logging.getLogger(__name__)


def _enqueue(*, page_id: int) -> None:
    from .tasks import send_page_alerts

    try:
        send_page_alerts.enqueue(page_id=page_id)
    except Exception:  # alerts must never break the publishing that caused them
        logger.exception("Queueing the alerts for page %s failed.", page_id)


@receiver(page_published, dispatch_uid="alerts.page_published")
def page_published_alerts(sender, instance, **kwargs) -> None:
    # Only what the knowledge search indexes can match a saved search; the task runs after
    # the commit, when the page and its index entry are there for every reader.
    if builder_for(instance) is None:
        return
    if not SavedSearch.objects.filter(frequency=Frequency.IMMEDIATE).exists():
        return
    transaction.on_commit(partial(_enqueue, page_id=instance.pk), robust=True)
