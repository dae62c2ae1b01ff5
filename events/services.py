"""Every write on proposal boards. Permission checks are the callers' (``events.permissions``);
these functions keep the board's own rules: columns, voting state and the points budget."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Ballot, Board, Dot, Proposal, ProposalStatus, VotingState


def proposal_create(
    *,
    board: Board,
    user,
    title: str,
    description: str = "",
    column: str,
    from_workshop: bool = False,
) -> Proposal:
    if column not in board.column_list():
        raise ValidationError({"column": _("Please choose one of the board's columns.")})
    proposal = Proposal(
        board=board,
        title=(title or "").strip(),
        description=(description or "").strip(),
        column=column,
        author=user if getattr(user, "is_authenticated", False) else None,
        from_workshop=from_workshop,
    )
    proposal.full_clean()
    # The index follows through ``events.search_proposals``' post_save receiver.
    proposal.save()
    return proposal


def proposal_update_status(*, proposal: Proposal, status: str, progress_note: str = "") -> Proposal:
    proposal.status = status
    proposal.progress_note = (progress_note or "").strip()
    proposal.full_clean()
    proposal.save(update_fields=["status", "progress_note", "updated_at"])
    return proposal


def _check_points_settings(points_per_participant: int, max_points_per_proposal: int) -> None:
    if points_per_participant < 1 or max_points_per_proposal < 1:
        raise ValidationError(_("Points must be at least 1."))
    if points_per_participant > 50:
        raise ValidationError(_("At most 50 points per participant."))
    if max_points_per_proposal > points_per_participant:
        raise ValidationError(
            _("The maximum per proposal cannot exceed the points per participant.")
        )


def board_settings_update(
    *,
    board: Board,
    points_per_participant: int,
    max_points_per_proposal: int,
    live_totals: bool,
    columns: str | None = None,
) -> Board:
    """Change the points settings; while voting is open they would change the rules mid-vote."""
    if board.voting == VotingState.OPEN:
        raise ValidationError(_("Close the voting before changing its settings."))
    _check_points_settings(points_per_participant, max_points_per_proposal)
    board.points_per_participant = points_per_participant
    board.max_points_per_proposal = max_points_per_proposal
    board.live_totals = live_totals
    if columns is not None:
        board.columns = columns
    board.full_clean()
    board.save(
        update_fields=[
            "points_per_participant",
            "max_points_per_proposal",
            "live_totals",
            "columns",
        ]
    )
    return board


def board_open_voting(
    *,
    board: Board,
    points_per_participant: int,
    max_points_per_proposal: int,
    live_totals: bool,
    columns: str | None = None,
) -> Board:
    _check_points_settings(points_per_participant, max_points_per_proposal)
    with transaction.atomic():
        board = Board.objects.select_for_update().get(pk=board.pk)
        if board.voting == VotingState.OPEN:
            raise ValidationError(_("The voting is already open."))
        board.points_per_participant = points_per_participant
        board.max_points_per_proposal = max_points_per_proposal
        board.live_totals = live_totals
        if columns is not None:
            board.columns = columns
        board.voting = VotingState.OPEN
        board.opened_at = timezone.now()
        board.closed_at = None
        board.full_clean()
        board.save()
        # Reopened with other settings: members keep what they gave, and may give up to the
        # new number of points (never less than they already spent).
        Ballot.objects.filter(board=board).update(
            budget=Greatest(F("spent"), points_per_participant)
        )
    return board


def board_close_voting(*, board: Board) -> Board:
    with transaction.atomic():
        board = Board.objects.select_for_update().get(pk=board.pk)
        if board.voting != VotingState.OPEN:
            raise ValidationError(_("The voting is not open."))
        board.voting = VotingState.CLOSED
        board.closed_at = timezone.now()
        board.save(update_fields=["voting", "closed_at"])
    return board


def proposals_open(*, board: Board) -> Board:
    board.proposals_open = True
    board.save(update_fields=["proposals_open"])
    return board


def proposals_close(*, board: Board) -> Board:
    board.proposals_open = False
    board.save(update_fields=["proposals_open"])
    return board


@dataclass(frozen=True)
class VoteResult:
    points: int  # the member's points on the proposal now
    spent: int
    budget: int

    @property
    def remaining(self) -> int:
        return self.budget - self.spent


def _no_points_left() -> ValidationError:
    return ValidationError(_("You have no points left."))


def _too_many(limit: int) -> ValidationError:
    return ValidationError(_("At most %(limit)d points per proposal.") % {"limit": limit})


def dot_set(*, proposal: Proposal, user, points: int) -> VoteResult:
    """Set ``user``'s points on ``proposal`` (0 takes them back).

    The ballot row is locked, so one member's parallel requests queue up; and should anything
    slip past the checks here, the CHECK constraints on Ballot (spent <= budget) and Dot
    (points <= limit) refuse the write in the database itself.
    """
    if points < 0:
        raise ValidationError(_("Points cannot be negative."))
    return _dot_apply(proposal=proposal, user=user, target=lambda current: points)


def dot_change(*, proposal: Proposal, user, delta: int) -> VoteResult:
    """Give (``+1``) or take back (``-1``) one point: what the board's buttons do.

    The current points are read under the ballot's lock, so two quick clicks count twice.
    """

    def target(current: int) -> int:
        if current + delta < 0:
            raise ValidationError(_("You have no points on this proposal."))
        return current + delta

    return _dot_apply(proposal=proposal, user=user, target=target)


def _dot_apply(*, proposal: Proposal, user, target) -> VoteResult:
    with transaction.atomic():
        # Locked like the organiser's close does: no vote lands after the voting closed.
        board = Board.objects.select_for_update().get(pk=proposal.board_id)
        if board.voting != VotingState.OPEN:
            raise ValidationError(_("The voting is not open."))
        ballot, _created = Ballot.objects.get_or_create(
            board=board, user=user, defaults={"budget": board.points_per_participant}
        )
        ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
        dot = Dot.objects.filter(proposal=proposal, user=user).first()
        current = dot.points if dot else 0
        points = target(current)
        limit = max(dot.limit if dot else 0, board.max_points_per_proposal)
        if points > current and points > board.max_points_per_proposal:
            raise _too_many(board.max_points_per_proposal)
        delta = points - current
        if delta == 0:
            return VoteResult(points=points, spent=ballot.spent, budget=ballot.budget)
        if ballot.spent + delta > ballot.budget:
            raise _no_points_left()
        try:
            with transaction.atomic():
                Ballot.objects.filter(pk=ballot.pk).update(spent=F("spent") + delta)
                if points == 0:
                    dot.delete()
                elif dot is None:
                    Dot.objects.create(proposal=proposal, user=user, points=points, limit=limit)
                else:
                    # Stacking within the maximum valid when the dot was first given.
                    Dot.objects.filter(pk=dot.pk).update(points=points, limit=limit)
        except IntegrityError as error:
            if "within_limit" in str(error):
                raise _too_many(board.max_points_per_proposal) from error
            raise _no_points_left() from error
        ballot.refresh_from_db(fields=["spent", "budget"])
    return VoteResult(points=points, spent=ballot.spent, budget=ballot.budget)


def paper_points_set(*, board: Board, points: dict[int, int]) -> Board:
    """Enter the dots counted on the pin board at the workshop ("transfer from paper")."""
    proposals = {p.pk: p for p in Proposal.objects.filter(board=board, pk__in=list(points))}
    if set(points) - set(proposals):
        raise ValidationError(_("A proposal does not belong to this board."))
    for value in points.values():
        if not isinstance(value, int) or value < 0 or value > 10000:
            raise ValidationError(_("Enter a whole number between 0 and 10000."))
    with transaction.atomic():
        for pk, value in points.items():
            proposals[pk].paper_points = value
        Proposal.objects.bulk_update(list(proposals.values()), ["paper_points"])
        board.counted_on_paper = True
        board.save(update_fields=["counted_on_paper"])
    return board


__all__ = [
    "ProposalStatus",
    "VoteResult",
    "board_close_voting",
    "board_open_voting",
    "board_settings_update",
    "dot_change",
    "dot_set",
    "paper_points_set",
    "proposal_create",
    "proposal_update_status",
    "proposals_close",
    "proposals_open",
]
