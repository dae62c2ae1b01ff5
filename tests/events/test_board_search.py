"""Proposals in the knowledge search: type, phase and Bundesland facets, and never a leak of
the proposals of a staff-only or unpublished event."""

import pytest

from cms.access import page_set_staff_only
from events import services
from events.models import VotingState
from tests.factories.accounts import create_user
from tests.factories.events import create_board, create_event
from tests.search.helpers import api, facet, sync, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def boards(staff_user):
    public = create_event("Regionaltreffen Sachsen", land="SN", sessions=["Forum 1"])
    internal = create_event("Interner Austausch", staff_only=True, sessions=["Forum 2"])
    public_board = create_board(public.sessions.first(), voting=VotingState.OPEN)
    internal_board = create_board(internal.sessions.first())
    services.proposal_create(
        board=public_board,
        user=staff_user,
        title="Übergabebogen einführen",
        description="Kerninfos austauschen mit digitalen Kick-off-Dokumenten",
        column="Übergabe/Aufnahme beim Träger",
    )
    services.proposal_create(
        board=internal_board,
        user=staff_user,
        title="Übergabebogen intern abstimmen",
        column="Absolventenmanagement",
    )
    sync()
    return public, internal


def test_public_finds_public_proposals_with_facets(client, backend, boards):
    data = api(client, q="Übergabebogen")

    assert titles(data) == ["Übergabebogen einführen"]
    result = data["results"][0]
    assert result["type"] == "proposal"
    assert "/veranstaltungen/sitzung/" in result["url"]
    assert "#vorschlag-" in result["url"]
    assert facet(data, "type") == {"proposal": (1, False)}
    assert facet(data, "phase") == {"uebergabeaufnahme-beim-traeger": (1, False)}
    assert facet(data, "bundesland") == {"SN": (1, False)}


def test_staff_find_proposals_of_staff_only_events(client, backend, boards, staff_user):
    client.force_login(staff_user)
    assert sorted(titles(api(client, q="Übergabebogen"))) == [
        "Übergabebogen einführen",
        "Übergabebogen intern abstimmen",
    ]


def test_members_outside_the_network_do_not(client, backend, boards):
    client.force_login(create_user())
    assert titles(api(client, q="Übergabebogen")) == ["Übergabebogen einführen"]


def test_privacy_change_of_the_event_follows(client, backend, boards):
    public, _internal = boards
    page_set_staff_only(public, True)
    sync()
    assert titles(api(client, q="Übergabebogen")) == []


def test_unpublishing_the_event_removes_its_proposals(client, backend, boards, staff_user):
    public, _internal = boards
    public.unpublish()
    sync()
    client.force_login(staff_user)
    assert titles(api(client, q="Übergabebogen")) == ["Übergabebogen intern abstimmen"]


def test_status_change_is_reindexed(client, backend, boards):
    from events.models import Proposal

    proposal = Proposal.objects.get(title="Übergabebogen einführen")
    services.proposal_update_status(
        proposal=proposal, status="in_umsetzung", progress_note="Pilot im Erzgebirgskreis"
    )
    sync()
    assert titles(api(client, q="Erzgebirgskreis")) == ["Übergabebogen einführen"]


def test_a_deleted_proposal_is_no_longer_found(client, backend, boards):
    from events.models import Proposal

    Proposal.objects.get(title="Übergabebogen einführen").delete()
    sync()
    assert titles(api(client, q="Übergabebogen")) == []


def test_removing_a_session_with_proposals_from_the_programme_is_refused(boards):
    from django.core.exceptions import ValidationError

    from events.models import EventPage, EventSession

    public, _internal = boards
    page = EventPage.objects.get(pk=public.pk)
    page.sessions = [EventSession(title="Neues Forum")]

    with pytest.raises(ValidationError) as refused:
        page.full_clean()

    assert "Forum 1" in str(refused.value)
    assert page.sessions.model.objects.filter(page=public, title="Forum 1").exists()
