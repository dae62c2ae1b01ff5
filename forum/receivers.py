from django.db.models.signals import post_migrate
from django.dispatch import receiver

from . import notifications, signals, watching
from .permissions import ensure_default_permissions


@receiver(post_migrate, dispatch_uid="forum.ensure_default_permissions")
def default_permissions_after_migrate(sender, app_config=None, **kwargs) -> None:
    # The forum's own tables exist once its migrations ran; the defaults are only ever added.
    if app_config is not None and app_config.label == "forum":
        ensure_default_permissions()


# Community: writing in a topic watches it; new posts and new mentions notify.


@receiver(signals.topic_created, dispatch_uid="forum.topic_created.community")
def topic_created(sender, topic, post, **kwargs) -> None:
    watching.watch_auto(user=post.author, topic=topic)
    notifications.notify_post(post=post, new_topic=True)


@receiver(signals.post_created, dispatch_uid="forum.post_created.community")
def post_created(sender, post, **kwargs) -> None:
    watching.watch_auto(user=post.author, topic=post.topic)
    notifications.notify_post(post=post)


@receiver(signals.post_edited, dispatch_uid="forum.post_edited.community")
def post_edited(sender, post, **kwargs) -> None:
    notifications.notify_mentions(post=post)
