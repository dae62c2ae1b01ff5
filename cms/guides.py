"""The Handlungshilfen: chapter anchors, the filterable index and what a guide page shows."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.access import visible_pages
from practices.models import Topic
from practices.reference import term_slug

from .magazine import embedded_practice_ids, related_practices

# Ids the page layout already uses; a chapter must not take them over.
RESERVED_ANCHORS = {"main", "inhalt", "toc-title"}


def chapter_anchor_ids(raw_chapters) -> list[str]:
    """One unique, stable id per chapter: the editor's anchor, else the slugified title."""
    anchors: list[str] = []
    for item in raw_chapters:
        value = item.get("value") or {}
        base = term_slug(value.get("anchor") or "") or term_slug(value.get("title") or "")
        base = base or "kapitel"
        if base in RESERVED_ANCHORS:
            base = f"{base}-kapitel"
        anchor, number = base, 2
        while anchor in anchors:
            anchor, number = f"{base}-{number}", number + 1
        anchors.append(anchor)
    return anchors


def chapter_anchors(chapters) -> list[dict]:
    """The table of contents: anchor, title and the chapter block, in reading order."""
    anchors = chapter_anchor_ids(chapters.raw_data)
    return [
        {"anchor": anchor, "title": block.value["title"], "block": block}
        for anchor, block in zip(anchors, chapters, strict=True)
    ]


def guide_context(*, guide, user) -> dict:
    return {
        "toc": guide.table_of_contents,
        "related_practices": related_practices(
            page=guide, user=user, exclude_ids=embedded_practice_ids(guide.chapters.raw_data)
        ),
    }


class GuideFilterForm(forms.Form):
    handlungsfeld = forms.ChoiceField(
        label=_("Field of action"),
        required=False,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a known field of action. All guides are shown.")
        },
    )

    def __init__(self, *args, topics: list[Topic], **kwargs):
        super().__init__(*args, **kwargs)
        # Validated against the loaded list, so nothing a reader types reaches a database query.
        self.fields["handlungsfeld"].choices = [("", _("All fields of action"))] + [
            (topic.slug, topic.name) for topic in topics
        ]


def guide_list(*, index_page, user, topic: Topic | None):
    from .models import GuidePage

    queryset = GuidePage.objects.live().child_of(index_page)
    if topic is not None:
        queryset = queryset.filter(topics=topic)
    queryset = queryset.prefetch_related("topics").order_by("title", "pk")
    return list(visible_pages(queryset, user))


def guide_index_context(request, *, index_page) -> dict:
    topics = list(Topic.objects.all())
    form = GuideFilterForm(request.GET or None, topics=topics)
    topic = None
    if form.is_bound and form.is_valid() and form.cleaned_data["handlungsfeld"]:
        topic = next(t for t in topics if t.slug == form.cleaned_data["handlungsfeld"])
    return {
        "filter_form": form,
        "selected_topic": topic,
        "guides": guide_list(index_page=index_page, user=request.user, topic=topic),
    }
