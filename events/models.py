"""Veranstaltungen: events as pages with their programme and documentation, and the proposal
boards of their sessions with dot-voting (Punktabfrage).

The programme (sessions, speakers, protocols) is page content and follows the page's revisions.
What happens during and after a session – proposals, points, the board's state – is not: it
lives in ``Board``, ``Proposal``, ``Ballot`` and ``Dot``, which publishing an older revision
never rolls back.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from cms.access import page_is_restricted
from cms.attachments import PageDocumentRow, PageImageRow
from cms.validators import SingleLineFieldsMixin

# The process chain of the "Make It Work" forum: the default columns of a proposal board.
PROCESS_STEPS = (
    "Beratung & Kooperationsplanung",
    "Übergabe/Aufnahme beim Träger",
    "Maßnahmedurchführung",
    "Absolventenmanagement",
)


class EventType(models.TextChoices):
    CONFERENCE = "fachveranstaltung", _("Fachveranstaltung")
    WORKSHOP = "werkstattgespraech", _("Werkstattgespräch")
    BARCAMP = "barcamp", _("Barcamp")
    REGIONAL = "regionaltreffen", _("Regionaltreffen")
    ONLINE = "online", _("Online-Veranstaltung")


class SessionKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    TALK = "vortrag", _("Vortrag")
    BARCAMP = "barcamp", _("Barcamp-Session")
    WORKSHOP = "workshop", _("Workshop")
    PLENARY = "plenum", _("Plenum")


class EventIndexPage(SingleLineFieldsMixin, Page):
    """„Veranstaltungen“: upcoming and past events with filters, and the calendar feed."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event overview")
        verbose_name_plural = _("event overviews")

    def get_context(self, request, *args, **kwargs):
        from .views_pages import event_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_index_context(request, index_page=self))
        return context


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=150)
    function = blocks.CharBlock(label=_("function"), max_length=200, required=False)
    organisation = blocks.CharBlock(label=_("organisation"), max_length=200, required=False)

    class Meta:
        icon = "user"
        label = _("speaker")


