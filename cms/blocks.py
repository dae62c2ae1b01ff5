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


ALT_TEXT_HELP = _(
    "Describes the image for people who cannot see it. "
    "Left empty, the image's description from the image library is used."
)
ALT_TEXT_MISSING = _(
    "Please describe the image for people who cannot see it, "
    "or give the image a description in the image library."
)


def alt_text_or_description(alt_text: str | None, image) -> str:
    """The editor's alternative text, else the description the image carries in the library.

    The description is what Wagtail's own ImageBlock and rich-text editor offer as alt text.
    Their last resort, the image title, is left out: titles are mostly file names.
    """
    alt_text = (alt_text or "").strip()
    if alt_text or image is None:
        return alt_text
    return (getattr(image, "description", "") or "").strip()


class AltTextFromDescriptionMixin:
    """A StructBlock with ``image`` and ``alt_text`` whose empty alt text takes the description.

    The description is copied into the block when it is saved, so the editor sees it there and
    can change it for this one use.
    """

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") is None:
            return value
        value["alt_text"] = alt_text_or_description(value.get("alt_text"), value["image"])
        if not value["alt_text"] and not self.is_deferred_validation:
            raise blocks.StructBlockValidationError(
                block_errors={"alt_text": ValidationError(ALT_TEXT_MISSING)}
            )
        return value


class ImageBlock(AltTextFromDescriptionMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"), required=False, max_length=255, help_text=ALT_TEXT_HELP
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


class GalleryImageBlock(AltTextFromDescriptionMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"), required=False, max_length=255, help_text=ALT_TEXT_HELP
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
