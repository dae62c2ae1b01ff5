"""In the Wagtail admin, a practice's title and other one-line fields (its inline partners, the
Jobcenter directory) refuse line breaks and control characters, with a German message."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.accounts.groups import groups_sync
from practices.models import Bundesland, Jobcenter, PartnerType, PracticePage
from tests.factories.practices import create_practice

pytestmark = pytest.mark.django_db
ONE_LINE = "Bitte geben Sie hier nur eine Zeile ohne Steuerzeichen ein."
JOBCENTERS = "/admin/snippets/practices/jobcenter/"


@pytest.fixture
def practice(library):
    groups_sync()
    return create_practice("Suchtberatung im Jobcenter", slug="suchtberatung")


def practice_form(practice: PracticePage, **overrides) -> dict:
    data = {
        "title": practice.title,
        "slug": practice.slug,
        "teaser": practice.teaser,
        "jobcenters": [],
        "bundeslaender": [],
        "start_date": "2020-01-01",
        "end_date": "",
        "status": practice.status_id,
        "topics": [],
        "target_groups": [],
        "phases": [],
        "partners": inline_formset([]),
        "body": streamfield([]),
        "figures": inline_formset([]),
        "contact_name": "",
        "contact_function": "",
        "contact_email": "",
        "contact_phone": "",
        "documents": inline_formset([]),
        "images": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "external_id": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def edit(client, practice, **overrides):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[practice.pk]), practice_form(practice, **overrides)
    )


class TestPracticeInTheAdmin:
    def test_title_with_a_line_break_is_refused(self, client, editor, practice):
        client.force_login(editor)
        revisions = practice.revisions.count()

        response = edit(client, practice, title="Suchtberatung\nim Jobcenter")

        assert response.status_code == 200
        assert ONE_LINE in response.content.decode()
        assert practice.revisions.count() == revisions
        practice.refresh_from_db()
        assert practice.title == "Suchtberatung im Jobcenter"

    def test_partner_name_with_a_line_break_is_refused(self, client, editor, practice):
        client.force_login(editor)
        revisions = practice.revisions.count()
        kommune = PartnerType.objects.get(slug="kommune")

        response = edit(
            client,
            practice,
            partners=inline_formset([{"partner_type": kommune.pk, "name": "Stadt\r\nSchwelm"}]),
        )

        assert response.status_code == 200
        assert ONE_LINE in response.content.decode()
        assert practice.revisions.count() == revisions

    def test_the_same_edit_in_one_line_is_saved(self, client, editor, practice):
        client.force_login(editor)
        revisions = practice.revisions.count()

        response = edit(client, practice, title="Suchtberatung im Jobcenter EN")

        assert response.status_code == 302
        assert practice.revisions.count() == revisions + 1
        assert practice.revisions.latest("created_at").as_object().title == (
            "Suchtberatung im Jobcenter EN"
        )


def test_publishing_an_old_revision_with_a_line_break_joins_the_title(practice):
    revision = practice.save_revision()
    revision.content["title"] = "Suchtberatung\r\nim Jobcenter"
    revision.save(update_fields=["content"])

    revision.publish()

    practice.refresh_from_db()
    assert practice.live
    assert practice.title == "Suchtberatung im Jobcenter"


class TestJobcenterInTheAdmin:
    def test_name_with_a_line_break_is_refused(self, client, editor, library):
        groups_sync()
        client.force_login(editor)

        response = client.post(
            f"{JOBCENTERS}add/",
            {
                "name": "Jobcenter\nHagen",
                "slug": "jobcenter-hagen",
                "bundesland": Bundesland.objects.get(code="NW").pk,
                "form": "gE",
                "town": "Hagen",
                "latitude": "",
                "longitude": "",
            },
        )

        assert response.status_code == 200
        assert ONE_LINE in response.content.decode()
        assert not Jobcenter.objects.filter(slug="jobcenter-hagen").exists()
