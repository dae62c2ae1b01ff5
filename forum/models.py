"""The forum: categories with per-group rights, topics, Markdown posts and what members do."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from cms.privacy_guard import kind_labels
from cms.validators import SingleLineFieldsMixin

TITLE_MAX_LENGTH = 150
BODY_MAX_LENGTH = 20_000


class PermissionState(models.TextChoices):
    """Three states as in django-machina: "not set" defers to the next, more general level."""

    NOT_SET = "", _("not set")
    GRANTED = "granted", _("granted")
    DENIED = "denied", _("denied")


def _permission_field(label):
    return models.CharField(
        label, max_length=7, blank=True, default="", choices=PermissionState.choices
    )


class GroupPermissionSet(models.Model):
    """What the members of one group may do; each field is a three-state setting."""

    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="+"
    )
    see_category = _permission_field(_("see the category"))
    read_category = _permission_field(_("read topics"))
    start_topics = _permission_field(_("start topics"))
    reply_topics = _permission_field(_("reply"))
    edit_own_posts = _permission_field(_("edit own posts"))
    delete_own_posts = _permission_field(_("delete own posts"))
    moderate = _permission_field(_("moderate"))

    # The permission codes, in the order the admin shows them.
    CODES = (
        "see_category",
        "read_category",
        "start_topics",
        "reply_topics",
        "edit_own_posts",
        "delete_own_posts",
        "moderate",
    )

    panels = [
        FieldPanel("group"),
        FieldRowPanel(
            [FieldPanel("see_category"), FieldPanel("read_category"), FieldPanel("start_topics")]
        ),
        FieldRowPanel(
            [
                FieldPanel("reply_topics"),
                FieldPanel("edit_own_posts"),
                FieldPanel("delete_own_posts"),
            ]
        ),
        FieldPanel("moderate"),
    ]

    class Meta:
        abstract = True

    def states(self) -> dict[str, str]:
        return {code: getattr(self, code) for code in self.CODES}


class Category(SingleLineFieldsMixin, ClusterableModel):
    """A forum category; one level of sub-categories keeps the overview readable."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("Part of the web address.")
    )
    description = models.TextField(_("description"), max_length=500, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
        help_text=_("Leave empty for a main category."),
    )
    sort_order = models.IntegerField(null=True, blank=True, editable=False)
    sort_order_field = "sort_order"

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("description"),
                FieldPanel("parent"),
            ],
            heading=_("Category"),
        ),
        InlinePanel(
            "group_permissions",
            heading=_("Rights per group"),
            label=_("group"),
            help_text=_(
                "“Not set” uses the parent category's setting, then the forum's default rights. "
                "To limit a category to one group, deny the rights to “Netzwerk-Mitarbeitende” "
                "here and grant them to that group."
            ),
        ),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self) -> str:
        if self.parent_id and "parent" in self._state.fields_cache:
            return f"{self.parent.name} › {self.name}"
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.parent_id is None:
            return
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A category cannot be its own parent.")})
        if self.parent.parent_id is not None:
            raise ValidationError({"parent": _("Sub-categories cannot have sub-categories.")})
        if self.pk and self.children.exists():
            raise ValidationError(
                {"parent": _("This category has sub-categories and must stay a main category.")}
            )

    def save(self, *args, **kwargs):
        if self.sort_order is None:
            highest = Category.objects.aggregate(highest=Max("sort_order"))["highest"]
            self.sort_order = (highest or 0) + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("forum:category", kwargs={"slug": self.slug})


class CategoryGroupPermission(GroupPermissionSet):
    category = ParentalKey(Category, on_delete=models.CASCADE, related_name="group_permissions")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "group"], name="forum_category_group_permission_unique"
            )
        ]
        verbose_name = _("category rights of a group")
        verbose_name_plural = _("category rights of groups")

    def __str__(self) -> str:
        return f"{self.category} – {self.group}"


class DefaultGroupPermission(GroupPermissionSet):
    """The forum-wide rights of a group, used where a category says nothing."""

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group"], name="forum_default_group_permission_unique")
        ]
        verbose_name = _("default forum rights")
        verbose_name_plural = _("default forum rights")

    def __str__(self) -> str:
        return str(self.group)


