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


def test_the_regionaltreffen_voting_from_five_points_to_the_ranked_result(open_as, demo_site):
    """The demo's upcoming Regionaltreffen: a member spends five points (three on one
    proposal), moves one, watches the board; the organiser closes the voting and the ranked
    result appears."""
    cases = "Gemeinsame Fallbesprechungen mit Trägern"
    sheet = "Übergabebogen für ganz NRW"
    aftercare = "Nachbetreuung nach Arbeitsaufnahme"
    member = open_as("anna.berger")
    member.goto("/veranstaltungen/")
    member.get_by_role("link", name="Regionaltreffen NRW", exact=True).click()
    member.get_by_role("link", name="Vorschläge und Punktabfrage").click()
    board_url = member.url
    live = member.locator("[data-announce]")
    remaining = member.locator("[data-remaining]")
    expect(remaining).to_have_text("Noch 5 von 5 Punkten")

    def give(title: str, announced: str) -> None:
        member.get_by_role("button", name=f"Einen Punkt für „{title}“ vergeben").click()
        expect(live).to_have_text(announced)

    give(cases, "Punkt vergeben. Noch 4 Punkte.")
    give(cases, "Punkt vergeben. Noch 3 Punkte.")
    give(cases, "Punkt vergeben. Noch 2 Punkte.")
    member.get_by_role("button", name=f"Einen Punkt für „{cases}“ vergeben").click()
    expect(live).to_contain_text("Höchstens 3 Punkte pro Vorschlag")
    give(sheet, "Punkt vergeben. Noch 1 Punkt.")
    give(sheet, "Punkt vergeben. Noch 0 Punkte.")
    member.get_by_role("button", name=f"Einen Punkt für „{aftercare}“ vergeben").click()
    expect(live).to_contain_text("Sie haben keine Punkte mehr übrig.")
    # Moving a point: back from one proposal, onto another.
    member.get_by_role("button", name=f"Einen Punkt von „{sheet}“ zurücknehmen").click()
    expect(remaining).to_have_text("Noch 1 von 5 Punkten")
    give(aftercare, "Punkt vergeben. Noch 0 Punkte.")
    mine = {
        title: member.locator("article", has_text=title).locator("[data-my-points]").inner_text()
        for title in (cases, sheet, aftercare)
    }
    assert mine == {cases: "3", sheet: "1", aftercare: "1"}
    # The board as it stands after a reload says the same.
    member.reload()
    expect(remaining).to_have_text("Noch 0 von 5 Punkten")
    assert_accessible(member)

    organiser = open_as("redaktion")
    organiser.goto(board_url)
    organiser.get_by_role("button", name="Punktabfrage beenden").click()
    results = organiser.locator(".event-board__results")
    expect(results.get_by_role("heading", name="Ergebnisse")).to_be_visible()
    ranking = results.locator(".event-board__ranking li")
    expect(ranking.first).to_contain_text(cases)
    expect(ranking.first).to_contain_text("3 Punkte")
    assert_accessible(organiser)

    member.reload()
    expect(member.locator(".event-board__status")).to_contain_text("Die Punktabfrage ist beendet.")
    expect(member.get_by_role("button", name=f"Einen Punkt für „{sheet}“ vergeben")).to_have_count(
        0
    )
    assert_accessible(member)
