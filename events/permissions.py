"""Who may do what on a proposal board: the one place views, templates and search ask.

A board belongs to a session of an event page, so whoever may not see that page (a draft, a
staff-only event) may not see its board or its proposals either: ``cms.access`` decides.
Decisions are cached on the user object, which lives as long as its request.
"""

from __future__ import annotations

from cms import access

from .models import Board, VotingState


def _cache(user, board: Board) -> dict:
    if user is None:
        return {}
    try:
        boards = user.__dict__.setdefault("_board_permissions", {})
    except AttributeError:  # pragma: no cover - objects without a __dict__
        return {}
    return boards.setdefault(board.pk, {})


def _event_page(board: Board):
    return board.session.page


def can_view_board(user, board: Board, request=None) -> bool:
    """May ``user`` see the board: only if they may see its published event page."""
    cache = _cache(user, board)
    if "view" not in cache:
        page = _event_page(board)
        cache["view"] = bool(page.live) and access.can_view_page(user, page, request)
    return cache["view"]


def can_take_part(user, board: Board) -> bool:
    """Signed-in network staff who may see the board add proposals and vote."""
    return access.is_network_staff(user) and can_view_board(user, board)


def can_organise(user, board: Board) -> bool:
    """The organisers: those who may edit the event page in Wagtail."""
    cache = _cache(user, board)
    if "organise" not in cache:
        cache["organise"] = access.may_edit_page(user, _event_page(board))
    return cache["organise"]


def can_add_proposal(user, board: Board) -> bool:
    if can_organise(user, board) and can_view_board(user, board):
        return True
    return board.proposals_open and can_take_part(user, board)


def can_vote(user, board: Board) -> bool:
    return board.voting == VotingState.OPEN and can_take_part(user, board)
