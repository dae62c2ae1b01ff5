"""“Ähnliche Themen”: existing topics close in meaning to one a member is still writing.

The knowledge index finds the neighbours by meaning (``search.similar``, which keeps to the
member's audience tokens); the forum's permission handler still has the last word, and a topic
whose question is hidden or deleted is never suggested.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import TITLE_MAX_LENGTH, Topic
from .permissions import ForumPermissions

# Below this many characters a text says too little to compare meanings.
MIN_TEXT_LENGTH = 10
# The opening of a question carries its meaning (the index embeds topics the same way).
BODY_PREFIX_LENGTH = 500
SIMILAR_TOPICS = 5
# Asked for beyond those shown: the forum's own checks may still drop some.
CANDIDATES = 2 * SIMILAR_TOPICS


def similar_text(title: str, body: str) -> str:
    return " ".join(f"{title[:TITLE_MAX_LENGTH]}\n{body[:BODY_PREFIX_LENGTH]}".split())


def similar_topics(*, title: str, body: str, permissions: ForumPermissions) -> list[Topic]:
    """Up to ``SIMILAR_TOPICS`` topics the member may read, closest in meaning first."""
    text = similar_text(title, body)
    readable = permissions.readable_category_ids()
    if len(text) < MIN_TEXT_LENGTH or not readable:
        return []
    from search.similar import similar_documents

    found = similar_documents(user=permissions.user, text=text, types=["topic"], limit=CANDIDATES)
    ids = [int(item.object_id) for item in found if item.object_id.isdigit()]
    if not ids:
        return []
    topics = Topic.objects.filter(
        pk__in=ids,
        category_id__in=readable,
        first_post__is_hidden=False,
        first_post__is_deleted=False,
    ).select_related("category__parent")
    by_pk = {topic.pk: topic for topic in topics}
    return [by_pk[pk] for pk in ids if pk in by_pk][:SIMILAR_TOPICS]


def similar_status(*, topics: list[Topic], text_length: int) -> str:
    """What the “Ähnliche Themen” region announces after a search."""
    if text_length < MIN_TEXT_LENGTH:
        return _("Type at least %(count)d characters of title or text to see similar topics.") % {
            "count": MIN_TEXT_LENGTH
        }
    if not topics:
        return _("No similar topics found.")
    return ngettext(
        "%(count)d similar topic found", "%(count)d similar topics found", len(topics)
    ) % {"count": len(topics)}


def replies_label(topic: Topic) -> str:
    return ngettext("%(count)d reply", "%(count)d replies", topic.reply_count) % {
        "count": topic.reply_count
    }


def similar_result(*, title: str, body: str, permissions: ForumPermissions) -> dict:
    """The answer of the “Ähnliche Themen” endpoint and of the form's button alike."""
    topics = similar_topics(title=title, body=body, permissions=permissions)
    return {
        "status": similar_status(topics=topics, text_length=len(similar_text(title, body))),
        "results": [
            {
                "title": topic.title,
                "url": topic.get_absolute_url(),
                "category": str(topic.category),
                "replies": topic.reply_count,
                "replies_label": replies_label(topic),
            }
            for topic in topics
        ],
    }
