"""Every forum, workshop and barcamp session of a published event gets its proposal board, so
that the organisers can open it on the site without a step in the admin."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import Board, EventPage, EventSession, SessionKind

# Talks and plenary sessions collect no proposals.
KINDS_WITH_BOARD = (SessionKind.FORUM, SessionKind.WORKSHOP, SessionKind.BARCAMP)


@receiver(page_published, dispatch_uid="events.boards_for_sessions")
def boards_for_sessions(sender, instance, **kwargs) -> None:
    if not isinstance(instance, EventPage):
        return
    missing = EventSession.objects.filter(
        page_id=instance.pk, kind__in=KINDS_WITH_BOARD, board__isnull=True
    )
    Board.objects.bulk_create([Board(session=session) for session in missing])
