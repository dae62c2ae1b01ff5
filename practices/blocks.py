"""The structured description of a practice: one block type per section of the template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from cms.blocks import ImageBlock, QuoteBlock

SECTION_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

# Key (used by import/export), label. The order is the reading order of a practice.
SECTIONS: list[tuple[str, str]] = [
    ("situation", _("Initial situation")),
    ("goals", _("Goals")),
    ("approach", _("Approach")),
    ("results", _("Results")),
    ("success_factors", _("Success factors")),
    ("pitfalls", _("Stumbling blocks")),
    ("transferability", _("Transferability")),
]


class SectionBlock(blocks.RichTextBlock):
    """A titled section; the practice template renders the label as its heading."""

    def __init__(self, label, **kwargs):
        super().__init__(label=label, features=SECTION_FEATURES, **kwargs)


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "blocks/document_block.html"


class PracticeBodyBlock(blocks.StreamBlock):
    situation = SectionBlock(SECTIONS[0][1])
    goals = SectionBlock(SECTIONS[1][1])
    approach = SectionBlock(SECTIONS[2][1])
    results = SectionBlock(SECTIONS[3][1])
    success_factors = SectionBlock(SECTIONS[4][1])
    pitfalls = SectionBlock(SECTIONS[5][1])
    transferability = SectionBlock(SECTIONS[6][1])
    image = ImageBlock()
    quote = QuoteBlock()
    download = DocumentBlock()


class PracticeEmbedBlock(blocks.StructBlock):
    """References to practices, shown as cards; readers see only the practices they may see."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    practices = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="practices.PracticePage", label=_("Practice")),
        label=_("Practices"),
        min_num=1,
    )

    class Meta:
        icon = "link"
        label = _("Practices")
        template = "blocks/practice_embed_block.html"

    def get_context(self, value, parent_context=None):
        from .selectors import practice_base_queryset

        context = super().get_context(value, parent_context=parent_context)
        request = context.get("request")
        ids = [page.pk for page in value["practices"] if page is not None]
        visible = {
            practice.pk: practice
            for practice in practice_base_queryset(user=getattr(request, "user", None)).filter(
                pk__in=ids
            )
        }
        context["visible_practices"] = [visible[pk] for pk in dict.fromkeys(ids) if pk in visible]
        return context
