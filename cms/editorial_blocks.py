"""Blocks of the editorial pages (magazine articles, guide chapters), which may embed practices.

Apart from ``cms.blocks`` so that the site's base blocks never import the practice library.
"""

from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from practices.blocks import PracticeEmbedBlock

from .blocks import (
    CallOutBlock,
    DownloadBlock,
    FactBoxBlock,
    GalleryBlock,
    HeadingBlock,
    ImageBlock,
    MarkdownBlock,
    QuoteBlock,
)


class ArticleStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="blocks/paragraph_block.html",
    )
    markdown = MarkdownBlock()
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    fact_box = FactBoxBlock()
    practices = PracticeEmbedBlock()
    download = DownloadBlock()
    callout = CallOutBlock()


# Long enough for the anchor a long chapter title gives, which is stored in the chapter.
ANCHOR_MAX_LENGTH = 255


class ChapterBlock(blocks.StructBlock):
    """One chapter of a guide; its title becomes a table-of-contents entry and an anchor."""

    title = blocks.CharBlock(label=_("Chapter title"), max_length=200)
    anchor = blocks.CharBlock(
        label=_("Anchor"),
        required=False,
        max_length=ANCHOR_MAX_LENGTH,
        help_text=_(
            "The address of links to this chapter, e.g. “partner-gewinnen”. Left empty, it is "
            "made from the title when the guide is saved, and stays when the title changes."
        ),
        validators=[validate_slug],
    )
    body = ArticleStreamBlock(label=_("Content"))

    class Meta:
        icon = "doc-full"
        label = _("Chapter")
        template = "blocks/chapter_block.html"

    def get_context(self, value, parent_context=None):
        from .guides import chapter_anchor_ids

        context = super().get_context(value, parent_context=parent_context)
        # The guide page passes the de-duplicated anchor; alone, a chapter derives its own.
        if not context.get("anchor"):
            context["anchor"] = chapter_anchor_ids([{"value": dict(value)}])[0]
        return context


class GuideChaptersBlock(blocks.StreamBlock):
    chapter = ChapterBlock()
