"""The demo boards: Forum 1 of „Make It Work“ transferred from paper exactly as seed 002
documents it, and an open Punktabfrage at the upcoming Regionaltreffen NRW."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from events import demo_boards
from events.models import PROCESS_STEPS, Board, Proposal, ProposalStatus, VotingState
from forum.demo import RETIRED_DISCUSSIONS, remove_retired_discussions
from forum.models import Topic
from tests.factories.accounts import create_user
from tests.factories.events import create_event
from tests.forum.helpers import create_category, create_topic

pytestmark = pytest.mark.django_db

FORUM_TITLE = (
    "Forum 1 – Mehr Wirkung durch Kooperation – das Konzept des Arbeitsmarktpolitischen Dreiecks"
)


@pytest.fixture
def events():
    """The sessions the loader looks for (helper A's demo events, or made here)."""
    from events.models import EventSession

    if not EventSession.objects.filter(page__slug=demo_boards.CONFERENCE_SLUG).exists():
        create_event(
            "Fachveranstaltung „Make It Work“",
            slug=demo_boards.CONFERENCE_SLUG,
            event_type="fachveranstaltung",
            land="HE",
            days_ahead=-400,
            sessions=[FORUM_TITLE],
        )
    if not EventSession.objects.filter(page__slug=demo_boards.REGIONAL_SLUG).exists():
        create_event(
            "Regionaltreffen NRW",
            slug=demo_boards.REGIONAL_SLUG,
            event_type="regionaltreffen",
            sessions=[demo_boards.REGIONAL_SESSION_TITLE],
        )


def load():
    lines = []
    demo_boards.load_boards(lines.append)
    return lines


def test_forum_board_is_the_pin_board_of_seed_002(events):
    load()
    load()  # idempotent

    board = Board.objects.get(session__title=FORUM_TITLE)
    assert board.column_list() == list(PROCESS_STEPS)
    assert (board.voting, board.counted_on_paper) == (VotingState.CLOSED, True)
    columns = {
        step: list(board.proposals.filter(column=step).values_list("title", flat=True))
        for step in PROCESS_STEPS
    }
    assert columns[PROCESS_STEPS[0]] == [
        "Dreiergespräche",
        "Kontinuität der Ansprechpartner:innen",
        "Peer-Mentoring",
        "Behindertenbeauftragte einbeziehen",
        "Gemeinsame Planung von Träger:in, JC, Arbeitgeber",
    ]
    assert columns[PROCESS_STEPS[1]] == [
        "Kerninfos austauschen",
        "Einführungs- bzw. Orientierungstag",
        "Angebotsdatenbank oder -suchmaschine",
        "Schnuppertage",
    ]
    assert columns[PROCESS_STEPS[2]] == [
        "Modulare Maßnahmenstruktur",
        "Regelmäßige Zwischen-Feedbacks",
        "Aufsuchende Arbeit",
    ]
    assert columns[PROCESS_STEPS[3]] == [
        "Nachbetreuungssystem",
        "Qualitativer Rückmeldebogen",
        "Peer-Mentoring (ehemalige Teilnehmende einbeziehen)",
    ]
    assert Proposal.objects.filter(board=board).count() == 15
    assert not Proposal.objects.filter(board=board, from_workshop=False).exists()
    database = Proposal.objects.get(title="Angebotsdatenbank oder -suchmaschine")
    assert database.status == ProposalStatus.IN_PROGRESS and database.progress_note


def test_forum_board_results_put_peer_mentoring_and_the_feedback_form_on_top(client, events):
    load()
    board = Board.objects.get(session__title=FORUM_TITLE)

    page = BeautifulSoup(
        client.get(reverse("events:board", args=[board.session_id])).content, "html.parser"
    )

    ranking = [li.a.get_text() for li in page.select(".event-board__ranking li")]
    assert ranking[:4] == [
        "Peer-Mentoring (ehemalige Teilnehmende einbeziehen)",
        "Qualitativer Rückmeldebogen",
        "Regelmäßige Zwischen-Feedbacks",
        "Nachbetreuungssystem",
    ]
    assert "Pinnwand" in page.select_one(".event-board__status").get_text()
    authors = {p.get_text(strip=True) for p in page.select(".proposal__author")}
    assert authors == {"aus dem Workshop"}


def test_regional_board_has_open_voting(client, events):
    load()
    board = Board.objects.get(session__title=demo_boards.REGIONAL_SESSION_TITLE)
    assert board.voting == VotingState.OPEN
    assert board.proposals_open
    assert (board.points_per_participant, board.max_points_per_proposal) == (5, 3)
    assert not board.live_totals
    assert 2 <= board.proposals.count() <= 3


def test_retired_forum_thread_is_removed_only_as_the_demo_wrote_it():
    title, author_name, body = RETIRED_DISCUSSIONS[0]
    author = create_user(username=author_name)
    category = create_category()
    create_topic(category, author, title=title, body=body)
    edited = create_topic(category, author, title=title, body="Von Hand geschrieben.")

    remove_retired_discussions(lambda line: None)

    assert list(Topic.objects.filter(title=title)) == [edited]
