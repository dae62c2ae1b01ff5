"""The proposal board in a browser: a member votes by keyboard alone and hears the result."""

import re

import pytest
from playwright.sync_api import expect

from cms.accounts.groups import STAFF
from events.models import Dot, Proposal, VotingState
from tests.browser.conftest import assert_accessible
from tests.factories.accounts import PASSWORD, create_user
from tests.factories.events import create_board, create_event

GIVE = "Einen Punkt für „Peer-Mentoring“ vergeben"


@pytest.fixture
def board(transactional_db):
    # land=None: transactional tests empty the reference tables that migrations filled.
    event = create_event("Regionaltreffen NRW", land=None, sessions=["Themen"])
    board = create_board(
        event.sessions.first(),
        voting=VotingState.OPEN,
        proposals_open=True,
        points_per_participant=5,
        max_points_per_proposal=3,
    )
    for title in ("Peer-Mentoring", "Schnuppertage"):
        Proposal.objects.create(board=board, title=title, column="Maßnahmedurchführung")
    return board


def log_in(page, username: str, next_url: str) -> None:
    page.goto(f"/konto/anmelden/?next={next_url}")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(re.escape(next_url) + "$"))


def test_member_votes_by_keyboard_and_hears_the_result(page, board):
    member = create_user(STAFF, username="tastatur")
    url = board.session.board_url()
    log_in(page, member.username, url)
    assert_accessible(page)

    # Keyboard only: Tab until the labelled button has the focus, then Enter.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == GIVE:
            break
    else:
        pytest.fail("the vote button cannot be reached with Tab")
    page.keyboard.press("Enter")

    live = page.locator("[data-announce][aria-live='polite']")
    expect(live).to_have_text("Punkt vergeben. Noch 4 Punkte.")
    expect(page.locator("[data-remaining]")).to_have_text("Noch 4 von 5 Punkten")
    peer = board.proposals.get(title="Peer-Mentoring")
    expect(page.locator(f"#vorschlag-{peer.pk} [data-my-points]")).to_have_text("1")
    # No reload happened: the focus stays on the button for the next point.
    page.keyboard.press("Enter")
    expect(live).to_have_text("Punkt vergeben. Noch 3 Punkte.")
    assert Dot.objects.get(user=member).points == 2
    assert page.url.endswith(url)
    assert_accessible(page)
