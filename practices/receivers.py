from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import PracticePage
from .services import practice_notify_submitter


@receiver(page_published, sender=PracticePage, dispatch_uid="practices.notify_submitter")
def notify_submitter_on_publish(sender, instance, **kwargs) -> None:
    if instance.submitted_by_id and not instance.submitter_notified:
        transaction.on_commit(lambda: practice_notify_submitter(page=instance))