class Topic(SingleLineFieldsMixin, models.Model):
    """A thread. Counters and the last post are kept on the row so lists need no aggregates."""

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="topics"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_topics",
    )
    fields_of_action = models.ManyToManyField(
        "practices.Topic",
        verbose_name=_("fields of action"),
        blank=True,
        related_name="forum_topics",
    )
    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_topics",
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    # In context: Wagtail's own "locked" (a page locked for editing) is "gesperrt".
    is_locked = models.BooleanField(pgettext_lazy("forum topic", "locked"), default=False)
    first_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    solution = models.ForeignKey(
        "Post",
        verbose_name=_("solution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    post_count = models.PositiveIntegerField(_("posts"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        indexes = [
            models.Index(fields=["category", "-last_activity_at"]),
            models.Index(fields=["-last_activity_at"]),
        ]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:topic", kwargs={"pk": self.pk})

    @property
    def reply_count(self) -> int:
        return max(self.post_count - 1, 0)

    @property
    def is_solved(self) -> bool:
        return self.solution_id is not None


class Post(models.Model):
    """One contribution; the Markdown source and its sanitised HTML are both stored."""

    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="posts"
    )
    # Position in the topic, 1 for the question: gives the page and anchor without counting.
    number = models.PositiveIntegerField(_("number"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_posts",
    )
    body = models.TextField(_("text"), validators=[MaxLengthValidator(BODY_MAX_LENGTH)])
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    is_deleted = models.BooleanField(_("deleted"), default=False)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    helpful_count = models.PositiveIntegerField(_("helpful votes"), default=0)
    # Hidden by a moderator, or automatically after enough reports, until a moderator decides.
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_automatically = models.BooleanField(default=False)
    # Published although the data-protection guard warned: when, and which kinds of data it
    # found (never the data). The post stays in the moderators' queue until one has checked it.
    personal_data_confirmed_at = models.DateTimeField(
        _("published despite the data-protection warning"), null=True, blank=True
    )
    personal_data_kinds = models.JSONField(default=list, blank=True, editable=False)
    personal_data_checked_at = models.DateTimeField(null=True, blank=True)
    personal_data_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["topic", "number"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="forum_post_number_unique")
        ]
        indexes = [models.Index(fields=["author", "-created_at"])]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self) -> str:
        return f"{self.topic} #{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("forum:post", kwargs={"pk": self.pk})

    @property
    def is_question(self) -> bool:
        return self.number == 1

    @property
    def personal_data_labels(self) -> list[str]:
        return kind_labels(self.personal_data_kinds)


class PostRevision(models.Model):
    """Every text a post ever had; number 1 is the original."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    body = models.TextField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["post", "number"]
        constraints = [
            models.UniqueConstraint(fields=["post", "number"], name="forum_revision_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.post} v{self.number}"


class HelpfulVote(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="helpful_votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_helpful_votes"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="forum_helpful_vote_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.post}"


class TopicReadState(models.Model):
    """How far a member has read a topic, by post number."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_read_states"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="read_states")
    last_read_number = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="forum_read_state_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.topic}: {self.last_read_number}"


class ReadMark(models.Model):
    """ "Mark everything as read": posts up to this moment count as read without a row per topic."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_read_mark"
    )
    marked_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.user}: {self.marked_at:%Y-%m-%d %H:%M}"


# Community: watching, notifications, reports, moderation


class WatchLevel(models.TextChoices):
    """Discourse's levels, reduced to three."""

    WATCHING = "watching", _("Watching")
    NORMAL = "normal", _("Normal")
    MUTED = "muted", _("Muted")


