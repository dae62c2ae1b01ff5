"""The files and images a page carries as rows of its own (practices, events): one shape for
all, with the alternative text rules of ``cms.blocks``."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .blocks import ALT_TEXT_HELP, ALT_TEXT_MISSING, alt_text_or_description
from .validators import SingleLineFieldsMixin


class PageDocumentRow(Orderable):
    """A downloadable file of a page (``page``: a ParentalKey the concrete row declares)."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        abstract = True


class PageImageRow(SingleLineFieldsMixin, Orderable):
    """An image of a page with its alternative text and caption (``page``: a ParentalKey the
    concrete row declares)."""

    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"), max_length=255, blank=True, help_text=ALT_TEXT_HELP
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.image_id is None:
            return
        self.alt_text = alt_text_or_description(self.alt_text, self.image)
        if not self.alt_text:
            raise ValidationError({"alt_text": ALT_TEXT_MISSING})
