"""The page explorer's bulk actions: publishing is offered only to those who may publish."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from cms.accounts.groups import groups_sync
from cms.models import StandardPage
from tests.factories import create_user

pytestmark = pytest.mark.django_db

PUBLISH = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
UNPUBLISH = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
MOVE = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])


@pytest.fixture
def draft(home):
    groups_sync()
    page = home.add_child(instance=StandardPage(title="Barrierefreiheit", slug="barrierefreiheit"))
    page.save_revision()
    page.unpublish()
    return page


@pytest.fixture
def superuser(db):
    return create_user(username="betrieb", is_superuser=True, is_staff=True)


def offered_bulk_actions(client, parent) -> set[str]:
    response = client.get(reverse("wagtailadmin_explore", args=[parent.pk]))
    footer = BeautifulSoup(response.content, "html.parser").select_one(".bulk-actions-choices")
    return {button["href"] for button in footer.select("[data-bulk-action-button]")}


def bulk_publish(client, page):
    return client.post(f"{PUBLISH}?id={page.pk}", {"include_descendants": ""})


class TestBulkPublishing:
    def test_is_not_offered_to_the_redaktion(self, client, home, draft, editor):
        client.force_login(editor)

        offered = offered_bulk_actions(client, home)

        assert MOVE in offered
        assert PUBLISH not in offered
        assert UNPUBLISH not in offered

    def test_is_offered_to_those_who_may_publish(self, client, home, draft, superuser):
        client.force_login(superuser)

        offered = offered_bulk_actions(client, home)

        assert {MOVE, PUBLISH, UNPUBLISH} <= offered

    def test_a_post_by_the_redaktion_publishes_nothing(self, client, draft, editor):
        client.force_login(editor)

        bulk_publish(client, draft)

        draft.refresh_from_db()
        assert not draft.live
        assert draft.first_published_at is None

    def test_a_post_by_those_who_may_publish_publishes(self, client, draft, superuser):
        client.force_login(superuser)

        response = bulk_publish(client, draft)

        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.live
