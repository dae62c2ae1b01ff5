from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.access import page_is_restricted
from cms.attachments import PageDocumentRow, PageImageRow
from cms.validators import SingleLineFieldsMixin
from cms.widgets import Derivation, SearchableCheckboxSelectMultiple

from .blocks import PracticeBodyBlock


class Term(SingleLineFieldsMixin, models.Model):
    """A value of one of the library's taxonomies, editable by the Redaktion."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Regionaldirektion(Term):
    class Meta(Term.Meta):
        verbose_name = _("Regionaldirektion")
        verbose_name_plural = _("Regionaldirektionen")


class Bundesland(SingleLineFieldsMixin, models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=60, unique=True)
    regionaldirektion = models.ForeignKey(
        Regionaldirektion,
        verbose_name=_("Regionaldirektion"),
        on_delete=models.PROTECT,
        related_name="bundeslaender",
    )

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("regionaldirektion")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Bundesland")
        verbose_name_plural = _("Bundesländer")

    def __str__(self) -> str:
        return self.name


class Topic(Term):
    """Handlungsfeld, e.g. Sucht, Schulden, Kinderbetreuung."""

    class Meta(Term.Meta):
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")


class TargetGroup(Term):
    """Zielgruppe, e.g. Alleinerziehende, Jugendliche unter 25."""

    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class PartnerType(Term):
    """Type of cooperation partner, e.g. Kommune, Krankenkasse, Suchtberatung."""

    class Meta(Term.Meta):
        verbose_name = _("partner type")
        verbose_name_plural = _("partner types")


class ProcessPhase(Term):
    """A step of the chain Beratung → Übergabe → Maßnahmedurchführung → Absolventenmanagement."""

    class Meta(Term.Meta):
        verbose_name = _("process phase")
        verbose_name_plural = _("process phases")


class PracticeStatus(Term):
    """Idee, Erprobung, laufend, ins Regelgeschäft überführt, abgeschlossen."""

    class Meta(Term.Meta):
        verbose_name = _("status")
        verbose_name_plural = _("statuses")


class Jobcenter(SingleLineFieldsMixin, index.Indexed, models.Model):
    class Form(models.TextChoices):
        JOINT = "gE", _("gemeinsame Einrichtung")
        MUNICIPAL = "zkT", _("zugelassener kommunaler Träger")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    bundesland = models.ForeignKey(
        Bundesland, verbose_name=_("Bundesland"), on_delete=models.PROTECT, related_name="+"
    )
    form = models.CharField(_("form"), max_length=3, choices=Form.choices, default=Form.JOINT)
    town = models.CharField(_("town"), max_length=120, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("bundesland"), FieldPanel("form")]),
        FieldPanel("town"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Location")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Jobcenter")
        verbose_name_plural = _("Jobcenters")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("regions:jobcenter", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Please give both latitude and longitude, or neither."))


class PracticeIndexPage(SingleLineFieldsMixin, Page):
    """The library of Praxisbeispiele."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["practices.PracticePage"]
    max_count = 1

    class Meta:
        verbose_name = _("practice index")
        verbose_name_plural = _("practice indexes")

    def get_context(self, request, *args, **kwargs):
        from .views import practice_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(practice_index_context(request, index_page=self))
        return context


# Shown in the editor while the Jobcenters override the editor's Länder, and again on saving.
BUNDESLAND_REPLACEMENT = _(
    "The Bundesländer are taken from the Jobcenters: %(derived)s instead of %(chosen)s. "
    "Tick “supra-regional” to choose them by hand."
)
NO_BUNDESLAND = _("no Bundesland")


def bundesland_per_jobcenter() -> dict[int, int]:
    return dict(Jobcenter.objects.values_list("pk", "bundesland_id"))


