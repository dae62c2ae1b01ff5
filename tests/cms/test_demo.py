import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page, Revision

from cms.demo import DEMO_PASSWORD, DEMO_USERS
from tests.factories import site_home

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "users": sorted(get_user_model().objects.values_list("username", "password")),
        "pages": sorted(Page.objects.values_list("path", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
    }


def test_load_demo_prints_logins_and_is_idempotent():
    site_home()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    first = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == first
    printed = out.getvalue()
    assert DEMO_PASSWORD in printed
    for user in DEMO_USERS:
        assert user.username in printed


def test_demo_users_can_log_in(client):
    site_home()
    call_command("load_demo", verbosity=0)
    response = client.post(
        "/konto/anmelden/", {"username": "anna.berger", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert (
        get_user_model()
        .objects.get(username="anna.berger")
        .groups.filter(name="Netzwerk-Mitarbeitende")
        .exists()
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the demo is copied back only on PostgreSQL"
)
def test_demo_copied_back_for_the_next_test_is_the_loaded_demo():
    from tests.factories import demo

    demo.demo_content()
    loaded = snapshot()
    demo.demo_content()  # copied back now, whether the first call loaded or copied

    assert snapshot() == loaded
    assert loaded["pages"] and loaded["revisions"]
    assert demo._take().copies == demo._snapshots[True].copies
