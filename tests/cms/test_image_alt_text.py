"""Alternative text starts from the image's description: in blocks, on pages, from members."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, streamfield

from cms.accounts.groups import STAFF, groups_sync
from cms.blocks import ImageBlock
from cms.models import ArticlePage
from practices.models import PracticePage
from tests.cms.magazine_helpers import magazine_index, make_issue
from tests.cms.test_workflow import article_form
from tests.factories import create_user
from tests.factories.files import create_image, png_upload
from tests.factories.practices import create_jobcenter, create_practice
from tests.practices.test_single_line import practice_form
from tests.practices.test_submission import SUBMIT
from tests.practices.test_submission import form_data as submission_data

pytestmark = pytest.mark.django_db

SIGNING = "Drei Personen unterzeichnen die Kooperationsvereinbarung im Kreishaus"
TEAM = "Das Team des Jobcenters vor dem Eingang"
PUBLISH = {"action-publish": "Veröffentlichen"}


@pytest.fixture
def superuser(db):
    return create_user(username="administration", is_superuser=True)


def image_alts(html: bytes, selector: str) -> list[str]:
    return [img["alt"] for img in BeautifulSoup(html, "html.parser").select(selector)]


class TestInThePageEditor:
    def test_article_block_and_lead_image_without_alt_text_use_the_description(
        self, client, home, superuser
    ):
        issue = make_issue(magazine_index(home), number=7)
        in_body = create_image("Unterschrift", description=SIGNING)
        lead = create_image("Team", description=TEAM)
        client.force_login(superuser)

        response = client.post(
            reverse("wagtailadmin_pages:add", args=("cms", "articlepage", issue.pk)),
            {
                **article_form(
                    lead_image=lead.pk,
                    lead_image_alt_text="",
                    body=streamfield(
                        [
                            (
                                "image",
                                {"image": in_body.pk, "alt_text": "", "caption": "", "credit": ""},
                            )
                        ]
                    ),
                ),
                **PUBLISH,
            },
        )

        assert response.status_code == 302, response.content.decode()[:2000]
        article = ArticlePage.objects.get(slug="joboffensive-mehr-zeit")
        html = client.get(article.url).content
        assert image_alts(html, ".image-block img") == [SIGNING]
        assert image_alts(html, ".article__lead-image img") == [TEAM]
        # Stored, so the editor sees the text in the field and can reword it for this page.
        assert article.body[0].value["alt_text"] == SIGNING
        assert article.lead_image_alt_text == TEAM

    def test_practice_image_without_alt_text_uses_the_description(self, client, superuser):
        groups_sync()
        practice = create_practice("Sprechstunde", jobcenters=[create_jobcenter()])
        image = create_image("Sprechstunde", description=TEAM)
        client.force_login(superuser)

        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[practice.pk]),
            {
                **practice_form(
                    practice,
                    images=inline_formset([{"image": image.pk, "alt_text": "", "caption": ""}]),
                ),
                "jobcenters": [j.pk for j in practice.jobcenters.all()],
                **PUBLISH,
            },
        )

        assert response.status_code == 302, response.content.decode()[:2000]
        html = client.get(PracticePage.objects.get(pk=practice.pk).url).content
        assert image_alts(html, ".image-block img") == [TEAM]

    def test_the_editors_own_alt_text_wins(self, client, home, superuser):
        issue = make_issue(magazine_index(home), number=8)
        image = create_image("Unterschrift", description=SIGNING)
        client.force_login(superuser)

        client.post(
            reverse("wagtailadmin_pages:add", args=("cms", "articlepage", issue.pk)),
            {
                **article_form(
                    body=streamfield(
                        [
                            (
                                "image",
                                {
                                    "image": image.pk,
                                    "alt_text": "Unterschrift unter den Vertrag",
                                    "caption": "",
                                    "credit": "",
                                },
                            )
                        ]
                    )
                ),
                **PUBLISH,
            },
        )

        article = ArticlePage.objects.get(slug="joboffensive-mehr-zeit")
        assert image_alts(client.get(article.url).content, ".image-block img") == [
            "Unterschrift unter den Vertrag"
        ]

    def test_without_alt_text_or_description_the_editor_is_asked_in_german(
        self, client, home, superuser
    ):
        issue = make_issue(magazine_index(home), number=9)
        image = create_image("IMG_2031")
        client.force_login(superuser)

        response = client.post(
            reverse("wagtailadmin_pages:add", args=("cms", "articlepage", issue.pk)),
            {**article_form(lead_image=image.pk, lead_image_alt_text=""), **PUBLISH},
        )

        assert response.status_code == 200
        assert "oder geben Sie dem Bild in der Bilderverwaltung eine Beschreibung" in (
            response.content.decode()
        )
        assert not ArticlePage.objects.exists()


class TestSubmittedImages:
    def test_the_members_alt_text_becomes_the_images_description(self, client, library):
        groups_sync()
        create_jobcenter("Jobcenter EN", slug="jobcenter-en")
        member = create_user(STAFF, username="mitglied")
        client.force_login(member)

        client.post(SUBMIT, submission_data(image=png_upload(), image_alt=TEAM))

        image = get_image_model().objects.get()
        assert image.description == TEAM
        # An editor placing the same image elsewhere starts from the member's words.
        block = ImageBlock()
        value = block.clean(block.to_python({"image": image.pk, "alt_text": ""}))
        assert value["alt_text"] == TEAM
