from django import forms
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from cms.access import visible_pages
from cms.privacy_guard import PersonalDataGuardForm as TextGuardForm
from cms.validators import SingleLineFormMixin
from practices.models import PracticePage
from practices.models import Topic as FieldOfAction

from .models import (
    BODY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Category,
    EmailFrequency,
    ReportReason,
    WatchLevel,
)

TITLE_MIN_LENGTH = 5


class BodyField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Your post"))
        kwargs.setdefault(
            "help_text",
            _(
                "Markdown: **bold**, *italic*, lists with “-” or “1.”, "
                "> for quotes, ``` for code, [text](https://…) for links. "
                "Please no personal data of clients."
            ),
        )
        super().__init__(
            max_length=BODY_MAX_LENGTH,
            strip=False,
            widget=forms.Textarea(attrs={"rows": 10}),
            error_messages={
                "required": _("Please write something."),
                "max_length": _(
                    "Your post is too long: at most %(limit_value)d characters are allowed, "
                    "it has %(show_value)d."
                ),
            },
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        if not value.strip():
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return value.rstrip()


def title_field() -> forms.CharField:
    return forms.CharField(
        label=_("Title"),
        min_length=TITLE_MIN_LENGTH,
        max_length=TITLE_MAX_LENGTH,
        help_text=_(
            "A question or a short summary, e.g. “How do you involve addiction counselling?”"
        ),
        error_messages={
            "required": _("Please give your topic a title."),
            "min_length": _("The title needs at least %(limit_value)d characters."),
            "max_length": _(
                "The title is too long: at most %(limit_value)d characters are allowed, "
                "it has %(show_value)d."
            ),
        },
    )


def fields_of_action_field() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=_("Fields of action"),
        queryset=FieldOfAction.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Please choose only fields of action from the list.")},
    )


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, category: Category) -> str:
        if category.parent_id:
            return f"{category.parent.name} › {category.name}"
        return category.name


class PersonalDataGuardForm(SingleLineFormMixin, TextGuardForm):
    """A forum editor: the guard checks the title and text before anything is published; the
    title and other one-line fields refuse line breaks."""

    guarded_fields = ("title", "body")
    personal_data_confirm_label = _(
        "I have checked my post: it contains no personal data of clients, or only data of "
        "institutions (e.g. the phone number of a Beratungsstelle)."
    )
    personal_data_error = _(
        "Your post may contain personal data of clients (Sozialdaten). Please "
        "remove it, or confirm below that it is harmless."
    )
    personal_data_intro = _(
        "Social data of clients must not appear in the forum (Sozialdatenschutz, § 35 SGB I). "
        "We found:"
    )
    personal_data_advice = _(
        "Please remove or anonymise it, e.g. “Frau M.” instead of the name and no numbers. If it "
        "is harmless, confirm that and publish again."
    )


class PostForm(PersonalDataGuardForm):
    body = BodyField()


class TopicForm(PersonalDataGuardForm):
    category = CategoryChoiceField(
        label=_("Category"),
        queryset=Category.objects.none(),
        empty_label=_("Please choose"),
        error_messages={
            "required": _("Please choose a category."),
            "invalid_choice": _("You cannot start a topic in this category."),
        },
    )
    title = title_field()
    body = BodyField(label=_("Your question or contribution"))
    fields_of_action = fields_of_action_field()
    practice = forms.ModelChoiceField(
        label=_("Related practice"),
        queryset=PracticePage.objects.none(),
        required=False,
        empty_label=_("none"),
        help_text=_("Optional: the Praxisbeispiel this discussion is about."),
        error_messages={"invalid_choice": _("Please choose a practice from the list.")},
    )

    def __init__(self, *args, user, category_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = (
            Category.objects.filter(pk__in=category_ids)
            .select_related("parent")
            # Each main category directly followed by its sub-categories.
            .order_by(
                Coalesce("parent__sort_order", "sort_order"),
                F("parent_id").asc(nulls_first=True),
                "sort_order",
            )
        )
        self.fields["practice"].queryset = visible_pages(
            PracticePage.objects.live().order_by("title"), user
        )


class PostEditForm(PersonalDataGuardForm):
    """Editing a post; the question also carries the topic's title and fields of action.

    A moderator editing someone else's post gives a reason for the moderation log.
    """

    title = title_field()
    fields_of_action = fields_of_action_field()
    body = BodyField()
    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=1000,
        help_text=_(
            "You are changing a colleague's post: the reason goes into the moderation log."
        ),
    )

    def __init__(self, *args, is_question: bool, by_moderator: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_question:
            del self.fields["title"]
            del self.fields["fields_of_action"]
        if not by_moderator:
            del self.fields["reason"]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should the moderators look at this post?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose a reason."),
            "invalid_choice": _("Please choose a reason from the list."),
        },
    )
    comment = forms.CharField(
        label=_("Comment for the moderators"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. Please do not repeat personal data from the post here."),
        error_messages={
            "max_length": _(
                "Your comment is too long: at most %(limit_value)d characters are allowed, "
                "it has %(show_value)d."
            )
        },
    )


class WatchForm(forms.Form):
    INHERIT = "erben"

    level = forms.ChoiceField(
        label=_("Notifications"),
        choices=[*WatchLevel.choices, (INHERIT, _("As set for the category"))],
        error_messages={"invalid_choice": _("Please choose one of the offered levels.")},
    )


class NotificationSettingsForm(forms.Form):
    email_frequency = forms.ChoiceField(
        label=_("E-mails about forum notifications"),
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose an option."),
            "invalid_choice": _("Please choose one of the offered options."),
        },
    )


# Moderation (Wagtail admin)


def reason_field(required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=_("Reason"),
        required=required,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the moderation log: who, what, when and why."),
        error_messages={"required": _("Please give a reason: it is kept in the moderation log.")},
    )


class ModerationActionForm(forms.Form):
    reason = reason_field(required=False)


class MoveTopicForm(forms.Form):
    category = CategoryChoiceField(
        label=_("Move to category"),
        queryset=Category.objects.none(),
        empty_label=_("Please choose"),
        error_messages={
            "required": _("Please choose a category."),
            "invalid_choice": _("You can only move topics into categories you moderate."),
        },
    )
    reason = reason_field()

    def __init__(self, *args, category_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(
            pk__in=category_ids
        ).select_related("parent")


class ModeratorEditForm(forms.Form):
    body = BodyField(label=_("Text of the post"), help_text="")
    reason = reason_field()


class RedactForm(forms.Form):
    passage = forms.CharField(
        label=_("Passage to remove"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Copy the passage exactly as it stands in the text, e.g. a BG number or a name. It "
            "is replaced by “[entfernt]” in the post, in all earlier versions and in the search."
        ),
        error_messages={"required": _("Please copy the passage to remove.")},
    )
    reason = reason_field()


SILENCE_DAYS = [(1, _("1 day")), (3, _("3 days")), (7, _("1 week")), (30, _("30 days"))]


class SilenceForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Duration"),
        choices=SILENCE_DAYS,
        coerce=int,
        error_messages={"invalid_choice": _("Please choose a duration from the list.")},
    )
    reason = reason_field()


class LiftSilenceForm(forms.Form):
    reason = reason_field()