class EventPage(SingleLineFieldsMixin, Page):
    """One event: when, where, for whom, its programme and, afterwards, its documentation.

    Staff-only events are pages with a privacy restriction, like every other page: the access
    policy (``cms.access``) decides for them and for their proposals.
    """

    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    teaser = models.TextField(_("teaser"), max_length=400, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    bundesland = models.ForeignKey(
        "practices.Bundesland",
        verbose_name=_("Bundesland"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    jobcenters = ParentalManyToManyField(
        "practices.Jobcenter", verbose_name=_("Jobcenters"), blank=True, related_name="events"
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    # Documentation, after the event.
    documentation = RichTextField(
        _("documentation"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
    )
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    organisations = models.PositiveIntegerField(_("organisations"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("event_type"),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("online"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("bundesland"),
                FieldPanel("jobcenters"),
                FieldPanel("organiser"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("description"),
        InlinePanel("sessions", label=_("programme")),
        MultiFieldPanel(
            [
                FieldPanel("documentation"),
                FieldRowPanel([FieldPanel("participants"), FieldPanel("organisations")]),
                InlinePanel("attachments", label=_("attachments")),
                InlinePanel("photos", label=_("photos")),
            ],
            heading=_("Documentation"),
        ),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end lies before the start.")})
        if not self.online and not (self.venue or self.address):
            raise ValidationError({"venue": _("Give a venue, or mark the event as online.")})
        if self.pk:
            # Publishing would delete a removed session with its board: proposals and points
            # of a workshop are never lost by an edit of the programme.
            kept = [session.pk for session in self.sessions.all() if session.pk]
            removed = (
                EventSession.objects.filter(page_id=self.pk, board__proposals__isnull=False)
                .exclude(pk__in=kept)
                .values_list("title", flat=True)
                .distinct()
            )
            if removed:
                raise ValidationError(
                    _("The session “%(title)s” has proposals and cannot be removed.")
                    % {"title": removed[0]}
                )

    @cached_property
    def is_staff_only(self) -> bool:
        return page_is_restricted(self)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        from .selectors import event_detail_prefetch

        context = super().get_context(request, *args, **kwargs)
        if self.pk:  # a preview of a new page has nothing to read
            event_detail_prefetch(self, request.user)
        return context

    def when(self) -> str:
        """The date range in German notation: one day with its hours, or from day to day."""
        return date_range(self.start, self.end)

    def ics_url(self) -> str:
        return reverse("events:event_ics", args=[self.pk])


def date_range(start, end) -> str:
    if start is None:
        return ""
    start = timezone.localtime(start)
    if end is None:
        return _("%(day)s, %(time)s o’clock") % {
            "day": start.strftime("%d.%m.%Y"),
            "time": start.strftime("%H:%M"),
        }
    end = timezone.localtime(end)
    if start.date() == end.date():
        return _("%(day)s, %(start)s–%(end)s o’clock") % {
            "day": start.strftime("%d.%m.%Y"),
            "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M"),
        }
    return _("%(start_day)s, %(start)s o’clock – %(end_day)s, %(end)s o’clock") % {
        "start_day": start.strftime("%d.%m.%Y"),
        "start": start.strftime("%H:%M"),
        "end_day": end.strftime("%d.%m.%Y"),
        "end": end.strftime("%H:%M"),
    }


def time_range(start, end) -> str:
    """A session's slot: its hours (the event's page already names the day)."""
    if start is None:
        return ""
    start = timezone.localtime(start)
    if end is None:
        return _("%(time)s o’clock") % {"time": start.strftime("%H:%M")}
    end = timezone.localtime(end)
    if start.date() != end.date():
        return date_range(start, end)
    return _("%(start)s–%(end)s o’clock") % {
        "start": start.strftime("%H:%M"),
        "end": end.strftime("%H:%M"),
    }


class EventSession(SingleLineFieldsMixin, Orderable):
    """A forum, talk or barcamp slot of the programme, with its protocol afterwards."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(
        _("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.FORUM
    )
    start = models.DateTimeField(_("start"), null=True, blank=True)
    end = models.DateTimeField(_("end"), null=True, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    speakers = StreamField([("speaker", SpeakerBlock())], verbose_name=_("speakers"), blank=True)
    protocol = RichTextField(
        _("protocol"), blank=True, features=["h3", "bold", "italic", "link", "ol", "ul"]
    )
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("document")))],
        verbose_name=_("attachments"),
        blank=True,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("room")]),
        FieldPanel("description"),
        FieldPanel("speakers"),
        FieldPanel("protocol"),
        FieldPanel("attachments"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return self.title

    def slot(self) -> str:
        return time_range(self.start, self.end)

    def board_url(self) -> str:
        return reverse("events:board", args=[self.pk])


class EventAttachment(PageDocumentRow):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="attachments")

    class Meta(PageDocumentRow.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class EventPhoto(PageImageRow):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="photos")

    class Meta(PageImageRow.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


# --- proposals and dot-voting -------------------------------------------------------------------


class VotingState(models.TextChoices):
    NOT_OPENED = "not_opened", _("not opened yet")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class Board(models.Model):
    """The proposal board of one session and its Punktabfrage, run by the organisers."""

    session = models.OneToOneField(
        EventSession, on_delete=models.CASCADE, related_name="board", verbose_name=_("session")
    )
    # One column per line; empty: the four steps of the process chain.
    columns = models.TextField(_("columns"), blank=True)
    proposals_open = models.BooleanField(_("members may add proposals"), default=False)
    voting = models.CharField(
        _("voting"), max_length=12, choices=VotingState.choices, default=VotingState.NOT_OPENED
    )
    points_per_participant = models.PositiveSmallIntegerField(
        _("points per participant"), default=5
    )
    max_points_per_proposal = models.PositiveSmallIntegerField(
        _("maximum points per proposal"), default=3
    )
    live_totals = models.BooleanField(_("show totals while voting"), default=False)
    # The points were counted on a pin board at the event and entered by the organisers.
    counted_on_paper = models.BooleanField(_("transferred from paper"), default=False)
    opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("proposal board")
        verbose_name_plural = _("proposal boards")
        constraints = [
            models.CheckConstraint(
                condition=Q(points_per_participant__gte=1) & Q(max_points_per_proposal__gte=1),
                name="events_board_points_positive",
            ),
            models.CheckConstraint(
                condition=Q(max_points_per_proposal__lte=F("points_per_participant")),
                name="events_board_max_within_points",
            ),
        ]

    def __str__(self) -> str:
        return str(self.session)

    def column_list(self) -> list[str]:
        columns = [line.strip() for line in self.columns.splitlines() if line.strip()]
        return columns or list(PROCESS_STEPS)


class ProposalStatus(models.TextChoices):
    OPEN = "offen", _("offen")
    REVIEW = "wird_geprueft", _("wird geprüft")
    IN_PROGRESS = "in_umsetzung", _("in Umsetzung")
    DONE = "umgesetzt", _("umgesetzt")
    REJECTED = "verworfen", _("verworfen")


class Proposal(SingleLineFieldsMixin, models.Model):
    """A Vorschlag on a board: in one column, rated by points, followed up afterwards."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("board")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("short description"), max_length=1000, blank=True)
    column = models.CharField(_("column"), max_length=120)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_proposals",
    )
    # Entered by the organisers from the workshop's cards: shown as „aus dem Workshop“.
    from_workshop = models.BooleanField(_("from the workshop"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    progress_note = models.TextField(_("progress note"), blank=True)
    # Points counted on the pin board, entered by the organisers.
    paper_points = models.PositiveIntegerField(_("points on paper"), default=0)
    linked_pages = models.ManyToManyField(
        "wagtailcore.Page", verbose_name=_("linked pages"), blank=True, related_name="+"
    )
    linked_topics = models.ManyToManyField(
        "forum.Topic", verbose_name=_("linked forum topics"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["board", "column"])]

    def __str__(self) -> str:
        return self.title


class Ballot(models.Model):
    """A member's points on one board: ``spent`` never exceeds ``budget`` – the database
    refuses it, whatever requests run at the same time."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="ballots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_ballots"
    )
    budget = models.PositiveSmallIntegerField()
    spent = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["board", "user"], name="events_ballot_once"),
            models.CheckConstraint(
                condition=Q(spent__lte=F("budget")), name="events_ballot_within_budget"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.board}: {self.spent}/{self.budget}"


class Dot(models.Model):
    """The points a member put on one proposal (several may stack up to the board's maximum)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="dots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_dots"
    )
    points = models.PositiveSmallIntegerField()
    # The board's maximum per proposal when the points were given: checked by the database.
    limit = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="events_dot_once"),
            models.CheckConstraint(
                condition=Q(points__gte=1) & Q(points__lte=F("limit")),
                name="events_dot_within_limit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.proposal}: {self.points}"
