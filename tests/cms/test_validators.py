"""One-line fields: the validator, the form and model mixins, the profile form and a page in the
Wagtail admin."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.accounts.groups import EDITORS, groups_sync
from cms.models import ArticlePage
from cms.validators import SingleLineFormMixin, validate_single_line
from forum.models import Category, Topic
from tests.cms.magazine_helpers import magazine_index, make_issue
from tests.factories import create_user

ONE_LINE = "Bitte geben Sie hier nur eine Zeile ohne Steuerzeichen ein."


@pytest.mark.parametrize(
    "value",
    [
        "a\nb",
        "a\rb",
        "a\tb",
        "a\x00b",
        "a\x1bb",
        "a\x7fb",
        "a\x85b",
        "a\x9fb",
        "a\u2028b",
        "a\u2029b",
    ],
    ids=["LF", "CR", "TAB", "NUL", "ESC", "DEL", "NEL", "APC", "LSEP", "PSEP"],
)
def test_validator_refuses_control_characters(value):
    with pytest.raises(ValidationError) as raised:
        validate_single_line(value)

    assert raised.value.messages == [ONE_LINE]


@pytest.mark.parametrize(
    "value",
    ["Übergang ALG I → Bürgergeld", "Frau Yılmaz – Şahin", "1\u00a0900 Teilnehmende", "🙂", ""],
)
def test_validator_lets_one_line_of_any_script_through(value):
    validate_single_line(value)


class ExampleForm(SingleLineFormMixin, forms.Form):
    title = forms.CharField()
    email = forms.EmailField(required=False)
    text = forms.CharField(widget=forms.Textarea, required=False)
    password = forms.CharField(widget=forms.PasswordInput, required=False)


def test_form_mixin_checks_one_line_inputs_only():
    form = ExampleForm({"title": "A\nB", "text": "Zeile 1\nZeile 2", "password": "a\tb"})

    assert not form.is_valid()
    assert form.errors == {"title": [ONE_LINE]}


@pytest.mark.django_db
def test_model_mixin_checks_fields_unless_excluded():
    topic = Topic(category=Category(name="Netzwerk", slug="netzwerk"), title="Zeile 1\nZeile 2")

    with pytest.raises(ValidationError) as raised:
        topic.clean_fields(exclude=["category", "author", "first_post", "last_post", "solution"])
    topic.clean_fields(
        exclude=["title", "category", "author", "first_post", "last_post", "solution"]
    )

    assert raised.value.message_dict == {"title": [ONE_LINE]}


@pytest.mark.django_db
def test_model_mixin_joins_values_that_reach_save_unchecked_into_one_line(forum_category):
    topic = Topic(category=forum_category, title="Alte Frage\r\nmit Umbruch")

    topic.save()

    topic.refresh_from_db()
    assert topic.title == "Alte Frage mit Umbruch"


@pytest.fixture
def forum_category(db):
    return Category.objects.create(name="Netzwerk", slug="netzwerk")


@pytest.mark.django_db
def test_profile_refuses_a_line_break_in_the_name(client, home, staff_user):
    client.force_login(staff_user)

    response = client.post(
        reverse("accounts:profile"),
        {
            "display_name": "Anna\nBerger",
            "email": "anna@jobcenter-en.example",
            "organisation": "Jobcenter EN",
            "function": "Netzwerkkoordinatorin",
            "region": "NW",
        },
    )

    assert ONE_LINE in response.content.decode()
    staff_user.refresh_from_db()
    assert staff_user.display_name != "Anna\nBerger"


def article_form(title: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "joboffensive",
            "authors": "Redaktion",
            "teaser": "Neunzehn zusätzliche Vermittlungskräfte.",
            "lead_image": "",
            "lead_image_alt_text": "",
            "lead_image_caption": "",
            "lead_image_credit": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )


@pytest.mark.django_db
class TestPageTitleInTheAdmin:
    @pytest.fixture
    def issue(self, home):
        groups_sync()
        return make_issue(magazine_index(home), number=7)

    def add(self, client, issue, title: str):
        client.force_login(create_user(EDITORS, username="redakteurin"))
        return client.post(
            reverse("wagtailadmin_pages:add", args=("cms", "articlepage", issue.pk)),
            article_form(title),
        )

    def test_title_with_a_line_break_is_refused(self, client, issue):
        response = self.add(client, issue, "Joboffensive\nBcc: alle@example.org")

        assert response.status_code == 200
        assert ONE_LINE in response.content.decode()
        assert not ArticlePage.objects.exists()

    def test_the_same_title_in_one_line_is_saved(self, client, issue):
        response = self.add(client, issue, "Joboffensive: mehr Zeit für Beratung")

        assert response.status_code == 302
        assert ArticlePage.objects.get().title == "Joboffensive: mehr Zeit für Beratung"
