"""The rules of the Punktabfrage in the services: budgets, maxima, moving points, reopening."""

import pytest
from django.core.exceptions import ValidationError

from events import services
from events.models import Ballot, Dot, Proposal, VotingState
from tests.factories.events import create_board, create_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    event = create_event("Regionaltreffen", sessions=["Themen"])
    return create_board(
        event.sessions.first(),
        voting=VotingState.OPEN,
        points_per_participant=5,
        max_points_per_proposal=3,
    )


def proposal(board, title):
    return Proposal.objects.create(board=board, title=title, column="Maßnahmedurchführung")


def test_moving_points_is_taking_from_one_and_giving_to_another(board, staff_user):
    first, second = proposal(board, "A"), proposal(board, "B")
    services.dot_set(proposal=first, user=staff_user, points=3)
    services.dot_set(proposal=second, user=staff_user, points=2)

    services.dot_set(proposal=first, user=staff_user, points=1)
    result = services.dot_set(proposal=second, user=staff_user, points=3)

    assert (result.spent, result.remaining) == (4, 1)
    assert dict(Dot.objects.values_list("proposal__title", "points")) == {"A": 1, "B": 3}


def test_taking_all_points_back_deletes_the_dot(board, staff_user):
    first = proposal(board, "A")
    services.dot_set(proposal=first, user=staff_user, points=2)
    services.dot_set(proposal=first, user=staff_user, points=0)
    assert not Dot.objects.exists()
    assert Ballot.objects.get().spent == 0


def test_more_than_the_maximum_is_refused_in_german(board, staff_user):
    with pytest.raises(ValidationError) as error:
        services.dot_set(proposal=proposal(board, "A"), user=staff_user, points=4)
    assert error.value.messages == ["Höchstens 3 Punkte pro Vorschlag."]


def test_voting_must_be_open(board, staff_user):
    services.board_close_voting(board=board)
    with pytest.raises(ValidationError) as error:
        services.dot_set(proposal=proposal(board, "A"), user=staff_user, points=1)
    assert error.value.messages == ["Die Punktabfrage ist nicht geöffnet."]


def test_settings_cannot_change_while_voting(board):
    with pytest.raises(ValidationError):
        services.board_settings_update(
            board=board, points_per_participant=9, max_points_per_proposal=3, live_totals=True
        )


def test_reopening_with_fewer_points_keeps_what_members_spent(board, staff_user):
    first = proposal(board, "A")
    services.dot_set(proposal=first, user=staff_user, points=3)
    services.board_close_voting(board=board)

    services.board_open_voting(
        board=board, points_per_participant=2, max_points_per_proposal=2, live_totals=False
    )

    ballot = Ballot.objects.get()
    assert (ballot.spent, ballot.budget) == (3, 3)
    with pytest.raises(ValidationError):
        services.dot_change(proposal=proposal(board, "B"), user=staff_user, delta=1)
    services.dot_set(proposal=first, user=staff_user, points=2)


def test_paper_points_are_recorded_as_such(board):
    first = proposal(board, "A")
    services.paper_points_set(board=board, points={first.pk: 7})
    first.refresh_from_db()
    board.refresh_from_db()
    assert first.paper_points == 7 and board.counted_on_paper


def test_paper_points_of_another_board_are_refused(board):
    other_event = create_event("Anderes", sessions=["X"])
    other = create_board(other_event.sessions.first())
    stranger = proposal(other, "Fremd")
    with pytest.raises(ValidationError):
        services.paper_points_set(board=board, points={stranger.pk: 3})


def test_proposal_in_unknown_column_is_refused(board, staff_user):
    with pytest.raises(ValidationError):
        services.proposal_create(
            board=board, user=staff_user, title="X", description="", column="Gibt es nicht"
        )
