"""Side effects of publishing the site's own pages, run after the commit."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from wagtail.signals import page_published

from .guide_pdf import guide_pdf_enqueue
from .models import GuidePage


@receiver(page_published, sender=GuidePage, dispatch_uid="cms.make_guide_pdf")
def make_guide_pdf_on_publish(sender, instance, **kwargs) -> None:
    """Make the PDF now, so that the guide page can show its size and need not wait for it."""
    if instance.pdf_id:
        return
    transaction.on_commit(partial(guide_pdf_enqueue, page_id=instance.pk), robust=True)


@receiver(post_migrate, dispatch_uid="cms.site_record_sync")
def site_record_follows_site_url(sender, app_config=None, **kwargs) -> None:
    if app_config is not None and app_config.label == "wagtailcore":
        from .site_url import site_record_sync

        site_record_sync()
