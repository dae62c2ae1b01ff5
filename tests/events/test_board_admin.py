"""The Redaktion follows proposals up in the Wagtail admin."""

import pytest
from django.urls import reverse

from events.models import Proposal
from tests.factories.accounts import create_user
from tests.factories.events import create_board, create_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["superuser", "redaktion"])
def test_admin_changes_status_and_progress_note(client, editor, who):
    event = create_event("Fachveranstaltung", sessions=["Forum 1"])
    board = create_board(event.sessions.first())
    proposal = Proposal.objects.create(
        board=board, title="Angebotsdatenbank", column="Übergabe/Aufnahme beim Träger"
    )
    if who == "superuser":
        client.force_login(create_user(is_superuser=True, is_staff=True, username="chefin"))
    else:
        client.force_login(editor)
    url = reverse("wagtailsnippets_events_proposal:edit", args=[proposal.pk])

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Angebotsdatenbank",
            "description": "",
            "column": "Übergabe/Aufnahme beim Träger",
            "status": "in_umsetzung",
            "progress_note": "Pilot läuft",
        },
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.progress_note) == ("in_umsetzung", "Pilot läuft")


def test_members_of_the_network_cannot_open_it(client, staff_user):
    client.force_login(staff_user)

    response = client.get(reverse("wagtailsnippets_events_proposal:list"))

    assert response.status_code in (302, 403)