class Watch(models.Model):
    """How closely a member follows one topic or one category (exactly one of the two)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_watches"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="watches"
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.CASCADE, related_name="watches"
    )
    level = models.CharField(
        _("notifications"), max_length=8, choices=WatchLevel.choices, default=WatchLevel.WATCHING
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=models.Q(topic__isnull=False),
                name="forum_watch_topic_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=models.Q(category__isnull=False),
                name="forum_watch_category_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(topic__isnull=False, category__isnull=True)
                | models.Q(topic__isnull=True, category__isnull=False),
                name="forum_watch_topic_or_category",
            ),
        ]
        verbose_name = _("watch")
        verbose_name_plural = _("watches")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.topic_id or self.category_id}: {self.level}"


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately, one e-mail per notification")
    DAILY = "daily", _("Once a day, as a digest")
    NEVER = "never", _("Never")


class NotificationSettings(models.Model):
    """A member's e-mail preference; members without a row get FORUM_EMAIL_DEFAULT_FREQUENCY."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_notification_settings",
    )
    email_frequency = models.CharField(
        _("e-mail notifications"), max_length=11, choices=EmailFrequency.choices
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email_frequency}"


class NotificationKind(models.TextChoices):
    MENTION = "mention", _("Mention")
    REPLY = "reply", _("Reply to your topic")
    NEW_POST = "new_post", _("New post in a watched topic")
    NEW_TOPIC = "new_topic", _("New topic in a watched category")


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    SENT = "sent", _("sent")
    SKIPPED = "skipped", _("not sent")


class Notification(models.Model):
    """One thing a member should hear about: at most one per member and post."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications"
    )
    kind = models.CharField(max_length=10, choices=NotificationKind.choices)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_status = models.CharField(
        max_length=7, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    # The sending run that claimed the row; a claimed row is never claimed again.
    email_batch = models.CharField(max_length=32, blank=True, default="")
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "post"], name="forum_notification_once_per_post"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["email_status", "email_batch"]),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.kind} {self.post_id}"


class ReportReason(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("Contains personal data of clients")
    OFFENSIVE = "offensive", _("Offensive or disrespectful")
    SPAM = "spam", _("Advertising or spam")
    OFF_TOPIC = "off_topic", _("Off topic or in the wrong place")
    OTHER = "other", _("Something else")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("open")
    RESOLVED = "resolved", _("handled")
    DISMISSED = "dismissed", _("dismissed")


class Report(models.Model):
    """ "Beitrag melden": a member asks the moderators to look at a post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_reports",
    )
    reason = models.CharField(_("reason"), max_length=13, choices=ReportReason.choices)
    # In context: Wagtail's own "comment" (on a page under review) is "Kommentar".
    comment = models.TextField(
        pgettext_lazy("forum report", "comment"), max_length=1000, blank=True
    )
    status = models.CharField(
        _("status"), max_length=9, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(status="open"),
                name="forum_report_open_once",
            )
        ]
        indexes = [models.Index(fields=["status", "post"])]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.post_id}: {self.reason} ({self.status})"


class Silence(models.Model):
    """A member may not write in the forum until ``until`` (unless lifted earlier)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_silences"
    )
    until = models.DateTimeField(_("silenced until"))
    reason = models.TextField(_("reason"), max_length=1000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "until"])]
        verbose_name = _("silence")
        verbose_name_plural = _("silences")

    def __str__(self) -> str:
        return f"{self.user_id} bis {self.until:%Y-%m-%d %H:%M}"


class ModerationAction(models.TextChoices):
    HIDE = "hide", _("Post hidden")
    AUTO_HIDE = "auto_hide", _("Post hidden automatically after reports")
    UNHIDE = "unhide", _("Post shown again")
    DISMISS = "dismiss", _("Reports dismissed")
    EDIT = "edit", _("Post edited by a moderator")
    REDACT = "redact", _("Passage redacted")
    LOCK = "lock", _("Topic closed")
    UNLOCK = "unlock", _("Topic reopened")
    PIN = "pin", _("Topic pinned")
    UNPIN = "unpin", _("Topic unpinned")
    MOVE = "move", _("Topic moved")
    SILENCE = "silence", _("Member silenced")
    UNSILENCE = "unsilence", _("Silence lifted")
    DATA_CHECK = "data_check", _("Post checked after a data-protection warning")


class ModerationLogEntry(models.Model):
    """The audit log: who did what to which content, when and why. Never changed afterwards.

    ``subject`` keeps a readable description, so an entry still says what it was about after the
    topic or post is gone. Redacted passages are never written here.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=10, choices=ModerationAction.choices)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("concerns"), max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.subject}"
