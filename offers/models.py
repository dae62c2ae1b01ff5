"""Angebotsdatenbank: providers (Träger) and their offers, after the Open Referral Human
Services Data Specification (HSDS 3.0) where it fits.

HSDS ``organization`` is ``Provider`` (a snippet), ``service`` is ``OfferPage`` (a page, so
that review, revisions, page privacy and every channel of ``cms.access`` apply as they do to
practices), ``location`` and ``service_at_location`` are ``OfferLocation`` rows of an offer,
and ``service_area`` is the offer's Jobcenter districts.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from cms.access import page_is_restricted
from cms.validators import SingleLineFieldsMixin
from practices.models import Term

# An offer not confirmed for this long shows "Angaben möglicherweise veraltet".
STALE_AFTER = timedelta(days=365)


class FundingRoute(Term):
    """Förderweg, e.g. § 16a SGB II, AVGS nach § 45 SGB III."""

    class Meta(Term.Meta):
        verbose_name = _("funding route")
        verbose_name_plural = _("funding routes")


class Language(Term):
    """A language an offer is given in."""

    class Meta(Term.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class AccessibilityFeature(Term):
    """Barrierefreiheit, e.g. rollstuhlgerecht, Gebärdensprache, Leichte Sprache."""

    class Meta(Term.Meta):
        verbose_name = _("accessibility feature")
        verbose_name_plural = _("accessibility features")


class Provider(SingleLineFieldsMixin, models.Model):
    """Träger: an organisation that offers services (HSDS ``organization``)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    partner_type = models.ForeignKey(
        "practices.PartnerType",
        verbose_name=_("type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="providers",
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Members of the "Träger" group who keep this provider's offers.
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="providers",
    )
    # External identifier of imported records (HSDS ``id``).
    external_id = models.CharField(_("external id"), max_length=100, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("partner_type"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("members"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self) -> str:
        return self.name


class OfferIndexPage(SingleLineFieldsMixin, Page):
    """„Angebote“: the offer search with facets and the distance search."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["offers.OfferPage"]
    max_count = 1

    class Meta:
        verbose_name = _("offer overview")
        verbose_name_plural = _("offer overviews")

    def get_context(self, request, *args, **kwargs):
        from .views import offer_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(offer_index_context(request, index_page=self))
        return context


class Access(models.TextChoices):
    REFERRAL = "zuweisung", _("Zuweisung durch das Jobcenter")
    OPEN = "frei", _("freier Zugang")


class OfferStatus(models.TextChoices):
    ACTIVE = "aktiv", _("aktiv")
    PAUSED = "pausiert", _("pausiert")
    ENDED = "beendet", _("beendet")


class OfferPage(SingleLineFieldsMixin, Page):
    """Angebot: one service of a provider (HSDS ``service``)."""

    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="offers"
    )
    teaser = models.TextField(_("short description"), max_length=400, blank=True)
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    topics = ParentalManyToManyField(
        "practices.Topic", verbose_name=_("fields of action"), blank=True, related_name="offers"
    )
    target_groups = ParentalManyToManyField(
        "practices.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="offers",
    )
    eligibility = models.TextField(_("who can take part"), blank=True)
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    access = models.CharField(
        _("access"), max_length=10, choices=Access.choices, default=Access.REFERRAL
    )
    funding_routes = ParentalManyToManyField(
        FundingRoute, verbose_name=_("funding routes"), blank=True, related_name="offers"
    )
    costs = models.CharField(_("costs"), max_length=300, blank=True)
    languages = ParentalManyToManyField(
        Language, verbose_name=_("languages"), blank=True, related_name="offers"
    )
    accessibility = ParentalManyToManyField(
        AccessibilityFeature, verbose_name=_("accessibility"), blank=True, related_name="offers"
    )
    accessibility_note = models.CharField(_("accessibility note"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    waiting_weeks = models.PositiveSmallIntegerField(
        _("current waiting time in weeks"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(104)],
        help_text=_("0 means: no waiting time."),
    )
    schedule = models.CharField(_("schedule"), max_length=300, blank=True)
    offer_status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.ACTIVE
    )
    jobcenters = ParentalManyToManyField(
        "practices.Jobcenter",
        verbose_name=_("service area (Jobcenter districts)"),
        blank=True,
        related_name="offers",
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    confirmed_at = models.DateField(_("last confirmed on"), null=True, blank=True)
    confirmed_by = models.CharField(_("last confirmed by"), max_length=150, blank=True)
    # When the yearly request to confirm this offer was last sent (``offers.confirmation``).
    confirmation_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    external_id = models.CharField(_("external id"), max_length=100, blank=True, db_index=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("provider"),
        FieldPanel("teaser"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("target_groups"),
                FieldPanel("eligibility"),
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
            ],
            heading=_("For whom"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("access"),
                FieldPanel("funding_routes"),
                FieldPanel("costs"),
                FieldPanel("languages"),
                FieldPanel("accessibility"),
                FieldPanel("accessibility_note"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_weeks")]),
                FieldPanel("schedule"),
                FieldPanel("offer_status"),
            ],
            heading=_("Access and conditions"),
        ),
        MultiFieldPanel(
            [InlinePanel("locations", label=_("locations")), FieldPanel("jobcenters")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldRowPanel([FieldPanel("confirmed_at"), FieldPanel("confirmed_by")]),
            ],
            heading=_("Contact"),
        ),
    ]

    parent_page_types = ["offers.OfferIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def clean(self) -> None:
        super().clean()
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError(
                {"max_age": _("The maximum age must not be below the minimum age.")}
            )

    @cached_property
    def is_staff_only(self) -> bool:
        return page_is_restricted(self)

    @property
    def is_stale(self) -> bool:
        """Not confirmed for a year: shown as possibly outdated and ranked lower."""
        return offer_is_stale(self.confirmed_at)

    def with_content_json(self, content):
        """A revision saved before the provider last confirmed the offer keeps the newer
        confirmation when it is published (``offers.services``)."""
        obj = super().with_content_json(content)
        if self.confirmed_at and (not obj.confirmed_at or obj.confirmed_at < self.confirmed_at):
            obj.confirmed_at, obj.confirmed_by = self.confirmed_at, self.confirmed_by
        obj.confirmation_requested_at = self.confirmation_requested_at
        return obj

    def get_context(self, request, *args, **kwargs):
        from .views import offer_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(offer_page_context(request, page=self))
        return context


def offer_is_stale(confirmed_at, *, today=None) -> bool:
    if confirmed_at is None:
        return True
    today = today or timezone.localdate()
    return today - confirmed_at > STALE_AFTER


class OfferLocation(SingleLineFieldsMixin, Orderable):
    """Standort: where an offer takes place (HSDS ``location`` with its address)."""

    page = ParentalKey(OfferPage, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("name"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    town = models.CharField(_("town"), max_length=120)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(47), MaxValueValidator(55.1)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(5.8), MaxValueValidator(15.1)],
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("street"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.street, self.town) if part)

    @property
    def address(self) -> str:
        place = " ".join(part for part in (self.postcode, self.town) if part)
        return ", ".join(part for part in (self.street, place) if part)


def location_rows(locations) -> list[OfferLocation]:
    """Unsaved location rows of an offer, in order, from objects with the same fields (what a
    provider typed, an imported record)."""
    return [
        OfferLocation(
            name=location.name,
            street=location.street,
            postcode=location.postcode,
            town=location.town,
            latitude=location.latitude,
            longitude=location.longitude,
            sort_order=position,
        )
        for position, location in enumerate(locations)
    ]


class OfferReport(models.Model):
    """A staff member's note that an offer is outdated or wrong, for the Redaktion."""

    class Reason(models.TextChoices):
        OUTDATED = "veraltet", _("Angaben veraltet")
        WRONG = "falsch", _("Angaben falsch")
        ENDED = "beendet", _("Angebot gibt es nicht mehr")

    page = models.ForeignKey(OfferPage, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("reported on"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report on an offer")
        verbose_name_plural = _("reports on offers")

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.page.title}"
