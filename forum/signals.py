"""Events of the forum, sent by the services once the change is saved.

Receivers (notifications, watching, the search outbox) belong in ``receivers.py`` of the app
that reacts and should only call services.
"""

from django.dispatch import Signal

# sender=Topic, topic=<Topic>, post=<first Post>
topic_created = Signal()
# sender=Post, post=<Post>; for replies only, the first post comes with topic_created
post_created = Signal()
# sender=Post, post=<Post>, editor=<User>, revision=<PostRevision>
post_edited = Signal()
# sender=Post, post=<Post>, actor=<User>
post_deleted = Signal()
# sender=Topic, topic=<Topic>, post=<Post or None>, actor=<User>
solution_changed = Signal()
