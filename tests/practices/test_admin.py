import pytest

from cms.accounts.groups import groups_sync
from practices.models import Jobcenter, Topic

pytestmark = pytest.mark.django_db
JOBCENTERS = "/admin/snippets/practices/jobcenter/"


@pytest.fixture
def editor_client(client, editor, home):
    groups_sync()
    client.force_login(editor)
    return client


def test_editor_lists_the_jobcenter_directory(editor_client, library):
    from tests.factories.practices import create_jobcenter

    create_jobcenter("Jobcenter EN", "NW")
    response = editor_client.get(JOBCENTERS)
    assert response.status_code == 200
    assert "Jobcenter EN" in response.content.decode()


def test_editor_adds_a_jobcenter_with_validation(editor_client, library):
    from practices.models import Bundesland

    nrw = Bundesland.objects.get(code="NW")
    response = editor_client.post(
        f"{JOBCENTERS}add/",
        {
            "name": "Jobcenter Hagen",
            "slug": "jobcenter-hagen",
            "bundesland": nrw.pk,
            "form": "gE",
            "town": "Hagen",
            "latitude": "51.36",
            "longitude": "",
        },
    )
    assert response.status_code == 200
    assert "Breiten- und Längengrad" in response.content.decode()
    assert not Jobcenter.objects.filter(slug="jobcenter-hagen").exists()

    response = editor_client.post(
        f"{JOBCENTERS}add/",
        {
            "name": "Jobcenter Hagen",
            "slug": "jobcenter-hagen",
            "bundesland": nrw.pk,
            "form": "zkT",
            "town": "Hagen",
            "latitude": "",
            "longitude": "",
        },
    )
    assert response.status_code == 302
    assert Jobcenter.objects.get(slug="jobcenter-hagen").get_form_display() == (
        "zugelassener kommunaler Träger"
    )


def test_editor_renames_a_taxonomy_value(editor_client, library):
    topic = Topic.objects.get(slug="sucht")
    response = editor_client.post(
        f"/admin/snippets/practices/topic/edit/{topic.pk}/",
        {"name": "Sucht und Abhängigkeit", "slug": "sucht", "sort_order": 1},
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name == "Sucht und Abhängigkeit"


def test_staff_cannot_reach_the_directory_admin(client, staff_user, library):
    groups_sync()
    client.force_login(staff_user)
    assert client.get(JOBCENTERS).status_code == 302
