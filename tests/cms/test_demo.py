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


@pytest.mark.django_db
def test_demo_members_start_topics_at_once_under_the_new_member_limits(settings):
    from forum.models import Category, Post
    from forum.services import topic_create

    settings.FORUM_NEW_MEMBER_DAYS = 7
    settings.FORUM_NEW_MEMBER_TOPICS_PER_DAY = 1
    site_home()
    call_command("load_demo", verbosity=0)
    # A demo member who wrote one of the demo's topics a moment ago.
    author_id = (
        Post.objects.filter(number=1).values_list("author", flat=True).order_by("author").first()
    )
    author = get_user_model().objects.get(pk=author_id)
    category = Category.objects.first()

    topic = topic_create(
        category=category, author=author, title="Erste eigene Frage", body="Wie macht ihr das?"
    )

    assert topic.title == "Erste eigene Frage"