class PracticePage(SingleLineFieldsMixin, Page):
    """A Praxisbeispiel: a local approach, the people behind it and what came of it."""

    teaser = models.TextField(
        _("teaser"),
        max_length=600,
        help_text=_("Two or three sentences: what was done, for whom, with what result."),
    )
    jobcenters = ParentalManyToManyField(
        Jobcenter, verbose_name=_("Jobcenters"), blank=True, related_name="practices"
    )
    supra_regional = models.BooleanField(
        _("supra-regional"),
        default=False,
        help_text=_(
            "Tick when the Länder are chosen by hand; otherwise they follow from the Jobcenters."
        ),
    )
    bundeslaender = ParentalManyToManyField(
        Bundesland, verbose_name=_("Bundesländer"), blank=True, related_name="practices"
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    status = models.ForeignKey(
        PracticeStatus,
        verbose_name=_("status"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practices",
    )
    topics = ParentalManyToManyField(
        Topic, verbose_name=_("fields of action"), blank=True, related_name="practices"
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="practices"
    )
    phases = ParentalManyToManyField(
        ProcessPhase, verbose_name=_("process phases"), blank=True, related_name="practices"
    )
    body = StreamField(PracticeBodyBlock(), verbose_name=_("description"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_function = models.CharField(_("function"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=50, blank=True)
    external_id = models.CharField(
        _("external ID"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stable key of imported practices; a re-import updates this page."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_practices",
    )
    submitter_notified = models.BooleanField(default=False, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldPanel("jobcenters", widget=SearchableCheckboxSelectMultiple()),
                FieldPanel("supra_regional"),
                FieldPanel(
                    "bundeslaender",
                    widget=SearchableCheckboxSelectMultiple(
                        derivation=Derivation(
                            source="jobcenters",
                            unless="supra_regional",
                            mapping=bundesland_per_jobcenter,
                            message=BUNDESLAND_REPLACEMENT,
                            nothing=NO_BUNDESLAND,
                        )
                    ),
                ),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("status"),
            ],
            heading=_("When and how far"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=SearchableCheckboxSelectMultiple()),
                FieldPanel("target_groups", widget=SearchableCheckboxSelectMultiple()),
                FieldPanel("phases", widget=SearchableCheckboxSelectMultiple()),
            ],
            heading=_("Classification"),
        ),
        InlinePanel("partners", heading=_("Cooperation partners"), label=_("partner")),
        FieldPanel("body"),
        InlinePanel("figures", heading=_("Key figures"), label=_("key figure")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_function"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("documents", heading=_("Documents"), label=_("document")),
        InlinePanel("images", heading=_("Images"), label=_("image")),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("external_id")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end must not be before the start.")})

    def save(self, *args, **kwargs):
        if not self.supra_regional:
            self.bundeslaender = self.bundeslaender_from_jobcenters()
        return super().save(*args, **kwargs)

    def bundeslaender_from_jobcenters(self) -> list[Bundesland]:
        land_ids = {jobcenter.bundesland_id for jobcenter in self.jobcenters.all()}
        return list(Bundesland.objects.filter(pk__in=land_ids))

    def bundeslaender_replacement(self, chosen: list[Bundesland]) -> str:
        """What saving puts in place of the Länder the editor chose; empty when it keeps them."""
        if self.supra_regional or not chosen:
            return ""
        derived = self.bundeslaender_from_jobcenters()
        if {land.pk for land in derived} == {land.pk for land in chosen}:
            return ""
        return BUNDESLAND_REPLACEMENT % {
            "derived": ", ".join(land.name for land in derived) or NO_BUNDESLAND,
            "chosen": ", ".join(land.name for land in chosen),
        }

    @cached_property
    def is_staff_only(self) -> bool:
        return page_is_restricted(self)

    og_type = "article"

    @cached_property
    def first_image(self):
        return self.images.select_related("image").first()

    @property
    def og_image(self):
        return self.first_image.image if self.first_image else None

    @property
    def og_image_alt(self) -> str:
        return self.first_image.alt_text if self.first_image else ""

    @property
    def period(self) -> str:
        from django.utils.formats import date_format

        start = date_format(self.start_date, "SHORT_DATE_FORMAT") if self.start_date else ""
        end = date_format(self.end_date, "SHORT_DATE_FORMAT") if self.end_date else ""
        if start and end:
            return f"{start} – {end}"
        if start:
            return _("since %(date)s") % {"date": start}
        return end

    def get_context(self, request, *args, **kwargs):
        from .selectors import practice_similar

        context = super().get_context(request, *args, **kwargs)
        if self.pk:  # a preview of a new page has nothing to read
            # The page shows its terms, and the similar practices are ranked by them: read once.
            prefetch_related_objects([self], "topics", "target_groups")
            self.is_staff_only = page_is_restricted(self, request.user)
        context["similar_practices"] = practice_similar(practice=self, user=request.user)
        return context


class PracticePartner(SingleLineFieldsMixin, Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="partners")
    partner_type = models.ForeignKey(
        PartnerType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("partner_type"), FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("cooperation partner")
        verbose_name_plural = _("cooperation partners")

    def __str__(self) -> str:
        return f"{self.name} ({self.partner_type})"


class PracticeFigure(SingleLineFieldsMixin, Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="figures")
    label = models.CharField(_("label"), max_length=100, help_text=_("e.g. “Teilnehmende”"))
    value = models.CharField(_("value"), max_length=50, help_text=_("e.g. “1.900” or “1:100”"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("label"), FieldPanel("value"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"


class PracticeDocument(PageDocumentRow):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="documents")

    class Meta(PageDocumentRow.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class PracticeImage(PageImageRow):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="images")

    class Meta(PageImageRow.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class ImportRun(models.Model):
    """One confirmed import of a file in the admin, written by the task worker; its page shows
    the progress and then the result or the errors."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_name = models.CharField(_("file"), max_length=255)
    file_format = models.CharField(_("format"), max_length=4)
    # The checked file until the worker has read it; emptied when the run ends.
    source = models.TextField(blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveIntegerField(_("practices written"), default=0)
    total = models.PositiveIntegerField(_("practices in the file"), default=0)
    created = models.PositiveIntegerField(_("practices created"), default=0)
    updated = models.PositiveIntegerField(_("practices updated"), default=0)
    jobcenters_created = models.PositiveIntegerField(_("Jobcenters created"), default=0)
    message = models.TextField(_("message"), blank=True)
    # The rows of the error table (where, field, message) of a failed run.
    errors = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        return self.done * 100 // self.total if self.total else 0
