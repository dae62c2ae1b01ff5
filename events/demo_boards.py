"""Demo proposal boards: the pin board of Forum 1 at „Make It Work“ (seed 002), transferred
from paper, and the open Punktabfrage of the upcoming Regionaltreffen NRW.

Idempotent: boards are found by their session, proposals by board and title; points on paper
and the board's state are set again on every run, so the demo always shows the documented
result.
"""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import PROCESS_STEPS, Board, EventSession, Proposal, ProposalStatus, VotingState

Log = Callable[[str], None]

CONFERENCE_SLUG = "fachveranstaltung-make-it-work"
FORUM_PREFIX = "Forum 1 – Mehr Wirkung durch Kooperation"
REGIONAL_SLUG = "regionaltreffen-nrw"
REGIONAL_SESSION_TITLE = "Themen für das Regionaltreffen"

STEP1, STEP2, STEP3, STEP4 = PROCESS_STEPS

# (column, title, description, points counted on the pin board). The protocol: Peer-Mentoring
# (former participants) and the Rückmeldebogen "received many points", the interim feedbacks
# and the aftercare were "rated positively several times", seven more were "also highlighted".
FORUM_PROPOSALS = [
    (STEP1, "Dreiergespräche", "Regelmäßige Einzelgespräche, „Dreier-Waage“ JC–Träger.", 0),
    (STEP1, "Kontinuität der Ansprechpartner:innen", "", 2),
    (STEP1, "Peer-Mentoring", "", 0),
    (STEP1, "Behindertenbeauftragte einbeziehen", "", 2),
    (STEP1, "Gemeinsame Planung von Träger:in, JC, Arbeitgeber", "", 2),
    (
        STEP2,
        "Kerninfos austauschen",
        "Zum Beispiel mit einem Übergabebogen oder digitalen Kick-off-Docs.",
        0,
    ),
    (STEP2, "Einführungs- bzw. Orientierungstag", "", 2),
    (
        STEP2,
        "Angebotsdatenbank oder -suchmaschine",
        "Für die Jobcentermitarbeitenden: welche Maßnahmen es gibt und was sie bieten.",
        2,
    ),
    (STEP2, "Schnuppertage", "Schnuppertage in der Maßnahme.", 2),
    (STEP3, "Modulare Maßnahmenstruktur", "Arbeitsformate.", 0),
    (STEP3, "Regelmäßige Zwischen-Feedbacks", "Vor allem zwischen Jobcenter und Träger.", 5),
    (STEP3, "Aufsuchende Arbeit", "", 2),
    (STEP4, "Nachbetreuungssystem", "", 4),
    (STEP4, "Qualitativer Rückmeldebogen", "Zu allem, zwischen Träger und Jobcenter.", 8),
    (
        STEP4,
        "Peer-Mentoring (ehemalige Teilnehmende einbeziehen)",
        "Erfolgreiche ehemalige Teilnehmende teilen ihre Erfahrungen.",
        9,
    ),
]
IN_PROGRESS = {
    "Angebotsdatenbank oder -suchmaschine": (
        "Eine erste Übersicht der Maßnahmen im Kreis ist im Aufbau; "
        "die Suchmaske wird mit den Jobcentern erprobt."
    ),
}

REGIONAL_PROPOSALS = [
    (
        STEP1,
        "Gemeinsame Fallbesprechungen mit Trägern",
        "Einmal im Quartal schwierige Fälle zu dritt besprechen.",
    ),
    (
        STEP2,
        "Übergabebogen für ganz NRW",
        "Ein gemeinsamer Bogen statt vieler eigener Vorlagen.",
    ),
    (STEP4, "Nachbetreuung nach Arbeitsaufnahme", "Wer begleitet in den ersten sechs Monaten?"),
]


def _session(page_slug: str, *, title: str = "", prefix: str = "") -> EventSession | None:
    sessions = EventSession.objects.filter(page__slug=page_slug)
    sessions = sessions.filter(title__startswith=prefix) if prefix else sessions.filter(title=title)
    return sessions.first()


def _organiser():
    users = get_user_model().objects.filter(is_active=True)
    return users.filter(is_superuser=True).order_by("pk").first()


def load_forum_board(log: Log) -> Board | None:
    session = _session(CONFERENCE_SLUG, prefix=FORUM_PREFIX)
    if session is None:
        log("übersprungen: Vorschlagspinnwand Forum 1 (Veranstaltung „Make It Work“ fehlt)")
        return None
    board, created = Board.objects.get_or_create(session=session)
    added = 0
    for column, title, description, paper_points in FORUM_PROPOSALS:
        proposal, new = Proposal.objects.get_or_create(
            board=board,
            title=title,
            defaults={"column": column, "description": description, "from_workshop": True},
        )
        added += new
        note = IN_PROGRESS.get(title, "")
        proposal.paper_points = paper_points
        proposal.status = ProposalStatus.IN_PROGRESS if note else proposal.status
        proposal.progress_note = note or proposal.progress_note
        proposal.save(update_fields=["paper_points", "status", "progress_note", "updated_at"])
    # A pin board at a physical workshop: counted there, transferred afterwards.
    board.columns = ""
    board.proposals_open = False
    board.voting = VotingState.CLOSED
    board.counted_on_paper = True
    board.closed_at = board.closed_at or session.page.end
    board.save()
    if created or added:
        log(f"angelegt: Vorschlagspinnwand Forum 1 ({added} Vorschläge)")
    return board


def load_regional_board(log: Log) -> Board | None:
    session = _session(REGIONAL_SLUG, title=REGIONAL_SESSION_TITLE)
    if session is None:
        log("übersprungen: Vorschlagspinnwand Regionaltreffen NRW (Veranstaltung fehlt)")
        return None
    # Publishing the event gave its session an empty board; the demo opens it once.
    board, created = Board.objects.get_or_create(session=session)
    if board.opened_at is None:
        board.proposals_open = True
        board.voting = VotingState.OPEN
        board.points_per_participant = 5
        board.max_points_per_proposal = 3
        board.live_totals = False
        board.opened_at = timezone.now()
        board.save()
        created = True
    author = _organiser()
    for column, title, description in REGIONAL_PROPOSALS:
        Proposal.objects.get_or_create(
            board=board,
            title=title,
            defaults={"column": column, "description": description, "author": author},
        )
    if created:
        log("angelegt: Vorschlagspinnwand Regionaltreffen NRW")
    return board


def load_boards(log: Log) -> None:
    from search.indexing import outbox_record

    boards = [load_forum_board(log), load_regional_board(log)]
    proposals = Proposal.objects.filter(board__in=[board for board in boards if board])
    outbox_record(objects=list(proposals))
