"""StreamField blocks shared by the site's pages; apps extend ``BaseStreamBlock``."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describes the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=150)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()


# --- Magazine articles and guides -------------------------------------------------------------

# Markdown is written by editors, but rendered HTML is still passed through an allow-list so a
# pasted <script> or event handler can never reach a reader.
MARKDOWN_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "i", "li",
    "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
MARKDOWN_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}


def markdown_to_html(text: str) -> str:
    """Markdown to HTML that is safe to insert into a page."""
    import markdown
    import nh3

    html = markdown.markdown(text or "", extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=MARKDOWN_TAGS,
        attributes=MARKDOWN_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


class MarkdownBlock(blocks.TextBlock):
    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["html"] = markdown_to_html(value)
        return context

    def get_searchable_content(self, value):
        return [value or ""]

    class Meta:
        icon = "code"
        label = _("Markdown text")
        template = "blocks/markdown_block.html"
        help_text = _("Markdown: **bold**, *italic*, lists with “-”, links as [text](https://…).")


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describes the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(GalleryImageBlock(), label=_("Images"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Image gallery")
        template = "blocks/gallery_block.html"


class FactBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Value"), max_length=50, help_text=_("e.g. “1.900” or “1:100”")
    )
    label = blocks.CharBlock(label=_("Label"), max_length=150, help_text=_("e.g. “Teilnehmende”"))

    class Meta:
        icon = "list-ul"
        label = _("Fact")


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200, default=_("Facts at a glance"))
    facts = blocks.ListBlock(FactBlock(), label=_("Facts"), min_num=1)
    note = blocks.TextBlock(label=_("Note"), required=False, max_length=500)

    class Meta:
        icon = "table"
        label = _("Fact box")
        template = "blocks/fact_box_block.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "download"
        label = _("Download")
        template = "blocks/download_block.html"


class CallOutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Caution"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])
    link_page = blocks.PageChooserBlock(label=_("Link to a page"), required=False)
    link_url = blocks.URLBlock(label=_("or link to an address"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), required=False, max_length=100)

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "blocks/callout_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("link_page") and value.get("link_url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "link_url": ValidationError(_("Choose either a page or an address, not both."))
                }
            )
        if (value.get("link_page") or value.get("link_url")) and not value.get("link_text"):
            raise blocks.StructBlockValidationError(
                block_errors={"link_text": ValidationError(_("A link needs a link text."))}
            )
        return value
