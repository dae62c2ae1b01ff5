"""Parallel votes never let a member exceed their points: the ballot row lock and the CHECK
constraints hold even when requests arrive at the same moment.

Real parallelism needs a database with row locks and concurrent writers: these tests run on
PostgreSQL (``DATABASE_URL=postgres://…``) and are skipped on the SQLite default, which
serialises every write anyway. The requests go through the real view, one test client and
one database connection per thread.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from events.models import Ballot, Dot, Proposal, VotingState
from tests.factories.events import create_board, create_event

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "connection.vendor != 'postgresql'", reason="row locks need PostgreSQL (DATABASE_URL)"
    ),
]


@pytest.fixture
def board():
    # land=None: a transactional test empties the reference tables the migrations filled.
    event = create_event("Regionaltreffen", land=None, sessions=["Themen"])
    return create_board(
        event.sessions.first(),
        voting=VotingState.OPEN,
        points_per_participant=5,
        max_points_per_proposal=3,
    )


def vote_in_parallel(user, board, proposal_ids: list[int]) -> list[int]:
    """Send one „+1 Punkt“ per entry of ``proposal_ids``, all released at the same instant."""
    from django.db import connections

    barrier = threading.Barrier(len(proposal_ids))
    statuses: list[int] = []
    lock = threading.Lock()
    url = reverse("events:board_vote", args=[board.session_id])

    def run(proposal_id: int) -> None:
        client = Client()
        client.force_login(user)
        try:
            barrier.wait(timeout=30)
            response = client.post(
                url,
                {"proposal": proposal_id, "delta": "1"},
                headers={"accept": "application/json"},
            )
            with lock:
                statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(pk,)) for pk in proposal_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def test_twenty_parallel_votes_on_different_proposals_spend_exactly_five_points(board, staff_user):
    proposals = [
        Proposal.objects.create(board=board, title=f"Vorschlag {n}", column="Maßnahmedurchführung")
        for n in range(20)
    ]

    statuses = vote_in_parallel(staff_user, board, [p.pk for p in proposals])

    assert sorted(statuses) == [200] * 5 + [409] * 15
    ballot = Ballot.objects.get(board=board, user=staff_user)
    points = sum(Dot.objects.filter(user=staff_user).values_list("points", flat=True))
    assert ballot.spent == points == 5


def test_parallel_votes_on_one_proposal_stop_at_its_maximum(board, staff_user):
    proposal = Proposal.objects.create(
        board=board, title="Peer-Mentoring", column="Maßnahmedurchführung"
    )

    statuses = vote_in_parallel(staff_user, board, [proposal.pk] * 6)

    assert sorted(statuses) == [200] * 3 + [409] * 3
    assert Dot.objects.get(proposal=proposal).points == 3
    assert Ballot.objects.get(board=board, user=staff_user).spent == 3


def test_the_database_refuses_overspending_by_itself(board, staff_user):
    from django.db import IntegrityError, transaction

    ballot = Ballot.objects.create(board=board, user=staff_user, budget=5, spent=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.filter(pk=ballot.pk).update(spent=6)
    assert connection.vendor == "postgresql"
