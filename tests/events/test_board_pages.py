"""The proposal board page: who sees it, what it shows, and every action as a plain form."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from events import services
from events.models import Ballot, Dot, Proposal, VotingState
from tests.factories.accounts import create_user
from tests.factories.events import create_board, create_event


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def board(db):
    event = create_event("Regionaltreffen NRW", sessions=["Themen für das Regionaltreffen"])
    return create_board(
        event.sessions.first(),
        proposals_open=True,
        voting=VotingState.OPEN,
        points_per_participant=5,
        max_points_per_proposal=3,
    )


def url(board, name="board"):
    return reverse(f"events:{name}", args=[board.session_id])


def add(board, title, column="Maßnahmedurchführung", **fields):
    return Proposal.objects.create(board=board, title=title, column=column, **fields)


class TestBoardPage:
    def test_columns_are_sections_with_the_proposals(self, client, board, staff_user):
        add(board, "Peer-Mentoring", column="Beratung & Kooperationsplanung", from_workshop=True)
        add(board, "Schnuppertage", column="Übergabe/Aufnahme beim Träger")
        client.force_login(staff_user)

        page = soup(client.get(url(board)))

        headings = [h.get_text(strip=True) for h in page.select(".event-board__column > h2")]
        assert headings == [
            "1. Beratung & Kooperationsplanung",
            "2. Übergabe/Aufnahme beim Träger",
            "3. Maßnahmedurchführung",
            "4. Absolventenmanagement",
        ]
        first = page.select(".event-board__column")[0]
        assert first.select_one("article h3").get_text(strip=True) == "Peer-Mentoring"
        assert "aus dem Workshop" in first.select_one(".proposal__author").get_text()
        assert page.select_one("h1").get_text(strip=True).endswith("Themen für das Regionaltreffen")
        assert page.find("a", string=lambda s: s and "Regionaltreffen NRW" in s)

    def test_vote_buttons_are_labelled_and_remaining_points_shown(self, client, board, staff_user):
        add(board, "Peer-Mentoring")
        client.force_login(staff_user)

        page = soup(client.get(url(board)))

        give = page.select_one("form[data-vote-form] button[value='1']")
        assert give["aria-label"] == "Einen Punkt für „Peer-Mentoring“ vergeben"
        assert give.get_text(strip=True) == "+1 Punkt"
        assert page.select_one("[data-remaining]").get_text(strip=True) == "Noch 5 von 5 Punkten"
        assert page.select_one("[aria-live='polite']") is not None

    def test_list_view(self, client, board, staff_user):
        add(board, "Peer-Mentoring")
        client.force_login(staff_user)

        page = soup(client.get(url(board) + "?ansicht=liste"))

        assert page.select_one(".event-board__list h2").get_text(strip=True) == "Alle Vorschläge"
        assert "Maßnahmedurchführung" in page.select_one(".proposal__column").get_text()
        assert (
            page.select_one("nav.event-board__views a[aria-current='page']").get_text(strip=True)
            == "Liste"
        )

    def test_anonymous_sees_public_board_without_buttons(self, client, board):
        add(board, "Peer-Mentoring")

        page = soup(client.get(url(board)))

        assert page.select_one("article h3").get_text(strip=True) == "Peer-Mentoring"
        assert page.select("form[data-vote-form]") == []

    def test_staff_only_event_board_is_404_for_others(self, client, db, staff_user):
        event = create_event("Intern", staff_only=True, sessions=["Forum"])
        board = create_board(event.sessions.first(), voting=VotingState.OPEN)
        add(board, "Geheimer Vorschlag")
        outsider = create_user()

        assert client.get(url(board)).status_code == 404
        client.force_login(outsider)
        assert client.get(url(board)).status_code == 404
        response = client.post(url(board, "board_vote"), {"proposal": 1, "delta": 1})
        assert response.status_code == 404
        client.force_login(staff_user)
        assert client.get(url(board)).status_code == 200

    def test_draft_event_board_is_404(self, client, db, staff_user):
        event = create_event("Entwurf", live=False, sessions=["Forum"])
        board = create_board(event.sessions.first())
        client.force_login(staff_user)
        assert client.get(url(board)).status_code == 404

    def test_unknown_session_is_404(self, client, db):
        assert client.get(reverse("events:board", args=[999999])).status_code == 404

    def test_query_count_is_constant(
        self, client, board, staff_user, django_assert_num_queries, django_assert_max_num_queries
    ):
        client.force_login(staff_user)
        for number in range(3):
            add(board, f"Vorschlag {number}")
        client.get(url(board))  # warm the per-process caches (site root paths)
        with django_assert_max_num_queries(40) as small:
            client.get(url(board))
        for number in range(3, 30):
            proposal = add(board, f"Vorschlag {number}", author=staff_user)
            Dot.objects.create(proposal=proposal, user=staff_user, points=1, limit=3)
        with django_assert_num_queries(len(small.captured_queries)):
            client.get(url(board))


class TestVotingWithoutJavaScript:
    def test_give_and_take_back(self, client, board, staff_user):
        proposal = add(board, "Peer-Mentoring")
        client.force_login(staff_user)

        response = client.post(
            url(board, "board_vote"), {"proposal": proposal.pk, "delta": "1"}, follow=True
        )

        page = soup(response)
        assert "Punkt vergeben. Noch 4 Punkte." in page.select_one(".messages").get_text()
        assert page.select_one("[data-remaining]").get_text(strip=True) == "Noch 4 von 5 Punkten"
        assert page.select_one("[data-my-points]").get_text() == "1"
        client.post(url(board, "board_vote"), {"proposal": proposal.pk, "delta": "-1"})
        assert not Dot.objects.exists()
        assert Ballot.objects.get().spent == 0

    def test_maximum_per_proposal(self, client, board, staff_user):
        proposal = add(board, "Peer-Mentoring")
        client.force_login(staff_user)
        for _ in range(3):
            client.post(url(board, "board_vote"), {"proposal": proposal.pk, "delta": "1"})

        response = client.post(
            url(board, "board_vote"), {"proposal": proposal.pk, "delta": "1"}, follow=True
        )

        assert "Höchstens 3 Punkte pro Vorschlag." in soup(response).select_one(".messages").text
        assert Dot.objects.get().points == 3

    def test_no_points_left(self, client, board, staff_user):
        first, second = add(board, "A"), add(board, "B")
        services.dot_set(proposal=first, user=staff_user, points=3)
        services.dot_set(proposal=second, user=staff_user, points=2)
        client.force_login(staff_user)

        response = client.post(
            url(board, "board_vote"), {"proposal": second.pk, "delta": "1"}, follow=True
        )

        assert "Sie haben keine Punkte mehr übrig." in soup(response).select_one(".messages").text
        assert Ballot.objects.get().spent == 5

    def test_bad_input_is_a_message(self, client, board, staff_user):
        client.force_login(staff_user)
        response = client.post(url(board, "board_vote"), {"proposal": "x", "delta": "7"})
        assert response.status_code == 302

    def test_members_only(self, client, board):
        proposal = add(board, "A")
        client.force_login(create_user())
        response = client.post(url(board, "board_vote"), {"proposal": proposal.pk, "delta": "1"})
        assert response.status_code == 403
        assert "Netzwerk" in soup(response).select_one("[role='alert']").text

    def test_closed_voting_refuses(self, client, board, staff_user):
        proposal = add(board, "A")
        services.board_close_voting(board=board)
        client.force_login(staff_user)
        response = client.post(url(board, "board_vote"), {"proposal": proposal.pk, "delta": "1"})
        assert response.status_code == 403
        assert not Dot.objects.exists()


class TestVotingWithJavaScript:
    def test_json_answer(self, client, board, staff_user):
        proposal = add(board, "Peer-Mentoring")
        client.force_login(staff_user)

        response = client.post(
            url(board, "board_vote"),
            {"proposal": proposal.pk, "delta": "1"},
            headers={"accept": "application/json"},
        )

        data = response.json()
        assert data["ok"] is True
        assert data["message"] == "Punkt vergeben. Noch 4 Punkte."
        assert data["remaining_text"] == "Noch 4 von 5 Punkten"
        assert "total" not in data  # live totals are off

    def test_json_error(self, client, board, staff_user):
        proposal = add(board, "Peer-Mentoring")
        client.force_login(staff_user)
        response = client.post(
            url(board, "board_vote"),
            {"proposal": proposal.pk, "delta": "-1"},
            headers={"accept": "application/json"},
        )
        assert response.status_code == 409
        assert response.json()["ok"] is False


class TestTotals:
    def test_hidden_while_open_without_live_totals(self, client, board, staff_user):
        proposal = add(board, "A")
        services.dot_set(proposal=proposal, user=staff_user, points=2)
        client.force_login(staff_user)
        page = soup(client.get(url(board)))
        assert page.select(".proposal__total") == []
        assert page.select(".event-board__results") == []

    def test_live_totals(self, client, board, staff_user):
        board.live_totals = True
        board.save()
        proposal = add(board, "A")
        services.dot_set(proposal=proposal, user=staff_user, points=2)
        page = soup(client.get(url(board)))
        assert page.select_one("[data-total]").get_text() == "2"

    def test_results_after_closing(self, client, board, staff_user):
        low = add(board, "Wenig", column="Absolventenmanagement", paper_points=1)
        high = add(board, "Viel", column="Maßnahmedurchführung", paper_points=2)
        services.dot_set(proposal=high, user=staff_user, points=3)
        services.dot_set(proposal=low, user=staff_user, points=1)
        services.board_close_voting(board=board)

        page = soup(client.get(url(board)))

        ranking = [li.a.get_text() for li in page.select(".event-board__ranking li")]
        assert ranking == ["Viel", "Wenig"]
        rows = {
            row.th.get_text(): row.td.get_text()
            for row in page.select(".event-board__totals tbody tr")
        }
        assert rows["Maßnahmedurchführung"] == "5"
        assert rows["Absolventenmanagement"] == "2"


class TestProposals:
    def test_member_adds_proposal(self, client, board, staff_user):
        client.force_login(staff_user)
        response = client.post(
            url(board, "board_propose"),
            {"title": "Schnuppertage", "description": "Kurz", "column": "Maßnahmedurchführung"},
            follow=True,
        )
        proposal = Proposal.objects.get()
        assert proposal.author == staff_user and not proposal.from_workshop
        assert soup(response).select_one(f"#vorschlag-{proposal.pk} h3").text == "Schnuppertage"

    def test_unknown_column_comes_back_with_a_linked_error_summary(self, client, board, staff_user):
        client.force_login(staff_user)
        response = client.post(
            url(board, "board_propose"), {"title": "X", "column": "Gibt es nicht"}
        )
        assert response.status_code == 400
        assert not Proposal.objects.exists()
        page = soup(response)
        summary = page.select_one("#vorschlag-neu form #vorschlag-fehler")
        link = summary.select_one("a[href]")
        assert "gültige Auswahl" in link.text
        field = page.select_one(link["href"])
        assert field["name"] == "column" and field["aria-invalid"] == "true"
        assert page.select_one("#vorschlag-neu input[name=title]")["value"] == "X"

    def test_closed_board_refuses(self, client, board, staff_user):
        services.proposals_close(board=board)
        client.force_login(staff_user)
        response = client.post(
            url(board, "board_propose"), {"title": "X", "column": "Maßnahmedurchführung"}
        )
        assert response.status_code == 403
        assert not Proposal.objects.exists()


class TestOrganiser:
    def test_panel_only_for_editors(self, client, board, staff_user, editor):
        client.force_login(staff_user)
        assert soup(client.get(url(board))).select("#organisation") == []
        response = client.post(url(board, "board_manage"), {"action": "close_voting"})
        assert response.status_code == 403
        client.force_login(editor)
        assert soup(client.get(url(board))).select("#organisation")

    def test_columns_of_a_session_of_its_own(self, client, board, editor):
        client.force_login(editor)
        client.post(url(board, "board_manage"), {"action": "close_voting"})
        settings = {"points_per_participant": "5", "max_points_per_proposal": "3"}

        client.post(
            url(board, "board_manage"),
            {**settings, "action": "settings", "columns": "Ideen\n\n  Erste Schritte  \n"},
        )
        page = soup(client.get(url(board)))
        refused = client.post(
            url(board, "board_manage"),
            {**settings, "action": "settings", "columns": "Ideen\nideen"},
            follow=True,
        )

        headings = [h.get_text(strip=True) for h in page.select(".event-board__column > h2")]
        assert headings == ["1. Ideen", "2. Erste Schritte"]
        options = [o.get_text() for o in page.select("select[name=column] option")]
        assert options == ["Ideen", "Erste Schritte"]
        assert "Bitte jeden Spaltennamen nur einmal." in refused.content.decode()
        board.refresh_from_db()
        assert board.column_list() == ["Ideen", "Erste Schritte"]

    def test_close_and_reopen_voting(self, client, board, editor):
        client.force_login(editor)
        client.post(url(board, "board_manage"), {"action": "close_voting"})
        board.refresh_from_db()
        assert board.voting == VotingState.CLOSED
        client.post(
            url(board, "board_manage"),
            {
                "action": "open_voting",
                "points_per_participant": "7",
                "max_points_per_proposal": "2",
                "live_totals": "on",
            },
        )
        board.refresh_from_db()
        assert (board.voting, board.points_per_participant, board.live_totals) == (
            VotingState.OPEN,
            7,
            True,
        )

    def test_bad_settings_come_back_with_an_error_summary(self, client, board, editor):
        services.board_close_voting(board=board)
        client.force_login(editor)
        response = client.post(
            url(board, "board_manage"),
            {
                "action": "open_voting",
                "points_per_participant": "2",
                "max_points_per_proposal": "5",
            },
        )
        assert response.status_code == 400
        summary = soup(response).select_one("#organisation form #einstellungen-fehler")
        assert "nicht größer" in summary.text
        board.refresh_from_db()
        assert board.voting == VotingState.CLOSED

    def test_transfer_from_paper(self, client, board, editor):
        first, second = add(board, "A"), add(board, "B")
        services.board_close_voting(board=board)
        client.force_login(editor)

        response = client.post(
            url(board, "board_paper"), {f"p{first.pk}": "4", f"p{second.pk}": "9"}, follow=True
        )

        page = soup(response)
        assert [li.a.text for li in page.select(".event-board__ranking li")] == ["B", "A"]
        assert "Pinnwand" in page.select_one(".event-board__status").text
        board.refresh_from_db()
        assert board.counted_on_paper

    def test_transfer_from_paper_bad_number(self, client, board, editor):
        first = add(board, "A")
        client.force_login(editor)
        response = client.post(url(board, "board_paper"), {f"p{first.pk}": "-3"})
        assert response.status_code == 400
        page = soup(response)
        link = page.select_one("#pinnwand-fehler a[href]")
        field = page.select_one(link["href"])
        assert (field["name"], field["value"], field["aria-invalid"]) == (
            f"p{first.pk}",
            "-3",
            "true",
        )
        first.refresh_from_db()
        assert first.paper_points == 0

    def test_status(self, client, board, editor):
        proposal = add(board, "Angebotsdatenbank")
        client.force_login(editor)
        response = client.post(
            url(
                board,
                "board_proposal_status",
            )
            if False
            else reverse("events:board_proposal_status", args=[board.session_id, proposal.pk]),
            {"status": "in_umsetzung", "progress_note": "Pilot läuft"},
            follow=True,
        )
        badge = soup(response).select_one(f"#vorschlag-{proposal.pk} .badge")
        assert badge.get_text() == "in Umsetzung"


class TestWhatGrewOutOfAProposal:
    def test_links_only_to_what_the_viewer_may_see(self, client, board, staff_user):
        from tests.factories.practices import create_practice
        from tests.forum.helpers import create_category, create_topic

        public = create_practice("Übergabebogen im Kreis Kleve")
        internal = create_practice("Übergabebogen intern", staff_only=True)
        topic = create_topic(
            create_category(), staff_user, title="Erfahrungen mit dem Übergabebogen"
        )
        proposal = add(board, "Kerninfos austauschen")
        proposal.linked_pages.set([public, internal])
        proposal.linked_topics.set([topic])

        def links():
            page = soup(client.get(url(board)))
            return [a.get_text(strip=True) for a in page.select(".proposal__links a")]

        anonymous = links()
        client.force_login(staff_user)
        staff = links()

        assert anonymous == ["Übergabebogen im Kreis Kleve"]
        assert staff == [
            "Übergabebogen im Kreis Kleve",
            "Übergabebogen intern",
            "Erfahrungen mit dem Übergabebogen",
        ]
