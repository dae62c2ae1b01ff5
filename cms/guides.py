"""The Handlungshilfen: chapter anchors, the filterable index and what a guide page shows."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.access import visible_pages
from practices.models import Topic
from practices.reference import term_slug

from .editorial_blocks import ANCHOR_MAX_LENGTH
from .guide_pdf import guide_pdf_link
from .magazine import embedded_practice_ids, related_practices

# Ids the page layout already uses; a chapter must not take them over.
RESERVED_ANCHORS = {"main", "inhalt", "toc-title"}


def _fitted(base: str, suffix: str = "") -> str:
    # The anchor is stored back into the chapter, so it must pass the chapter's own validation.
    return base[: ANCHOR_MAX_LENGTH - len(suffix)] + suffix


def chapter_anchor_ids(raw_chapters) -> list[str]:
    """One unique, stable id per chapter: the editor's anchor, else the slugified title."""
    anchors: list[str] = []
    for item in raw_chapters:
        value = item.get("value") or {}
        base = term_slug(value.get("anchor") or "") or term_slug(value.get("title") or "")
        base = base or "kapitel"
        if base in RESERVED_ANCHORS:
            base = f"{base}-kapitel"
        anchor, number = _fitted(base), 2
        while anchor in anchors:
            anchor, number = _fitted(base, f"-{number}"), number + 1
        anchors.append(anchor)
    return anchors


def chapter_anchors_store(chapters, *, saved: dict[str, str] | None = None) -> None:
    """Write every chapter's anchor into the chapter, so that a new title keeps its address.

    A chapter without an anchor takes the one it has on the saved page (``saved``, by block id),
    else the one its title gives. Once stored, renaming the chapter no longer moves it.
    """
    saved = saved or {}
    items = list(chapters.raw_data)
    anchors = chapter_anchor_ids(
        [
            {"value": {**value, "anchor": value.get("anchor") or saved.get(item.get("id"), "")}}
            for item in items
            for value in [item.get("value") or {}]
        ]
    )
    for position, (item, anchor) in enumerate(zip(items, anchors, strict=True)):
        value = item.get("value") or {}
        if value.get("anchor") != anchor:
            chapters.raw_data[position] = {**item, "value": {**value, "anchor": anchor}}


def saved_chapter_anchors(guide) -> dict[str, str]:
    """The anchors of the guide's chapters as last saved, by block id; readers know these."""
    if guide.pk is None or all(
        (item.get("value") or {}).get("anchor") for item in guide.chapters.raw_data
    ):
        return {}
    saved = type(guide).objects.filter(pk=guide.pk).values_list("chapters", flat=True).first()
    if not saved:
        return {}
    raw = list(saved.raw_data)
    return {
        item["id"]: anchor
        for item, anchor in zip(raw, chapter_anchor_ids(raw), strict=True)
        if item.get("id")
    }


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
        "pdf_download": guide_pdf_link(guide),
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
