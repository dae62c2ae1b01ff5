"""The forum in the knowledge search: one document per topic, for the readers of its category.

Who may read a topic is the forum's decision (``forum.permissions``), made per category: the
document carries the token of its category and ``cms.access.user_tokens`` asks the forum
which categories a member reads. Hidden and deleted posts are left out of the document, so
no search result, total, facet or highlight shows them.
"""

from django.db.models import Prefetch, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from cms import access
from search import registry
from search.builders import (
    DocumentBuilder,
    IndexEntry,
    VisibilityContext,
    html_to_text,
    related_objects,
)
from search.indexing import outbox_record


def category_token(category_id: int) -> str:
    return f"forum:{category_id}"


def user_category_tokens(user) -> list[str]:
    from .permissions import readable_category_ids

    return [category_token(pk) for pk in sorted(readable_category_ids(user))]


class TopicBuilder(DocumentBuilder):
    """Forum topics: title, question and the visible answers."""

    doc_type = "topic"
    label = _("Forum topic")
    TEASER_LENGTH = 300

    def __init__(self, model) -> None:
        self.model = model

    def queryset(self, *, live_only: bool = True) -> QuerySet:
        from .models import Post

        posts = Post.objects.filter(is_deleted=False, is_hidden=False).only(
            "topic_id", "body_html", "number"
        )
        return (
            self.model.objects.select_related("category")
            .prefetch_related("fields_of_action", Prefetch("posts", queryset=posts))
            .order_by("pk")
        )

    def build(self, obj, context: VisibilityContext) -> IndexEntry | None:
        posts = sorted(related_objects(obj, "posts"), key=lambda post: post.number)
        texts = [html_to_text(post.body_html) for post in posts]
        question = texts[0] if posts and posts[0].number == 1 else ""
        answers = texts[1:] if question else texts
        teaser = (
            question
            if len(question) <= self.TEASER_LENGTH
            else (question[: self.TEASER_LENGTH].rsplit(" ", 1)[0] + " …")
        )
        topics = related_objects(obj, "fields_of_action")
        return self.entry(
            obj.pk,
            title=obj.title,
            teaser=teaser,
            # A topic means what its question asks; answers drift.
            embedding_text=f"{obj.title}\n{question}",
            body=" ".join(answers),
            url=obj.get_absolute_url(),
            date=obj.last_activity_at,
            visibility=(category_token(obj.category_id),),
            keywords=" ".join([obj.category.name, *(topic.name for topic in topics)]),
            facets={"type": [self.doc_type], "topic": [topic.slug for topic in topics]},
        )


# A new, edited, hidden or deleted post changes its topic's document; so do moves.
def _topic_changed(sender, instance, **kwargs) -> None:
    outbox_record(objects=[instance])


def _post_changed(sender, instance, **kwargs) -> None:
    from .models import Topic

    topic = Topic.objects.filter(pk=instance.topic_id).first()
    if topic is not None:
        outbox_record(objects=[topic])


def _topic_taxonomy_changed(sender, instance, action, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        outbox_record(objects=[instance])


def register() -> None:
    from .models import Post, Topic

    registry.register(TopicBuilder(Topic), position=40)
    access.register_token_provider(user_category_tokens)
    post_save.connect(_topic_changed, sender=Topic, dispatch_uid="forum.search.topic_saved")
    post_save.connect(_post_changed, sender=Post, dispatch_uid="forum.search.post_saved")
    post_delete.connect(_post_changed, sender=Post, dispatch_uid="forum.search.post_deleted")
    m2m_changed.connect(
        _topic_taxonomy_changed,
        sender=Topic.fields_of_action.through,
        dispatch_uid="forum.search.fields_of_action",
    )
