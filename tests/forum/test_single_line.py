"""Titles and other one-line fields of the forum refuse line breaks and control characters, in
the forum's forms and in the Wagtail admin, with a German message and without saving."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from forum import services
from forum.models import Category, Topic

from .helpers import create_topic

ONE_LINE = "Bitte geben Sie hier nur eine Zeile ohne Steuerzeichen ein."


def field_errors(response, name: str) -> list[str]:
    """The error messages shown with the form field ``name``."""
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find(attrs={"name": name})
    described = (field.get("aria-describedby") or "").split()
    return [
        soup.find(id=element_id).get_text(" ", strip=True)
        for element_id in described
        if soup.find(id=element_id) is not None
    ]


class TestTopicTitle:
    @pytest.mark.parametrize(
        "title",
        [
            "Frage zur Suchtberatung\nBcc: alle@example.org",
            "Frage zur\rSuchtberatung",
            "Frage\u2028zur Suchtberatung",
            "Frage\x85zur Suchtberatung",
            "Frage\tzur Suchtberatung",
        ],
        ids=["line-feed", "carriage-return", "line-separator", "next-line", "tab"],
    )
    def test_new_topic_with_a_line_break_in_the_title_is_refused(self, client, forum, title):
        client.force_login(forum.staff)

        response = client.post(
            reverse("forum:topic_create"),
            {"category": forum.open.pk, "title": title, "body": "Wie macht ihr das?"},
        )

        assert response.status_code == 200
        assert any(ONE_LINE in error for error in field_errors(response, "title"))
        assert not Topic.objects.exists()

    def test_editing_the_question_with_a_line_break_in_the_title_is_refused(self, client, forum):
        topic = create_topic(forum.open, forum.staff, title="Wartezeiten Schuldnerberatung")
        client.force_login(forum.staff)

        response = client.post(
            reverse("forum:post_edit", args=[topic.first_post_id]),
            {"title": "Wartezeiten\nSchuldnerberatung", "body": "Wir suchen Erfahrungen."},
        )

        assert response.status_code == 200
        assert any(ONE_LINE in error for error in field_errors(response, "title"))
        topic.refresh_from_db()
        assert topic.title == "Wartezeiten Schuldnerberatung"

    def test_the_service_refuses_it_too(self, forum):
        with pytest.raises(ValidationError) as raised:
            services.topic_create(
                category=forum.open,
                author=forum.staff,
                title="Frage\nzur Suchtberatung",
                body="Wie macht ihr das?",
            )

        assert raised.value.message_dict["title"] == [ONE_LINE]
        assert not Topic.objects.exists()


class TestCategoryInTheAdmin:
    def test_category_name_with_a_line_break_is_refused(self, client, forum):
        client.force_login(forum.moderator)

        response = client.post(
            "/admin/snippets/forum/category/add/",
            nested_form_data(
                {
                    "name": "Arbeitskreis\nRuhrgebiet",
                    "slug": "arbeitskreis-ruhrgebiet",
                    "description": "Für die Jobcenter\nim Ruhrgebiet.",
                    "parent": "",
                    "group_permissions": inline_formset([]),
                }
            ),
        )

        assert response.status_code == 200
        assert ONE_LINE in response.content.decode()
        assert not Category.objects.filter(slug="arbeitskreis-ruhrgebiet").exists()

    def test_the_same_category_in_one_line_is_saved(self, client, forum):
        client.force_login(forum.moderator)

        response = client.post(
            "/admin/snippets/forum/category/add/",
            nested_form_data(
                {
                    "name": "Arbeitskreis Ruhrgebiet",
                    "slug": "arbeitskreis-ruhrgebiet",
                    "description": "Für die Jobcenter\nim Ruhrgebiet.",
                    "parent": "",
                    "group_permissions": inline_formset([]),
                }
            ),
        )

        assert response.status_code == 302
        category = Category.objects.get(slug="arbeitskreis-ruhrgebiet")
        assert category.description == "Für die Jobcenter\nim Ruhrgebiet."
